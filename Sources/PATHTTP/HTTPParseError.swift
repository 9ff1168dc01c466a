/// Why bytes are not an acceptable HTTP/1.1 message head, in detail. Internal: the server maps
/// it to a status code (``status``) and the client to ``HTTPClientError``.
enum HTTPParseError: Error, Equatable, CustomStringConvertible {
  /// The request line is not `method SP target SP HTTP/1.x`.
  case malformedRequestLine
  /// The request target is not in origin form (a path starting with `/`).
  case malformedTarget
  /// The version is `HTTP/x.y` but not 1.0 or 1.1.
  case unsupportedVersion(String)
  /// The status line is not `HTTP/1.x SP 3DIGIT SP reason`.
  case malformedStatusLine
  /// A header line has no colon, a bad name, or forbidden bytes in its value.
  case malformedHeader(String)
  /// A header line starts with whitespace (obsolete line folding).
  case obsoleteLineFolding
  /// `Content-Length` is not a decimal number, or repeated with different values.
  case invalidContentLength(String)
  /// An HTTP/1.1 request without a `Host` header.
  case missingHost
  /// A chunked body's framing is broken.
  case malformedChunk

  /// The status a server answers with.
  var status: Int {
    switch self {
    case .unsupportedVersion: 505
    default: 400
    }
  }

  var description: String {
    switch self {
    case .malformedRequestLine: "malformed request line"
    case .malformedTarget: "the request target must be a path starting with '/'"
    case .unsupportedVersion(let version): "unsupported HTTP version '\(version)'"
    case .malformedStatusLine: "malformed status line"
    case .malformedHeader(let line): "malformed header line '\(line.prefix(80))'"
    case .obsoleteLineFolding: "obsolete line folding in the header section"
    case .invalidContentLength(let value): "invalid Content-Length '\(value.prefix(80))'"
    case .missingHost: "an HTTP/1.1 request needs a Host header"
    case .malformedChunk: "malformed chunked body"
    }
  }
}
