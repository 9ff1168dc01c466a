/// A token as the service holds it once created.
public struct PersonalAccessToken: Hashable, Sendable {
  /// The token's identifier.
  public var id: String
  /// The token's name, unique among the owner's active tokens.
  public var name: String
  /// The scopes.
  public var scope: [String]
  /// Seconds an access token made with this token is valid.
  public var accessTokenValiditySeconds: Int32
  /// When the token expires, or `nil` when it never does.
  public var expirationDate: Timestamp?
  /// Whether the owner acknowledged a token that never expires.
  public var userAwareTokenNeverExpires: Bool
  /// When the token was created.
  public var created: Timestamp

  /// Creates a token from a valid, normalized request.
  ///
  /// - Parameters:
  ///   - id: The token's identifier.
  ///   - request: The normalized request.
  ///   - created: The creation instant.
  public init(id: String, request: NormalizedRequest, created: Timestamp) {
    self.id = id
    self.name = request.name
    self.scope = request.scope
    self.accessTokenValiditySeconds = request.accessTokenValiditySeconds
    self.expirationDate = request.expirationDate
    self.userAwareTokenNeverExpires = request.userAwareTokenNeverExpires
    self.created = created
  }

  /// Whether the token is still the owner's at an instant: it never expires, or expires later.
  ///
  /// - Parameter now: The instant.
  /// - Returns: `true` while the token is active.
  public func isActive(at now: Timestamp) -> Bool {
    expirationDate.map { $0 > now } ?? true
  }
}
