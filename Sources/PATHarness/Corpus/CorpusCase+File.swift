import PATModel

/// Why a corpus file cannot be read as a case: names the file and the problem.
public struct CorpusFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's path.
  public var path: String
  /// What is wrong with it.
  public var message: String

  /// Creates an error for a file.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}

extension CorpusCase {
  /// The members a case file may have.
  static let fileMembers: Set<String> = [
    "payload", "payloadBase64", "now", "existingNames", "nameComparison", "strict", "expect",
    "note", "origin",
  ]

  /// Reads a case from the bytes of a case file.
  ///
  /// - Parameters:
  ///   - bytes: The file's content.
  ///   - path: The file's path, for error messages.
  /// - Throws: ``CorpusFileError`` naming the file and the problem.
  public init(fileBytes bytes: [UInt8], path: String) throws(CorpusFileError) {
    func fail(_ message: String) -> CorpusFileError {
      CorpusFileError(path: path, message: message)
    }
    let members: [JSONMember]
    do {
      members = try JSONParser.parseObject(bytes)
    } catch {
      throw fail("not a JSON object: \(error)")
    }
    var fields: [String: JSONValue] = [:]
    for member in members {
      guard Self.fileMembers.contains(member.name) else {
        throw fail("unknown member \"\(member.name)\"")
      }
      guard fields.updateValue(member.value, forKey: member.name) == nil else {
        throw fail("member \"\(member.name)\" appears twice")
      }
    }
    let payload: [UInt8]
    switch (fields["payload"], fields["payloadBase64"]) {
    case (.string(let text)?, nil): payload = Array(text.utf8)
    case (nil, .string(let text)?):
      guard let bytes = Base64.decode(text) else { throw fail("\"payloadBase64\" is not base64") }
      payload = bytes
    case (nil, nil): throw fail("missing \"payload\" (or \"payloadBase64\")")
    case (.some, .some): throw fail("has both \"payload\" and \"payloadBase64\"")
    default: throw fail("\"payload\" must be a string")
    }
    var now = Self.defaultNow
    if let value = fields["now"] {
      guard case .string(let text) = value, let timestamp = Timestamp(rfc3339: text) else {
        throw fail("\"now\" must be an RFC 3339 date-time")
      }
      now = timestamp
    }
    var existingNames: [String] = []
    if let value = fields["existingNames"] {
      guard case .array(let elements) = value else {
        throw fail("\"existingNames\" must be an array of strings")
      }
      for element in elements {
        guard case .string(let name) = element else {
          throw fail("\"existingNames\" must be an array of strings")
        }
        existingNames.append(name)
      }
    }
    var nameComparison = NameComparison.exact
    if let value = fields["nameComparison"] {
      guard case .string(let text) = value, let comparison = NameComparison(rawValue: text) else {
        throw fail("\"nameComparison\" must be \"exact\", \"canonical\" or \"caseInsensitive\"")
      }
      nameComparison = comparison
    }
    var strict = false
    if let value = fields["strict"] {
      guard case .bool(let flag) = value else { throw fail("\"strict\" must be a boolean") }
      strict = flag
    }
    guard let expectValue = fields["expect"] else { throw fail("missing \"expect\"") }
    let expectation = try Self.expectation(from: expectValue, fail: fail)
    guard case .string(let note)? = fields["note"] else {
      throw fail("missing \"note\" (a string saying why the case exists)")
    }
    guard case .string(let origin)? = fields["origin"] else {
      throw fail("missing \"origin\" (a string)")
    }
    self.init(
      payload: payload, now: now, existingNames: existingNames, nameComparison: nameComparison,
      strict: strict, expectation: expectation, note: note, origin: origin)
  }

  private static func expectation(
    from value: JSONValue, fail: (String) -> CorpusFileError
  ) throws(CorpusFileError) -> Expectation {
    guard case .object(let members) = value,
      case .bool(let valid)? = members.first(where: { $0.name == "valid" })?.value,
      case .array(let codeValues)? = members.first(where: { $0.name == "codes" })?.value,
      members.count == 2
    else {
      throw fail("\"expect\" must be {\"valid\": Bool, \"codes\": [String]}")
    }
    var codes: [ViolationCode] = []
    for codeValue in codeValues {
      guard case .string(let text) = codeValue, let code = ViolationCode(rawValue: text) else {
        throw fail("unknown violation code \(JSONWriter.text(of: codeValue)) in \"expect\"")
      }
      codes.append(code)
    }
    guard valid == codes.isEmpty else {
      throw fail(valid ? "a valid case lists codes" : "an invalid case lists no codes")
    }
    return Expectation(valid: valid, codes: codes)
  }

  /// The case as the JSON object of its file.
  public var fileValue: JSONValue {
    var members: [JSONMember] = []
    if Self.isText(payload) {
      members.append(
        JSONMember(name: "payload", value: .string(String(decoding: payload, as: UTF8.self))))
    } else {
      members.append(JSONMember(name: "payloadBase64", value: .string(Base64.encode(payload))))
    }
    members.append(JSONMember(name: "now", value: .string(now.rfc3339)))
    members.append(
      JSONMember(name: "existingNames", value: .array(existingNames.map(JSONValue.string))))
    if nameComparison != .exact {
      members.append(JSONMember(name: "nameComparison", value: .string(nameComparison.rawValue)))
    }
    if strict { members.append(JSONMember(name: "strict", value: .bool(true))) }
    members.append(JSONMember(name: "expect", value: expectation.jsonValue))
    members.append(JSONMember(name: "note", value: .string(note)))
    members.append(JSONMember(name: "origin", value: .string(origin)))
    return .object(members)
  }

  /// The content of the case's file: indented JSON with a final newline.
  public var fileBytes: [UInt8] { Array(fileValue.prettyText.utf8) }

  /// Whether bytes are valid UTF-8, so the payload can be stored as text.
  static func isText(_ bytes: [UInt8]) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}
