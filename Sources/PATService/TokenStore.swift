@_spi(PlantedFaults) import PATModel
import Synchronization

/// The service's tokens, in memory: one ``OwnerTokenStore`` of the reference model per owner,
/// so the service keeps exactly the model's rules (duplicate names, the 10-token limit, expiry),
/// behind a lock that makes each creation atomic.
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
  private let owners = Mutex<[String: (owner: TokenOwner, tokens: OwnerTokenStore)]>([:])

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

  /// Validates a decoded request against `now` and the owner's active tokens and, when valid,
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
    owners.withLock { owners in
      var entry = owners[owner.id] ?? (owner, newOwnerStore())
      defer { owners[owner.id] = entry.tokens.tokens.isEmpty ? nil : entry }
      switch entry.tokens.create(request, now: now, id: RandomHex.make(byteCount: 16)) {
      case .success(let token):
        return .created(
          PersonalAccessToken(token, owner: owner), secret: RandomHex.make(byteCount: 32))
      case .failure(let rejection):
        return .rejected(rejection.verdict.violations)
      }
    }
  }

  /// The owner's active tokens (expired ones are gone), oldest first.
  ///
  /// - Parameters:
  ///   - owner: The owner.
  ///   - now: The service's clock reading.
  /// - Returns: The tokens.
  public func tokens(of owner: TokenOwner, at now: Timestamp) -> [PersonalAccessToken] {
    owners.withLock { owners in
      (owners[owner.id]?.tokens.activeTokens(at: now) ?? []).map {
        PersonalAccessToken($0, owner: owner)
      }
    }
  }

  /// Every token the store holds for an owner, expired ones not yet dropped included, oldest
  /// first: what a clean-up must have removed.
  ///
  /// - Parameter owner: The owner.
  /// - Returns: The tokens.
  public func tokens(of owner: TokenOwner) -> [PersonalAccessToken] {
    owners.withLock { owners in
      (owners[owner.id]?.tokens.tokens ?? []).map { PersonalAccessToken($0, owner: owner) }
    }
  }

  /// Deletes one of the owner's tokens.
  ///
  /// - Parameters:
  ///   - id: The token id.
  ///   - owner: The owner; another owner's token is not found.
  /// - Returns: `true` when the token existed and was deleted.
  @discardableResult
  public func delete(id: String, owner: TokenOwner) -> Bool {
    owners.withLock { owners in
      guard var entry = owners[owner.id], entry.tokens.delete(id: id) else { return false }
      owners[owner.id] = entry.tokens.tokens.isEmpty ? nil : entry
      return true
    }
  }

  /// How many tokens the store holds, over all owners (expired ones not yet dropped included).
  public var count: Int {
    owners.withLock { $0.values.reduce(0) { $0 + $1.tokens.tokens.count } }
  }

  private func newOwnerStore() -> OwnerTokenStore {
    var store = OwnerTokenStore(nameComparison: nameComparison, strict: strict)
    store.plantedFaults = plantedFaults
    return store
  }
}
