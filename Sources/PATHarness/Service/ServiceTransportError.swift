/// Why a request to a service got no response.
public struct ServiceTransportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of failure.
  public enum Kind: String, Hashable, Sendable {
    /// No connection could be made (refused, unresolved, or the connect timeout passed).
    case cannotConnect
    /// The response did not arrive in time.
    case timedOut
    /// The service closed or reset the connection before the whole response arrived.
    case connectionClosed
    /// The bytes received are not an HTTP response, or one too large to accept.
    case malformedResponse
  }

  /// The kind of failure.
  public var kind: Kind
  /// What went wrong, for people.
  public var message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: The kind of failure.
  ///   - message: What went wrong.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
