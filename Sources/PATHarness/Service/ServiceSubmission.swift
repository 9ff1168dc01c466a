/// What came of sending one generated payload to a service.
public struct ServiceSubmission: Sendable {
  /// The response or why there was none.
  public enum Outcome: Sendable {
    /// A response (never 401, 403 or 429: the session handles those).
    case response(ServiceResponse)
    /// No complete response arrived.
    case failed(ServiceTransportError)
  }

  /// The response or why there was none.
  public var outcome: Outcome
  /// When the request that got this outcome was sent (monotonic nanoseconds); earlier
  /// attempts answered 429 do not count.
  public var sent: Int64
  /// When its response had arrived or the attempt failed (monotonic nanoseconds).
  public var received: Int64
  /// For a 2xx response, the body read as a `CreatePersonalAccessTokenResponse`, or how it
  /// breaks that schema; `nil` otherwise.
  public var creation: Result<ServiceCreatedToken, ServiceSchemaBreak>?
}
