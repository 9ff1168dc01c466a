/// Parses the head of an HTTP/1.x message (start line and header fields), strictly: lines end
/// with CRLF, field names are tokens, values hold no control characters but tab, and obsolete
/// line folding is refused (RFC 9112).
enum HTTPHeadParser {
  /// A parsed request head.
  struct RequestHead {
    var method: String
    var target: String
    var minorVersion: Int
    var headers: HTTPHeaders
  }

  /// A parsed response head.
  struct ResponseHead {
    var minorVersion: Int
    var status: Int
    var reason: String
    var headers: HTTPHeaders
  }

  private static let carriageReturn = UInt8(ascii: "\r")
  private static let lineFeed = UInt8(ascii: "\n")

  /// Finds the empty line that ends a head.
  ///
  /// - Parameters:
  ///   - bytes: The bytes received so far.
  ///   - start: Where to start looking (bytes before it are known not to end the head).
  /// - Returns: The index just after the `CRLF CRLF`, or `nil` when it has not arrived.
  static func endOfHead(in bytes: [UInt8], from start: Int = 0) -> Int? {
    var index = max(0, start)
    while index + 3 < bytes.count {
      if bytes[index] == carriageReturn, bytes[index + 1] == lineFeed,
        bytes[index + 2] == carriageReturn, bytes[index + 3] == lineFeed
      {
        return index + 4
      }
      index += 1
    }
    return nil
  }

  /// Parses a request head.
  ///
  /// - Parameter head: The bytes of the head, through its final `CRLF CRLF`.
  /// - Returns: The method, target, version and headers.
  /// - Throws: ``HTTPParseError`` for anything malformed.
  static func parseRequest(_ head: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestHead {
    var lines = try splitLines(head)
    guard !lines.isEmpty else { throw .malformedRequestLine }
    let requestLine = lines.removeFirst()
    let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
    guard parts.count == 3, isToken(parts[0]) else { throw .malformedRequestLine }
    let minorVersion = try version(parts[2], malformed: .malformedRequestLine)
    let target = parts[1]
    guard target.first == UInt8(ascii: "/"), target.allSatisfy({ (0x21...0x7E).contains($0) })
    else { throw .malformedTarget }
    let headers = try parseFields(lines)
    if minorVersion == 1, !headers.contains("Host") { throw .missingHost }
    return RequestHead(
      method: String(decoding: parts[0], as: UTF8.self),
      target: String(decoding: target, as: UTF8.self), minorVersion: minorVersion,
      headers: headers)
  }

  /// Parses a response head.
  ///
  /// - Parameter head: The bytes of the head, through its final `CRLF CRLF`.
  /// - Returns: The version, status, reason and headers.
  /// - Throws: ``HTTPParseError`` for anything malformed.
  static func parseResponse(_ head: ArraySlice<UInt8>) throws(HTTPParseError) -> ResponseHead {
    var lines = try splitLines(head)
    guard !lines.isEmpty else { throw .malformedStatusLine }
    let statusLine = lines.removeFirst()
    let parts = statusLine.split(
      separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[1].count == 3,
      parts[1].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let status = Int(String(decoding: parts[1], as: UTF8.self))
    else { throw .malformedStatusLine }
    let minorVersion = try version(parts[0], malformed: .malformedStatusLine)
    return ResponseHead(
      minorVersion: minorVersion, status: status,
      reason: parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : "",
      headers: try parseFields(lines))
  }

  /// The body length a `Content-Length` field gives, if there is one.
  ///
  /// - Parameter headers: The header fields.
  /// - Returns: The length, or `nil` when there is no `Content-Length`.
  /// - Throws: ``HTTPParseError/invalidContentLength(_:)`` for a value that is not decimal
  ///   digits, too large, or repeated with different values.
  static func contentLength(_ headers: HTTPHeaders) throws(HTTPParseError) -> Int? {
    let values = headers.values("Content-Length").flatMap {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    guard !values.isEmpty else { return nil }
    var length: Int?
    for value in values {
      let text = String(value).trimmingHTTPWhitespace
      guard !text.isEmpty, text.utf8.count <= 18,
        text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
        let number = Int(text), length == nil || length == number
      else { throw .invalidContentLength(String(value)) }
      length = number
    }
    return length
  }

  private static func version(_ bytes: ArraySlice<UInt8>, malformed: HTTPParseError)
    throws(HTTPParseError) -> Int
  {
    let text = String(decoding: bytes, as: UTF8.self)
    switch text {
    case "HTTP/1.1": return 1
    case "HTTP/1.0": return 0
    default:
      let utf8 = Array(text.utf8)
      if utf8.count == 8, text.hasPrefix("HTTP/"), utf8[6] == UInt8(ascii: "."),
        [utf8[5], utf8[7]].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
      {
        throw .unsupportedVersion(text)
      }
      throw malformed
    }
  }

  /// Splits a head into its lines (without CRLF), dropping the final empty line.
  private static func splitLines(_ head: ArraySlice<UInt8>) throws(HTTPParseError)
    -> [ArraySlice<UInt8>]
  {
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = head.startIndex
    var index = head.startIndex
    while index < head.endIndex {
      if head[index] == lineFeed {
        guard index > lineStart, head[index - 1] == carriageReturn else {
          throw .malformedHeader(String(decoding: head[lineStart..<index], as: UTF8.self))
        }
        lines.append(head[lineStart..<index - 1])
        lineStart = index + 1
      }
      index += 1
    }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return lines
  }

  private static func parseFields(_ lines: [ArraySlice<UInt8>]) throws(HTTPParseError)
    -> HTTPHeaders
  {
    var headers = HTTPHeaders()
    for line in lines {
      if line.first == 0x20 || line.first == 0x09 { throw .obsoleteLineFolding }
      let text = String(decoding: line, as: UTF8.self)
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
        isToken(line[line.startIndex..<colon]),
        line[(colon + 1)...].allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) })
      else { throw .malformedHeader(text) }
      headers.add(
        String(decoding: line[line.startIndex..<colon], as: UTF8.self),
        String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingHTTPWhitespace)
    }
    return headers
  }

  /// Whether bytes are a non-empty HTTP token (`tchar`s).
  private static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
    !bytes.isEmpty
      && bytes.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "A")...UInt8(ascii: "Z"):
          true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
      }
  }
}
