import PATHTTP
import PATModel

/// The personal-access-token API over the in-memory ``TokenStore``, as an HTTP handler:
///
/// - `POST /v2025/personal-access-tokens`: 200 with a `CreatePersonalAccessTokenResponse`, or
///   400 with an `ErrorResponseDto` whose messages carry the violation codes;
/// - `GET /v2025/personal-access-tokens[?owner-id=ID]`: 200 with the owner's tokens (403 for
///   another owner's id);
/// - `DELETE /v2025/personal-access-tokens/{id}`: 204, or 404 for an unknown id;
/// - 401 `{"error": …}` without `Authorization: Bearer TOKEN`; 429 `{"message": …}` with
///   `Retry-After` over the rate limit; 404 and 405 for other paths and methods.
///
/// Every request is authenticated first, then counted against the rate limit, then routed.
public final class TokenService: Sendable {
  /// The collection path.
  public static let collectionPath = "/v2025/personal-access-tokens"

  /// The tokens.
  public let store: TokenStore
  /// The configuration.
  public let configuration: ServiceConfiguration
  private let limiter: RateLimiter?

  /// Creates a service with an empty store.
  ///
  /// - Parameter configuration: The clock, rate limit, validation options and faults.
  public init(configuration: ServiceConfiguration = ServiceConfiguration()) {
    self.configuration = configuration
    self.store = TokenStore(
      nameComparison: configuration.nameComparison, strict: configuration.strict,
      faults: configuration.faults)
    self.limiter = configuration.rateLimit.map {
      RateLimiter(limit: $0, clock: configuration.rateLimitClock)
    }
  }

  /// Answers one request.
  ///
  /// - Parameter request: The request.
  /// - Returns: The response (the HTTP layer adds the framing fields and `Date`).
  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    guard let owner = TokenOwner(authorization: request.headers["Authorization"]) else {
      var response = Self.json(
        status: 401,
        .object([
          JSONMember(
            name: "error",
            value: .string("missing or malformed 'Authorization: Bearer TOKEN' header"))
        ]))
      response.headers.set("WWW-Authenticate", "Bearer")
      return response
    }
    if let limiter, case .limited(let seconds) = limiter.admit(owner.name) {
      var response = Self.json(
        status: 429,
        .object([
          JSONMember(
            name: "message",
            value: .string(
              "Rate Limit Exceeded: at most \(limiter.limit.summary) per client; "
                + "retry after \(seconds) s"))
        ]))
      response.headers.set("Retry-After", String(seconds))
      return response
    }
    return route(request, owner: owner)
  }

  private func route(_ request: HTTPRequest, owner: TokenOwner) -> HTTPResponse {
    let path = request.path
    if path == Self.collectionPath {
      switch request.method {
      case "POST": return create(request, owner: owner)
      case "GET": return list(request, owner: owner)
      default: return Self.methodNotAllowed(request, allowed: "GET, POST")
      }
    }
    let prefix = Self.collectionPath + "/"
    if path.hasPrefix(prefix) {
      let id = String(path.dropFirst(prefix.count))
      guard !id.isEmpty, !id.contains("/") else { return Self.notFound(path) }
      guard request.method == "DELETE" else {
        return Self.methodNotAllowed(request, allowed: "DELETE")
      }
      guard store.delete(id: id, owner: owner) else {
        return Self.error(
          status: 404,
          ErrorResponse(
            detailCode: "404 Not found",
            messages: ["no personal access token with id '\(id)' for this owner"]))
      }
      return HTTPResponse(status: 204)
    }
    return Self.notFound(path)
  }

  private func create(_ request: HTTPRequest, owner: TokenOwner) -> HTTPResponse {
    let decoded: CreatePersonalAccessTokenRequest
    do {
      decoded = try CreatePersonalAccessTokenRequest(json: request.body)
    } catch {
      return Self.error(status: 400, .violations(error.violations))
    }
    if configuration.faults.contains(.longName500),
      let name = decoded.name.value, name.utf8.count > ServiceFault.longNameThreshold
    {
      return HTTPResponse(
        status: 500, headers: ["Content-Type": "text/plain; charset=utf-8"],
        body: Array("Internal Server Error\n".utf8))
    }
    switch store.create(decoded, owner: owner, now: configuration.clock.now()) {
    case .created(let token, let secret):
      return Self.json(status: 200, token.creationJSON(secret: secret))
    case .rejected(let violations):
      return Self.error(status: 400, .violations(violations))
    }
  }

  private func list(_ request: HTTPRequest, owner: TokenOwner) -> HTTPResponse {
    if let ownerID = request.queryValue("owner-id"), ownerID != owner.id {
      return Self.error(
        status: 403,
        ErrorResponse(
          detailCode: "403 Forbidden",
          messages: ["listing the tokens of owner '\(ownerID)' is not allowed for this caller"]))
    }
    return Self.json(
      status: 200, .array(store.tokens(of: owner, at: configuration.clock.now()).map(\.listingJSON))
    )
  }

  /// A response with a JSON body.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - value: The body.
  /// - Returns: The response, `Content-Type: application/json;charset=utf-8`.
  static func json(status: Int, _ value: JSONValue) -> HTTPResponse {
    var writer = JSONWriter()
    writer.write(value)
    return HTTPResponse(
      status: status, headers: ["Content-Type": "application/json;charset=utf-8"],
      body: writer.bytes)
  }

  /// A response with an `ErrorResponseDto` body.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - error: The body.
  /// - Returns: The response.
  static func error(status: Int, _ error: ErrorResponse) -> HTTPResponse {
    json(status: status, error.jsonValue)
  }

  /// The response for a status the HTTP layer answers by itself (malformed requests, limits,
  /// timeouts): an `ErrorResponseDto` with the message.
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - message: What went wrong.
  /// - Returns: The response.
  @Sendable static func transportError(status: Int, message: String) -> HTTPResponse {
    let detail = ErrorResponse.detailCode(
      status: status, reason: HTTPResponse.reasonPhrase(for: status))
    return error(status: status, ErrorResponse(detailCode: detail, messages: [message]))
  }

  private static func notFound(_ path: String) -> HTTPResponse {
    error(
      status: 404,
      ErrorResponse(detailCode: "404 Not found", messages: ["no resource at '\(path)'"]))
  }

  private static func methodNotAllowed(_ request: HTTPRequest, allowed: String) -> HTTPResponse {
    var response = error(
      status: 405,
      ErrorResponse(
        detailCode: "405 Method not allowed",
        messages: ["\(request.method) is not allowed on \(request.path); allowed: \(allowed)"]))
    response.headers.set("Allow", allowed)
    return response
  }
}
