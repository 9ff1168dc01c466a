/// The body of `POST /v2025/personal-access-tokens` in SailPoint's Identity Security Cloud API
/// v2025, kept exactly as it was on the wire.
///
/// Every optional member keeps three states (absent, `null`, value), the expiration date stays
/// the text that was sent (its format is a validation rule, not a decoding rule), and unknown
/// members are kept in order. Equality is exact: strings compare scalar by scalar, so
/// `"Cafe\u{301}"` and `"Caf\u{E9}"` differ.
public struct CreatePersonalAccessTokenRequest: Sendable {
  /// `name`: required, unique among the owner's tokens.
  public var name: Presence<String>
  /// `scope`: the token's scopes; absent, `null` and `[]` mean `["sp:scopes:all"]`.
  public var scope: Presence<[String]>
  /// `accessTokenValiditySeconds`: 15...43200; absent and `null` mean 43200.
  public var accessTokenValiditySeconds: Presence<Int32>
  /// `expirationDate`: the date-time text as sent; `""` counts as `null`.
  public var expirationDate: Presence<String>
  /// `userAwareTokenNeverExpires`: must be `true` when there is no expiration date.
  public var userAwareTokenNeverExpires: Presence<Bool>
  /// Members with other names, in document order.
  public var additionalMembers: [JSONMember]

  /// Creates a request; every member defaults to absent.
  public init(
    name: Presence<String> = .absent,
    scope: Presence<[String]> = .absent,
    accessTokenValiditySeconds: Presence<Int32> = .absent,
    expirationDate: Presence<String> = .absent,
    userAwareTokenNeverExpires: Presence<Bool> = .absent,
    additionalMembers: [JSONMember] = []
  ) {
    self.name = name
    self.scope = scope
    self.accessTokenValiditySeconds = accessTokenValiditySeconds
    self.expirationDate = expirationDate
    self.userAwareTokenNeverExpires = userAwareTokenNeverExpires
    self.additionalMembers = additionalMembers
  }
}

extension CreatePersonalAccessTokenRequest: Hashable {
  /// Two requests are equal when their canonical encodings are byte for byte the same.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.canonicalJSON == rhs.canonicalJSON
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(canonicalJSON)
  }
}
