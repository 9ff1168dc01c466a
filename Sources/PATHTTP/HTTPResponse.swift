/// An HTTP/1.1 response: what a server handler returns and what the client receives.
///
/// The server owns the framing headers: it writes `Content-Length`, `Connection` and `Date`
/// itself and drops any the handler set.
public struct HTTPResponse: Sendable {
  /// The status code, such as 200.
  public var status: Int
  /// The reason phrase; the standard one for the status unless a peer sent another.
  public var reason: String
  /// The header fields.
  public var headers: HTTPHeaders
  /// The body; empty when there is none.
  public var body: [UInt8]

  /// Creates a response with the standard reason phrase.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - headers: The header fields.
  ///   - body: The body.
  public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
    self.status = status
    self.reason = Self.reasonPhrase(for: status)
    self.headers = headers
    self.body = body
  }

  /// The body decoded as UTF-8 (invalid bytes replaced).
  public var bodyText: String {
    String(decoding: body, as: UTF8.self)
  }

  /// Whether a response with this status never has a body (1xx, 204 and 304).
  ///
  /// - Parameter status: The status code.
  /// - Returns: `true` when the status forbids a body.
  public static func statusForbidsBody(_ status: Int) -> Bool {
    (100..<200).contains(status) || status == 204 || status == 304
  }

  /// The standard reason phrase of a status code (RFC 9110), or `"Unknown"`.
  ///
  /// - Parameter status: The status code.
  /// - Returns: The reason phrase.
  public static func reasonPhrase(for status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 201: "Created"
    case 204: "No Content"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 411: "Length Required"
    case 413: "Content Too Large"
    case 414: "URI Too Long"
    case 415: "Unsupported Media Type"
    case 417: "Expectation Failed"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Unknown"
    }
  }
}
