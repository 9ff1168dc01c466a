/// One server connection: reads requests, hands them to the handler, writes the responses,
/// until the client closes, a timeout passes, an error ends it, or the server shuts down.
struct HTTPServerConnection {
  /// What reading the next request produced.
  private enum Next {
    /// A whole request.
    case request(HTTPRequest)
    /// Nothing to answer: the client closed, went idle too long, or the server is stopping.
    case close
    /// A request the server answers itself, then closes the connection.
    case reject(status: Int, message: String)
  }

  let socket: Socket
  let configuration: HTTPServer.Configuration
  let handler: @Sendable (HTTPRequest) -> HTTPResponse
  let stopping: WakeSignal
  /// Bytes received and not yet consumed (the start of a pipelined next request, say).
  private var buffer: [UInt8] = []
  /// How many requests have been answered on this connection.
  private var answered = 0

  /// Creates a connection.
  ///
  /// - Parameters:
  ///   - socket: The accepted socket.
  ///   - configuration: The server's limits and timeouts.
  ///   - handler: Answers each request.
  ///   - stopping: Fired when the server shuts down.
  init(
    socket: Socket, configuration: HTTPServer.Configuration,
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse, stopping: WakeSignal
  ) {
    self.socket = socket
    self.configuration = configuration
    self.handler = handler
    self.stopping = stopping
  }

  /// Serves requests until the connection ends, then closes the socket.
  mutating func run() {
    socket.setSendTimeout(milliseconds: configuration.requestTimeoutMilliseconds)
    defer { socket.close() }
    while true {
      switch readRequest() {
      case .close:
        return
      case .reject(let status, let message):
        let response = configuration.errorResponse(status, message)
        if send(response, keepAlive: false, minorVersion: 1, headRequest: false) {
          Self.closeAfterDraining(socket)
        }
        return
      case .request(let request):
        let response = handler(request)
        answered += 1
        let keepAlive =
          request.wantsKeepAlive && !stopping.hasFired
          && !response.headers.containsToken("Connection", "close")
        let sent = send(
          response, keepAlive: keepAlive, minorVersion: request.minorVersion,
          headRequest: request.method == "HEAD")
        guard sent else { return }
        if !keepAlive {
          Self.closeAfterDraining(socket)
          return
        }
      }
    }
  }

  /// Answers a connection over the connection limit with 503, after reading its request
  /// head for a short while so the answer is not lost to a reset.
  ///
  /// - Parameters:
  ///   - socket: The accepted socket.
  ///   - configuration: The server's configuration.
  ///   - limit: The connection limit, for the message.
  static func rejectOverCapacity(
    socket: Socket, configuration: HTTPServer.Configuration, limit: Int
  ) {
    defer { socket.close() }
    socket.setSendTimeout(milliseconds: 1000)
    var received: [UInt8] = []
    let deadline = MonotonicClock.milliseconds() + 1000
    while HTTPHeadParser.endOfHead(in: received) == nil,
      received.count < configuration.maximumHeadBytes,
      case .read = try? socket.read(into: &received, deadline: deadline, wake: nil)
    {}
    var response = configuration.errorResponse(
      503, "the server is serving its limit of \(limit) connections; retry later")
    response.headers.set("Retry-After", "1")
    let date = configuration.dateClock.map { HTTPDate.format(millisecondsSinceEpoch: $0()) }
    let bytes = response.serialized(
      date: date, keepAlive: false, requestMinorVersion: 1, headRequest: false)
    guard (try? socket.write(bytes)) != nil else { return }
    closeAfterDraining(socket)
  }

  private func now() -> Int64 { MonotonicClock.milliseconds() }

