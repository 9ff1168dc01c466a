import PropertyKit

/// Draws on PropertyKit's SplitMix64, whose sequence depends only on its seed, so every run of
/// a test sees the same payloads.
extension SplitMix64 {
  /// A number in `0..<bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: (next() >> 11) % UInt64(bound))
  }

  /// `true` with probability `1 / chance`.
  mutating func oneIn(_ chance: Int) -> Bool {
    below(chance) == 0
  }

  /// One element of a non-empty array.
  mutating func pick<T>(_ choices: [T]) -> T {
    choices[below(choices.count)]
  }
}

/// Generates request payloads for the differential tests: mostly well-formed requests with
/// varied members, spellings and whitespace, then mutated at the byte level.
struct PayloadGenerator {
  var random: SplitMix64

  /// Creates a generator.
  ///
  /// - Parameter seed: The seed of the whole stream.
  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  // MARK: Requests

  /// A payload: a generated request, mutated in about half of the cases.
  mutating func payload() -> [UInt8] {
    var bytes = request()
    if random.oneIn(2) {
      for _ in 0...random.below(3) { mutate(&bytes) }
    }
    return bytes
  }

  /// A request object with varied members, in shuffled order, with varied whitespace.
  mutating func request() -> [UInt8] {
    var members: [[UInt8]] = []
    if !random.oneIn(6) { members.append(member("name", nameValue())) }
    if !random.oneIn(3) { members.append(member("scope", scopeValue())) }
    if !random.oneIn(3) { members.append(member("accessTokenValiditySeconds", validityValue())) }
    if !random.oneIn(3) { members.append(member("expirationDate", dateValue())) }
    if !random.oneIn(3) { members.append(member("userAwareTokenNeverExpires", flagValue())) }
    for _ in 0..<(random.oneIn(3) ? random.below(4) : 0) {
      members.append(member(unknownName(), value(depth: 0)))
    }
    if !members.isEmpty, random.oneIn(12) { members.append(random.pick(members)) }
    for index in members.indices.reversed() where index > 0 {
      members.swapAt(index, random.below(index + 1))
    }
    var bytes: [UInt8] = whitespace() + [UInt8(ascii: "{")]
    for (position, text) in members.enumerated() {
      if position > 0 { bytes += whitespace() + [UInt8(ascii: ",")] }
      bytes += whitespace() + text
    }
    bytes += whitespace() + [UInt8(ascii: "}")] + whitespace()
    return bytes
  }

  private mutating func whitespace() -> [UInt8] {
    guard random.oneIn(5) else { return [] }
    return (0..<random.below(3) + 1).map { _ in random.pick([0x20, 0x09, 0x0A, 0x0D]) }
  }

  private mutating func member(_ name: String, _ value: [UInt8]) -> [UInt8] {
    string(name, escapeChance: 20) + whitespace() + [UInt8(ascii: ":")] + whitespace() + value
  }

  private mutating func unknownName() -> String {
    random.pick([
      "x", "Name", "scopes", "extra", "name ", "caf\u{E9}", "Cafe\u{301}", "\u{1F600}", "",
      "accessTokenValiditySecondz", "userAwareTokenNeverExpireS", "expirationdate",
    ])
  }

