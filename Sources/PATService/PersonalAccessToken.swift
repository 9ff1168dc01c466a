import PATModel

/// A token the service holds: everything but its secret, which is shown once, at creation.
public struct PersonalAccessToken: Sendable, Hashable {
  /// The token id: 32 random lowercase hex digits.
  public var id: String
  /// The token name.
  public var name: String
  /// The scopes (never empty).
  public var scope: [String]
  /// Whose token it is.
  public var owner: TokenOwner
  /// When it was created, by the service's clock.
  public var created: Timestamp
  /// Seconds an access token made with it is valid.
  public var accessTokenValiditySeconds: Int32
  /// When it expires, or `nil` when it never does.
  public var expirationDate: Timestamp?
  /// Whether the owner acknowledged a token that never expires.
  public var userAwareTokenNeverExpires: Bool

  /// The service's view of a token of the reference model's store.
  ///
  /// - Parameters:
  ///   - token: The token as the model's ``OwnerTokenStore`` holds it.
  ///   - owner: The owner.
  public init(_ token: PATModel.PersonalAccessToken, owner: TokenOwner) {
    self.id = token.id
    self.name = token.name
    self.scope = token.scope
    self.owner = owner
    self.created = token.created
    self.accessTokenValiditySeconds = token.accessTokenValiditySeconds
    self.expirationDate = token.expirationDate
    self.userAwareTokenNeverExpires = token.userAwareTokenNeverExpires
  }
}
