/// The tokens of one owner, as the service keeps them: creation validated by the reference
/// model against the owner's active tokens, deletion, and expiry.
///
/// A token whose expiration date is not after `now` has expired: it no longer counts toward
/// the 10-token limit and its name can be used again (see `docs/semantics.md`).
public struct OwnerTokenStore: Sendable {
  /// Every token created and not deleted, expired ones included, in creation order.
  public private(set) var tokens: [PersonalAccessToken] = []
  /// How names are compared for `name.duplicate`.
  public var nameComparison: NameComparison
  /// Whether unknown members are violations.
  public var strict: Bool
  /// Deliberate validator bugs, for proving that a test harness catches them.
  @_spi(PlantedFaults) public var plantedFaults: PlantedFaults = []

  /// Creates an empty store.
  ///
  /// - Parameters:
  ///   - nameComparison: How names are compared; `.exact` by default.
  ///   - strict: Whether unknown members are violations; `false` by default.
  public init(nameComparison: NameComparison = .exact, strict: Bool = false) {
    self.nameComparison = nameComparison
    self.strict = strict
  }

  /// The tokens still active at an instant.
  ///
  /// - Parameter now: The instant.
  /// - Returns: The active tokens, in creation order.
  public func activeTokens(at now: Timestamp) -> [PersonalAccessToken] {
    tokens.filter { $0.isActive(at: now) }
  }

  /// The validation context for a request at an instant: the active tokens' names.
  ///
  /// - Parameter now: The instant.
  /// - Returns: The context.
  public func context(at now: Timestamp) -> ValidationContext {
    var context = ValidationContext(
      now: now, existingNames: activeTokens(at: now).map(\.name), nameComparison: nameComparison,
      strict: strict)
    context.plantedFaults = plantedFaults
    return context
  }

  /// Validates a payload against the active tokens and creates the token when it is valid.
  ///
  /// Expired tokens are dropped first.
  ///
  /// - Parameters:
  ///   - payload: The request body.
  ///   - now: The instant of the request.
  ///   - id: The identifier to give the new token.
  /// - Returns: The new token, or the verdict that rejected the payload.
  public mutating func create(json payload: [UInt8], now: Timestamp, id: String) -> Result<
    PersonalAccessToken, RejectedRequest
  > {
    do {
      return create(try CreatePersonalAccessTokenRequest(json: payload), now: now, id: id)
    } catch {
      return .failure(RejectedRequest(Verdict(violations: error.violations, normalized: nil)))
    }
  }

  /// Validates a decoded request against the active tokens and creates the token when it is
  /// valid.
  ///
  /// Expired tokens are dropped first.
  ///
  /// - Parameters:
  ///   - request: The decoded request.
  ///   - now: The instant of the request.
  ///   - id: The identifier to give the new token.
  /// - Returns: The new token, or the verdict that rejected the request.
  public mutating func create(
    _ request: CreatePersonalAccessTokenRequest, now: Timestamp, id: String
  ) -> Result<PersonalAccessToken, RejectedRequest> {
    tokens.removeAll { !$0.isActive(at: now) }
    let verdict = Validator(context: context(at: now)).validate(request)
    guard let normalized = verdict.normalized else { return .failure(RejectedRequest(verdict)) }
    let token = PersonalAccessToken(id: id, request: normalized, created: now)
    tokens.append(token)
    return .success(token)
  }

  /// Deletes a token.
  ///
  /// - Parameter id: The token's identifier.
  /// - Returns: Whether a token with that identifier existed.
  @discardableResult
  public mutating func delete(id: String) -> Bool {
    guard let index = tokens.firstIndex(where: { $0.id == id }) else { return false }
    tokens.remove(at: index)
    return true
  }
}

/// A verdict that rejected a request, as the failure of ``OwnerTokenStore/create(json:now:id:)``.
public struct RejectedRequest: Error, Hashable, Sendable {
  /// The verdict, never valid.
  public var verdict: Verdict

  /// Wraps a verdict.
  public init(_ verdict: Verdict) {
    self.verdict = verdict
  }
}
