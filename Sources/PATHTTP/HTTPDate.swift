/// HTTP's date format, IMF-fixdate (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// Converts with whole milliseconds since the Unix epoch, through integer civil-date
/// arithmetic (no Foundation, no time zones): IMF-fixdate is always UTC.
public enum HTTPDate {
  private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Formats an instant as IMF-fixdate, dropping the milliseconds (rounding down).
  ///
  /// - Parameter millisecondsSinceEpoch: The instant, in milliseconds since 1970-01-01T00:00Z.
  /// - Returns: The date, such as `Mon, 15 Jun 2026 12:34:56 GMT`.
  public static func format(millisecondsSinceEpoch: Int64) -> String {
    let seconds = floorDivide(millisecondsSinceEpoch, 1000)
    let days = floorDivide(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    let weekday = Int(((days % 7) + 11) % 7)
    return "\(dayNames[weekday]), \(pad(day, 2)) \(monthNames[month - 1]) \(pad(year, 4)) "
      + "\(pad(Int(secondOfDay / 3600), 2)):\(pad(Int(secondOfDay / 60 % 60), 2)):"
      + "\(pad(Int(secondOfDay % 60), 2)) GMT"
  }

  /// Parses an IMF-fixdate, checking that the date exists and the day name matches it.
  ///
  /// - Parameter text: The date text, such as a `Date` header value.
  /// - Returns: Milliseconds since 1970-01-01T00:00Z (always a whole second), or `nil` when
  ///   the text is not a valid IMF-fixdate.
  public static func parse(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    guard bytes.count == 29,
      let dayName = dayNames.firstIndex(of: String(decoding: bytes[0..<3], as: UTF8.self)),
      bytes[3] == UInt8(ascii: ","), bytes[4] == 0x20,
      let day = number(bytes[5..<7]), bytes[7] == 0x20,
      let monthIndex = monthNames.firstIndex(of: String(decoding: bytes[8..<11], as: UTF8.self)),
      bytes[11] == 0x20, let year = number(bytes[12..<16]), bytes[16] == 0x20,
      let hour = number(bytes[17..<19]), bytes[19] == UInt8(ascii: ":"),
      let minute = number(bytes[20..<22]), bytes[22] == UInt8(ascii: ":"),
      let second = number(bytes[23..<25]),
      String(decoding: bytes[25...], as: UTF8.self) == " GMT",
      hour < 24, minute < 60, second < 60
    else { return nil }
    let month = monthIndex + 1
    guard day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
    let days = daysSinceEpoch(year: year, month: month, day: day)
    guard Int(((days % 7) + 11) % 7) == dayName else { return nil }
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    return seconds * 1000
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
    let shiftedYear = Int64(month <= 2 ? year - 1 : year)
    let era = floorDivide(shiftedYear, 400)
    let yearOfEra = shiftedYear - era * 400
    let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date of a day number (H. Hinnant's `civil_from_days`).
  static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  private static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }
}
