import Foundation
import PATHTTP
import PATModel
import PATService
import Synchronization

/// The fixed instant test services read as `now` when a test needs an exact clock.
let fixedNow = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!

/// A monotonic clock a test moves by hand (the rate limiter's, in milliseconds).
final class HandClock: Sendable {
  private let milliseconds = Mutex<Int64>(0)

  /// The current reading.
  func read() -> Int64 { milliseconds.withLock { $0 } }

  /// Moves the clock forward.
  func advance(by delta: Int64) { milliseconds.withLock { $0 += delta } }
}

/// Runs a test against the reference service on an ephemeral loopback port.
///
/// - Parameters:
///   - clock: The service's clock; the system clock by default.
///   - faults: Planted faults.
///   - rateLimit: The rate limit; none by default.
///   - rateClock: The rate limiter's clock; the monotonic clock by default.
///   - maximumBody: The largest body the service reads; 1 MiB by default.
///   - body: The test, given the server.
func withTestService(
  clock: ServiceClock = .system, faults: Set<ServiceFault> = [], rateLimit: RateLimit? = nil,
  rateClock: HandClock? = nil, maximumBody: Int = 1024 * 1024,
  _ body: (PATServer) throws -> Void
) throws {
  var configuration = ServiceConfiguration()
  configuration.clock = clock
  configuration.faults = faults
  configuration.rateLimit = rateLimit
  if let rateClock { configuration.rateLimitClock = { rateClock.read() } }
  var http = HTTPServer.Configuration()
  http.maximumBodyBytes = maximumBody
  let server = try PATServer.start(configuration, http: http)
  defer {
    server.shutdown()
    server.wait()
  }
  try body(server)
}

extension PATServer {
  /// The tokens an owner holds, straight from the store.
  func tokens(of owner: String) -> [PATService.PersonalAccessToken] {
    service.store.tokens(of: TokenOwner(bearerToken: owner))
  }

  /// Creates a never-expiring token for an owner over HTTP.
  ///
  /// - Returns: The token's id.
  func createToken(_ name: String, owner: String) throws -> String {
    let client = HTTPClient(host: "127.0.0.1", port: port)
    var writer = JSONWriter()
    writer.write(
      .object([
        JSONMember(name: "name", value: .string(name)),
        JSONMember(name: "userAwareTokenNeverExpires", value: .bool(true)),
      ]))
    let response = try client.post(
      "/v2025/personal-access-tokens", body: writer.bytes,
      headers: ["Authorization": "Bearer \(owner)"])
    guard response.status == 200, let members = try? JSONParser.parseObject(response.body),
      case .string(let id)? = members.first(where: { $0.name == "id" })?.value
    else { throw FixtureError("creating \(name) answered \(response.status)") }
    return id
  }
}

/// A test fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}
