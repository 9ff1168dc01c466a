/// One broken rule: its stable code, the member it concerns, and a message for people.
///
/// This is the public face of every failure the model reports; the detailed errors with byte
/// offsets (``JSONSyntaxError``, ``RFC3339Error``) are mapped to it. Compare violations by
/// `code` and `field`; the message may be reworded. The message is built only when it is
/// read, so validating many payloads costs no text formatting.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
  /// The stable code of the rule.
  public var code: ViolationCode
  /// The wire name of the member concerned, or `nil` for the payload or the owner as a whole.
  public var field: String?
  /// What the message will say, kept as data until it is read.
  var detail: Detail

  /// What is wrong, for people.
  public var message: String { detail.text }

  /// Creates a violation.
  public init(code: ViolationCode, field: String?, message: String) {
    self.init(code: code, field: field, detail: .text(message))
  }

  /// Creates a violation whose message is built from `detail` when it is read.
  init(code: ViolationCode, field: String?, detail: Detail) {
    self.code = code
    self.field = field
    self.detail = detail
  }

  /// The facts a message is made of.
  enum Detail: Sendable {
    case text(String)
    case syntax(JSONSyntaxError)
    case dateFormat(RFC3339Error)
    case notFuture(expiration: Timestamp, now: Timestamp)
    case validityRange(Int32)
    case tokenLimit(Int)

    var text: String {
      switch self {
      case .text(let text): text
      case .syntax(let error): error.description
      case .dateFormat(let error): error.description
      case .notFuture(let expiration, let now):
        "\(expiration.rfc3339) is not after now (\(now.rfc3339))"
      case .validityRange(let seconds):
        "\(seconds) is outside \(Validator.minimumValiditySeconds)...\(Validator.maximumValiditySeconds)"
      case .tokenLimit(let count):
        "the owner already has \(count) tokens (at most \(ValidationContext.maximumTokensPerOwner))"
      }
    }
  }

  /// Violations are equal when their codes, fields and messages are.
  public static func == (lhs: Violation, rhs: Violation) -> Bool {
    lhs.code == rhs.code && lhs.field == rhs.field && lhs.message == rhs.message
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(field)
    hasher.combine(message)
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
