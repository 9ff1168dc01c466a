import Glibc

/// What went wrong in a socket call, in detail: the call and its `errno`, a timeout, or an
/// address that did not resolve. Internal: the server and client map it to their public errors.
enum SocketError: Error, CustomStringConvertible {
  /// A system call failed with an `errno` value.
  case system(operation: String, code: Int32)
  /// The deadline passed before the operation finished.
  case timedOut(operation: String)
  /// `getaddrinfo` could not resolve a host.
  case unresolved(host: String, port: Int, code: Int32)

  /// Creates the error for the system call that just failed, from the current `errno`.
  ///
  /// - Parameter operation: The name of the call, such as `bind`.
  /// - Returns: The error.
  static func lastError(_ operation: String) -> SocketError {
    .system(operation: operation, code: errno)
  }

  var description: String {
    switch self {
    case .system(let operation, let code):
      "\(operation): \(String(cString: strerror(code)))"
    case .timedOut(let operation):
      "\(operation): timed out"
    case .unresolved(let host, let port, let code):
      "cannot resolve \(host):\(port): \(String(cString: gai_strerror(code)))"
    }
  }
}
