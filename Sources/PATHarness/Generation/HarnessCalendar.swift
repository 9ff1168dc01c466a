/// Calendar arithmetic of the harness's own, written apart from the model's `CivilDate` (a
/// different algorithm: cumulative month tables and leap-year counts), so a bug in the model's
/// calendar cannot hide in the generators that build dates to test it.
enum HarnessCalendar {
  static let millisecondsPerDay: Int64 = 86_400_000
  private static let daysBeforeMonth: [Int64] = [
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
  ]

  static func isLeapYear(_ year: Int64) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Leap years in `0..<year`, for `year >= 0`.
  private static func leapYears(before year: Int64) -> Int64 {
    (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
  }

  /// Days from 0000-01-01 to 1970-01-01.
  private static let epochDay: Int64 = 365 * 1970 + leapYears(before: 1970)

  /// Days since 1970-01-01 of a date with a year in 0...9999.
  static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
    let leapDay: Int64 = month > 2 && isLeapYear(year) ? 1 : 0
    return 365 * year + leapYears(before: year) + daysBeforeMonth[Int(month - 1)] + leapDay + day
      - 1 - epochDay
  }

  /// The date `days` days after 1970-01-01, for dates with a year in 0...9999.
  static func date(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    var year = (days + epochDay) * 400 / 146_097
    while daysSinceEpoch(year: year + 1, month: 1, day: 1) <= days { year += 1 }
    while daysSinceEpoch(year: year, month: 1, day: 1) > days { year -= 1 }
    var month: Int64 = 12
    while daysSinceEpoch(year: year, month: month, day: 1) > days { month -= 1 }
    return (year, month, days - daysSinceEpoch(year: year, month: month, day: 1) + 1)
  }

  /// Epoch milliseconds of a UTC date and time.
  static func milliseconds(
    year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0,
    millisecond: Int64 = 0
  ) -> Int64 {
    daysSinceEpoch(year: year, month: month, day: day) * millisecondsPerDay + hour * 3_600_000
      + minute * 60_000 + second * 1000 + millisecond
  }

  /// The local fields of an instant seen at an offset east of UTC, in minutes.
  static func fields(milliseconds: Int64, offsetMinutes: Int64) -> DateFields {
    let local = milliseconds + offsetMinutes * 60_000
    var days = local / millisecondsPerDay
    var rest = local % millisecondsPerDay
    if rest < 0 {
      days -= 1
      rest += millisecondsPerDay
    }
    let date = date(daysSinceEpoch: days)
    return DateFields(
      year: date.year, month: date.month, day: date.day, hour: rest / 3_600_000,
      minute: rest / 60_000 % 60, second: rest / 1000 % 60, millisecond: rest % 1000)
  }
}

/// The written fields of a local date-time.
struct DateFields: Hashable, Sendable {
  var year: Int64
  var month: Int64
  var day: Int64
  var hour: Int64
  var minute: Int64
  var second: Int64
  var millisecond: Int64
}
