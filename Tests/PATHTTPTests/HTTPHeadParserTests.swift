import Testing

@testable import PATHTTP

@Suite("HTTP head parsing")
struct HTTPHeadParserTests {
  private func request(_ text: String) throws(HTTPParseError) -> HTTPHeadParser.RequestHead {
    let bytes = Array(text.utf8)
    return try HTTPHeadParser.parseRequest(bytes[...])
  }

  @Test("a request head gives method, target, version and ordered headers")
  func requestHead() throws {
    let head = try request(
      "POST /v2025/x?owner-id=a%20b HTTP/1.1\r\nHost: h\r\nX-A:  1 \r\nx-a: 2\r\n\r\n")
    #expect(head.method == "POST")
    #expect(head.target == "/v2025/x?owner-id=a%20b")
    #expect(head.minorVersion == 1)
    #expect(head.headers.values("X-A") == ["1", "2"])
    #expect(head.headers["host"] == "h")
  }

  @Test(
    "malformed request heads are refused with the right status",
    arguments: [
      ("GET / HTTP/1.1\r\n\r\n", 400, HTTPParseError.missingHost),
      ("GET /  HTTP/1.1\r\nHost: h\r\n\r\n", 400, .malformedRequestLine),
      ("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400, .malformedTarget),
      ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505, .unsupportedVersion("HTTP/2.0")),
      ("GET / HTCPCP/1.0\r\nHost: h\r\n\r\n", 400, .malformedRequestLine),
      ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400, .obsoleteLineFolding),
      ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400, .malformedHeader("Host : h")),
      ("GET / HTTP/1.1\nHost: h\r\n\r\n", 400, .malformedHeader("GET / HTTP/1.1")),
    ] as [(String, Int, HTTPParseError)])
  func malformed(text: String, status: Int, error: HTTPParseError) {
    #expect(throws: error) { try request(text) }
    #expect(error.status == status)
  }

  @Test("HTTP/1.0 needs no Host")
  func http10() throws {
    #expect(try request("GET / HTTP/1.0\r\n\r\n").minorVersion == 0)
  }

  @Test(
    "Content-Length must be digits, and repeated values must agree",
    arguments: [
      (["12"], 12), (["0"], 0), (["7, 7"], 7), (["7", "7"], 7),
    ] as [([String], Int)])
  func contentLength(values: [String], length: Int) throws {
    let headers = HTTPHeaders(values.map { ("Content-Length", $0) })
    #expect(try HTTPHeadParser.contentLength(headers) == length)
  }

  @Test(
    "bad Content-Length values are refused", arguments: ["-1", "+1", "1 2", "0x10", "", "7, 8"])
  func badContentLength(value: String) {
    #expect(throws: HTTPParseError.self) {
      try HTTPHeadParser.contentLength(["Content-Length": value])
    }
  }

  @Test("a response head gives status and reason")
  func responseHead() throws {
    let bytes = Array("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\n\r\n".utf8)
    let head = try HTTPHeadParser.parseResponse(bytes[...])
    #expect(head.status == 429)
    #expect(head.reason == "Too Many Requests")
    #expect(head.headers["retry-after"] == "3")
  }

  @Test("the end of a head is the first empty line")
  func endOfHead() {
    let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\nBODY".utf8)
    #expect(HTTPHeadParser.endOfHead(in: bytes) == bytes.count - 4)
    #expect(HTTPHeadParser.endOfHead(in: Array(bytes.prefix(20))) == nil)
  }

  @Test("query items are percent-decoded")
  func queryItems() {
    let request = HTTPRequest(method: "GET", target: "/p?owner-id=a%20b&x&y=%zz")
    #expect(request.path == "/p")
    #expect(request.queryValue("owner-id") == "a b")
    #expect(request.queryValue("x") == "")
    #expect(request.queryValue("y") == "%zz")
    #expect(request.queryValue("z") == nil)
  }
}
