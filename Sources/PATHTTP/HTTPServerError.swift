/// Why an ``HTTPServer`` could not start: the stable public face of the socket errors.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
  /// The kind of failure, stable across versions.
  public enum Kind: Sendable, Equatable {
    /// The host did not resolve to an address.
    case addressUnresolved
    /// No resolved address could be bound and listened on (in use, not permitted, ...).
    case cannotListen
  }

  /// The kind of failure.
  public var kind: Kind
  /// What went wrong, for people, with the system's reason.
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

  /// Maps a detailed socket error met while opening the listening socket.
  init(_ error: SocketError, host: String, port: Int) {
    switch error {
    case .unresolved:
      self.init(kind: .addressUnresolved, message: error.description)
    default:
      self.init(kind: .cannotListen, message: "cannot listen on \(host):\(port): \(error)")
    }
  }

  public var description: String { message }
}
