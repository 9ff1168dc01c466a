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

  /// Creates a token from a normalized request.
  ///
  /// - Parameters:
  ///   - id: The token id.
  ///   - request: The valid, normalized request.
  ///   - owner: The owner.
  ///   - created: The creation instant.
  public init(id: String, request: NormalizedRequest, owner: TokenOwner, created: Timestamp) {
    self.id = id
    self.name = request.name
    self.scope = request.scope
    self.owner = owner
    self.created = created
    self.accessTokenValiditySeconds = request.accessTokenValiditySeconds
    self.expirationDate = request.expirationDate
    self.userAwareTokenNeverExpires = request.userAwareTokenNeverExpires
  }
}
