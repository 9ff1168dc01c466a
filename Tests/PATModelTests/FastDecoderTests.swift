import PATModel
import Testing

@Suite("Fast decoder: the same results as the reference decoder")
struct FastDecoderTests {
  /// The contexts each payload is validated in: the defaults, and strict mode with existing
  /// names (one of them the canonical twin of a generated name) at the token limit.
  static let contexts = [
    ValidationContext(now: testNow),
    ValidationContext(
      now: testNow, existingNames: ["CI", "Caf\u{E9}"] + (1...8).map { "t\($0)" },
      nameComparison: .canonical, strict: true),
  ]

  /// What the reference and the fast decoder make of a payload, when they disagree.
  static func disagreement(_ bytes: [UInt8]) -> String? {
    let reference = Result { () throws(RequestDecodingError) in
      try CreatePersonalAccessTokenRequest(json: bytes)
    }
    let fast = Result { () throws(RequestDecodingError) in try FastRequestDecoder.decode(bytes) }
    guard fast == reference else {
      return "payload \(describe(bytes))\n  reference: \(reference)\n  fast: \(fast)"
    }
    for context in contexts {
      let expected = Validator(context: context).validate(json: bytes)
      let verdict = Validator(context: context).validateFast(json: bytes)
      guard verdict == expected else {
        return "payload \(describe(bytes))\n  reference: \(expected)\n  fast: \(verdict)"
      }
    }
    return nil
  }

  /// A payload as text, with bytes that would not print shown as `\xNN`.
  static func describe(_ bytes: [UInt8]) -> String {
    let text = bytes.prefix(300).map { byte in
      (0x20..<0x7F).contains(byte)
        ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
    }.joined()
    return bytes.count > 300 ? text + "... (\(bytes.count) bytes)" : text
  }

  @Test("agrees with the reference on hand-picked payloads", arguments: TrickyPayloads.cases)
  func handPicked(payload: TrickyPayloads.Payload) {
    #expect(Self.disagreement(payload.bytes) == nil)
  }

  @Test("the hand-picked payloads cover every JSON error, type mismatch and repeated name")
  func handPickedCoverage() {
    var reasons = Set<String>()
    var mismatchedFields = Set<String>()
    var duplicateFields = Set<String>()
    var decoded = 0
    for bytes in TrickyPayloads.all {
      switch Result(catching: { () throws(JSONSyntaxError) in try JSONParser.parseObject(bytes) })
      {
      case .failure(let error): reasons.insert(Self.reasonName(error.reason))
      case .success:
        do {
          _ = try CreatePersonalAccessTokenRequest(json: bytes)
          decoded += 1
        } catch {
          for violation in error.violations {
            if violation.code == .typeMismatch { mismatchedFields.insert(violation.field ?? "") }
            if violation.code == .jsonDuplicateKey { duplicateFields.insert(violation.field ?? "") }
          }
        }
      }
    }
    #expect(reasons == Set(Self.allReasonNames))
    #expect(mismatchedFields == Set(RequestMember.allCases.map(\.rawValue)))
    #expect(duplicateFields.isSuperset(of: ["name", "x"]))
    #expect(decoded >= 20)
  }

  static let allReasonNames = [
    "unexpectedEnd", "unexpectedByte", "byteOrderMark", "notAnObject", "trailingContent",
    "invalidUTF8", "controlCharacterInString", "invalidEscape", "loneSurrogate", "leadingZero",
    "invalidNumber", "invalidLiteral", "trailingComma", "comment", "tooDeep",
  ]

  static func reasonName(_ reason: JSONSyntaxError.Reason) -> String {
    switch reason {
    case .unexpectedByte: "unexpectedByte"
    default: "\(reason)"
    }
  }

  /// Cases of the generated stream; a debug build checks them in about ten seconds.
  static let generatedCases = 80_000

  @Test("agrees with the reference on a seeded stream of generated and mutated payloads")
  func generatedStream() {
    var generator = PayloadGenerator(seed: 0x5EED_0007)
    var failures = 0
    var outcomes: [String: Int] = [:]
    for _ in 0..<Self.generatedCases {
      let bytes = generator.payload()
      if let disagreement = Self.disagreement(bytes) {
        failures += 1
        Issue.record("\(disagreement)")
        if failures == 5 { break }
      }
      outcomes[Self.outcome(bytes), default: 0] += 1
    }
    // The stream must reach every outcome often enough to mean something.
    for outcome in ["valid", "invalid", "json.malformed", "json.duplicateKey", "type.mismatch"] {
      #expect(outcomes[outcome, default: 0] >= Self.generatedCases / 50, "\(outcomes)")
    }
  }

  static func outcome(_ bytes: [UInt8]) -> String {
    do {
      let request = try CreatePersonalAccessTokenRequest(json: bytes)
      return Validator(context: contexts[0]).validate(request).isValid ? "valid" : "invalid"
    } catch {
      return error.code.rawValue
    }
  }

  @Test("an empty buffer without a base address is malformed at byte 0")
  func emptyBuffer() {
    let empty = UnsafeRawBufferPointer(start: nil, count: 0)
    #expect(throws: RequestDecodingError.self) { try FastRequestDecoder.decode(empty) }
    let verdict = FastRequestDecoder.validate(empty, context: Self.contexts[0])
    #expect(verdict == Validator(context: Self.contexts[0]).validate(json: empty))
    #expect(
      verdict.violations.map(\.message) == [
        "malformed JSON at byte 0: the payload ends inside a value"
      ])
  }

  @Test("keeps unknown members with their values as written")
  func unknownMembers() throws {
    let text =
      #"{"x":[1.50,{"y":-0,"y":"\u00e9\ud83d\ude00"}],"name":"a","Name":null,"z":{"":true}}"#
    let request = try FastRequestDecoder.decode(Array(text.utf8))
    #expect(request == (try CreatePersonalAccessTokenRequest(json: text)))
    #expect(request.additionalMembers.map(\.name) == ["x", "Name", "z"])
    #expect(
      request.additionalMembers[0].value
        == .array([
          .number("1.50"),
          .object([
            JSONMember(name: "y", value: .number("-0")),
            JSONMember(name: "y", value: .string("\u{E9}\u{1F600}")),
          ]),
        ]))
  }

  @Test("decodes the spec's example")
  func specExample() throws {
    let text =
      #"{"name":"NodeJS Integration","scope":["demo:personal-access-token-scope:first","#
      + #""demo:personal-access-token-scope:second"],"accessTokenValiditySeconds":36900,"#
      + #""expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}"#
    let request = try FastRequestDecoder.decode(Array(text.utf8))
    #expect(request.name == .value("NodeJS Integration"))
    #expect(request.scope.value?.count == 2)
    #expect(request.accessTokenValiditySeconds == .value(36900))
    #expect(request.expirationDate == .value("2026-12-31T23:59:59.999Z"))
    #expect(request.userAwareTokenNeverExpires == .value(false))
    #expect(request.canonicalJSONString == text)
  }
}
