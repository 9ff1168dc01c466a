/// Why a string is not an RFC 3339 date-time in the form the reference accepts, and where.
///
/// This is the detailed, internal layer: the byte offset and the reason. The validator maps it
/// to a public ``Violation`` with the stable code `expirationDate.format`.
public struct RFC3339Error: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The text ended where more was required.
    case unexpectedEnd
    /// A digit was required.
    case expectedDigit
    /// A given character (`-`, `:`, `T`, ...) was required.
    case expected(Separator)
    /// The month is not 01-12.
    case monthOutOfRange
    /// The day does not exist in that month of that year (Feb 30, Feb 29 of a common year...).
    case dayOutOfRange
    /// The hour is not 00-23.
    case hourOutOfRange
    /// The minute is not 00-59.
    case minuteOutOfRange
    /// The second is not 00-59 (a leap second `:60` is rejected too).
    case secondOutOfRange
    /// A fraction of a second has more than nine digits.
    case fractionTooLong
    /// The offset hour is not 00-23.
    case offsetHourOutOfRange
    /// The offset minute is not 00-59.
    case offsetMinuteOutOfRange
    /// Something follows the offset.
    case trailingCharacters
  }

  /// A character (or choice of characters) the date-time needed where it had another; the
  /// raw value is how messages show it.
  public enum Separator: String, Hashable, Sendable {
    /// `-` between the year, the month and the day.
    case hyphen = "-"
    /// `T` (or `t`) between the date and the time.
    case timeDesignator = "T"
    /// `:` between hours, minutes and seconds, and in an offset.
    case colon = ":"
    /// `Z`, `+` or `-` where the offset starts.
    case offset = "Z, + or -"
  }

  /// The byte offset into the date-time text where the problem was found.
  public var offset: Int
  /// What went wrong.
  public var reason: Reason

  /// Creates an error at a byte offset.
  public init(offset: Int, reason: Reason) {
    self.offset = offset
    self.reason = reason
  }

  public var description: String {
    let what: String
    switch reason {
    case .unexpectedEnd: what = "the text ends too early"
    case .expectedDigit: what = "expected a digit"
    case .expected(let separator): what = "expected '\(separator.rawValue)'"
    case .monthOutOfRange: what = "month is not 01-12"
    case .dayOutOfRange: what = "day does not exist in that month"
    case .hourOutOfRange: what = "hour is not 00-23"
    case .minuteOutOfRange: what = "minute is not 00-59"
    case .secondOutOfRange: what = "second is not 00-59 (leap seconds are rejected)"
    case .fractionTooLong: what = "more than 9 fraction digits"
    case .offsetHourOutOfRange: what = "offset hour is not 00-23"
    case .offsetMinuteOutOfRange: what = "offset minute is not 00-59"
    case .trailingCharacters: what = "unexpected characters after the offset"
    }
    return "not an RFC 3339 date-time at offset \(offset): \(what)"
  }
}
