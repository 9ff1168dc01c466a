/// Foundation `Codable` support, for users who decode with `JSONDecoder`.
///
/// Absent and `null` stay apart (`null` is encoded with `encodeNil`, absent members are left
/// out), and members are encoded in canonical order. This path cannot see what the reference
/// decoder sees: repeated member names (Foundation keeps one), integer literal forms (`36900.0`
/// decodes as an integer) and unknown members, which it drops because Foundation's number model
/// cannot write back their literal text. Use ``init(json:)-([UInt8])`` for the reference.
extension CreatePersonalAccessTokenRequest: Codable {
  private enum CodingKeys: String, CodingKey {
    case name, scope, accessTokenValiditySeconds, expirationDate, userAwareTokenNeverExpires
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func decode<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> Presence<T> {
      guard container.contains(key) else { return .absent }
      if try container.decodeNil(forKey: key) { return .null }
      return .value(try container.decode(type, forKey: key))
    }
    self.init(
      name: try decode(String.self, .name),
      scope: try decode([String].self, .scope),
      accessTokenValiditySeconds: try decode(Int32.self, .accessTokenValiditySeconds),
      expirationDate: try decode(String.self, .expirationDate),
      userAwareTokenNeverExpires: try decode(Bool.self, .userAwareTokenNeverExpires))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    func encode<T: Encodable>(_ presence: Presence<T>, _ key: CodingKeys) throws {
      switch presence {
      case .absent: break
      case .null: try container.encodeNil(forKey: key)
      case .value(let value): try container.encode(value, forKey: key)
      }
    }
    try encode(name, .name)
    try encode(scope, .scope)
    try encode(accessTokenValiditySeconds, .accessTokenValiditySeconds)
    try encode(expirationDate, .expirationDate)
    try encode(userAwareTokenNeverExpires, .userAwareTokenNeverExpires)
  }
}
