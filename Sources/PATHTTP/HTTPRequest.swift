/// An HTTP/1.1 request: what the server hands to its handler and what the client sends.
public struct HTTPRequest: Sendable {
  /// The method, such as `GET` or `POST` (case-sensitive, as HTTP says).
  public var method: String
  /// The request target in origin form: a path starting with `/`, and maybe `?query`.
  public var target: String
  /// The header fields.
  public var headers: HTTPHeaders
  /// The body; empty when there is none.
  public var body: [UInt8]
  /// The minor version of `HTTP/1.x` the request was received with (0 or 1).
  public var minorVersion: Int

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - method: The method.
  ///   - target: The path and optional query, starting with `/`.
  ///   - headers: The header fields; the client adds `Host` and `Content-Length`.
  ///   - body: The body.
  public init(
    method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []
  ) {
    self.method = method
    self.target = target
    self.headers = headers
    self.body = body
    self.minorVersion = 1
  }

  /// The path: the target up to `?`, not percent-decoded.
  public var path: String {
    String(decoding: target.utf8.prefix { $0 != UInt8(ascii: "?") }, as: UTF8.self)
  }

  /// The query items after `?`, names and values percent-decoded (`+` stays `+`).
  public var queryItems: [(name: String, value: String)] {
    guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return [] }
    let query = target.utf8[target.utf8.index(after: mark)...]
    return query.split(separator: UInt8(ascii: "&")).map { pair in
      let parts = pair.split(
        separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      return (
        name: Self.percentDecoded(parts[0]),
        value: parts.count > 1 ? Self.percentDecoded(parts[1]) : ""
      )
    }
  }

  /// The value of the first query item with a name.
  ///
  /// - Parameter name: The item name, after percent-decoding.
  /// - Returns: The decoded value, or `nil` when there is no such item.
  public func queryValue(_ name: String) -> String? {
    queryItems.first { $0.name == name }?.value
  }

  /// Whether the client asked to keep the connection open after this request: HTTP/1.1
  /// without `Connection: close`, or HTTP/1.0 with `Connection: keep-alive`.
  public var wantsKeepAlive: Bool {
    if minorVersion == 0 { return headers.containsToken("Connection", "keep-alive") }
    return !headers.containsToken("Connection", "close")
  }

  private static func percentDecoded(_ bytes: some Collection<UInt8>) -> String {
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
        let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
      } else {
        output.append(input[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
