import PATModel

extension PersonalAccessToken {
  /// The `CreatePersonalAccessTokenResponse` body: `id`, `secret`, `scope`, `name`, `owner`,
  /// `created`, `accessTokenValiditySeconds`, `expirationDate` (canonical RFC 3339 or
  /// `null`), `userAwareTokenNeverExpires`.
  ///
  /// - Parameter secret: The token's secret, shown only in this response.
  /// - Returns: The JSON object.
  public func creationJSON(secret: String) -> JSONValue {
    .object([
      JSONMember(name: "id", value: .string(id)),
      JSONMember(name: "secret", value: .string(secret)),
      JSONMember(name: "scope", value: .array(scope.map(JSONValue.string))),
      JSONMember(name: "name", value: .string(name)),
      JSONMember(name: "owner", value: owner.jsonValue),
      JSONMember(name: "created", value: .string(created.rfc3339)),
      JSONMember(
        name: "accessTokenValiditySeconds", value: .number(String(accessTokenValiditySeconds))),
      JSONMember(
        name: "expirationDate", value: expirationDate.map { .string($0.rfc3339) } ?? .null),
      JSONMember(name: "userAwareTokenNeverExpires", value: .bool(userAwareTokenNeverExpires)),
    ])
  }

  /// The `GetPersonalAccessTokenResponse` body a listing holds: `id`, `name`, `scope`,
  /// `owner`, `created`, `lastUsed` (always `null`: the local service issues no access
  /// tokens), `managed` (always `false`), `accessTokenValiditySeconds`, `expirationDate`,
  /// `userAwareTokenNeverExpires`.
  public var listingJSON: JSONValue {
    .object([
      JSONMember(name: "id", value: .string(id)),
      JSONMember(name: "name", value: .string(name)),
      JSONMember(name: "scope", value: .array(scope.map(JSONValue.string))),
      JSONMember(name: "owner", value: owner.jsonValue),
      JSONMember(name: "created", value: .string(created.rfc3339)),
      JSONMember(name: "lastUsed", value: .null),
      JSONMember(name: "managed", value: .bool(false)),
      JSONMember(
        name: "accessTokenValiditySeconds", value: .number(String(accessTokenValiditySeconds))),
      JSONMember(
        name: "expirationDate", value: expirationDate.map { .string($0.rfc3339) } ?? .null),
      JSONMember(name: "userAwareTokenNeverExpires", value: .bool(userAwareTokenNeverExpires)),
    ])
  }
}
