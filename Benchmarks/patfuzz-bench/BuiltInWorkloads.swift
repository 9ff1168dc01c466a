import PropertyKit

/// The workloads built into the benchmark, the same bytes on every run.
enum BuiltInWorkloads {
  /// The names of the built-in workloads, in report order.
  static let names = ["example", "varied", "invalid"]

  /// The seed of the varied and invalid workloads.
  static let seed: UInt64 = 0x50A7_F022_2025

  /// The number of payloads in the varied and invalid workloads.
  static let payloadCount = 10_000

  /// A built-in workload by name.
  ///
  /// - Parameter name: `example`, `varied` or `invalid`.
  /// - Returns: The workload, or `nil` for another name.
  static func named(_ name: String) -> Workload? {
    switch name {
    case "example": Workload(name: name, payloads: [Array(example.utf8)])
    case "varied": Workload(name: name, payloads: varied())
    case "invalid": Workload(name: name, payloads: invalid())
    default: nil
    }
  }

  /// The example payload of the API specification.
  static let example =
    #"{"name":"NodeJS Integration","scope":["demo:personal-access-token-scope:first","#
    + #""demo:personal-access-token-scope:second"],"accessTokenValiditySeconds":36900,"#
    + #""expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}"#

  // MARK: Varied

  /// Well-formed, well-typed requests: names with escapes and non-ASCII text, 0-5 scopes,
  /// null and absent members, dates with and without fractions and offsets, shuffled member
  /// order, and some whitespace.
  ///
  /// - Returns: The payloads, the same on every run.
  static func varied() -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    return (0..<payloadCount).map { _ in variedPayload(&random) }
  }

  private static let baseNames = [
    "NodeJS Integration", "CI", "deploy-bot", "Jenkins pipeline", "Terraform", "nightly backup",
    "Grafana", "ServiceNow connector", "ci-runner", "Ops", "SailPoint SDK test", "reporting",
  ]

  private static let nameDecorations = [
    #" \"prod\""#, #" C:\\tokens"#, #" caf\u00e9"#, #" \ud83d\ude80"#, #" a\/b"#, #"\tv2"#,
    " café", " Müller", " 日本語", " 🚀", " Ωmega", " ñandú",
  ]

  private static let scopes = [
    "sp:scopes:all", "sp:scopes:default", "idn:sources:read", "idn:sources:manage",
    "idn:identity:read", "idn:accounts:manage", "idn:access-request:manage", "sp:config:read",
    "demo:personal-access-token-scope:first", "demo:personal-access-token-scope:second",
  ]

  /// One varied request.
  ///
  /// - Parameter random: The generator to draw from.
  /// - Returns: The payload.
  private static func variedPayload(_ random: inout SplitMix64) -> [UInt8] {
    var members: [String] = []
    let spaced = random.percent(20)
    let colon = spaced ? ": " : ":"
    func member(_ name: String, _ value: String) {
      members.append("\"\(name)\"\(colon)\(value)")
    }
    if random.percent(95) {
      var name = random.pick(baseNames)
      if random.percent(50) { name += " \(random.below(1000))" }
      if random.percent(40) { name += random.pick(nameDecorations) }
      member("name", random.percent(97) ? "\"\(name)\"" : "null")
    }
    switch random.below(100) {
    case 0..<75:
      let list = (0..<random.below(6)).map { _ in "\"\(random.pick(scopes))\"" }
      member("scope", "[" + list.joined(separator: spaced ? ", " : ",") + "]")
    case 75..<85: member("scope", "null")
    default: break
    }
    switch random.below(100) {
    case 0..<70: member("accessTokenValiditySeconds", String(random.between(15...43200)))
    case 70..<80: member("accessTokenValiditySeconds", "null")
    default: break
    }
    var hasDate = false
    switch random.below(100) {
    case 0..<70:
      member("expirationDate", "\"\(date(&random))\"")
      hasDate = true
    case 70..<80: member("expirationDate", "null")
    default: break
    }
    switch random.below(100) {
    case 0..<70:
      member("userAwareTokenNeverExpires", hasDate && random.percent(70) ? "false" : "true")
    case 70..<80: member("userAwareTokenNeverExpires", "null")
    default: break
    }
    for index in members.indices.reversed() where index > 0 {
      members.swapAt(index, random.below(index + 1))
    }
    return Array(("{" + members.joined(separator: spaced ? ", " : ",") + "}").utf8)
  }

  /// An RFC 3339 date-time after 2026-01-01, with a varied fraction and offset.
  ///
  /// - Parameter random: The generator to draw from.
  /// - Returns: The date-time text.
  private static func date(_ random: inout SplitMix64) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var text = "\(random.between(2026...2035))-\(two(random.between(1...12)))-"
    text += "\(two(random.between(1...28)))\(random.percent(95) ? "T" : "t")"
    text += "\(two(random.below(24))):\(two(random.below(60))):\(two(random.below(60)))"
    if random.percent(60) {
      let digits = random.percent(70) ? 3 : random.between(1...9)
      text += "." + String((0..<digits).map { _ in Character("\(random.below(10))") })
    }
    switch random.below(100) {
    case 0..<60: text += "Z"
    case 60..<65: text += "z"
    default:
      text += random.percent(50) ? "+" : "-"
      text += "\(two(random.below(15))):\(random.pick(["00", "30", "45"]))"
    }
    return text
  }

  // MARK: Invalid

  /// Payloads the validator rejects, in equal parts: malformed JSON (truncations, trailing
  /// commas, bad escapes and lone surrogates, invalid UTF-8, number grammar), repeated names,
  /// type mismatches, and field-rule violations (range, date format, past dates, missing
  /// name, unacknowledged no-expiry). No payload holds a line feed.
  ///
  /// - Returns: The payloads, the same on every run.
  static func invalid() -> [[UInt8]] {
    var random = SplitMix64(seed: seed ^ 0xBAD)
    return (0..<payloadCount).map { index in
      let valid = variedPayload(&random)
      return invalidPayload(kind: index % 11, from: valid, &random)
    }
  }

  /// One invalid payload of a given kind.
  ///
  /// - Parameters:
  ///   - kind: Which of the eleven kinds (0-10).
  ///   - valid: A varied payload, for the truncations.
  ///   - random: The generator to draw from.
  /// - Returns: The payload.
  private static func invalidPayload(kind: Int, from valid: [UInt8], _ random: inout SplitMix64)
    -> [UInt8]
  {
    let name = "\"name\":\"\(random.pick(baseNames))"
    let rest = #","userAwareTokenNeverExpires":true}"#
    let text: String
    switch kind {
    case 0: return Array(valid.prefix(random.below(valid.count)))
    case 1: text = "{\(name)\",\"scope\":[\"sp:scopes:all\",]\(rest)"
    case 2:
      text = "{\(name)\(random.pick([#"\x41"#, #"\ud800"#, #"\udc00x"#, #"\u12G4"#]))\"\(rest)"
    case 3:
      var bytes = Array("{\(name) ".utf8)
      bytes += random.pick([[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xE2, 0x82], [0x01]])
      return bytes + Array("\"\(rest)".utf8)
    case 4:
      let literal = random.pick(["0123", "1.", "-", "1e+"])
      text = "{\(name)\",\"accessTokenValiditySeconds\":\(literal)\(rest)"
    case 5: text = "{\(name)\",\"scope\":[],\(name) 2\"\(rest)"
    case 6:
      text =
        "{\(name)\","
        + random.pick([
          #""accessTokenValiditySeconds":3600.0"#, #""accessTokenValiditySeconds":"3600""#,
          #""scope":"sp:scopes:all""#, #""scope":["a",1]"#, #""expirationDate":1798761599999"#,
          #""accessTokenValiditySeconds":2147483648"#,
        ]) + rest
    case 7:
      let seconds = random.pick(["0", "14", "43201", "-5"])
      text = "{\(name)\",\"accessTokenValiditySeconds\":\(seconds)\(rest)"
    case 8:
      let date = random.pick([
        "2026-13-01T00:00:00Z", "2026-12-31 23:59:59Z", "2027-02-29T00:00:00Z",
        "2026-12-31T23:59:60Z", "2026-12-31T23:59:59.Z", "2026-12-31T23:59:59+0530",
      ])
      text = "{\(name)\",\"expirationDate\":\"\(date)\"}"
    case 9: text = "{\(name)\",\"expirationDate\":\"2020-06-15T12:34:56.789Z\"}"
    default: text = random.percent(50) ? "{\"scope\":[]\(rest)" : "{\(name)\"}"
    }
    return Array(text.utf8)
  }
}
