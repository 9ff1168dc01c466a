/// Ways to turn a well-formed date-time into text that RFC 3339 (as the reference reads it)
/// rejects.
enum MalformedDate: String, CaseIterable, Sendable {
  case spaceSeparator
  case noOffset
  case offsetWithoutColon
  case commaFraction
  case trailingDot
  case dateOnly
  case tenFractionDigits
  case hour24
  case leapSecond

  /// The malformed plan built from a canonical date-time (`yyyy-MM-ddTHH:mm:ss.SSSZ`).
  func plan(basedOn canonical: String) -> DatePlan {
    let bytes = Array(canonical)
    let withoutZ = String(bytes.dropLast())
    let text: String
    switch self {
    case .spaceSeparator: text = String(bytes[0..<10]) + " " + String(bytes[11...])
    case .noOffset: text = withoutZ
    case .offsetWithoutColon: text = withoutZ + "+0530"
    case .commaFraction: text = String(bytes[0..<19]) + "," + String(bytes[20...])
    case .trailingDot: text = String(bytes[0..<20]) + "Z"
    case .dateOnly: text = String(bytes[0..<10])
    case .tenFractionDigits: text = withoutZ + "0000000Z"
    case .hour24: text = String(bytes[0..<11]) + "24" + String(bytes[13...])
    case .leapSecond: text = String(bytes[0..<17]) + "60" + String(bytes[19...])
    }
    return .malformed(text: text, reason: rawValue)
  }
}
