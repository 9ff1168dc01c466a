/// One broken rule: its stable code, the member it concerns, and a message for people.
///
/// This is the public face of every failure the model reports; the detailed errors with byte
/// offsets (``JSONSyntaxError``, ``RFC3339Error``) are mapped to it. Compare violations by
/// `code` and `field`; the message may be reworded.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
  /// The stable code of the rule.
  public var code: ViolationCode
  /// The wire name of the member concerned, or `nil` for the payload or the owner as a whole.
  public var field: String?
  /// What is wrong, for people.
  public var message: String

  /// Creates a violation.
  public init(code: ViolationCode, field: String?, message: String) {
    self.code = code
    self.field = field
    self.message = message
  }

  public var description: String {
    "\(code.rawValue)\(field.map { " (\($0))" } ?? ""): \(message)"
  }
}

/// Why a payload could not be decoded into a ``CreatePersonalAccessTokenRequest``: malformed
/// JSON, a repeated member name, or members of the wrong type.
public struct RequestDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every problem found; never empty. Either one `json.malformed`, or the
  /// `json.duplicateKey` violations, or the `type.mismatch` violations.
  public var violations: [Violation]

  /// Creates an error from its violations.
  public init(violations: [Violation]) {
    precondition(!violations.isEmpty, "a decoding error has at least one violation")
    self.violations = violations
  }

  /// The code of the first violation.
  public var code: ViolationCode { violations[0].code }

  public var description: String {
    violations.map(\.description).joined(separator: "; ")
  }
}
