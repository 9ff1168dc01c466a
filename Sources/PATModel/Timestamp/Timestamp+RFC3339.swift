extension Timestamp {
  /// Parses an RFC 3339 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
  ///
  /// `T` and `Z` may be lowercase (RFC 3339 §5.6). The fraction has 1 to 9 digits and digits
  /// past the millisecond are truncated. Dates must exist in the proleptic Gregorian calendar,
  /// hours are 00-23, minutes and seconds 00-59 (no leap second), offsets ±00:00 to ±23:59.
  ///
  /// - Parameter text: The date-time text.
  /// - Returns: `nil` when `text` is not such a date-time.
  public init?(rfc3339 text: some StringProtocol) {
    var utf8 = String(text)
    let result = utf8.withUTF8 { Timestamp.parseRFC3339(UnsafeRawBufferPointer($0)) }
    guard case .success(let timestamp) = result else { return nil }
    self = timestamp
  }

  /// Parses RFC 3339 date-time bytes, reporting the offset and reason of a failure.
  ///
  /// - Parameter bytes: The UTF-8 bytes of the date-time, without quotes.
  /// - Returns: The instant, or the first problem found.
  public static func parseRFC3339(_ bytes: UnsafeRawBufferPointer) -> Result<
    Timestamp, RFC3339Error
  > {
    if let timestamp = parseCommonRFC3339(bytes) { return .success(timestamp) }
    var cursor = RFC3339Cursor(bytes: bytes)
    do {
      return .success(try cursor.parse())
    } catch {
      return .failure(error)
    }
  }

  /// Parses a well-formed date-time in one straight pass, or gives up.
  ///
  /// This is the fast path of ``parseRFC3339(_:)-(UnsafeRawBufferPointer)``: it accepts
  /// exactly the texts ``RFC3339Cursor`` accepts, with the same instant, and returns `nil` for
  /// everything else, which the cursor then parses again to find the first problem. It checks
  /// the fixed part eight bytes at a time and finds the offset from the end, so a date-time
  /// takes few branches whatever its fraction and offset.
  ///
  /// - Parameter bytes: The UTF-8 bytes of the date-time, without quotes.
  /// - Returns: The instant, or `nil` when the text is not a valid date-time.
  @inline(__always)
  static func parseCommonRFC3339(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
    let count = bytes.count
    guard count >= 20, count <= 35, let base = bytes.baseAddress else { return nil }
    func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }
    func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    // `YYYY-MM-DDTHH:MM:SS` as three overlapping words: `YYYY-MM-`, `DDTHH:MM`, `HH:MM:SS`.
    // In each, the separators must be exact (`T` either case) and every other byte a digit.
    let words = (word(0), word(8), word(11))
    let separators: (UInt64, UInt64, UInt64) = (
      0xFF00_00FF_0000_0000, 0x0000_FF00_00FF_0000, 0x0000_FF00_00FF_0000
    )
    let expected: (UInt64, UInt64, UInt64) = (
      0x2D00_002D_0000_0000, 0x0000_3A00_0074_0000, 0x0000_3A00_003A_0000
    )
    let lowercaseT: UInt64 = 0x0000_0000_0020_0000
    let zeros: UInt64 = 0x3030_3030_3030_3030
    func digitsOnly(_ word: UInt64, _ separators: UInt64) -> UInt64 {
      let digits = (word & ~separators) | (zeros & separators)
      return (digits &+ 0x4646_4646_4646_4646) | (digits &- zeros)
    }
    let malformed =
      ((words.0 & separators.0) ^ expected.0)
      | (((words.1 | lowercaseT) & separators.1) ^ expected.1)
      | ((words.2 & separators.2) ^ expected.2)
      | ((digitsOnly(words.0, separators.0) | digitsOnly(words.1, separators.1)
        | digitsOnly(words.2, separators.2)) & 0x8080_8080_8080_8080)
    guard malformed == 0 else { return nil }
    func digit(_ offset: Int) -> Int64 { Int64(byte(offset) &- UInt8(ascii: "0")) }
    func two(_ offset: Int) -> Int64 { digit(offset) &* 10 &+ digit(offset &+ 1) }
    let year = two(0) &* 100 &+ two(2)
    let month = two(5)
    let day = two(8)
    let hour = two(11)
    let minute = two(14)
    let second = two(17)
    // The month and the time of day; the day is checked against its month only when it is
    // past the 28th, the only days whose existence depends on the month (and the year).
    guard month >= 1, month <= 12, day >= 1, hour <= 23, minute <= 59, second <= 59 else {
      return nil
    }
    if day > 28 {
      // Days in the month: 28 plus two bits per month, plus one for February of a leap year.
      let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
      let monthLength =
        28 &+ (0x3BB_EECC &>> (2 &* month) & 3) &+ (month == 2 && isLeapYear ? 1 : 0)
      guard day <= monthLength else { return nil }
    }

    // The offset is the last byte (`Z`) or the last six (`+HH:MM`); a fraction lies between.
    // Both endings are read, from the last eight bytes, and one is kept: which one a payload
    // has is a coin toss to the branch predictor.
    let isZulu = byte(count &- 1) | 0x20 == UInt8(ascii: "z")
    let sign = byte(count &- 6)
    // `??+HH:MM`: the digits are bytes 3, 4, 6 and 7 of the word, the colon byte 5.
    let ending = word(count &- 8)
    let colon: UInt64 = 0x0000_FF00_0000_0000
    let offsetDigits: UInt64 = 0xFFFF_00FF_FF00_0000
    let offsetShape =
      ((ending & colon) ^ 0x0000_3A00_0000_0000)
      | (digitsOnly(ending, ~offsetDigits) & 0x8080_8080_8080_8080)
    let offsetHour = two(count &- 5)
    let offsetMinute = two(count &- 2)
    let offsetIsValid =
      offsetShape == 0 && (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"))
      && offsetHour <= 23 && offsetMinute <= 59
    guard isZulu || offsetIsValid else { return nil }
    let offsetMagnitude = offsetHour &* 60 &+ offsetMinute
    let offsetMinutes: Int64 =
      isZulu ? 0 : (sign == UInt8(ascii: "-") ? -offsetMagnitude : offsetMagnitude)
    let fractionEnd = isZulu ? count &- 1 : count &- 6
    guard fractionEnd >= 19 else { return nil }

    var millisecond: Int64 = 0
    if fractionEnd > 19 {
      // `.` and 1 to 9 digits; the first three make the milliseconds. The eight bytes that
      // end at the fraction's end hold its last (up to eight) digits.
      let fractionDigits = fractionEnd &- 20
      let last = min(fractionDigits, 8)
      let kept: UInt64 = last == 8 ? ~0 : ~(~0 &>> UInt64(truncatingIfNeeded: 8 &* last))
      let lastDigits = digitsOnly(word(fractionEnd &- 8), ~kept) & 0x8080_8080_8080_8080
      guard byte(19) == UInt8(ascii: "."), fractionDigits >= 1, fractionDigits <= 9,
        lastDigits == 0, fractionDigits < 9 || digit(20) <= 9
      else { return nil }
      let tenths = digit(20)
      let hundredths = fractionDigits >= 2 ? digit(21) : 0
      let thousandths = fractionDigits >= 3 ? digit(22) : 0
      millisecond = tenths &* 100 &+ hundredths &* 10 &+ thousandths
    }
    let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
    let local =
      days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    return Timestamp(millisecondsSinceEpoch: local - offsetMinutes * 60_000)
  }

  /// Parses RFC 3339 date-time bytes.
  ///
  /// - Parameter bytes: The UTF-8 bytes of the date-time, without quotes.
  /// - Returns: The instant, or the first problem found.
  public static func parseRFC3339(_ bytes: [UInt8]) -> Result<Timestamp, RFC3339Error> {
    bytes.withUnsafeBytes { parseRFC3339($0) }
  }

  /// The canonical form of this instant: `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
  ///
  /// Years outside 0000-9999 (reachable only through offsets at the ends of the range, or
  /// through ``init(millisecondsSinceEpoch:)``) are written with a sign and at least four
  /// digits, as ISO 8601's expanded form does; such text is not RFC 3339.
  public var rfc3339: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendRFC3339(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the canonical form of this instant to a byte buffer.
  ///
  /// - Parameter bytes: The buffer to append to.
  public func appendRFC3339(to bytes: inout [UInt8]) {
    let (days, millisecondOfDay) = Self.floorDivide(millisecondsSinceEpoch, by: 86_400_000)
    let date = CivilDate(daysSinceEpoch: days)
    if date.year < 0 {
      bytes.append(UInt8(ascii: "-"))
      Self.appendDigits(-date.year, minimumWidth: 4, to: &bytes)
    } else if date.year > 9999 {
      bytes.append(UInt8(ascii: "+"))
      Self.appendDigits(date.year, minimumWidth: 4, to: &bytes)
    } else {
      Self.appendDigits(date.year, minimumWidth: 4, to: &bytes)
    }
    bytes.append(UInt8(ascii: "-"))
    Self.appendDigits(date.month, minimumWidth: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    Self.appendDigits(date.day, minimumWidth: 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    Self.appendDigits(millisecondOfDay / 3_600_000, minimumWidth: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Self.appendDigits(millisecondOfDay / 60_000 % 60, minimumWidth: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Self.appendDigits(millisecondOfDay / 1000 % 60, minimumWidth: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    Self.appendDigits(millisecondOfDay % 1000, minimumWidth: 3, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
  }

  /// Floor division with a non-negative remainder.
  static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64)
  {
    var quotient = value / divisor
    var remainder = value % divisor
    if remainder < 0 {
      quotient -= 1
      remainder += divisor
    }
    return (quotient, remainder)
  }

  private static func appendDigits(_ value: Int64, minimumWidth: Int, to bytes: inout [UInt8]) {
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    if digits.count < minimumWidth {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumWidth - digits.count))
    }
    bytes.append(contentsOf: digits.reversed())
  }
}

/// A forward-only reader of RFC 3339 date-time bytes.
struct RFC3339Cursor {
  let bytes: UnsafeRawBufferPointer
  var index = 0

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  mutating func parse() throws(RFC3339Error) -> Timestamp {
    let year = try digits(4)
    try expect(UInt8(ascii: "-"), .hyphen)
    let monthStart = index
    let month = try digits(2)
    guard (1...12).contains(month) else {
      throw RFC3339Error(offset: monthStart, reason: .monthOutOfRange)
    }
    try expect(UInt8(ascii: "-"), .hyphen)
    let dayStart = index
    let day = try digits(2)
    guard day >= 1, day <= CivilDate.daysInMonth(month, year: year) else {
      throw RFC3339Error(offset: dayStart, reason: .dayOutOfRange)
    }
    try expect(anyOf: UInt8(ascii: "T"), UInt8(ascii: "t"), .timeDesignator)
    let hourStart = index
    let hour = try digits(2)
    guard hour <= 23 else { throw RFC3339Error(offset: hourStart, reason: .hourOutOfRange) }
    try expect(UInt8(ascii: ":"), .colon)
    let minuteStart = index
    let minute = try digits(2)
    guard minute <= 59 else { throw RFC3339Error(offset: minuteStart, reason: .minuteOutOfRange) }
    try expect(UInt8(ascii: ":"), .colon)
    let secondStart = index
    let second = try digits(2)
    guard second <= 59 else { throw RFC3339Error(offset: secondStart, reason: .secondOutOfRange) }
    var millisecond: Int64 = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      millisecond = try fraction()
    }
    let offsetMinutes = try offset()
    guard index == bytes.count else {
      throw RFC3339Error(offset: index, reason: .trailingCharacters)
    }
    let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
    let local =
      days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    return Timestamp(millisecondsSinceEpoch: local - offsetMinutes * 60_000)
  }

  /// Reads 1 to 9 fraction digits and returns the whole milliseconds (truncated).
  private mutating func fraction() throws(RFC3339Error) -> Int64 {
    let start = index
    var millisecond: Int64 = 0
    while index < bytes.count, let digit = Self.digitValue(bytes[index]) {
      let position = index - start
      guard position < 9 else { throw RFC3339Error(offset: index, reason: .fractionTooLong) }
      if position < 3 { millisecond = millisecond * 10 + digit }
      index += 1
    }
    let count = index - start
    guard count > 0 else {
      throw RFC3339Error(
        offset: index, reason: index < bytes.count ? .expectedDigit : .unexpectedEnd)
    }
    var scale = count
    while scale < 3 {
      millisecond *= 10
      scale += 1
    }
    return millisecond
  }

  /// Reads `Z`, `z`, `+HH:MM` or `-HH:MM` and returns the offset east of UTC in minutes.
  private mutating func offset() throws(RFC3339Error) -> Int64 {
    guard index < bytes.count else { throw RFC3339Error(offset: index, reason: .unexpectedEnd) }
    let sign: Int64
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      index += 1
      return 0
    case UInt8(ascii: "+"): sign = 1
    case UInt8(ascii: "-"): sign = -1
    default: throw RFC3339Error(offset: index, reason: .expected(.offset))
    }
    index += 1
    let hourStart = index
    let hour = try digits(2)
    guard hour <= 23 else { throw RFC3339Error(offset: hourStart, reason: .offsetHourOutOfRange) }
    try expect(UInt8(ascii: ":"), .colon)
    let minuteStart = index
    let minute = try digits(2)
    guard minute <= 59 else {
      throw RFC3339Error(offset: minuteStart, reason: .offsetMinuteOutOfRange)
    }
    return sign * (hour * 60 + minute)
  }

  private mutating func digits(_ count: Int) throws(RFC3339Error) -> Int64 {
    var value: Int64 = 0
    for _ in 0..<count {
      guard index < bytes.count else { throw RFC3339Error(offset: index, reason: .unexpectedEnd) }
      guard let digit = Self.digitValue(bytes[index]) else {
        throw RFC3339Error(offset: index, reason: .expectedDigit)
      }
      value = value * 10 + digit
      index += 1
    }
    return value
  }

  private mutating func expect(_ byte: UInt8, _ separator: RFC3339Error.Separator)
    throws(RFC3339Error)
  {
    try expect(anyOf: byte, byte, separator)
  }

  private mutating func expect(
    anyOf first: UInt8, _ second: UInt8, _ separator: RFC3339Error.Separator
  )
    throws(RFC3339Error)
  {
    guard index < bytes.count else { throw RFC3339Error(offset: index, reason: .unexpectedEnd) }
    guard bytes[index] == first || bytes[index] == second else {
      throw RFC3339Error(offset: index, reason: .expected(separator))
    }
    index += 1
  }

  @inline(__always)
  private static func digitValue(_ byte: UInt8) -> Int64? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte &- UInt8(ascii: "0")) : nil
  }
}
