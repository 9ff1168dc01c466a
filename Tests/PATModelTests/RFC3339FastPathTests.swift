import PropertyKit
import Testing

@testable import PATModel

@Suite("RFC 3339 fast path")
struct RFC3339FastPathTests {
  /// A date-time text: valid in most parts, then often broken by one change.
  static func dateText(_ random: inout SplitMix64) -> [UInt8] {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let year =
      random.oneIn(10) ? random.pick([0, 1, 1900, 2000, 2100, 9999]) : 1970 + random.below(100)
    var text = String(repeating: "0", count: year < 1000 ? 4 - String(year).count : 0) + "\(year)"
    text += "-\(two(random.below(14)))-\(two(random.below(33)))"
    text += random.pick(["T", "t", " ", "x"])
    text += "\(two(random.below(26))):\(two(random.below(62))):\(two(random.below(62)))"
    if random.oneIn(2) {
      text += "." + String((0..<random.below(12)).map { _ in Character("\(random.below(10))") })
    }
    switch random.below(5) {
    case 0: text += "Z"
    case 1: text += "z"
    case 2: text += ""
    default:
      text += random.pick(["+", "-"]) + "\(two(random.below(26))):\(two(random.below(62)))"
    }
    var bytes = Array(text.utf8)
    if random.oneIn(3), !bytes.isEmpty {
      let position = random.below(bytes.count)
      switch random.below(3) {
      case 0: bytes[position] = random.pick(Array("0123456789-:.TZz+ ".utf8))
      case 1: bytes.removeSubrange(position...)
      default: bytes.insert(random.pick(Array("0:.Z".utf8)), at: position)
      }
    }
    return bytes
  }

  /// Texts at the edges of the fast path's shortcuts: the offset found from the end, the
  /// fraction between, and the calendar.
  static let edges = [
    "2026-12-31T23:59:59+05:30Z", "2026-12-31T23:59:59.123+05:3", "2026-12-31T23:59:59.+05:00",
    "2026-12-31T23:59:59Z+05:00", "2026-12-31T23:59:59.1234567890Z",
    "2026-12-31T23:59:59.123456789+23:59", "2026-12-31T23:59:59.123456789-23:59",
    "0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59.999-23:59", "2000-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z", "2024-02-29t00:00:00z", "2026-12-31T23:59:59.12Z5",
    "2026-12-31T23:59:59.1z", "2026-12-31T23:59:59.12+00:00", "2026-12-31T23:59:5905:00",
    "2026-12-31T23:59:59+05:30:00", "2026-12-31T23:59:59+5:30", "2026-04-31T00:00:00Z",
    "2026-12-31T23:59:59.1a3Z", "2026/12/31T23:59:59Z", "2026-12-31T23:59:59-00:00",
  ]

  @Test("gives exactly the careful parser's instant, and gives up on everything it rejects")
  func agreesWithCursor() {
    var random = SplitMix64(seed: 3339)
    var accepted = 0
    let cases = 50_000
    let texts = Self.edges.map { Array($0.utf8) } + (0..<cases).map { _ in Self.dateText(&random) }
    for bytes in texts {
      bytes.withUnsafeBytes { buffer in
        var cursor = RFC3339Cursor(bytes: buffer)
        let careful = Result { () throws(RFC3339Error) in try cursor.parse() }
        let fast = Timestamp.parseCommonRFC3339(buffer)
        if fast != nil { accepted += 1 }
        #expect(fast == (try? careful.get()), "\(String(decoding: bytes, as: UTF8.self))")
      }
    }
    #expect(accepted >= cases / 20)
  }
}
