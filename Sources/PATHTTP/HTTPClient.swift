import Synchronization

/// A blocking HTTP/1.1 client for one origin (`http://host:port`), over one kept-alive
/// connection.
///
/// Requests on one client are sent one at a time (callers on several threads wait their
/// turn); use several clients for concurrent requests. The connection is opened on first
/// use, kept open while the server allows, and reopened when the server closed it: a request
/// that fails on a reused connection before any response byte arrived is sent once more on a
/// fresh connection (the server closed an idle connection as the request went out). Bodies
/// are sent with `Content-Length`; responses may use `Content-Length`, chunked encoding or
/// end at connection close.
public final class HTTPClient: Sendable {
  /// Timeouts, limits and the headers sent with every request.
  public struct Configuration: Sendable {
    /// How long opening a connection may take.
    public var connectTimeoutMilliseconds = 5_000
    /// How long a whole exchange (sending the request, reading the response) may take.
    public var requestTimeoutMilliseconds = 30_000
    /// The largest response head or body accepted.
    public var maximumResponseBytes = 16 * 1024 * 1024
    /// Whether a request that failed on a reused connection before any response byte arrived
    /// is sent again once on a new connection.
    public var retriesStaleConnections = true
    /// Header fields sent with every request unless the request sets the same name.
    public var headers: HTTPHeaders = ["User-Agent": "patfuzz"]

    /// Creates the default configuration: 5 s to connect, 30 s per exchange, 16 MiB
    /// responses, stale connections retried.
    public init() {}
  }

  /// The host requests go to.
  public let host: String
  /// The port requests go to.
  public let port: Int
  /// A path prefix from the URL (such as `/api`), put before every request target; empty
  /// for none.
  public let basePath: String
  private let configuration: Configuration
  private let connection = Mutex<HTTPClientConnection?>(nil)
  private let opened = Atomic<Int>(0)

  /// Creates a client for a host and port. No connection is made until the first request.
  ///
  /// - Parameters:
  ///   - host: A numeric address or host name.
  ///   - port: The port.
  ///   - configuration: Timeouts, limits and default headers.
  public init(host: String, port: Int, configuration: Configuration = Configuration()) {
    self.host = host
    self.port = port
    self.basePath = ""
    self.configuration = configuration
  }

  /// Creates a client for a base URL, `http://host[:port][/path]` (port 80 by default).
  ///
  /// - Parameters:
  ///   - url: The base URL; IPv6 hosts go in brackets.
  ///   - configuration: Timeouts, limits and default headers.
  /// - Throws: ``HTTPClientError`` of kind ``HTTPClientError/Kind/invalidURL`` for anything
  ///   else (`https` included: the client speaks plain HTTP only).
  public init(url: String, configuration: Configuration = Configuration()) throws(HTTPClientError) {
    guard let endpoint = Self.parse(url: url) else {
      throw HTTPClientError(
        kind: .invalidURL, message: "'\(url)' is not an http://host[:port][/path] URL")
    }
    self.host = endpoint.host
    self.port = endpoint.port
    self.basePath = endpoint.path
    self.configuration = configuration
  }

  deinit {
    close()
  }

  /// How many connections the client has opened so far (1 when every request reused one).
  public var connectionsOpened: Int { opened.load(ordering: .relaxed) }

  /// Sends a request and waits for its response.
  ///
  /// - Parameter request: The request; its target is put after ``basePath``. `Host`,
  ///   `Content-Length` and the configured headers are added.
  /// - Returns: The response (any status: a 4xx or 5xx is a response, not an error).
  /// - Throws: ``HTTPClientError`` when no complete response arrived.
  public func send(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
    let bytes = serialize(request)
    let headRequest = request.method == "HEAD"
    return try connection.withLock { state throws(HTTPClientError) -> HTTPResponse in
      var attempt = 0
      while true {
        attempt += 1
        let reused = state != nil
        var current: HTTPClientConnection
        if let open = state {
          current = open
        } else {
          current = try connect()
        }
        state = nil
        let deadline =
          MonotonicClock.milliseconds() + Int64(configuration.requestTimeoutMilliseconds)
        do throws(HTTPClientConnection.Failure) {
          let (response, reusable) = try current.exchange(
            bytes, headRequest: headRequest, deadline: deadline,
            maximumBytes: configuration.maximumResponseBytes)
          if reusable { state = current } else { current.socket.close() }
          return response
        } catch {
          current.socket.close()
          let stale: Bool
          switch error {
          case .closed, .socket: stale = !current.responseStarted
          default: stale = false
          }
          if reused, stale, attempt == 1, configuration.retriesStaleConnections { continue }
          throw Self.publicError(error, host: host, port: port)
        }
      }
    }
  }

