import PATHTTP
import Testing

@Suite("IMF-fixdate")
struct HTTPDateTests {
  @Test(
    "formats instants in UTC, dropping milliseconds",
    arguments: [
      (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
      (784_111_777_000, "Sun, 06 Nov 1994 08:49:37 GMT"),
      (1_781_526_896_789, "Mon, 15 Jun 2026 12:34:56 GMT"),
      (951_782_400_000, "Tue, 29 Feb 2000 00:00:00 GMT"),
      (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
      (253_402_300_799_999, "Fri, 31 Dec 9999 23:59:59 GMT"),
    ] as [(Int64, String)])
  func format(milliseconds: Int64, text: String) {
    #expect(HTTPDate.format(millisecondsSinceEpoch: milliseconds) == text)
    #expect(
      HTTPDate.parse(text) == milliseconds - ((milliseconds % 1000) + 1000) % 1000)
  }

  @Test(
    "rejects anything but a real IMF-fixdate",
    arguments: [
      "Sun, 06 Nov 1994 08:49:37 UTC",
      "Mon, 06 Nov 1994 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37 GMT",
      "Sun Nov  6 08:49:37 1994",
      "Fri, 30 Feb 2026 00:00:00 GMT",
      "Mon, 15 Jun 2026 24:00:00 GMT",
      "Mon, 15 Jun 2026 12:34:60 GMT",
      "Mon, 15 Jun 2026 12:34:56 GMT ",
      "",
    ])
  func rejects(text: String) {
    #expect(HTTPDate.parse(text) == nil)
  }
}
