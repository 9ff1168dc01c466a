extension HTTPServer {
  /// Where a server listens, its limits and timeouts, and how it writes the responses it makes
  /// itself (for framing errors, limits and timeouts).
  public struct Configuration: Sendable {
    /// The address to bind: a numeric IPv4 or IPv6 address or a host name.
    public var host = "127.0.0.1"
    /// The port; 0 lets the system pick a free one (read it from ``HTTPServer/port``).
    public var port = 0
    /// The most connections served at once; more are answered 503 and closed.
    public var maximumConnections = 128
    /// The most bytes of request line and header fields; more is 431 (414 when the request
    /// line alone is longer).
    public var maximumHeadBytes = 16 * 1024
    /// The largest accepted body; a larger `Content-Length` is 413.
    public var maximumBodyBytes = 1024 * 1024
    /// How long a kept-alive connection may wait for the first byte of its next request (a new
    /// connection waits up to ``requestTimeoutMilliseconds`` for its first request).
    public var idleTimeoutMilliseconds = 5_000
    /// How long a whole request may take to arrive once its first byte has; then 408. Also
    /// bounds each blocking write.
    public var requestTimeoutMilliseconds = 10_000
    /// The length of the kernel's queue of connections not yet accepted.
    public var backlog: Int32 = 128
    /// The clock the `Date` header shows (milliseconds since the Unix epoch), or `nil` to send
    /// no `Date` header.
    public var dateClock: (@Sendable () -> Int64)? = WallClock.milliseconds
    /// Makes the response for a status the server answers by itself, from the status and a
    /// message for people.
    public var errorResponse: @Sendable (_ status: Int, _ message: String) -> HTTPResponse =
      HTTPServer.plainTextErrorResponse

    /// Creates the default configuration: loopback, a system-picked port, 128 connections,
    /// 16 KiB heads, 1 MiB bodies, 5 s idle and 10 s request timeouts.
    public init() {}
  }

  /// An error response with a `text/plain` body holding the message.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - message: The message.
  /// - Returns: The response.
  @Sendable public static func plainTextErrorResponse(status: Int, message: String)
    -> HTTPResponse
  {
    HTTPResponse(
      status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
      body: Array((message + "\n").utf8))
  }
}
