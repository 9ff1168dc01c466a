import Glibc

@testable import PATHTTP

/// Waits until a condition holds, polling every few milliseconds, within a budget.
///
/// - Parameters:
///   - budgetMilliseconds: The most time to wait (a budget, not an expected duration).
///   - condition: The condition.
/// - Returns: Whether the condition held before the budget ran out.
func eventually(budgetMilliseconds: Int64 = 5_000, _ condition: () -> Bool) -> Bool {
  let deadline = MonotonicClock.milliseconds() + budgetMilliseconds
  while MonotonicClock.milliseconds() < deadline {
    if condition() { return true }
    usleep(2_000)
  }
  return condition()
}

/// A server on an ephemeral loopback port for one test.
///
/// - Parameters:
///   - configure: Changes to the default configuration.
///   - handler: Answers requests; by default echoes the method, target and body.
///   - body: The test, given the server.
func withServer<Result>(
  configure: (inout HTTPServer.Configuration) -> Void = { _ in },
  handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = echo,
  _ body: (HTTPServer) throws -> Result
) throws -> Result {
  var configuration = HTTPServer.Configuration()
  configuration.dateClock = { 1_781_526_896_789 }
  configure(&configuration)
  let server = try HTTPServer.start(configuration: configuration, handler: handler)
  defer {
    server.shutdown()
    server.wait()
  }
  return try body(server)
}

/// Answers with `METHOD TARGET` and the body.
@Sendable func echo(_ request: HTTPRequest) -> HTTPResponse {
  HTTPResponse(
    status: 200, headers: ["Content-Type": "text/plain"],
    body: Array("\(request.method) \(request.target)\n".utf8) + request.body)
}

/// A raw connection to a server, for bytes no well-behaved client sends.
struct RawConnection {
  let socket: Socket
  var received: [UInt8] = []

  init(port: Int) throws {
    socket = try Socket.connected(host: "127.0.0.1", port: port, timeoutMilliseconds: 2_000)
  }

  func send(_ text: String) throws {
    try socket.write(Array(text.utf8))
  }

  func send(bytes: [UInt8]) throws {
    try socket.write(bytes)
  }

  /// Reads until the peer closes the connection (within a budget).
  mutating func readToEnd(budgetMilliseconds: Int64 = 5_000) throws -> String {
    let deadline = MonotonicClock.milliseconds() + budgetMilliseconds
    while case .read = try socket.read(into: &received, deadline: deadline, wake: nil) {}
    return String(decoding: received, as: UTF8.self)
  }

  /// Reads until the received text contains a string (within a budget).
  mutating func read(until marker: String, budgetMilliseconds: Int64 = 5_000) throws -> String {
    let deadline = MonotonicClock.milliseconds() + budgetMilliseconds
    while !String(decoding: received, as: UTF8.self).contains(marker) {
      guard case .read = try socket.read(into: &received, deadline: deadline, wake: nil) else {
        break
      }
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// Whether the peer closed the connection (end of stream) within a budget.
  mutating func isClosedByPeer(budgetMilliseconds: Int64 = 5_000) throws -> Bool {
    let deadline = MonotonicClock.milliseconds() + budgetMilliseconds
    while true {
      switch try socket.read(into: &received, deadline: deadline, wake: nil) {
      case .read: continue
      case .endOfStream: return true
      case .timedOut, .woken: return false
      }
    }
  }
}
