@_spi(PlantedFaults) import PATModel
import Synchronization

/// The service's tokens, in memory, per owner: creates them (validating each request with the
/// reference model against the owner's current tokens, atomically), lists and deletes them.
public final class TokenStore: Sendable {
  /// What creating a token gave.
  public enum CreationOutcome: Sendable {
    /// The token was created; its secret is shown only here.
    case created(PersonalAccessToken, secret: String)
    /// The request broke these rules; nothing was created.
    case rejected([Violation])
  }

  /// How `name.duplicate` compares names.
  public let nameComparison: NameComparison
  /// Whether unknown members are violations.
  public let strict: Bool
  private let plantedFaults: PlantedFaults
  private let tokens = Mutex<[String: [PersonalAccessToken]]>([:])

  /// Creates an empty store.
  ///
  /// - Parameters:
  ///   - nameComparison: How names are compared; `.exact` (the reference) by default.
  ///   - strict: Whether unknown members are violations; `false` by default.
  ///   - faults: Planted faults that change validation (see ``ServiceFault``).
  public init(
    nameComparison: NameComparison = .exact, strict: Bool = false, faults: Set<ServiceFault> = []
  ) {
    self.nameComparison = nameComparison
    self.strict = strict
    self.plantedFaults = ServiceFault.modelFaults(faults)
  }

  /// Validates a decoded request against `now` and the owner's tokens and, when valid,
  /// creates the token with a random id and secret.
  ///
  /// - Parameters:
  ///   - request: The decoded request.
  ///   - owner: The owner.
  ///   - now: The service's clock reading.
  /// - Returns: The created token and its secret, or the violations.
  public func create(
    _ request: CreatePersonalAccessTokenRequest, owner: TokenOwner, now: Timestamp
  ) -> CreationOutcome {
    tokens.withLock { tokens in
      let existing = tokens[owner.id] ?? []
      var context = ValidationContext(
        now: now, existingNames: existing.map(\.name), nameComparison: nameComparison,
        strict: strict)
      context.plantedFaults = plantedFaults
      let verdict = Validator(context: context).validate(request)
      guard let normalized = verdict.normalized else { return .rejected(verdict.violations) }
      let token = PersonalAccessToken(
        id: RandomHex.make(byteCount: 16), request: normalized, owner: owner, created: now)
      tokens[owner.id, default: []].append(token)
      return .created(token, secret: RandomHex.make(byteCount: 32))
    }
  }

  /// The owner's tokens, oldest first.
  ///
  /// - Parameter owner: The owner.
  /// - Returns: The tokens.
  public func tokens(of owner: TokenOwner) -> [PersonalAccessToken] {
    tokens.withLock { $0[owner.id] ?? [] }
  }

  /// Deletes one of the owner's tokens.
  ///
  /// - Parameters:
  ///   - id: The token id.
  ///   - owner: The owner; another owner's token is not found.
  /// - Returns: `true` when the token existed and was deleted.
  @discardableResult
  public func delete(id: String, owner: TokenOwner) -> Bool {
    tokens.withLock { tokens in
      guard let index = tokens[owner.id]?.firstIndex(where: { $0.id == id }) else { return false }
      tokens[owner.id]!.remove(at: index)
      if tokens[owner.id]!.isEmpty { tokens[owner.id] = nil }
      return true
    }
  }

  /// How many tokens the store holds, over all owners.
  public var count: Int {
    tokens.withLock { $0.values.reduce(0) { $0 + $1.count } }
  }
}
