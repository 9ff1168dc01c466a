/// A service's response, reduced to what the harness reads.
public struct ServiceResponse: Sendable, Hashable {
  /// The status code.
  public var status: Int
  /// The body.
  public var body: [UInt8]
  /// The `Content-Type` header field, if any.
  public var contentType: String?
  /// The `Date` header field as milliseconds since the epoch (a whole second: the field has
  /// second precision), when present and valid.
  public var date: Int64?
  /// How long `Retry-After` asks the client to wait, in milliseconds, when present and valid
  /// (delay seconds, or an HTTP date taken relative to ``date``).
  public var retryAfterMilliseconds: Int64?

  /// Creates a response.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - body: The body.
  ///   - contentType: The `Content-Type` field.
  ///   - date: The `Date` field in epoch milliseconds.
  ///   - retryAfterMilliseconds: The `Retry-After` wait in milliseconds.
  public init(
    status: Int, body: [UInt8] = [], contentType: String? = nil, date: Int64? = nil,
    retryAfterMilliseconds: Int64? = nil
  ) {
    self.status = status
    self.body = body
    self.contentType = contentType
    self.date = date
    self.retryAfterMilliseconds = retryAfterMilliseconds
  }
}
