extension HTTPResponse {
  /// The header fields the server writes itself and drops from a handler's response.
  static let framingFields = ["Content-Length", "Transfer-Encoding", "Connection", "Date"]

  /// The bytes of the response as the server sends it, with its own framing fields.
  ///
  /// - Parameters:
  ///   - date: The `Date` header value, or `nil` for none.
  ///   - keepAlive: Whether the connection stays open (else `Connection: close` is sent).
  ///   - requestMinorVersion: The request's `HTTP/1.x` minor version; 1.0 clients are told
  ///     `Connection: keep-alive` explicitly.
  ///   - headRequest: Whether the request was `HEAD` (then the body is not sent).
  /// - Returns: The status line, header fields, empty line and body.
  func serialized(date: String?, keepAlive: Bool, requestMinorVersion: Int, headRequest: Bool)
    -> [UInt8]
  {
    var text = "HTTP/1.1 \(status) \(reason)\r\n"
    for field in headers
    where !Self.framingFields.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
      text += "\(field.name): \(Self.sanitized(field.value))\r\n"
    }
    if let date { text += "Date: \(date)\r\n" }
    let hasBody = !Self.statusForbidsBody(status)
    if hasBody { text += "Content-Length: \(body.count)\r\n" }
    if !keepAlive {
      text += "Connection: close\r\n"
    } else if requestMinorVersion == 0 {
      text += "Connection: keep-alive\r\n"
    }
    text += "\r\n"
    var bytes = Array(text.utf8)
    if hasBody && !headRequest { bytes.append(contentsOf: body) }
    return bytes
  }

  /// A field value with any CR, LF or NUL replaced by a space, so it cannot split the head.
  private static func sanitized(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
      return value
    }
    return String(
      decoding: value.utf8.map { $0 == 0x0D || $0 == 0x0A || $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
  }
}
