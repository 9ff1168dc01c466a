import PATModel
import Testing

/// The fixed `now` of the model tests: an instant with a non-round millisecond.
let testNow = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!

/// Validates a payload in a test context.
func verdict(
  _ payload: String, now: Timestamp = testNow, existing: [String] = [],
  comparison: NameComparison = .exact, strict: Bool = false
) -> Verdict {
  Validator(
    context: ValidationContext(
      now: now, existingNames: existing, nameComparison: comparison, strict: strict)
  ).validate(json: payload)
}

/// Expects a payload to produce exactly these violation codes (empty: valid).
func expectCodes(
  _ payload: String, _ codes: [ViolationCode], now: Timestamp = testNow, existing: [String] = [],
  comparison: NameComparison = .exact, strict: Bool = false,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let result = verdict(
    payload, now: now, existing: existing, comparison: comparison, strict: strict)
  #expect(
    result.violations.map(\.code) == codes,
    "payload \(payload): \(result.violations)", sourceLocation: sourceLocation)
  #expect(result.isValid == codes.isEmpty, sourceLocation: sourceLocation)
  #expect((result.normalized != nil) == codes.isEmpty, sourceLocation: sourceLocation)
}

/// A minimal valid payload with extra members spliced in after `name`.
func payload(_ members: String = "", name: String = "\"t\"") -> String {
  let extra = members.isEmpty ? "" : ",\(members)"
  return "{\"name\":\(name)\(extra)}"
}

/// A payload that is valid apart from the members given, which never expires unless the
/// members set a date.
func neverExpiring(_ members: String = "") -> String {
  payload("\"userAwareTokenNeverExpires\":true" + (members.isEmpty ? "" : ",\(members)"))
}
