import PATModel

/// Reads a service's response bodies against the schemas of the API: the
/// `CreatePersonalAccessTokenResponse` of a created token, the listing of an owner's tokens and
/// the `ErrorResponseDto` of a rejection.
public enum ServiceResponseSchema {
  /// Checks the body of a successful create against `CreatePersonalAccessTokenResponse`: a JSON
  /// object with no repeated member, `id`, `secret` and `name` strings, `scope` an array of
  /// strings, `owner` an object (its `type`, `id` and `name` strings when present), `created`
  /// an RFC 3339 date-time, `accessTokenValiditySeconds` an integer, `expirationDate` an RFC
  /// 3339 date-time or `null`, and `userAwareTokenNeverExpires`, when present, a boolean or
  /// `null`. Other members are allowed.
  ///
  /// - Parameter body: The body.
  /// - Returns: The token and its `created` time, or how the body breaks the schema.
  public static func creation(_ body: [UInt8]) -> Result<ServiceCreatedToken, ServiceSchemaBreak> {
    guard let members = try? JSONParser.parseObject(body) else {
      return .failure(ServiceSchemaBreak("the body is not a JSON object"))
    }
    var seen = Set<String>()
    for member in members {
      guard seen.insert(member.name).inserted else {
        return .failure(ServiceSchemaBreak("\"\(member.name)\" appears more than once"))
      }
    }
    func value(_ name: String) -> JSONValue? { members.first { $0.name == name }?.value }
    for name in ["id", "secret", "name"] {
      guard let member = value(name) else { return .failure(missing(name)) }
      guard case .string = member else { return .failure(wrongType(name, "a string")) }
    }
    guard let scope = value("scope") else { return .failure(missing("scope")) }
    guard case .array(let scopes) = scope,
      scopes.allSatisfy({ if case .string = $0 { true } else { false } })
    else { return .failure(wrongType("scope", "an array of strings")) }
    if let problem = ownerProblem(value("owner")) { return .failure(problem) }
    guard let createdValue = value("created") else { return .failure(missing("created")) }
    guard case .string(let createdText) = createdValue,
      let created = Timestamp(rfc3339: createdText)
    else { return .failure(wrongType("created", "an RFC 3339 date-time")) }
    guard let validity = value("accessTokenValiditySeconds") else {
      return .failure(missing("accessTokenValiditySeconds"))
    }
    guard case .number(let literal) = validity, isIntegerLiteral(literal) else {
      return .failure(wrongType("accessTokenValiditySeconds", "an integer"))
    }
    guard let expiration = value("expirationDate") else {
      return .failure(missing("expirationDate"))
    }
    switch expiration {
    case .null: break
    case .string(let text) where Timestamp(rfc3339: text) != nil: break
    default: return .failure(wrongType("expirationDate", "an RFC 3339 date-time or null"))
    }
    switch value("userAwareTokenNeverExpires") {
    case nil, .null?, .bool?: break
    default: return .failure(wrongType("userAwareTokenNeverExpires", "a boolean"))
    }
    guard case .string(let id)? = value("id"), case .string(let name)? = value("name") else {
      return .failure(missing("id"))
    }
    return .success(ServiceCreatedToken(token: ServiceToken(id: id, name: name), created: created))
  }

  /// Reads the listing of an owner's tokens: a JSON array of objects, each with an `id` and a
  /// `name` string (other members are not read).
  ///
  /// - Parameter body: The body.
  /// - Returns: The tokens, or `nil` when the body is not such a listing.
  public static func listing(_ body: [UInt8]) -> [ServiceToken]? {
    guard case .array(let elements)? = json(body) else { return nil }
    var tokens: [ServiceToken] = []
    for element in elements {
      guard case .object(let members) = element,
        case .string(let id)? = members.first(where: { $0.name == "id" })?.value,
        case .string(let name)? = members.first(where: { $0.name == "name" })?.value
      else { return nil }
      tokens.append(ServiceToken(id: id, name: name))
    }
    return tokens
  }

  /// Reads the violation codes of a rejection's `ErrorResponseDto`: the text of each of its
  /// `messages` up to the first `:` (`"name.empty: the name is empty"` is `name.empty`).
  ///
  /// - Parameter body: The body.
  /// - Returns: The codes in the order of the messages; `nil` codes when the body is a JSON
  ///   object without a `messages` array of objects with a `text` string; a break when the
  ///   body is not a JSON object at all.
  public static func errorCodes(_ body: [UInt8]) -> Result<[String]?, ServiceSchemaBreak> {
    guard let members = try? JSONParser.parseObject(body) else {
      return .failure(ServiceSchemaBreak("the body is not a JSON object"))
    }
    guard case .array(let messages)? = members.first(where: { $0.name == "messages" })?.value
    else { return .success(nil) }
    var codes: [String] = []
    for message in messages {
      guard case .object(let fields) = message,
        case .string(let text)? = fields.first(where: { $0.name == "text" })?.value
      else { return .success(nil) }
      let code = text.prefix { $0 != ":" }
      codes.append(String(code).trimmingSpaces)
    }
    return .success(codes)
  }

  /// Parses any JSON value with the strict parser (which reads objects only, so the value is
  /// wrapped in one).
  ///
  /// - Parameter body: The text.
  /// - Returns: The value, or `nil` when the text is not exactly one JSON value.
  static func json(_ body: [UInt8]) -> JSONValue? {
    let wrapped = Array(#"{"v":"#.utf8) + body + Array("}".utf8)
    guard let members = try? JSONParser.parseObject(wrapped), members.count == 1 else {
      return nil
    }
    return members[0].value
  }

  /// Checks `owner`: an object whose `type`, `id` and `name` are strings when present.
  ///
  /// - Parameter owner: The member's value, if present.
  /// - Returns: The break, or `nil` when it is well formed.
  private static func ownerProblem(_ owner: JSONValue?) -> ServiceSchemaBreak? {
    guard let owner else { return missing("owner") }
    guard case .object(let fields) = owner else { return wrongType("owner", "an object") }
    for field in fields where ["type", "id", "name"].contains(field.name) {
      guard case .string = field.value else { return wrongType("owner.\(field.name)", "a string") }
    }
    return nil
  }

  /// Whether a number literal is an integer: `-?(0|[1-9][0-9]*)`.
  ///
  /// - Parameter literal: The literal.
  /// - Returns: Whether it is an integer literal.
  private static func isIntegerLiteral(_ literal: String) -> Bool {
    let digits = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
    guard let first = digits.first, digits.allSatisfy(\.isASCIIDigit) else { return false }
    return first != "0" || digits.count == 1
  }

  /// The break of a missing member.
  ///
  /// - Parameter name: The member.
  /// - Returns: The break.
  private static func missing(_ name: String) -> ServiceSchemaBreak {
    ServiceSchemaBreak("\"\(name)\" is missing")
  }

  /// The break of a member of the wrong type.
  ///
  /// - Parameters:
  ///   - name: The member.
  ///   - type: What it should be, with its article.
  /// - Returns: The break.
  private static func wrongType(_ name: String, _ type: String) -> ServiceSchemaBreak {
    ServiceSchemaBreak("\"\(name)\" is not \(type)")
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