  /// Sends a `GET`.
  ///
  /// - Parameters:
  ///   - target: The path and query.
  ///   - headers: Extra header fields.
  /// - Returns: The response.
  /// - Throws: ``HTTPClientError`` when no complete response arrived.
  public func get(_ target: String, headers: HTTPHeaders = [:]) throws(HTTPClientError)
    -> HTTPResponse
  {
    try send(HTTPRequest(method: "GET", target: target, headers: headers))
  }

  /// Sends a `POST` with a body.
  ///
  /// - Parameters:
  ///   - target: The path and query.
  ///   - body: The body.
  ///   - headers: Extra header fields (such as `Content-Type`).
  /// - Returns: The response.
  /// - Throws: ``HTTPClientError`` when no complete response arrived.
  public func post(_ target: String, body: [UInt8], headers: HTTPHeaders = [:])
    throws(HTTPClientError) -> HTTPResponse
  {
    try send(HTTPRequest(method: "POST", target: target, headers: headers, body: body))
  }

  /// Sends a `DELETE`.
  ///
  /// - Parameters:
  ///   - target: The path and query.
  ///   - headers: Extra header fields.
  /// - Returns: The response.
  /// - Throws: ``HTTPClientError`` when no complete response arrived.
  public func delete(_ target: String, headers: HTTPHeaders = [:]) throws(HTTPClientError)
    -> HTTPResponse
  {
    try send(HTTPRequest(method: "DELETE", target: target, headers: headers))
  }

  /// Closes the connection, if one is open; the next request opens a new one.
  public func close() {
    connection.withLock { state in
      state?.socket.close()
      state = nil
    }
  }

  private func connect() throws(HTTPClientError) -> HTTPClientConnection {
    do {
      let socket = try Socket.connected(
        host: host, port: port, timeoutMilliseconds: configuration.connectTimeoutMilliseconds)
      socket.setSendTimeout(milliseconds: configuration.requestTimeoutMilliseconds)
      opened.add(1, ordering: .relaxed)
      return HTTPClientConnection(socket: socket)
    } catch {
      throw HTTPClientError(
        kind: .cannotConnect, message: "cannot connect to \(host):\(port): \(error)")
    }
  }

  private func serialize(_ request: HTTPRequest) -> [UInt8] {
    let hostValue = (host.contains(":") ? "[\(host)]" : host) + (port == 80 ? "" : ":\(port)")
    var headers = HTTPHeaders()
    if !request.headers.contains("Host") { headers.add("Host", hostValue) }
    for field in configuration.headers where !request.headers.contains(field.name) {
      headers.add(field.name, field.value)
    }
    for field in request.headers
    where !HTTPHeaders.sameName(field.name, "Content-Length")
      && !HTTPHeaders.sameName(field.name, "Transfer-Encoding")
    {
      headers.add(field.name, field.value)
    }
    if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
      headers.add("Content-Length", String(request.body.count))
    }
    var text = "\(request.method) \(basePath)\(request.target) HTTP/1.1\r\n"
    for field in headers { text += "\(field.name): \(field.value)\r\n" }
    text += "\r\n"
    return Array(text.utf8) + request.body
  }

  private static func publicError(
    _ failure: HTTPClientConnection.Failure, host: String, port: Int
  ) -> HTTPClientError {
    switch failure {
    case .socket(.timedOut), .timedOut:
      HTTPClientError(kind: .timedOut, message: "\(host):\(port) did not answer in time")
    case .socket(let error):
      HTTPClientError(
        kind: .connectionClosed, message: "the connection to \(host):\(port) failed: \(error)")
    case .closed:
      HTTPClientError(
        kind: .connectionClosed,
        message: "\(host):\(port) closed the connection before the response was complete")
    case .malformed(let error):
      HTTPClientError(
        kind: .malformedResponse, message: "malformed response from \(host):\(port): \(error)")
    case .tooLarge(let size):
      HTTPClientError(
        kind: .responseTooLarge,
        message: "the response from \(host):\(port) is too large (\(size) bytes)")
    }
  }

  /// The parts of an `http://host[:port][/path]` URL.
  private static func parse(url: String) -> (host: String, port: Int, path: String)? {
    guard url.hasPrefix("http://") else { return nil }
    var rest = Substring(url.dropFirst("http://".count))
    var path = ""
    if let slash = rest.firstIndex(of: "/") {
      path = String(rest[slash...])
      rest = rest[..<slash]
      while path.hasSuffix("/") { path.removeLast() }
    }
    guard !path.contains("?"), !path.contains("#"), !rest.contains("@") else { return nil }
    var host: Substring
    var portText: Substring?
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { return nil }
      host = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return nil }
        portText = after.dropFirst()
      }
    } else {
      let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count <= 2 else { return nil }
      host = parts[0]
      portText = parts.count == 2 ? parts[1] : nil
    }
    guard !host.isEmpty else { return nil }
    var port = 80
    if let portText {
      guard let number = Int(portText), (1...65535).contains(number) else { return nil }
      port = number
    }
    return (String(host), port, path)
  }
}
