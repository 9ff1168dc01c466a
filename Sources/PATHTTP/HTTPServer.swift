import Dispatch
import Foundation
import Glibc
import Synchronization

/// An HTTP/1.1 server on POSIX sockets: one thread accepts, one thread serves each connection.
///
/// It supports keep-alive and pipelined requests, bodies framed by `Content-Length` (a
/// `Transfer-Encoding` body is refused with 411), `Expect: 100-continue`, and bounds
/// everything a client controls: head size (431/414), body size (413), connections (503),
/// idle time and request time (408). ``shutdown()`` stops accepting, lets requests in flight
/// finish, and closes idle connections; ``wait()`` returns once every connection is closed.
public final class HTTPServer: Sendable {
  /// The host the server is bound to, as configured.
  public let host: String
  /// The port the server listens on (the system's pick when configured with 0).
  public let port: Int

  private let configuration: Configuration
  private let handler: @Sendable (HTTPRequest) -> HTTPResponse
  private let listener: Socket
  private let stopping = WakeSignal()
  private let running = DispatchGroup()
  private let activeConnections = Atomic<Int>(0)
  private let rejectingConnections = Atomic<Int>(0)
  private let acceptedConnections = Atomic<Int>(0)

  /// The most over-capacity connections answered 503 at once; beyond it they are just closed.
  private static let maximumRejecting = 64
  /// The stack size of connection threads (deeply nested JSON is parsed recursively).
  private static let threadStackSize = 4 * 1024 * 1024

  private init(
    configuration: Configuration, listener: Socket,
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
  ) {
    self.host = configuration.host
    self.port = listener.localPort
    self.configuration = configuration
    self.listener = listener
    self.handler = handler
  }

  /// Binds, listens and starts accepting connections on a background thread.
  ///
  /// - Parameters:
  ///   - configuration: Where to listen, limits and timeouts.
  ///   - handler: Answers each request; called on the connection's thread, concurrently for
  ///     different connections.
  /// - Returns: The running server.
  /// - Throws: ``HTTPServerError`` when the address does not resolve or cannot be bound.
  public static func start(
    configuration: Configuration,
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
  ) throws(HTTPServerError) -> HTTPServer {
    let listener: Socket
    do {
      listener = try Socket.listening(
        host: configuration.host, port: configuration.port, backlog: configuration.backlog)
    } catch {
      throw HTTPServerError(error, host: configuration.host, port: configuration.port)
    }
    let server = HTTPServer(configuration: configuration, listener: listener, handler: handler)
    server.running.enter()
    Self.spawn { [server] in
      server.acceptLoop()
      server.running.leave()
    }
    return server
  }

  /// The base URL, such as `http://127.0.0.1:8080` (IPv6 hosts in brackets).
  public var url: String {
    let bracketed = host.contains(":") ? "[\(host)]" : host
    return "http://\(bracketed):\(port)"
  }

  /// How many connections have been accepted so far, over capacity ones included.
  public var connectionsAccepted: Int {
    acceptedConnections.load(ordering: .relaxed)
  }

  /// How many connections are being served now (over-capacity ones not counted).
  public var openConnections: Int {
    activeConnections.load(ordering: .acquiring)
  }

  /// Whether ``shutdown()`` has been called.
  public var isShuttingDown: Bool { stopping.hasFired }

  /// Stops accepting connections; requests in flight finish (their responses say
  /// `Connection: close`) and idle connections are closed. Safe to call from any thread and
  /// more than once (a signal handler's queue, for example).
  public func shutdown() {
    stopping.fire()
  }

  /// Blocks until the server has stopped accepting and every connection is closed.
  public func wait() {
    running.wait()
  }

  private func acceptLoop() {
    defer { listener.close() }
    while !stopping.hasFired {
      guard listener.poll(events: Int16(POLLIN), deadline: nil, wake: stopping.descriptor) == .ready
      else { continue }
      if stopping.hasFired { break }
      guard let socket = listener.accept() else {
        if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
          usleep(10_000)  // out of descriptors or similar: do not spin
        }
        continue
      }
      acceptedConnections.add(1, ordering: .relaxed)
      let active = activeConnections.add(1, ordering: .acquiringAndReleasing).newValue
      if active > configuration.maximumConnections {
        activeConnections.subtract(1, ordering: .acquiringAndReleasing)
        rejectOverCapacity(socket)
        continue
      }
      running.enter()
      Self.spawn { [self] in
        var connection = HTTPServerConnection(
          socket: socket, configuration: configuration, handler: handler, stopping: stopping)
        connection.run()
        activeConnections.subtract(1, ordering: .acquiringAndReleasing)
        running.leave()
      }
    }
  }

  /// Answers a connection over the limit with 503 on a short-lived thread, or just closes it
  /// when too many are being answered already.
  private func rejectOverCapacity(_ socket: Socket) {
    let rejecting = rejectingConnections.add(1, ordering: .acquiringAndReleasing).newValue
    guard rejecting <= Self.maximumRejecting else {
      rejectingConnections.subtract(1, ordering: .acquiringAndReleasing)
      socket.close()
      return
    }
    running.enter()
    Self.spawn { [self] in
      HTTPServerConnection.rejectOverCapacity(
        socket: socket, configuration: configuration,
        limit: configuration.maximumConnections)
      rejectingConnections.subtract(1, ordering: .acquiringAndReleasing)
      running.leave()
    }
  }

  private static func spawn(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = threadStackSize
    thread.start()
  }
}
