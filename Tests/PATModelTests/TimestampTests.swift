import Foundation
import Testing

@testable import PATModel

@Suite("Timestamp")
struct TimestampTests {
  @Test(
    "accepts RFC 3339 date-times",
    arguments: [
      ("1970-01-01T00:00:00Z", 0),
      ("1970-01-01T00:00:00.001Z", 1),
      ("1969-12-31T23:59:59.999Z", -1),
      ("2026-12-31T23:59:59.999Z", 1_798_761_599_999),
      ("2026-12-31t23:59:59.999z", 1_798_761_599_999),
      ("2026-12-31T23:59:59.999+00:00", 1_798_761_599_999),
      ("2026-12-31T23:59:59.999-00:00", 1_798_761_599_999),
      ("2027-01-01T05:29:59.999+05:30", 1_798_761_599_999),
      ("2026-12-31T18:59:59.999-05:00", 1_798_761_599_999),
      ("2026-12-31T23:59:59.9Z", 1_798_761_599_900),
      ("2026-12-31T23:59:59.99Z", 1_798_761_599_990),
      ("2026-12-31T23:59:59.9999Z", 1_798_761_599_999),
      ("2026-12-31T23:59:59.999999999Z", 1_798_761_599_999),
      ("2026-12-31T23:59:59Z", 1_798_761_599_000),
      ("2000-02-29T00:00:00Z", 951_782_400_000),
      ("2024-02-29T12:00:00Z", 1_709_208_000_000),
      ("0000-02-29T00:00:00Z", -62_162_121_600_000),
      ("0000-01-01T00:00:00Z", -62_167_219_200_000),
      ("0000-01-01T00:00:00+23:59", -62_167_305_540_000),
      ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
      ("9999-12-31T23:59:59.999-23:59", 253_402_387_139_999),
    ] as [(String, Int64)])
  func parses(text: String, milliseconds: Int64) throws {
    let timestamp = try #require(Timestamp(rfc3339: text))
    #expect(timestamp.millisecondsSinceEpoch == milliseconds)
  }

  @Test(
    "rejects what RFC 3339 or the reference does not accept",
    arguments: [
      ("2026-02-29T00:00:00Z", RFC3339Error.Reason.dayOutOfRange),
      ("1900-02-29T00:00:00Z", .dayOutOfRange),
      ("2100-02-29T00:00:00Z", .dayOutOfRange),
      ("2026-02-30T00:00:00Z", .dayOutOfRange),
      ("2026-04-31T00:00:00Z", .dayOutOfRange),
      ("2026-01-00T00:00:00Z", .dayOutOfRange),
      ("2026-13-01T00:00:00Z", .monthOutOfRange),
      ("2026-00-01T00:00:00Z", .monthOutOfRange),
      ("2026-12-31T24:00:00Z", .hourOutOfRange),
      ("2026-12-31T23:60:00Z", .minuteOutOfRange),
      ("2026-12-31T23:59:60Z", .secondOutOfRange),
      ("2016-12-31T23:59:60Z", .secondOutOfRange),
      ("2026-12-31T23:59:59.1234567890Z", .fractionTooLong),
      ("2026-12-31T23:59:59.Z", .expectedDigit),
      ("2026-12-31T23:59:59.", .unexpectedEnd),
      ("2026-12-31T23:59:59,999Z", .expected(.offset)),
      ("2026-12-31 23:59:59Z", .expected(.timeDesignator)),
      ("2026-12-31T23:59:59", .unexpectedEnd),
      ("2026-12-31T23:59:59+0530", .expected(.colon)),
      ("2026-12-31T23:59:59+05", .unexpectedEnd),
      ("2026-12-31T23:59:59+24:00", .offsetHourOutOfRange),
      ("2026-12-31T23:59:59+05:60", .offsetMinuteOutOfRange),
      ("2026-12-31T23:59:59ZZ", .trailingCharacters),
      ("2026-12-31T23:59:59Z ", .trailingCharacters),
      (" 2026-12-31T23:59:59Z", .expectedDigit),
      ("2026-12-31", .unexpectedEnd),
      ("26-12-31T23:59:59Z", .expectedDigit),
      ("+2026-12-31T23:59:59Z", .expectedDigit),
      ("2026-1-31T23:59:59Z", .expectedDigit),
      ("", .unexpectedEnd),
    ] as [(String, RFC3339Error.Reason)])
  func rejects(text: String, reason: RFC3339Error.Reason) {
    #expect(Timestamp(rfc3339: text) == nil)
    guard case .failure(let error) = Timestamp.parseRFC3339(Array(text.utf8)) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(error.reason == reason, "\(text): \(error)")
  }

