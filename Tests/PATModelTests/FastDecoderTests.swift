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
  ///
  /// The fast decoder runs twice: once for this payload alone, and once as `reused`, a
  /// decoder that has seen earlier payloads (its cached scope strings must not leak into
  /// this one).
  static func disagreement(_ bytes: [UInt8], reused: inout FastRequestDecoder) -> String? {
    let reference = Result { () throws(RequestDecodingError) in
      try CreatePersonalAccessTokenRequest(json: bytes)
    }
    let fast = Result { () throws(RequestDecodingError) in try FastRequestDecoder.decode(bytes) }
    let fastReused = Result { () throws(RequestDecodingError) in try reused.decode(bytes) }
    guard fast == reference, fastReused == reference else {
      return "payload \(describe(bytes))\n  reference: \(reference)\n  fast: \(fast)"
        + "\n  reused decoder: \(fastReused)"
    }
    for context in contexts {
      let expected = Validator(context: context).validate(json: bytes)
      let verdict = Validator(context: context).validateFast(json: bytes)
      let reusedVerdict = reused.validate(bytes, context: context)
      guard verdict == expected, reusedVerdict == expected else {
        return "payload \(describe(bytes))\n  reference: \(expected)\n  fast: \(verdict)"
          + "\n  reused decoder: \(reusedVerdict)"
      }
    }
    return nil
  }

  /// What the reference and the fast decoder make of a payload, when they disagree, with a
  /// fresh decoder.
  static func disagreement(_ bytes: [UInt8]) -> String? {
    var decoder = FastRequestDecoder()
    return disagreement(bytes, reused: &decoder)
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
  static let generatedCases = 50_000

  @Test("agrees with the reference on a seeded stream of generated and mutated payloads")
  func generatedStream() {
    var generator = PayloadGenerator(seed: 0x5EED_0007)
    var decoder = FastRequestDecoder()
    var failures = 0
    var outcomes: [String: Int] = [:]
    for _ in 0..<Self.generatedCases {
      let bytes = generator.payload()
      if let disagreement = Self.disagreement(bytes, reused: &decoder) {
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

  // MARK: - A decoder reused across payloads

  /// Payloads with one scope each, for a decoder to see in turn.
  static func scopePayloads(_ scopes: [String]) -> [[UInt8]] {
    scopes.map { Array(#"{"name":"n","scope":["\#($0)"]}"#.utf8) }
  }

  @Test(
    "a reused decoder tells apart scopes that share a cache slot",
    arguments: [
      // Same length, same first and last eight bytes: the same hash, so the same slot.
      ["aaaaaaaaXbbbbbbbb", "aaaaaaaaYbbbbbbbb", "aaaaaaaaXbbbbbbbb"],
      ["idn:sources:read", "idn:sources:reaD", "idn:sources:read"],
      // Non-ASCII text is cached too, and must come back as it was sent.
      ["caf\u{E9} scope, long enough", "cafe\u{301} scope, long enough"],
    ])
  func sharedSlot(scopes: [String]) throws {
    var decoder = FastRequestDecoder()
    for (scope, payload) in zip(scopes, Self.scopePayloads(scopes)) {
      let request = try decoder.decode(payload)
      let decoded = try #require(request.scope.value?.first)
      #expect(Array(decoded.utf8) == Array(scope.utf8))
    }
  }

  @Test("a reused decoder agrees with the reference while scopes come and go")
  func manyScopes() {
    // 300 distinct long scopes over 64 slots: every slot is replaced many times, and each
    // scope comes back after others have taken its slot.
    let distinct = (0..<300).map { "sp:scope:number-\($0):manage" }
    let order = (0..<1_200).map { distinct[($0 &* 7919) % distinct.count] }
    var decoder = FastRequestDecoder()
    var disagreements = 0
    for payload in Self.scopePayloads(order) {
      if let disagreement = Self.disagreement(payload, reused: &decoder) {
        disagreements += 1
        Issue.record("\(disagreement)")
        if disagreements == 3 { break }
      }
    }
    #expect(disagreements == 0)
  }

  @Test("a copy of a decoder keeps its own cache")
  func copiedDecoder() throws {
    var first = FastRequestDecoder()
    let long = Self.scopePayloads(["demo:personal-access-token-scope:first"])[0]
    _ = try first.decode(long)
    var second = first
    let other = Self.scopePayloads(["demo:personal-access-token-scope:frst"])[0]
    #expect(try second.decode(other).scope == .value(["demo:personal-access-token-scope:frst"]))
    #expect(try first.decode(long).scope == .value(["demo:personal-access-token-scope:first"]))
  }
}
