import Dispatch
import Foundation
import Testing

@testable import PATHTTP

@Suite("HTTP client")
struct HTTPClientTests {
  /// Serves one connection with canned response bytes, after reading one request head.
  private func withCannedServer(
    _ response: String, _ body: (Int) throws -> Void
  ) throws {
    let listener = try Socket.listening(host: "127.0.0.1", port: 0, backlog: 4)
    let done = DispatchSemaphore(value: 0)
    Thread {
      defer { done.signal() }
      guard
        listener.poll(events: 1, deadline: MonotonicClock.milliseconds() + 5_000, wake: nil)
          == .ready, let connection = listener.accept()
      else { return }
      var received: [UInt8] = []
      let deadline = MonotonicClock.milliseconds() + 5_000
      while HTTPHeadParser.endOfHead(in: received) == nil,
        case .read = try? connection.read(into: &received, deadline: deadline, wake: nil)
      {}
      try? connection.write(Array(response.utf8))
      connection.close()
    }.start()
    try body(listener.localPort)
    done.wait()
  }

  @Test("a chunked response is decoded, extensions and trailers dropped")
  func chunked() throws {
    try withCannedServer(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n"
    ) { port in
      let response = try HTTPClient(host: "127.0.0.1", port: port).get("/")
      #expect(response.bodyText == "hello world")
    }
  }

  @Test("a response without length ends at connection close")
  func untilClose() throws {
    try withCannedServer("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it") { port in
      let response = try HTTPClient(host: "127.0.0.1", port: port).get("/")
      #expect(response.status == 200)
      #expect(response.reason == "OK")
      #expect(response.bodyText == "all of it")
    }
  }

  @Test(
    "broken responses are malformedResponse or connectionClosed errors",
    arguments: [
      ("HTTP/1.1 20 OK\r\n\r\n", HTTPClientError.Kind.malformedResponse),
      ("SPDY/3 200 OK\r\n\r\n", .malformedResponse),
      ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", .connectionClosed),
      ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformedResponse),
      ("", .connectionClosed),
    ])
  func broken(response: String, kind: HTTPClientError.Kind) throws {
    try withCannedServer(response) { port in
      let error = #expect(throws: HTTPClientError.self) {
        try HTTPClient(host: "127.0.0.1", port: port).get("/")
      }
      #expect(error?.kind == kind)
    }
  }

  @Test("a silent server is a timeout")
  func timeout() throws {
    let listener = try Socket.listening(host: "127.0.0.1", port: 0, backlog: 4)
    var configuration = HTTPClient.Configuration()
    configuration.requestTimeoutMilliseconds = 30
    let client = HTTPClient(
      host: "127.0.0.1", port: listener.localPort, configuration: configuration)
    let error = #expect(throws: HTTPClientError.self) { try client.get("/") }
    #expect(error?.kind == .timedOut)
  }

  @Test("nothing listening is cannotConnect")
  func refused() throws {
    let port = try withServer { $0.port }
    let error = #expect(throws: HTTPClientError.self) {
      try HTTPClient(host: "127.0.0.1", port: port).get("/")
    }
    #expect(error?.kind == .cannotConnect)
  }

  @Test("a connection the server closed while idle is reopened transparently")
  func reconnect() throws {
    try withServer(configure: { $0.idleTimeoutMilliseconds = 10 }) { server throws in
      let client = HTTPClient(host: "127.0.0.1", port: server.port)
      #expect(try client.post("/1", body: [0x61]).status == 200)
      #expect(eventually { server.openConnections == 0 })
      let response = try client.post("/2", body: [0x62])
      #expect(response.bodyText == "POST /2\nb")
      #expect(client.connectionsOpened == 2)
    }
  }

  @Test("URLs: http only, default port 80, IPv6 in brackets, a base path")
  func urls() throws {
    let plain = try HTTPClient(url: "http://example.test")
    #expect(plain.host == "example.test")
    #expect(plain.port == 80)
    #expect(plain.basePath == "")
    let full = try HTTPClient(url: "http://[::1]:8080/api/")
    #expect(full.host == "::1")
    #expect(full.port == 8080)
    #expect(full.basePath == "/api")
    for bad in [
      "https://h", "h:80", "http://", "http://h:0", "http://h:x", "http://u@h", "http://h/?q",
    ] {
      let error = #expect(throws: HTTPClientError.self) { try HTTPClient(url: bad) }
      #expect(error?.kind == .invalidURL, "\(bad)")
    }
  }

  @Test("the base path is put before every target, and Host names the origin")
  func basePath() throws {
    try withServer(handler: { request in
      HTTPResponse(status: 200, body: Array("\(request.target) \(request.headers["Host"]!)".utf8))
    }) { server throws in
      let client = try HTTPClient(url: "http://127.0.0.1:\(server.port)/api")
      #expect(try client.get("/x?y=1").bodyText == "/api/x?y=1 127.0.0.1:\(server.port)")
    }
  }
}
