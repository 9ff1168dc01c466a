import PATHTTP
import PATModel

/// The local reference service on a socket: a ``TokenService`` behind an ``HTTPServer``.
///
/// The HTTP configuration's `dateClock` and `errorResponse` are replaced: the `Date` header
/// shows the service's clock (none with ``ServiceFault/noDateHeader``), and the errors the
/// HTTP layer answers by itself carry an `ErrorResponseDto`.
public final class PATServer: Sendable {
  /// The request handler and its token store.
  public let service: TokenService
  /// The HTTP server.
  public let http: HTTPServer

  private init(service: TokenService, http: HTTPServer) {
    self.service = service
    self.http = http
  }

  /// Starts the service.
  ///
  /// - Parameters:
  ///   - configuration: The clock, rate limit, validation options and faults.
  ///   - http: Where to listen, limits and timeouts.
  /// - Returns: The running server.
  /// - Throws: ``HTTPServerError`` when the address cannot be bound.
  public static func start(
    _ configuration: ServiceConfiguration = ServiceConfiguration(),
    http: HTTPServer.Configuration = HTTPServer.Configuration()
  ) throws(HTTPServerError) -> PATServer {
    let service = TokenService(configuration: configuration)
    var http = http
    let clock = configuration.clock
    if configuration.faults.contains(.noDateHeader) {
      http.dateClock = nil
    } else {
      http.dateClock = { clock.now().millisecondsSinceEpoch }
    }
    http.errorResponse = TokenService.transportError
    let server = try HTTPServer.start(configuration: http, handler: service.handle)
    return PATServer(service: service, http: server)
  }

  /// The base URL, such as `http://127.0.0.1:8080`.
  public var url: String { http.url }

  /// The port the server listens on.
  public var port: Int { http.port }

  /// Stops accepting, lets requests in flight finish and closes idle connections.
  public func shutdown() {
    http.shutdown()
  }

  /// Blocks until every connection is closed after ``shutdown()``.
  public func wait() {
    http.wait()
  }
}
