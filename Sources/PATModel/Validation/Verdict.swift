/// The outcome of validating one payload: valid with its normalized form, or the list of
/// violations.
public struct Verdict: Hashable, Sendable {
  /// Every violation found, in the order rules are checked; empty when valid.
  public var violations: [Violation]
  /// The request with defaults applied, when valid.
  public var normalized: NormalizedRequest?

  /// Creates a verdict.
  public init(violations: [Violation], normalized: NormalizedRequest?) {
    self.violations = violations
    self.normalized = normalized
  }

  /// Whether the payload is a valid request.
  public var isValid: Bool { violations.isEmpty }

  /// The distinct codes of the violations, in declaration order.
  public var codes: [ViolationCode] {
    var codes: [ViolationCode] = []
    for violation in violations where !codes.contains(violation.code) {
      codes.append(violation.code)
    }
    return codes.sorted()
  }

  /// The verdict as the JSON object `patfuzz validate` prints:
  /// `{"valid": Bool, "violations": [{"code", "field", "message"}], "normalized": {...}|null}`.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(name: "valid", value: .bool(isValid)),
      JSONMember(
        name: "violations",
        value: .array(
          violations.map { violation in
            .object([
              JSONMember(name: "code", value: .string(violation.code.rawValue)),
              JSONMember(name: "field", value: violation.field.map(JSONValue.string) ?? .null),
              JSONMember(name: "message", value: .string(violation.message)),
            ])
          })),
      JSONMember(name: "normalized", value: normalized?.jsonValue ?? .null),
    ])
  }
}
