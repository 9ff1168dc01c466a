import PATModel
import Testing

@Suite("Strict JSON")
struct JSONParserTests {
  static func parse(_ bytes: [UInt8]) -> Result<[JSONMember], JSONSyntaxError> {
    Result { () throws(JSONSyntaxError) in try JSONParser.parseObject(bytes) }
  }

  @Test(
    "rejects what RFC 8259 does not allow",
    arguments: [
      ("", JSONSyntaxError.Reason.unexpectedEnd),
      ("   ", .unexpectedEnd),
      ("[]", .notAnObject),
      ("\"name\"", .notAnObject),
      ("1", .notAnObject),
      ("null", .notAnObject),
      ("{} {}", .trailingContent),
      ("{}x", .trailingContent),
      ("{}\u{0}", .trailingContent),
      ("{\"a\":1,}", .trailingComma),
      ("{\"a\":[1,]}", .trailingComma),
      ("{\"a\":1 // c\n}", .comment),
      ("/* c */{}", .comment),
      ("{}// c", .comment),
      ("{\"a\":NaN}", .invalidLiteral),
      ("{\"a\":Infinity}", .invalidLiteral),
      ("{\"a\":-Infinity}", .invalidLiteral),
      ("{\"a\":tru}", .invalidLiteral),
      ("{\"a\":nulll}", .invalidLiteral),
      ("{\"a\":True}", .invalidLiteral),
      ("{\"a\":01}", .leadingZero),
      ("{\"a\":-01}", .leadingZero),
      ("{\"a\":1.}", .invalidNumber),
      ("{\"a\":.5}", .invalidNumber),
      ("{\"a\":+1}", .invalidNumber),
      ("{\"a\":1e}", .invalidNumber),
      ("{\"a\":1e+}", .invalidNumber),
      ("{\"a\":-}", .invalidNumber),
      ("{\"a\":\"\u{1}\"}", .controlCharacterInString),
      ("{\"a\":\"line\nbreak\"}", .controlCharacterInString),
      ("{\"a\":\"tab\there\"}", .controlCharacterInString),
      ("{\"a\":\"\\x41\"}", .invalidEscape),
      ("{\"a\":\"\\u12G4\"}", .invalidEscape),
      ("{\"a\":\"\\'\"}", .invalidEscape),
      ("{\"a\":\"\\ud800\"}", .loneSurrogate),
      ("{\"a\":\"\\udc00\"}", .loneSurrogate),
      ("{\"a\":\"\\ud800\\u0041\"}", .loneSurrogate),
      ("{\"a\":\"\\ud800x\"}", .loneSurrogate),
      ("{\"\\ud800\":1}", .loneSurrogate),
      ("{'a':1}", .unexpectedByte(UInt8(ascii: "'"), expected: "a member name")),
      ("{a:1}", .unexpectedByte(UInt8(ascii: "a"), expected: "a member name")),
      ("{\"a\" 1}", .unexpectedByte(UInt8(ascii: "1"), expected: "':'")),
      ("{\"a\":1 \"b\":2}", .unexpectedByte(UInt8(ascii: "\""), expected: "',' or '}'")),
      ("{\"a\":1", .unexpectedEnd),
      ("{\"a\":\"x", .unexpectedEnd),
      ("{\"a\":[1", .unexpectedEnd),
    ] as [(String, JSONSyntaxError.Reason)])
  func rejects(text: String, reason: JSONSyntaxError.Reason) {
    guard case .failure(let error) = Self.parse(Array(text.utf8)) else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(error.reason == reason, "\(text): \(error)")
  }