  @Test("reports the byte offset of the problem")
  func errorOffset() {
    guard case .failure(let error) = Timestamp.parseRFC3339(Array("2026-02-30T00:00:00Z".utf8))
    else {
      Issue.record("parsed")
      return
    }
    #expect(error.offset == 8)
    #expect(error.description.contains("offset 8"))
  }

  @Test(
    "formats canonically",
    arguments: [
      (0, "1970-01-01T00:00:00.000Z"),
      (-1, "1969-12-31T23:59:59.999Z"),
      (1_798_761_599_999, "2026-12-31T23:59:59.999Z"),
      (-62_167_219_200_000, "0000-01-01T00:00:00.000Z"),
      (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
      (-62_167_305_540_000, "-0001-12-31T00:01:00.000Z"),
      (253_402_387_139_999, "+10000-01-01T23:58:59.999Z"),
    ] as [(Int64, String)])
  func formats(milliseconds: Int64, text: String) {
    #expect(Timestamp(millisecondsSinceEpoch: milliseconds).rfc3339 == text)
  }

  /// Seconds spread over 0000-9999, including the ends, the epoch and leap days.
  static let sampleSeconds: [Int64] = {
    var seconds: [Int64] = [
      -62_167_219_200, -62_162_121_600, -2_208_988_800, -1, 0, 951_782_400, 1_709_208_000,
      1_798_761_599, 4_107_542_399, 253_402_300_799,
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<40 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let span = UInt64(253_402_300_800 + 62_167_219_200)
      seconds.append(Int64(state % span) - 62_167_219_200)
    }
    return seconds
  }()

  @Test("parses and formats back exactly, every millisecond of sampled seconds")
  func roundTripsEveryMillisecond() {
    var failures = 0
    for second in Self.sampleSeconds {
      for millisecond in Int64(0)..<1000 {
        let timestamp = Timestamp(millisecondsSinceEpoch: second * 1000 + millisecond)
        let text = timestamp.rfc3339
        if Timestamp(rfc3339: text) != timestamp { failures += 1 }
      }
    }
    #expect(failures == 0)
  }

  @Test("Date conversions are exact, every millisecond of sampled seconds")
  func dateConversionsAreExact() {
    var failures = 0
    for second in Self.sampleSeconds {
      for millisecond in Int64(0)..<1000 {
        let timestamp = Timestamp(millisecondsSinceEpoch: second * 1000 + millisecond)
        if Timestamp(timestamp.date) != timestamp { failures += 1 }
      }
    }
    #expect(failures == 0)
  }

  @Test("a Date from Foundation's own parser converts to the right millisecond")
  func foundationDateConversion() throws {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let date = try #require(formatter.date(from: "2026-12-31T23:59:59.999Z"))
    #expect(Timestamp(date)?.rfc3339 == "2026-12-31T23:59:59.999Z")
    #expect(Timestamp(Date(timeIntervalSince1970: .nan)) == nil)
  }

  @Test("Codable writes the canonical form")
  func codable() throws {
    let timestamp = try #require(Timestamp(rfc3339: "2027-01-01T05:29:59.9999+05:30"))
    let data = try JSONEncoder().encode([timestamp])
    #expect(String(decoding: data, as: UTF8.self) == #"["2026-12-31T23:59:59.999Z"]"#)
    #expect(try JSONDecoder().decode([Timestamp].self, from: data) == [timestamp])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Timestamp].self, from: Data(#"["2026-02-30T00:00:00Z"]"#.utf8))
    }
  }

  @Test(
    "leap years follow the Gregorian rule",
    arguments: [
      (1900, false), (2000, true), (2024, true), (2026, false), (2100, false), (0, true),
    ] as [(Int64, Bool)])
  func leapYears(year: Int64, isLeap: Bool) {
    #expect(CivilDate.isLeapYear(year) == isLeap)
  }

  @Test("civil dates and day counts convert both ways over 0000-9999")
  func civilDates() {
    var days = CivilDate(year: 0, month: 1, day: 1).daysSinceEpoch
    let last = CivilDate(year: 9999, month: 12, day: 31).daysSinceEpoch
    var previous = CivilDate(daysSinceEpoch: days - 1)
    var failures = 0
    while days <= last {
      let date = CivilDate(daysSinceEpoch: days)
      if date.daysSinceEpoch != days { failures += 1 }
      let nextDay =
        previous.day == CivilDate.daysInMonth(previous.month, year: previous.year)
        ? (date.day == 1) : (date.day == previous.day + 1)
      if !nextDay { failures += 1 }
      previous = date
      days += 1
    }
    #expect(failures == 0)
  }
}
