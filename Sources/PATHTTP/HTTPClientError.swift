/// Why an ``HTTPClient`` request got no response: the stable public face of the socket and
/// parse errors behind it.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure, stable across versions.
  public enum Kind: Sendable, Equatable {
    /// The URL is not `http://host[:port][/path]`.
    case invalidURL
    /// No connection could be made (refused, unresolved, or the connect timeout passed).
    case cannotConnect
    /// The response did not arrive before the request timeout.
    case timedOut
    /// The server closed or reset the connection before the whole response arrived.
    case connectionClosed
    /// The bytes received are not an HTTP/1.x response.
    case malformedResponse
    /// The response head or body is larger than the client accepts.
    case responseTooLarge
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