  @Test(
    "rejects bytes that are not UTF-8 and a byte-order mark",
    arguments: [
      ([0xEF, 0xBB, 0xBF, 0x7B, 0x7D], JSONSyntaxError.Reason.byteOrderMark),
      ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xE0, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8),
      ([0x7B, 0x22, 0xE2, 0x82], .invalidUTF8),
      ([0x7B, 0xC3, 0xA9, 0x7D], .unexpectedByte(0xC3, expected: "a member name")),
    ] as [([UInt8], JSONSyntaxError.Reason)])
  func rejectsBytes(bytes: [UInt8], reason: JSONSyntaxError.Reason) {
    guard case .failure(let error) = Self.parse(bytes) else {
      Issue.record("accepted \(bytes)")
      return
    }
    #expect(error.reason == reason, "\(bytes): \(error)")
  }

  @Test("reports the byte offset of the first problem")
  func offsets() throws {
    guard case .failure(let error) = Self.parse(Array("{\"a\": 01}".utf8)) else {
      Issue.record("accepted")
      return
    }
    #expect(error.offset == 7)
    #expect(error.description == "malformed JSON at byte 7: a number with a leading zero")
  }

  @Test("keeps member order, repeated names, literals and exact scalars")
  func keepsWhatIsWritten() throws {
    let text =
      #" { "b" : -0 , "a":[1.50, 3.69e4, true, null, {}], "b":"Cafe\u0301\ud83d\ude00\/" } "#
    let members = try Self.parse(Array(text.utf8)).get()
    #expect(members.map(\.name) == ["b", "a", "b"])
    #expect(members[0].value == .number("-0"))
    #expect(
      members[1].value
        == .array([.number("1.50"), .number("3.69e4"), .bool(true), .null, .object([])]))
    #expect(members[2].value == .string("Cafe\u{301}\u{1F600}/"))
    #expect(members[2].value != .string("Caf\u{E9}\u{1F600}/"))
  }

  @Test("accepts every JSON whitespace and all valid escapes")
  func whitespaceAndEscapes() throws {
    let text = "\t\r\n {\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u0000\"}\n"
    let members = try Self.parse(Array(text.utf8)).get()
    #expect(members[0].value == .string("\"\\/\u{8}\u{C}\n\r\tA\u{E9}\u{0}"))
  }

  static func nested(depth: Int) -> String {
    "{\"a\":" + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
      + "}"
  }

  @Test("accepts 512 levels of nesting and rejects 513")
  func depthLimit() {
    #expect((try? Self.parse(Array(Self.nested(depth: 512).utf8)).get()) != nil)
    guard case .failure(let error) = Self.parse(Array(Self.nested(depth: 513).utf8)) else {
      Issue.record("accepted 513 levels")
      return
    }
    #expect(error.reason == .tooDeep)
    let objects =
      "{" + String(repeating: "\"a\":{", count: 511) + String(repeating: "}", count: 512)
    #expect((try? Self.parse(Array(objects.utf8)).get()) != nil)
    let deeper = "{" + String(repeating: "\"a\":{", count: 512) + String(repeating: "}", count: 513)
    #expect((try? Self.parse(Array(deeper.utf8)).get()) == nil)
  }

  @Test("survives very deep input without recursing past the limit")
  func veryDeep() {
    let text = "{\"a\":" + String(repeating: "[", count: 100_000)
    guard case .failure(let error) = Self.parse(Array(text.utf8)) else {
      Issue.record("accepted")
      return
    }
    #expect(error.reason == .tooDeep)
  }

  @Test("writes canonical JSON")
  func writer() throws {
    let value = JSONValue.object([
      JSONMember(name: "s", value: .string("q\"b\\\u{1}\u{1F}\n\u{7F}é")),
      JSONMember(name: "n", value: .number("-0")),
      JSONMember(name: "a", value: .array([.bool(false), .null])),
    ])
    let text = JSONWriter.text(of: value)
    #expect(text == #"{"s":"q\"b\\\u0001\u001f\n"# + "\u{7F}é\",\"n\":-0,\"a\":[false,null]}")
    #expect(try JSONParser.parseObject(Array(text.utf8)) == value.objectMembers)
  }
}

extension JSONValue {
  var objectMembers: [JSONMember]? {
    if case .object(let members) = self { members } else { nil }
  }
}
