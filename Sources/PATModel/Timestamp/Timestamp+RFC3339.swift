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
  /// everything else, which the cursor then parses again to find the first problem.
  ///
  /// - Parameter bytes: The UTF-8 bytes of the date-time, without quotes.
  /// - Returns: The instant, or `nil` when the text is not a valid date-time.
  @inline(__always)
  static func parseCommonRFC3339(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
    let count = bytes.count
    guard count >= 20, let base = bytes.baseAddress else { return nil }
    func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }
    // Wrapping subtraction makes every byte that is not a digit greater than 9.
    func digit(_ offset: Int) -> UInt8 { byte(offset) &- UInt8(ascii: "0") }
    let digits = (
      digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9),
      digit(11), digit(12), digit(14), digit(15), digit(17), digit(18)
    )
    let largest = max(
      max(max(digits.0, digits.1), max(digits.2, digits.3)),
      max(max(digits.4, digits.5), max(digits.6, digits.7)),
      max(max(digits.8, digits.9), max(digits.10, digits.11)), max(digits.12, digits.13))
    guard largest <= 9, byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"),
      byte(10) | 0x20 == UInt8(ascii: "t"), byte(13) == UInt8(ascii: ":"),
      byte(16) == UInt8(ascii: ":")
    else { return nil }
    func number(_ tens: UInt8, _ ones: UInt8) -> Int64 { Int64(tens) &* 10 &+ Int64(ones) }
    let year = number(digits.0, digits.1) &* 100 &+ number(digits.2, digits.3)
    let month = number(digits.4, digits.5)
    let day = number(digits.6, digits.7)
    let hour = number(digits.8, digits.9)
    let minute = number(digits.10, digits.11)
    let second = number(digits.12, digits.13)
    guard month >= 1, month <= 12, day >= 1, day <= CivilDate.daysInMonth(month, year: year),
      hour <= 23, minute <= 59, second <= 59
    else { return nil }

    var index = 19
    var millisecond: Int64 = 0
    if byte(index) == UInt8(ascii: ".") {
      index &+= 1
      let start = index
      while index < count, digit(index) <= 9 {
        if index &- start < 3 { millisecond = millisecond &* 10 &+ Int64(digit(index)) }
        index &+= 1
      }
      let fractionDigits = index &- start
      guard fractionDigits >= 1, fractionDigits <= 9 else { return nil }
      if fractionDigits == 1 {
        millisecond &*= 100
      } else if fractionDigits == 2 {
        millisecond &*= 10
      }
    }
    guard index < count else { return nil }
    var offsetMinutes: Int64 = 0
    switch byte(index) {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      index &+= 1
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard index &+ 6 <= count, byte(index &+ 3) == UInt8(ascii: ":") else { return nil }
      let offsetDigits = (
        digit(index &+ 1), digit(index &+ 2), digit(index &+ 4), digit(index &+ 5)
      )
      guard
        max(max(offsetDigits.0, offsetDigits.1), max(offsetDigits.2, offsetDigits.3)) <= 9
      else { return nil }
      let offsetHour = number(offsetDigits.0, offsetDigits.1)
      let offsetMinute = number(offsetDigits.2, offsetDigits.3)
      guard offsetHour <= 23, offsetMinute <= 59 else { return nil }
      offsetMinutes = offsetHour &* 60 &+ offsetMinute
      if byte(index) == UInt8(ascii: "-") { offsetMinutes = -offsetMinutes }
      index &+= 6
    default: return nil
    }
    guard index == count else { return nil }
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
    try expect(UInt8(ascii: "-"), "-")
    let monthStart = index
    let month = try digits(2)
    guard (1...12).contains(month) else {
      throw RFC3339Error(offset: monthStart, reason: .monthOutOfRange)
    }
    try expect(UInt8(ascii: "-"), "-")
    let dayStart = index
    let day = try digits(2)
    guard day >= 1, day <= CivilDate.daysInMonth(month, year: year) else {
      throw RFC3339Error(offset: dayStart, reason: .dayOutOfRange)
    }
    try expect(anyOf: UInt8(ascii: "T"), UInt8(ascii: "t"), "T")
    let hourStart = index
    let hour = try digits(2)
    guard hour <= 23 else { throw RFC3339Error(offset: hourStart, reason: .hourOutOfRange) }
    try expect(UInt8(ascii: ":"), ":")
    let minuteStart = index
    let minute = try digits(2)
    guard minute <= 59 else { throw RFC3339Error(offset: minuteStart, reason: .minuteOutOfRange) }
    try expect(UInt8(ascii: ":"), ":")
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
    default: throw RFC3339Error(offset: index, reason: .expected("Z, + or -"))
    }
    index += 1
    let hourStart = index
    let hour = try digits(2)
    guard hour <= 23 else { throw RFC3339Error(offset: hourStart, reason: .offsetHourOutOfRange) }
    try expect(UInt8(ascii: ":"), ":")
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

  private mutating func expect(_ byte: UInt8, _ text: String) throws(RFC3339Error) {
    try expect(anyOf: byte, byte, text)
  }

  private mutating func expect(anyOf first: UInt8, _ second: UInt8, _ text: String)
    throws(RFC3339Error)
  {
    guard index < bytes.count else { throw RFC3339Error(offset: index, reason: .unexpectedEnd) }
    guard bytes[index] == first || bytes[index] == second else {
      throw RFC3339Error(offset: index, reason: .expected(text))
    }
    index += 1
  }

  @inline(__always)
  private static func digitValue(_ byte: UInt8) -> Int64? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte &- UInt8(ascii: "0")) : nil
  }
}
