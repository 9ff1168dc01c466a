/// One client connection: the socket and the bytes received but not yet consumed. Reads one
/// response at a time, within a deadline.
struct HTTPClientConnection {
  /// Why an exchange failed, in detail; mapped to ``HTTPClientError`` by the client.
  enum Failure: Error {
    /// A socket call failed.
    case socket(SocketError)
    /// The peer closed the connection.
    case closed
    /// The deadline passed.
    case timedOut
    /// The response is not well-formed.
    case malformed(HTTPParseError)
    /// The response is larger than allowed.
    case tooLarge(Int)
  }

  let socket: Socket
  /// Bytes received and not yet consumed.
  private var buffer: [UInt8] = []
  /// Whether any byte of the current response has arrived (a failure before that on a reused
  /// connection means the server had closed it, and the request may be retried).
  private(set) var responseStarted = false

  /// Wraps a connected socket.
  ///
  /// - Parameter socket: The socket.
  init(socket: Socket) {
    self.socket = socket
  }

  /// Sends a request and reads its response.
  ///
  /// - Parameters:
  ///   - bytes: The serialized request.
  ///   - headRequest: Whether the method is `HEAD` (the response then has no body).
  ///   - deadline: The monotonic instant (milliseconds) the response must be complete by.
  ///   - maximumBytes: The largest head or body accepted.
  /// - Returns: The response, and whether the connection can carry another request.
  /// - Throws: ``Failure``.
  mutating func exchange(
    _ bytes: [UInt8], headRequest: Bool, deadline: Int64, maximumBytes: Int
  ) throws(Failure) -> (response: HTTPResponse, reusable: Bool) {
    responseStarted = false
    do {
      try socket.write(bytes)
    } catch {
      throw .socket(error)
    }
    var head = try readHead(deadline: deadline, maximumBytes: maximumBytes)
    while (100..<200).contains(head.status) && head.status != 101 {
      head = try readHead(deadline: deadline, maximumBytes: maximumBytes)
    }
    var response = HTTPResponse(status: head.status, headers: head.headers)
    response.reason = head.reason
    var reusable =
      head.minorVersion == 1
      ? !head.headers.containsToken("Connection", "close")
      : head.headers.containsToken("Connection", "keep-alive")
    if headRequest || HTTPResponse.statusForbidsBody(head.status) {
      return (response, reusable)
    }
    if head.headers.contains("Transfer-Encoding") {
      guard head.headers.containsToken("Transfer-Encoding", "chunked") else {
        response.body = try readToEnd(deadline: deadline, maximumBytes: maximumBytes)
        return (response, false)
      }
      response.body = try readChunked(deadline: deadline, maximumBytes: maximumBytes)
    } else if let length = try contentLength(head.headers) {
      guard length <= maximumBytes else { throw .tooLarge(length) }
      try fill(count: length, deadline: deadline)
      response.body = Array(buffer[..<length])
      buffer.removeFirst(length)
    } else {
      response.body = try readToEnd(deadline: deadline, maximumBytes: maximumBytes)
      reusable = false
    }
    return (response, reusable)
  }

  private func contentLength(_ headers: HTTPHeaders) throws(Failure) -> Int? {
    do {
      return try HTTPHeadParser.contentLength(headers)
    } catch {
      throw .malformed(error)
    }
  }

  private mutating func readHead(deadline: Int64, maximumBytes: Int) throws(Failure)
    -> HTTPHeadParser.ResponseHead
  {
    var searchFrom = 0
    while true {
      if let end = HTTPHeadParser.endOfHead(in: buffer, from: searchFrom) {
        let head: HTTPHeadParser.ResponseHead
        do {
          head = try HTTPHeadParser.parseResponse(buffer[..<end])
        } catch {
          throw .malformed(error)
        }
        buffer.removeFirst(end)
        return head
      }
      searchFrom = max(0, buffer.count - 3)
      guard buffer.count <= maximumBytes else { throw .tooLarge(buffer.count) }
      try receive(deadline: deadline)
    }
  }

  /// Reads a chunked body (RFC 9112 §7.1), dropping extensions and trailer fields.
  private mutating func readChunked(deadline: Int64, maximumBytes: Int) throws(Failure)
    -> [UInt8]
  {
    var body: [UInt8] = []
    while true {
      let line = try readLine(deadline: deadline)
      let sizeText = line.prefix { $0 != UInt8(ascii: ";") }
      guard
        let size = Int(
          String(decoding: sizeText, as: UTF8.self).trimmingHTTPWhitespace,
          radix: 16), size >= 0
      else { throw .malformed(.malformedChunk) }
      if size == 0 {
        while try !readLine(deadline: deadline).isEmpty {}
        return body
      }
      guard body.count + size <= maximumBytes else { throw .tooLarge(body.count + size) }
      try fill(count: size + 2, deadline: deadline)
      guard buffer[size] == 0x0D, buffer[size + 1] == 0x0A else {
        throw .malformed(.malformedChunk)
      }
      body.append(contentsOf: buffer[..<size])
      buffer.removeFirst(size + 2)
    }
  }

  private mutating func readLine(deadline: Int64) throws(Failure) -> [UInt8] {
    var searchFrom = 0
    while true {
      if let index = buffer[searchFrom...].firstIndex(of: 0x0A) {
        guard index > 0, buffer[index - 1] == 0x0D else { throw .malformed(.malformedChunk) }
        let line = Array(buffer[..<(index - 1)])
        buffer.removeFirst(index + 1)
        return line
      }
      searchFrom = buffer.count
      guard buffer.count <= 64 * 1024 else { throw .malformed(.malformedChunk) }
      try receive(deadline: deadline)
    }
  }

  private mutating func readToEnd(deadline: Int64, maximumBytes: Int) throws(Failure)
    -> [UInt8]
  {
    while true {
      guard buffer.count <= maximumBytes else { throw .tooLarge(buffer.count) }
      do {
        try receive(deadline: deadline)
      } catch .closed {
        let body = buffer
        buffer.removeAll()
        return body
      }
    }
  }

  private mutating func fill(count: Int, deadline: Int64) throws(Failure) {
    while buffer.count < count { try receive(deadline: deadline) }
  }

  private mutating func receive(deadline: Int64) throws(Failure) {
    let outcome: Socket.ReadOutcome
    do {
      outcome = try socket.read(into: &buffer, deadline: deadline, wake: nil)
    } catch {
      throw .socket(error)
    }
    switch outcome {
    case .read(let count): if count > 0 { responseStarted = true }
    case .endOfStream: throw .closed
    case .timedOut, .woken: throw .timedOut
    }
  }
}
