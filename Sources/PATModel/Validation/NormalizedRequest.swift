/// A valid request with every default applied: what the service would create.
public struct NormalizedRequest: Hashable, Sendable {
  /// The scope a token gets when none is given.
  public static let defaultScope = ["sp:scopes:all"]
  /// The access-token validity a token gets when none is given, in seconds.
  public static let defaultAccessTokenValiditySeconds: Int32 = 43200

  /// The token name.
  public var name: String
  /// The scopes (never empty).
  public var scope: [String]
  /// Seconds an access token made with this token is valid, 15...43200.
  public var accessTokenValiditySeconds: Int32
  /// When the token expires, or `nil` when it never does.
  public var expirationDate: Timestamp?
  /// Whether the caller acknowledged a token that never expires.
  public var userAwareTokenNeverExpires: Bool

  /// Creates a normalized request.
  public init(
    name: String, scope: [String], accessTokenValiditySeconds: Int32, expirationDate: Timestamp?,
    userAwareTokenNeverExpires: Bool
  ) {
    self.name = name
    self.scope = scope
    self.accessTokenValiditySeconds = accessTokenValiditySeconds
    self.expirationDate = expirationDate
    self.userAwareTokenNeverExpires = userAwareTokenNeverExpires
  }

  /// The normalized request as a JSON object, every member present, in canonical order; the
  /// expiration date in canonical form or `null`.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(name: "name", value: .string(name)),
      JSONMember(name: "scope", value: .array(scope.map(JSONValue.string))),
      JSONMember(
        name: "accessTokenValiditySeconds", value: .number(String(accessTokenValiditySeconds))),
      JSONMember(
        name: "expirationDate", value: expirationDate.map { .string($0.rfc3339) } ?? .null),
      JSONMember(name: "userAwareTokenNeverExpires", value: .bool(userAwareTokenNeverExpires)),
    ])
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    JSONWriter.text(of: lhs.jsonValue).utf8.elementsEqual(JSONWriter.text(of: rhs.jsonValue).utf8)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(bytes: JSONWriter.text(of: jsonValue).utf8)
  }
}
