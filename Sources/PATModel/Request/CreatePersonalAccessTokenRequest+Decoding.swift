extension CreatePersonalAccessTokenRequest {
  /// Decodes a payload with the reference decoder, which applies the strict JSON rules.
  ///
  /// - Parameter bytes: The payload.
  /// - Throws: ``RequestDecodingError`` with one `json.malformed` violation, or the
  ///   `json.duplicateKey` violations, or the `type.mismatch` violations.
  public init(json bytes: UnsafeRawBufferPointer) throws(RequestDecodingError) {
    let members: [JSONMember]
    do {
      members = try JSONParser.parseObject(bytes)
    } catch {
      throw RequestDecodingError(violations: [
        Violation(code: .jsonMalformed, field: nil, detail: .syntax(error))
      ])
    }
    self = try RequestMemberDecoder.decode(members)
  }

  /// Decodes a payload with the reference decoder, which applies the strict JSON rules.
  ///
  /// - Parameter bytes: The payload.
  /// - Throws: ``RequestDecodingError``.
  public init(json bytes: [UInt8]) throws(RequestDecodingError) {
    let result: Result<Self, RequestDecodingError> = bytes.withUnsafeBytes { buffer in
      Result { () throws(RequestDecodingError) in try Self(json: buffer) }
    }
    self = try result.get()
  }

  /// Decodes a payload given as text with the reference decoder.
  ///
  /// - Parameter text: The payload.
  /// - Throws: ``RequestDecodingError``.
  public init(json text: String) throws(RequestDecodingError) {
    try self.init(json: Array(text.utf8))
  }
}

/// Turns the members of a parsed top-level object into a request: repeated names first, then
/// the type of each known member.
enum RequestMemberDecoder {
  static func decode(_ members: [JSONMember]) throws(RequestDecodingError)
    -> CreatePersonalAccessTokenRequest
  {
    try rejectDuplicates(members)
    var request = CreatePersonalAccessTokenRequest()
    var mismatches: [Violation] = []
    for member in members {
      switch RequestMember(exactly: member.name) {
      case .name?:
        request.name = decodeMember(member, &mismatches, expected: RequestMember.name.expectedType)
        {
          if case .string(let text) = $0 { text } else { nil }
        }
      case .scope?:
        request.scope = decodeScope(member, &mismatches)
      case .accessTokenValiditySeconds?:
        request.accessTokenValiditySeconds = decodeMember(
          member, &mismatches, expected: RequestMember.accessTokenValiditySeconds.expectedType
        ) {
          if case .number(let literal) = $0 { int32(fromLiteral: literal) } else { nil }
        }
      case .expirationDate?:
        request.expirationDate = decodeMember(
          member, &mismatches, expected: RequestMember.expirationDate.expectedType
        ) {
          if case .string(let text) = $0 { text } else { nil }
        }
      case .userAwareTokenNeverExpires?:
        request.userAwareTokenNeverExpires = decodeMember(
          member, &mismatches, expected: RequestMember.userAwareTokenNeverExpires.expectedType
        ) {
          if case .bool(let flag) = $0 { flag } else { nil }
        }
      case nil:
        request.additionalMembers.append(member)
      }
    }
    guard mismatches.isEmpty else { throw RequestDecodingError(violations: mismatches) }
    return request
  }

  private static func rejectDuplicates(_ members: [JSONMember]) throws(RequestDecodingError) {
    var seen = Set<ExactString>()
    var reported = Set<ExactString>()
    var violations: [Violation] = []
    for member in members {
      let key = ExactString(member.name)
      if !seen.insert(key).inserted, reported.insert(key).inserted {
        violations.append(duplicateKey(member.name))
      }
    }
    guard violations.isEmpty else { throw RequestDecodingError(violations: violations) }
  }

  private static func decodeMember<T>(
    _ member: JSONMember, _ mismatches: inout [Violation], expected: String,
    _ extract: (JSONValue) -> T?
  ) -> Presence<T> {
    if case .null = member.value { return .null }
    if let value = extract(member.value) { return .value(value) }
    mismatches.append(mismatch(member, expected: expected))
    return .absent
  }

  private static func decodeScope(_ member: JSONMember, _ mismatches: inout [Violation])
    -> Presence<[String]>
  {
    switch member.value {
    case .null: return .null
    case .array(let elements):
      var scopes: [String] = []
      scopes.reserveCapacity(elements.count)
      for (position, element) in elements.enumerated() {
        guard case .string(let text) = element else {
          mismatches.append(
            scopeElementMismatch(position: position, typeName: element.typeName))
          return .absent
        }
        scopes.append(text)
      }
      return .value(scopes)
    default:
      mismatches.append(mismatch(member, expected: RequestMember.scope.expectedType))
      return .absent
    }
  }

  private static func mismatch(_ member: JSONMember, expected: String) -> Violation {
    var literal: String?
    if case .number(let text) = member.value { literal = text }
    return mismatch(
      field: member.name, expected: expected, typeName: member.value.typeName, literal: literal)
  }

  /// The `json.duplicateKey` violation for a repeated member name.
  ///
  /// - Parameter name: The repeated name, unescaped.
  /// - Returns: The violation.
  static func duplicateKey(_ name: String) -> Violation {
    Violation(
      code: .jsonDuplicateKey, field: name, message: "member \"\(name)\" appears more than once")
  }

  /// The `type.mismatch` violation for a known member whose value has the wrong type.
  ///
  /// - Parameters:
  ///   - field: The member name.
  ///   - expected: What the member accepts, for the message.
  ///   - typeName: The JSON type name of the value found.
  ///   - literal: The literal text of the value when it is a number.
  /// - Returns: The violation.
  static func mismatch(field: String, expected: String, typeName: String, literal: String?)
    -> Violation
  {
    var found = article(typeName)
    if let literal { found += " (\(literal))" }
    return Violation(
      code: .typeMismatch, field: field, message: "expected \(expected), found \(found)")
  }

  /// The `type.mismatch` violation for a `scope` array with an element that is not a string.
  ///
  /// - Parameters:
  ///   - position: The index of the first element that is not a string.
  ///   - typeName: The JSON type name of that element.
  /// - Returns: The violation.
  static func scopeElementMismatch(position: Int, typeName: String) -> Violation {
    Violation(
      code: .typeMismatch, field: RequestMember.scope.rawValue,
      message: "expected an array of strings, element \(position) is \(article(typeName))")
  }

  private static func article(_ typeName: String) -> String {
    switch typeName {
    case "null": "null"
    case "array", "object": "an \(typeName)"
    default: "a \(typeName)"
    }
  }

  /// The value of an integer literal (`-?(0|[1-9][0-9]*)`) that fits in `Int32`, or `nil`.
  static func int32(fromLiteral literal: String) -> Int32? {
    var utf8 = literal.utf8[...]
    let negative = utf8.first == UInt8(ascii: "-")
    if negative { utf8 = utf8.dropFirst() }
    guard !utf8.isEmpty, utf8.count <= 10 else { return nil }
    var magnitude: Int64 = 0
    for byte in utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      magnitude = magnitude * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return Int32(exactly: negative ? -magnitude : magnitude)
  }
}

/// A string that hashes and compares by its exact UTF-8 bytes (Swift's `String` uses canonical
/// equivalence, which would merge `"Cafe\u{301}"` with `"Caf\u{E9}"`).
struct ExactString: Hashable {
  let string: String

  init(_ string: String) {
    self.string = string
  }

  static func == (lhs: ExactString, rhs: ExactString) -> Bool {
    lhs.string.utf8.elementsEqual(rhs.string.utf8)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(bytes: string.utf8)
  }
}
