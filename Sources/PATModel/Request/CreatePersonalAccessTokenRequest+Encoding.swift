extension CreatePersonalAccessTokenRequest {
  /// The request as a JSON object: the five members in canonical order (absent ones left out,
  /// `null` ones written as `null`), then the additional members in their order.
  public var jsonValue: JSONValue {
    var members: [JSONMember] = []
    func add<T>(_ key: String, _ presence: Presence<T>, _ encode: (T) -> JSONValue) {
      switch presence {
      case .absent: break
      case .null: members.append(JSONMember(name: key, value: .null))
      case .value(let value): members.append(JSONMember(name: key, value: encode(value)))
      }
    }
    add("name", name) { .string($0) }
    add("scope", scope) { .array($0.map(JSONValue.string)) }
    add("accessTokenValiditySeconds", accessTokenValiditySeconds) { .number(String($0)) }
    add("expirationDate", expirationDate) { .string($0) }
    add("userAwareTokenNeverExpires", userAwareTokenNeverExpires) { .bool($0) }
    members.append(contentsOf: additionalMembers)
    return .object(members)
  }

  /// The canonical encoding: deterministic, so payloads can be compared byte for byte.
  public var canonicalJSON: [UInt8] {
    var writer = JSONWriter()
    writer.write(jsonValue)
    return writer.bytes
  }

  /// The canonical encoding as text.
  public var canonicalJSONString: String {
    String(decoding: canonicalJSON, as: UTF8.self)
  }
}
