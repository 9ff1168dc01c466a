import PATModel

/// How the generator built the `expirationDate` member, which the oracle reads.
public enum DatePlan: Hashable, Sendable {
  /// No member.
  case absent
  /// `null`.
  case null
  /// `""`.
  case empty
  /// A well-formed date-time naming an exact instant, relative to `now` or absolute.
  case instant(Instant, DateForm)
  /// Text that is not an RFC 3339 date-time; the reason says why.
  case malformed(text: String, reason: String)
  /// A JSON value of the wrong type, as literal text.
  case wrongType(String)

  /// When the instant is.
  public enum Instant: Hashable, Sendable {
    /// `now` plus a number of milliseconds (negative: before now).
    case relative(Int64)
    /// An absolute instant in epoch milliseconds.
    case absolute(Int64)

    /// The epoch milliseconds of the instant, given `now`.
    func milliseconds(now: Timestamp) -> Int64 {
      switch self {
      case .relative(let offset): now.millisecondsSinceEpoch + offset
      case .absolute(let milliseconds): milliseconds
      }
    }
  }
}

/// How a well-formed date-time is written.
public struct DateForm: Hashable, Sendable {
  /// Fraction digits wanted (0-9); more are written when the millisecond needs them.
  public var fractionDigits: Int
  /// The digits written past the millisecond (they truncate away), as many as needed.
  public var extraDigits: String
  /// The offset east of UTC in minutes, or `nil` for `Z`.
  public var offsetMinutes: Int?
  /// Writes a zero offset as `-00:00`.
  public var negativeZeroOffset: Bool
  /// Writes `t` instead of `T`.
  public var lowercaseT: Bool
  /// Writes `z` instead of `Z`.
  public var lowercaseZ: Bool

  /// The canonical form: three fraction digits, `Z`.
  public static let canonical = DateForm(
    fractionDigits: 3, extraDigits: "", offsetMinutes: nil, negativeZeroOffset: false,
    lowercaseT: false, lowercaseZ: false)

  /// Writes an instant in this form, with the harness's own calendar.
  ///
  /// - Parameter milliseconds: The epoch milliseconds.
  /// - Returns: The text, or `nil` when the local date falls outside the years 0000-9999.
  func render(milliseconds: Int64) -> String? {
    let offset = Int64(offsetMinutes ?? 0)
    let fields = HarnessCalendar.fields(milliseconds: milliseconds, offsetMinutes: offset)
    guard (0...9999).contains(fields.year) else { return nil }
    var text = pad(fields.year, 4) + "-" + pad(fields.month, 2) + "-" + pad(fields.day, 2)
    text += lowercaseT ? "t" : "T"
    text += pad(fields.hour, 2) + ":" + pad(fields.minute, 2) + ":" + pad(fields.second, 2)
    let millisecondDigits = pad(fields.millisecond, 3)
    let needed =
      fields.millisecond == 0
      ? 0 : fields.millisecond % 100 == 0 ? 1 : fields.millisecond % 10 == 0 ? 2 : 3
    let digits = max(fractionDigits, needed)
    if digits > 0 {
      text += "." + millisecondDigits.prefix(digits)
      if digits > 3 {
        text += String((extraDigits + String(repeating: "0", count: 6)).prefix(digits - 3))
      }
    }
    if let minutes = offsetMinutes {
      text += minutes < 0 || (minutes == 0 && negativeZeroOffset) ? "-" : "+"
      text += pad(Int64(abs(minutes) / 60), 2) + ":" + pad(Int64(abs(minutes) % 60), 2)
    } else {
      text += lowercaseZ ? "z" : "Z"
    }
    return text
  }

  private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
