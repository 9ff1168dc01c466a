import Dispatch
import Foundation
import Synchronization
import Testing

@testable import PATHTTP

@Suite("HTTP server")
struct HTTPServerTests {
  @Test("several requests share one kept-alive connection, each with a Date header")
  func keepAlive() throws {
    try withServer { server throws in
      let client = HTTPClient(host: "127.0.0.1", port: server.port)
      for index in 0..<5 {
        let response = try client.post("/echo/\(index)", body: Array("body \(index)".utf8))
        #expect(response.status == 200)
        #expect(response.bodyText == "POST /echo/\(index)\nbody \(index)")
        #expect(response.headers["Date"] == "Mon, 15 Jun 2026 12:34:56 GMT")
        #expect(response.headers["Content-Length"] == String(response.body.count))
        #expect(response.headers["Connection"] == nil)
      }
      #expect(client.connectionsOpened == 1)
      #expect(server.connectionsAccepted == 1)
    }
  }

  @Test("pipelined requests are answered in order")
  func pipelining() throws {
    try withServer { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send(
        "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
          + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi"
          + "GET /c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
      let text = try raw.readToEnd()
      let bodies = ["GET /a\n", "POST /b\nhi", "GET /c\n"]
      var position = text.startIndex
      for body in bodies {
        let range = try #require(text.range(of: body, range: position..<text.endIndex))
        position = range.upperBound
      }
      #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 4)
      #expect(text.contains("Connection: close"))
    }
  }

  @Test("an HTTP/1.0 client keeps the connection only when it asks")
  func http10() throws {
    try withServer { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
      #expect(try raw.read(until: "GET /a\n").contains("Connection: keep-alive"))
      try raw.send("GET /b HTTP/1.0\r\n\r\n")
      #expect(try raw.readToEnd().contains("Connection: close\r\n\r\nGET /b\n"))
    }
  }

  @Test(
    "requests the server cannot take are answered and the connection closed",
    arguments: [
      ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 17\r\n\r\n", "413 Content Too Large"),
      ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", "411 Length Required"),
      (
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n",
        "400 Bad Request"
      ),
      ("GET / HTTP/1.1\r\n\r\n", "400 Bad Request"),
      ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", "505 HTTP Version Not Supported"),
      ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n", "400 Bad Request"),
      ("GET / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\n\r\n", "417 Expectation Failed"),
      ("GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\n", "414 URI Too Long"),
      (
        "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 300) + "\r\n\r\n",
        "431 Request Header Fields Too Large"
      ),
    ])
  func refused(request: String, statusLine: String) throws {
    try withServer(configure: {
      $0.maximumBodyBytes = 16
      $0.maximumHeadBytes = 256
    }) { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send(request)
      let text = try raw.readToEnd()
      #expect(text.hasPrefix("HTTP/1.1 \(statusLine)\r\n"), "\(text)")
      #expect(text.contains("Connection: close\r\n"))
      #expect(text.contains("Date: Mon, 15 Jun 2026 12:34:56 GMT\r\n"))
    }
  }

  @Test("a body within the limit is accepted; one byte over is 413 through the client")
  func bodyLimit() throws {
    try withServer(configure: { $0.maximumBodyBytes = 16 }) { server throws in
      let client = HTTPClient(host: "127.0.0.1", port: server.port)
      #expect(try client.post("/", body: Array(repeating: 0x61, count: 16)).status == 200)
      let refused = try client.post("/", body: Array(repeating: 0x61, count: 17))
      #expect(refused.status == 413)
      #expect(refused.bodyText.contains("at most 16"))
      #expect(try client.get("/again").status == 200)
      #expect(client.connectionsOpened == 2)
    }
  }

  @Test("Expect: 100-continue gets an interim response before the body is sent")
  func expectContinue() throws {
    try withServer { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send(
        "POST /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
      #expect(try raw.read(until: "\r\n\r\n") == "HTTP/1.1 100 Continue\r\n\r\n")
      try raw.send("abcGET /y HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
      let text = try raw.readToEnd()
      #expect(text.contains("POST /x\nabc"))
      #expect(text.hasSuffix("GET /y\n"))
    }
  }

  @Test("an idle kept-alive connection is closed after the idle timeout")
  func idleTimeout() throws {
    try withServer(configure: { $0.idleTimeoutMilliseconds = 20 }) { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n")
      #expect(try raw.isClosedByPeer())
      #expect(String(decoding: raw.received, as: UTF8.self).hasSuffix("GET /a\n"))
    }
  }

  @Test("a request that stalls halfway is answered 408")
  func requestTimeout() throws {
    try withServer(configure: { $0.requestTimeoutMilliseconds = 250 }) { server throws in
      var raw = try RawConnection(port: server.port)
      try raw.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")
      #expect(try raw.readToEnd().hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
    }
  }

  @Test("connections over the limit are answered 503 with Retry-After")
  func connectionLimit() throws {
    try withServer(configure: { $0.maximumConnections = 1 }) { server throws in
      let first = HTTPClient(host: "127.0.0.1", port: server.port)
      #expect(try first.get("/a").status == 200)
      let second = HTTPClient(host: "127.0.0.1", port: server.port)
      let refused = try second.get("/b")
      #expect(refused.status == 503)
      #expect(refused.headers["Retry-After"] == "1")
      #expect(refused.headers["Connection"] == "close")
      first.close()
      #expect(eventually { server.openConnections == 0 })
      #expect(try second.get("/c").status == 200)
    }
  }

  @Test("shutdown lets a request in flight finish, closes idle connections and stops accepting")
  func shutdown() throws {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    var configuration = HTTPServer.Configuration()
    configuration.dateClock = nil
    let server = try HTTPServer.start(configuration: configuration) { request in
      if request.path == "/slow" {
        entered.signal()
        release.wait()
      }
      return echo(request)
    }
    let idle = HTTPClient(host: "127.0.0.1", port: server.port)
    #expect(try idle.get("/fast").headers["Date"] == nil)
    let busy = HTTPClient(host: "127.0.0.1", port: server.port)
    let slowResponse = Mutex<HTTPResponse?>(nil)
    let finished = DispatchSemaphore(value: 0)
    Thread {
      let response = try? busy.get("/slow")
      slowResponse.withLock { $0 = response }
      finished.signal()
    }.start()
    entered.wait()
    server.shutdown()
    #expect(eventually { server.openConnections == 1 })
    release.signal()
    finished.wait()
    server.wait()
    let response = try #require(slowResponse.withLock { $0 })
    #expect(response.status == 200)
    #expect(response.headers["Connection"] == "close")
    #expect(server.openConnections == 0)
    #expect(throws: HTTPClientError.self) { try idle.get("/after") }
  }

  @Test("an address that cannot be bound is a cannotListen error")
  func bindFailure() throws {
    try withServer { server throws in
      var configuration = HTTPServer.Configuration()
      configuration.port = server.port
      let error = #expect(throws: HTTPServerError.self) {
        try HTTPServer.start(configuration: configuration, handler: echo)
      }
      #expect(error?.kind == .cannotListen)
      #expect(error?.message.contains("Address already in use") == true)
    }
  }
}
