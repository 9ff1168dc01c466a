import PATModel

/// What a valid `CreatePersonalAccessTokenResponse` tells the harness: the new token, and the
/// service's `now` when it created it.
public struct ServiceCreatedToken: Sendable, Hashable {
  /// The token's id and name.
  public var token: ServiceToken
  /// The `created` time: the service's `now` when it handled the request.
  public var created: Timestamp

  /// Creates a description of a created token.
  ///
  /// - Parameters:
  ///   - token: The token's id and name.
  ///   - created: The `created` time.
  public init(token: ServiceToken, created: Timestamp) {
    self.token = token
    self.created = created
  }
}