  private mutating func nameValue() -> [UInt8] {
    switch random.below(12) {
    case 0: return Array("null".utf8)
    case 1: return value(depth: 0)
    default:
      return string(
        random.pick([
          "NodeJS Integration", "CI", "", " ", "Caf\u{E9}", "Cafe\u{301}", "quote \" back \\",
          "tab\tnew\nline", "nul\u{0}", "\u{1F600} emoji", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}",
          "a name that is longer than fifteen bytes", "\u{10FFFF}", "\u{1F}",
        ]), escapeChance: 4)
    }
  }

  private mutating func scopeValue() -> [UInt8] {
    switch random.below(10) {
    case 0: return Array("null".utf8)
    case 1: return value(depth: 0)
    default:
      let count = random.below(6)
      var elements: [[UInt8]] = []
      for _ in 0..<count {
        if random.oneIn(12) {
          elements.append(value(depth: 1))
        } else {
          elements.append(
            string(
              random.pick([
                "sp:scopes:all", "demo:personal-access-token-scope:first", "", "idn:sources:read",
                "sc\u{F6}pe", "a\\b",
              ]), escapeChance: 10))
        }
      }
      return array(elements)
    }
  }

  private mutating func validityValue() -> [UInt8] {
    switch random.below(10) {
    case 0: return Array("null".utf8)
    case 1: return value(depth: 0)
    default:
      return Array(
        random.pick([
          "36900", "15", "14", "43200", "43201", "0", "-0", "-1", "2147483647", "2147483648",
          "-2147483648", "-2147483649", "99999999999", "36900.0", "3.69e4", "1E2", "1e-0",
          "00", "-", "0.5",
        ]).utf8)
    }
  }

  private mutating func dateValue() -> [UInt8] {
    switch random.below(10) {
    case 0: return Array("null".utf8)
    case 1: return value(depth: 0)
    default:
      return string(
        random.pick([
          "2026-12-31T23:59:59.999Z", "2026-06-15T12:34:56.789Z", "2026-06-15T12:34:56.790Z",
          "2026-06-15T18:04:56.790+05:30", "2030-01-01t00:00:00z", "2027-02-29T00:00:00Z",
          "2028-02-29T00:00:00.123456789-00:00", "2026-12-31T23:59:60Z", "", "not a date",
          "2026-12-31 23:59:59Z", "2026-12-31T23:59:59.1234567890Z", "9999-12-31T23:59:59.999Z",
          "2026-12-31T23:59:59+0530",
        ]), escapeChance: 8)
    }
  }

  private mutating func flagValue() -> [UInt8] {
    switch random.below(6) {
    case 0: return Array("null".utf8)
    case 1: return value(depth: 0)
    default: return Array((random.oneIn(2) ? "true" : "false").utf8)
    }
  }

  // MARK: JSON values

  /// Any JSON value, nested at most a few levels (or, rarely, right at the depth limit).
  mutating func value(depth: Int) -> [UInt8] {
    if depth == 0, random.oneIn(40) {
      // Containers nested to the limit or one past it: the value of a top-level member is
      // at level 2, so 511 brackets reach level 512.
      let levels = 509 + random.below(4)
      let open = random.oneIn(2) ? UInt8(ascii: "[") : UInt8(ascii: "{")
      if open == UInt8(ascii: "[") {
        return [UInt8](repeating: open, count: levels)
          + [UInt8](repeating: UInt8(ascii: "]"), count: levels)
      }
      return Array(String(repeating: "{\"a\":", count: levels - 1).utf8) + Array("{}".utf8)
        + [UInt8](repeating: UInt8(ascii: "}"), count: levels - 1)
    }
    let kind = depth >= 3 ? random.below(5) + 2 : random.below(7)
    switch kind {
    case 0:
      return array((0..<random.below(4)).map { _ in value(depth: depth + 1) })
    case 1:
      let members = (0..<random.below(4)).map { _ in
        member(random.pick(["a", "b", "name", "a"]), value(depth: depth + 1))
      }
      return [UInt8(ascii: "{")] + Array(members.joined(separator: [UInt8(ascii: ",")]))
        + [UInt8(ascii: "}")]
    case 2:
      return string(random.pick(["", "x", "\u{E9}t\u{E9}", "\u{1F600}", "\\\"/"]), escapeChance: 3)
    case 3, 4:
      return Array(
        random.pick([
          "0", "-0", "1", "-12", "1.50", "3.69e4", "1E+2", "1e-2", "123456789012345678901234",
          "0.0", "-0.0e0",
        ]).utf8)
    case 5: return Array(random.pick(["true", "false"]).utf8)
    default: return Array("null".utf8)
    }
  }

  private mutating func array(_ elements: [[UInt8]]) -> [UInt8] {
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    for (position, element) in elements.enumerated() {
      if position > 0 { bytes += whitespace() + [UInt8(ascii: ",")] }
      bytes += whitespace() + element
    }
    return bytes + whitespace() + [UInt8(ascii: "]")]
  }

  /// A string literal for `text`, each scalar escaped with probability `1 / escapeChance`.
  mutating func string(_ text: String, escapeChance: Int) -> [UInt8] {
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let mustEscape = value < 0x20 || value == 0x22 || value == 0x5C
      if !mustEscape, !random.oneIn(escapeChance) {
        bytes += Array(String(scalar).utf8)
        continue
      }
      switch value {
      case 0x22: bytes += Array(#"\""#.utf8)
      case 0x5C: bytes += Array(#"\\"#.utf8)
      case 0x2F where random.oneIn(2): bytes += Array(#"\/"#.utf8)
      case 0x0A where random.oneIn(2): bytes += Array(#"\n"#.utf8)
      case 0x09 where random.oneIn(2): bytes += Array(#"\t"#.utf8)
      case 0x10000...:
        let offset = value - 0x10000
        bytes += unicodeEscape(0xD800 + (offset >> 10)) + unicodeEscape(0xDC00 + (offset & 0x3FF))
      default: bytes += unicodeEscape(value)
      }
    }
    return bytes + [UInt8(ascii: "\"")]
  }

  private mutating func unicodeEscape(_ unit: UInt32) -> [UInt8] {
    let digits = random.oneIn(2) ? "0123456789abcdef" : "0123456789ABCDEF"
    let hex = Array(digits.utf8)
    return Array(#"\u"#.utf8) + [12, 8, 4, 0].map { hex[Int(unit >> UInt32($0) & 0xF)] }
  }

  // MARK: Mutations

  /// JSON tokens and troublesome bytes that mutations insert.
  private static let fragments: [[UInt8]] =
    [
      ",", "}", "]", "{", "[", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u00e9", "null",
      "tru", "1e", "-", "01", ".5", "//", "/*", " ", "\t", "\u{1}", "NaN", "\"name\":1,",
      "\"scope\":[1],", "\"x\":", "\"name\":\"dup\",",
    ].map { Array($0.utf8) } + [
      [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF],
    ]

  /// Changes a payload a little: a byte flip, a truncation, an insertion or a deletion.
  mutating func mutate(_ bytes: inout [UInt8]) {
    guard !bytes.isEmpty else {
      bytes = random.pick(Self.fragments)
      return
    }
    let position = random.below(bytes.count)
    switch random.below(6) {
    case 0: bytes[position] ^= UInt8(1 << random.below(8))
    case 1: bytes[position] = UInt8(truncatingIfNeeded: random.next())
    case 2: bytes.removeSubrange(position...)
    case 3: bytes.insert(contentsOf: random.pick(Self.fragments), at: position)
    case 4: bytes.remove(at: position)
    default:
      let end = min(bytes.count, position + 1 + random.below(16))
      bytes.insert(contentsOf: bytes[position..<end], at: random.below(bytes.count))
    }
  }
}