  private mutating func readRequest() -> Next {
    // A new connection gets the request timeout for its first byte (the client connected to
    // send something); a kept-alive one, the idle timeout.
    let firstByteWait =
      answered == 0
      ? configuration.requestTimeoutMilliseconds : configuration.idleTimeoutMilliseconds
    var deadline = now() + Int64(firstByteWait)
    var started = false
    var searchFrom = 0
    var headEnd = 0
    while true {
      while buffer.count >= 2, buffer[0] == 0x0D, buffer[1] == 0x0A {
        buffer.removeFirst(2)  // empty lines before a request line are ignored (RFC 9112)
        searchFrom = 0
      }
      if !started, !buffer.isEmpty {
        started = true
        deadline = now() + Int64(configuration.requestTimeoutMilliseconds)
      }
      if let end = HTTPHeadParser.endOfHead(in: buffer, from: searchFrom) {
        headEnd = end
        break
      }
      searchFrom = max(0, buffer.count - 3)
      if buffer.count > configuration.maximumHeadBytes {
        return headTooLarge()
      }
      let outcome = try? socket.read(
        into: &buffer, deadline: deadline, wake: started ? nil : stopping.descriptor)
      switch outcome {
      case .read: continue
      case .timedOut:
        guard started else { return .close }
        return .reject(status: 408, message: "the request did not arrive in time")
      case .endOfStream, .woken, nil: return .close
      }
    }
    if headEnd > configuration.maximumHeadBytes { return headTooLarge() }
    return readBody(headEnd: headEnd, deadline: deadline)
  }

  private func headTooLarge() -> Next {
    let limit = configuration.maximumHeadBytes
    if !buffer.prefix(limit).contains(0x0A) {
      return .reject(status: 414, message: "the request line is longer than \(limit) bytes")
    }
    return .reject(
      status: 431, message: "the request line and header fields exceed \(limit) bytes")
  }

  private mutating func readBody(headEnd: Int, deadline: Int64) -> Next {
    let head: HTTPHeadParser.RequestHead
    let declaredLength: Int?
    do {
      head = try HTTPHeadParser.parseRequest(buffer[..<headEnd])
      declaredLength = try HTTPHeadParser.contentLength(head.headers)
    } catch {
      return .reject(status: error.status, message: error.description)
    }
    if head.headers.contains("Transfer-Encoding") {
      if declaredLength != nil {
        return .reject(
          status: 400, message: "a request cannot have both Transfer-Encoding and Content-Length")
      }
      return .reject(
        status: 411,
        message:
          "Transfer-Encoding (chunked) request bodies are not supported; send a Content-Length")
    }
    let length = declaredLength ?? 0
    if length > configuration.maximumBodyBytes {
      return .reject(
        status: 413,
        message:
          "the body is \(length) bytes; at most \(configuration.maximumBodyBytes) are accepted")
    }
    if let expectation = head.headers["Expect"] {
      guard HTTPHeaders.sameName(expectation, "100-continue") else {
        return .reject(status: 417, message: "only 'Expect: 100-continue' is supported")
      }
      if head.minorVersion == 1, buffer.count - headEnd < length {
        guard (try? socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))) != nil else {
          return .close
        }
      }
    }
    while buffer.count - headEnd < length {
      switch try? socket.read(into: &buffer, deadline: deadline, wake: nil) {
      case .read: continue
      case .timedOut: return .reject(status: 408, message: "the body did not arrive in time")
      case .endOfStream, .woken, nil: return .close
      }
    }
    var request = HTTPRequest(
      method: head.method, target: head.target, headers: head.headers,
      body: Array(buffer[headEnd..<headEnd + length]))
    request.minorVersion = head.minorVersion
    buffer.removeFirst(headEnd + length)
    return .request(request)
  }

  private func send(
    _ response: HTTPResponse, keepAlive: Bool, minorVersion: Int, headRequest: Bool
  ) -> Bool {
    let date = configuration.dateClock.map { HTTPDate.format(millisecondsSinceEpoch: $0()) }
    let bytes = response.serialized(
      date: date, keepAlive: keepAlive, requestMinorVersion: minorVersion,
      headRequest: headRequest)
    return (try? socket.write(bytes)) != nil
  }

  /// Ends the sending side and reads (and drops) what the client still sends, for up to a
  /// second or 1 MiB, so closing does not reset the connection before the client has read
  /// the response (a "lingering close").
  private static func closeAfterDraining(_ socket: Socket) {
    socket.shutdownWrite()
    let deadline = MonotonicClock.milliseconds() + 1000
    var discarded: [UInt8] = []
    var total = 0
    while total < 1024 * 1024,
      case .read(let count) = try? socket.read(into: &discarded, deadline: deadline, wake: nil)
    {
      total += count
      discarded.removeAll(keepingCapacity: true)
    }
    socket.close()
  }
}
