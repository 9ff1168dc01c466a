import Foundation
import PATHTTP
import PATModel
import PATService
import Synchronization

/// The fixed instant the test services read as `now`.
let testNow = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!

/// A monotonic clock the test moves by hand.
final class ManualClock: Sendable {
  private let milliseconds = Mutex<Int64>(0)

  /// The current reading.
  func read() -> Int64 { milliseconds.withLock { $0 } }

  /// Moves the clock forward.
  func advance(by delta: Int64) { milliseconds.withLock { $0 += delta } }
}

/// A service on an ephemeral loopback port with a fixed clock, for one test.
///
/// - Parameters:
///   - faults: Planted faults.
///   - rateLimit: The rate limit; none by default.
///   - rateClock: The rate limiter's clock.
///   - configureHTTP: Changes to the HTTP configuration.
///   - body: The test, given the server.
func withService(
  faults: Set<ServiceFault> = [], rateLimit: RateLimit? = nil,
  rateClock: ManualClock = ManualClock(),
  configureHTTP: (inout HTTPServer.Configuration) -> Void = { _ in },
  _ body: (PATServer) throws -> Void
) throws {
  var configuration = ServiceConfiguration()
  configuration.clock = .fixed(testNow)
  configuration.rateLimit = rateLimit
  configuration.rateLimitClock = { rateClock.read() }
  configuration.faults = faults
  var http = HTTPServer.Configuration()
  configureHTTP(&http)
  let server = try PATServer.start(configuration, http: http)
  defer {
    server.shutdown()
    server.wait()
  }
  try body(server)
}

extension PATServer {
  /// A client acting for the owner a bearer token names.
  func client(_ token: String?) -> OwnerClient {
    OwnerClient(client: HTTPClient(host: "127.0.0.1", port: port), token: token)
  }
}

/// An HTTP client that sends one bearer token with each request.
struct OwnerClient {
  let client: HTTPClient
  let token: String?

  private var headers: HTTPHeaders {
    var headers: HTTPHeaders = ["Content-Type": "application/json"]
    if let token { headers.add("Authorization", "Bearer \(token)") }
    return headers
  }

  func create(_ json: String) throws -> HTTPResponse {
    try client.post(TokenService.collectionPath, body: Array(json.utf8), headers: headers)
  }

  func create(name: String, expirationDate: String = "2026-12-31T23:59:59.999Z") throws
    -> HTTPResponse
  {
    var writer = JSONWriter()
    writer.write(
      .object([
        JSONMember(name: "name", value: .string(name)),
        JSONMember(name: "expirationDate", value: .string(expirationDate)),
      ]))
    return try create(writer.text)
  }

  func list(query: String = "") throws -> HTTPResponse {
    try client.get(TokenService.collectionPath + query, headers: headers)
  }

  func delete(_ id: String) throws -> HTTPResponse {
    try client.delete(TokenService.collectionPath + "/" + id, headers: headers)
  }

  func send(_ method: String, _ target: String) throws -> HTTPResponse {
    try client.send(HTTPRequest(method: method, target: target, headers: headers))
  }
}

extension HTTPResponse {
  /// The body parsed as a JSON object (any JSON value, through Foundation).
  var json: Any? {
    try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
  }

  /// The body as a JSON object.
  var object: [String: Any] { json as? [String: Any] ?? [:] }

  /// The texts of an `ErrorResponseDto`'s messages.
  var messageTexts: [String] {
    (object["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
  }

  /// The violation codes an `ErrorResponseDto` carries (each text up to its first colon).
  var violationCodes: [String] {
    messageTexts.map { String($0.prefix { $0 != ":" }) }
  }
}

/// Whether text is lowercase hex of a length.
func isHex(_ value: Any?, length: Int) -> Bool {
  guard let text = value as? String else { return false }
  return text.count == length && text.allSatisfy { "0123456789abcdef".contains($0) }
}
