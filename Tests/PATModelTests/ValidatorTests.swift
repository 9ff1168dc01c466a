import PATModel
import Testing

@Suite("Validator: the reference semantics")
struct ValidatorTests {
  // MARK: JSON level

  @Test("malformed JSON is one json.malformed violation and nothing else")
  func malformed() {
    let result = verdict("{\"name\":\"a\",}", existing: Array(repeating: "x", count: 12))
    #expect(result.violations.map(\.code) == [.jsonMalformed])
    #expect(result.violations[0].field == nil)
    #expect(result.violations[0].message.contains("byte 12"))
  }

  @Test(
    "a member name repeated after unescaping is json.duplicateKey",
    arguments: [
      #"{"name":"a","name":"b","userAwareTokenNeverExpires":true}"#,
      #"{"name":"a","n\u0061me":"a","userAwareTokenNeverExpires":true}"#,
      #"{"name":"a","x":1,"x":2,"userAwareTokenNeverExpires":true}"#,
    ])
  func duplicateKey(text: String) {
    expectCodes(text, [.jsonDuplicateKey])
  }

  @Test("each repeated name is reported once, with its name as the field")
  func duplicateKeyFields() {
    let result = verdict(#"{"a":1,"b":1,"a":2,"a":3,"b":2,"name":1}"#)
    #expect(result.violations.map(\.code) == [.jsonDuplicateKey, .jsonDuplicateKey])
    #expect(result.violations.map(\.field) == ["a", "b"])
  }

  @Test("names that differ only by normalization or case are not repeated keys")
  func notDuplicateKeys() {
    expectCodes(neverExpiring(#""Caf\u00e9":1,"Cafe\u0301":2,"Name":3"#), [])
  }

  @Test("repeated names inside unknown members are allowed")
  func nestedDuplicates() {
    expectCodes(neverExpiring(#""x":{"a":1,"a":2}"#), [])
  }

  // MARK: Types

  @Test(
    "a value of the wrong JSON type is type.mismatch with its field",
    arguments: [
      (payload(name: "1"), "name"),
      (payload(name: "true"), "name"),
      (payload(name: "[\"a\"]"), "name"),
      (neverExpiring(#""scope":"sp:scopes:all""#), "scope"),
      (neverExpiring(#""scope":["a",1]"#), "scope"),
      (neverExpiring(#""scope":[null]"#), "scope"),
      (neverExpiring(#""scope":[["a"]]"#), "scope"),
      (neverExpiring(#""scope":{}"#), "scope"),
      (neverExpiring(#""accessTokenValiditySeconds":36900.0"#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":3.69e4"#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":1E2"#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":"36900""#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":true"#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":2147483648"#), "accessTokenValiditySeconds"),
      (neverExpiring(#""accessTokenValiditySeconds":-2147483649"#), "accessTokenValiditySeconds"),
      (
        neverExpiring(#""accessTokenValiditySeconds":99999999999999999999"#),
        "accessTokenValiditySeconds"
      ),
      (payload(#""expirationDate":1798761599999"#), "expirationDate"),
      (payload(#""expirationDate":{}"#), "expirationDate"),
      (payload(#""userAwareTokenNeverExpires":"true""#), "userAwareTokenNeverExpires"),
      (payload(#""userAwareTokenNeverExpires":1"#), "userAwareTokenNeverExpires"),
      (payload(#""userAwareTokenNeverExpires":[]"#), "userAwareTokenNeverExpires"),
    ])
  func typeMismatch(text: String, field: String) {
    let result = verdict(text)
    #expect(result.violations.map(\.code) == [.typeMismatch], "\(text)")
    #expect(result.violations.first?.field == field)
  }

  @Test("every mismatched member is reported, and field rules do not run")
  func allMismatches() {
    let text = #"{"name":1,"scope":"a","accessTokenValiditySeconds":0,"expirationDate":false}"#
    let result = verdict(text, existing: Array(repeating: "x", count: 10))
    #expect(result.violations.map(\.code) == [.typeMismatch, .typeMismatch, .typeMismatch])
    #expect(result.violations.map(\.field) == ["name", "scope", "expirationDate"])
  }

  @Test(
    "integer literals that fit Int32 are accepted as integers",
    arguments: [("-0", Int32(0)), ("2147483647", .max), ("-2147483648", .min), ("36900", 36900)])
  func integerLiterals(literal: String, value: Int32) throws {
    let request = try CreatePersonalAccessTokenRequest(
      json: neverExpiring("\"accessTokenValiditySeconds\":\(literal)"))
    #expect(request.accessTokenValiditySeconds == .value(value))
  }

  // MARK: name

  @Test("name absent or null is name.required; \"\" is name.empty; \" \" is valid")
  func nameRules() {
    expectCodes(#"{"userAwareTokenNeverExpires":true}"#, [.nameRequired])
    expectCodes(#"{"name":null,"userAwareTokenNeverExpires":true}"#, [.nameRequired])
    expectCodes(#"{"name":"","userAwareTokenNeverExpires":true}"#, [.nameEmpty])
    expectCodes(#"{"name":" ","userAwareTokenNeverExpires":true}"#, [])
  }

  @Test(
    "duplicate names under each comparison",
    arguments: [
      ("Caf\u{E9}", "Caf\u{E9}", NameComparison.exact, true),
      ("Cafe\u{301}", "Caf\u{E9}", .exact, false),
      ("Cafe\u{301}", "Caf\u{E9}", .canonical, true),
      ("cafe", "Cafe", .exact, false),
      ("cafe", "Cafe", .canonical, false),
      ("cafe", "CAFE", .caseInsensitive, true),
      ("Cafe\u{301}", "CAF\u{C9}", .caseInsensitive, true),
      ("a ", "a", .exact, false),
      (" a", "a", .canonical, false),
      ("a\u{200B}", "a", .canonical, false),
      ("K", "\u{212A}", .exact, false),
      ("K", "\u{212A}", .canonical, true),
    ] as [(String, String, NameComparison, Bool)])
  func duplicateName(name: String, existing: String, comparison: NameComparison, duplicate: Bool) {
    var writer = JSONWriter()
    writer.write(string: name)
    let text = payload("\"userAwareTokenNeverExpires\":true", name: writer.text)
    expectCodes(
      text, duplicate ? [.nameDuplicate] : [], existing: ["other", existing],
      comparison: comparison)
  }

  @Test("a \\u escape of an existing name is the same name")
  func escapedDuplicate() {
    expectCodes(
      neverExpiring().replacingOccurrences("\"t\"", #""\u0074""#), [.nameDuplicate], existing: ["t"]
    )
  }

  // MARK: accessTokenValiditySeconds

  @Test(
    "accessTokenValiditySeconds must be 15...43200",
    arguments: [
      (Int32.min, false), (-1, false), (0, false), (14, false), (15, true), (16, true),
      (36900, true), (43199, true), (43200, true), (43201, false), (Int32.max, false),
    ] as [(Int32, Bool)])
  func validityRange(seconds: Int32, valid: Bool) {
    expectCodes(
      neverExpiring("\"accessTokenValiditySeconds\":\(seconds)"),
      valid ? [] : [.accessTokenValiditySecondsRange])
  }

  @Test("absent and null validity mean 43200")
  func validityDefault() throws {
    for text in [neverExpiring(), neverExpiring(#""accessTokenValiditySeconds":null"#)] {
      let normalized = try #require(verdict(text).normalized)
      #expect(normalized.accessTokenValiditySeconds == 43200)
    }
  }

  // MARK: scope

  @Test(
    "absent, null and [] scopes mean sp:scopes:all; duplicates are kept",
    arguments: [
      ("", ["sp:scopes:all"]),
      (#""scope":null"#, ["sp:scopes:all"]),
      (#""scope":[]"#, ["sp:scopes:all"]),
      (#""scope":["a","a"]"#, ["a", "a"]),
      (#""scope":[""]"#, [""]),
    ] as [(String, [String])])
  func scopeDefaults(member: String, scope: [String]) throws {
    let normalized = try #require(verdict(neverExpiring(member)).normalized)
    #expect(normalized.scope == scope)
  }

  // MARK: expirationDate and userAwareTokenNeverExpires

  static let nowText = "2026-06-15T12:34:56.789Z"

  @Test(
    "the expiration must be strictly after now, to the millisecond, in any offset",
    arguments: [
      ("2026-06-15T12:34:56.788Z", false),
      ("2026-06-15T12:34:56.789Z", false),
      ("2026-06-15T12:34:56.790Z", true),
      ("2026-06-15T12:34:56.789999999Z", false),
      ("2026-06-15T12:34:56.7899Z", false),
      ("2026-06-15T12:34:56.7901Z", true),
      ("2026-06-15T12:34:56.79Z", true),
      ("2026-06-15T12:34:56Z", false),
      ("2026-06-15T12:34:57Z", true),
      ("2026-06-15T18:04:56.788+05:30", false),
      ("2026-06-15T18:04:56.789+05:30", false),
      ("2026-06-15T18:04:56.790+05:30", true),
      ("2026-06-15T07:34:56.789-05:00", false),
      ("2026-06-15T07:34:56.790-05:00", true),
      ("2026-06-15T12:34:56.789-00:00", false),
      ("2026-06-15t12:34:56.790z", true),
      ("9999-12-31T23:59:59.999Z", true),
      ("0000-01-01T00:00:00Z", false),
    ])
  func notFuture(date: String, valid: Bool) {
    expectCodes(
      payload("\"expirationDate\":\"\(date)\""), valid ? [] : [.expirationDateNotFuture])
  }

  @Test(
    "the expiration must be an RFC 3339 date-time",
    arguments: [
      "2028-02-29T00:00:00.000Z0", "2027-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
      "2026-12-31T23:59:60Z", "2026-12-31 23:59:59Z", "2026-12-31T23:59:59",
      "2026-12-31T23:59:59+0530", "2026-12-31T23:59:59,5Z", "2026-12-31T23:59:59.Z",
      "2026-12-31T24:00:00Z", "2026-02-30T00:00:00Z", "tomorrow", " ", "1798761599999",
      "2026-12-31T23:59:59.9999999999Z",
    ])
  func format(date: String) {
    let result = verdict(payload("\"expirationDate\":\"\(date)\""))
    #expect(result.violations.map(\.code) == [.expirationDateFormat])
    #expect(result.violations.first?.field == "expirationDate")
  }

  @Test("a leap day of a leap year is a valid expiration")
  func leapDay() {
    expectCodes(payload(#""expirationDate":"2028-02-29T00:00:00.000Z""#), [])
  }

  @Test(
    "no expiration date needs userAwareTokenNeverExpires: true",
    arguments: [
      ("", "", false),
      (#""expirationDate":null"#, "", false),
      (#""expirationDate":"""#, "", false),
      ("", #""userAwareTokenNeverExpires":null"#, false),
      ("", #""userAwareTokenNeverExpires":false"#, false),
      (#""expirationDate":"""#, #""userAwareTokenNeverExpires":false"#, false),
      ("", #""userAwareTokenNeverExpires":true"#, true),
      (#""expirationDate":null"#, #""userAwareTokenNeverExpires":true"#, true),
      (#""expirationDate":"""#, #""userAwareTokenNeverExpires":true"#, true),
      (#""expirationDate":"2030-01-01T00:00:00Z""#, #""userAwareTokenNeverExpires":true"#, true),
      (#""expirationDate":"2030-01-01T00:00:00Z""#, #""userAwareTokenNeverExpires":false"#, true),
    ])
  func acknowledgement(date: String, flag: String, valid: Bool) {
    let members = [date, flag].filter { !$0.isEmpty }.joined(separator: ",")
    expectCodes(payload(members), valid ? [] : [.neverExpiresNotAcknowledged])
  }

  @Test("a malformed date does not also need the acknowledgement")
  func malformedDateNoAcknowledgement() {
    expectCodes(
      payload(#""expirationDate":"x","userAwareTokenNeverExpires":false"#), [.expirationDateFormat])
  }

  // MARK: owner

  @Test("the owner may have at most 10 tokens", arguments: [0, 1, 9, 10, 11, 12])
  func tokenLimit(count: Int) {
    let existing = (0..<count).map { "token \($0)" }
    expectCodes(neverExpiring(), count >= 10 ? [.ownerTokenLimit] : [], existing: existing)
  }

  // MARK: unknown members and strictness

  @Test("unknown members are ignored, or field.unknown in strict mode")
  func unknownMembers() {
    let text = neverExpiring(#""Name":"x","extra":{"deep":[1e999,-0.0]}"#)
    expectCodes(text, [])
    let strict = verdict(text, strict: true)
    #expect(strict.violations.map(\.code) == [.fieldUnknown, .fieldUnknown])
    #expect(strict.violations.map(\.field) == ["Name", "extra"])
  }

  // MARK: everything at once

  @Test("every field rule that applies is reported, in rule order")
  func allRules() {
    let text = #"{"name":"","accessTokenValiditySeconds":14,"expirationDate":"x","z":1}"#
    let result = verdict(text, existing: [""] + (1..<10).map(String.init), strict: true)
    #expect(
      result.violations.map(\.code) == [
        .fieldUnknown, .nameEmpty, .nameDuplicate, .accessTokenValiditySecondsRange,
        .expirationDateFormat, .ownerTokenLimit,
      ])
  }

  @Test("every violation code is produced by some payload")
  func everyCode() {
    let samples: [(String, [String], Bool)] = [
      ("{", [], false),
      (#"{"a":1,"a":1}"#, [], false),
      (payload(name: "1"), [], false),
      (neverExpiring(#""q":1"#), [], true),
      (#"{"userAwareTokenNeverExpires":true}"#, [], false),
      (payload(#""name2":1"#, name: "\"\""), [], false),
      (neverExpiring(), ["t"], false),
      (neverExpiring(#""accessTokenValiditySeconds":0"#), [], false),
      (payload(#""expirationDate":"x""#), [], false),
      (payload(#""expirationDate":"2000-01-01T00:00:00Z""#), [], false),
      (payload(), [], false),
      (neverExpiring(), (0..<10).map(String.init), false),
    ]
    var seen = Set<ViolationCode>()
    for (text, existing, strict) in samples {
      seen.formUnion(verdict(text, existing: existing, strict: strict).codes)
    }
    #expect(seen == Set(ViolationCode.allCases))
  }

  @Test("a valid request is normalized with every default applied")
  func normalization() throws {
    let text = #"{"name":"CI","expirationDate":"2027-01-01T05:29:59.9999+05:30"}"#
    let normalized = try #require(verdict(text).normalized)
    #expect(
      JSONWriter.text(of: normalized.jsonValue)
        == #"{"name":"CI","scope":["sp:scopes:all"],"accessTokenValiditySeconds":43200,"expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}"#
    )
  }

  @Test("the spec's own example is valid before its date and not after")
  func specExample() {
    let text = #"""
      {"name":"NodeJS Integration","scope":["demo:personal-access-token-scope:first","demo:personal-access-token-scope:second"],"accessTokenValiditySeconds":36900,"expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}
      """#
    expectCodes(text, [])
    expectCodes(text, [], now: Timestamp(rfc3339: "2026-12-31T23:59:59.998Z")!)
    expectCodes(
      text, [.expirationDateNotFuture], now: Timestamp(rfc3339: "2026-12-31T23:59:59.999Z")!)
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
