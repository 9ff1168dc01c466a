import PATModel
import PropertyKit

/// The generators of whole cases for `CreatePersonalAccessTokenRequest`: the payload bytes and
/// their context, with catalogs of edge cases tried first and then mixed in.
///
/// Every decision is recorded in the plan (``CasePlan``) so the oracle can say what the verdict
/// must be. Alternatives are listed simplest first, so shrinking moves toward absent members,
/// short names and canonical forms.
public enum PATGenerators {
  // MARK: Context

  /// Instants between 2000 and 2100, every millisecond possible, with round and `.999`
  /// instants first.
  public static let now: Gen<Timestamp> = {
    let start = HarnessCalendar.milliseconds(year: 2000, month: 1, day: 1)
    let end = HarnessCalendar.milliseconds(year: 2100, month: 1, day: 1) - 1
    let specExample = HarnessCalendar.milliseconds(
      year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999)
    let catalog = [
      specExample - 1, specExample, HarnessCalendar.milliseconds(year: 2026, month: 6, day: 15),
      HarnessCalendar.milliseconds(
        year: 2028, month: 2, day: 28, hour: 23, minute: 59, second: 59, millisecond: 999),
      start + 1, end,
    ].map(Timestamp.init(millisecondsSinceEpoch:))
    return Gen<Int64>.int64(in: 0...(end - start))
      .map { Timestamp(millisecondsSinceEpoch: start + $0) }
      .withEdgeCases(catalog)
  }()

  /// Names an owner's tokens might have: plain, accented (composed and decomposed forms),
  /// non-Latin, with emoji and astral scalars, and ones whose case can change.
  public static let namePool = [
    "CI", "NodeJS Integration", "deploy-bot", "Caf\u{E9}", "Stra\u{DF}e",
    "\u{DC}n\u{EF}c\u{F6}d\u{E9}",
    "K8s", "\u{3A3}\u{3AF}\u{3C3}\u{3C5}\u{3C6}\u{3BF}\u{3C2}", "\u{65E5}\u{672C}\u{8A9E}",
    "\u{1F511} key", "\u{1D518}nicode", "token 7", "a", "Build & Release",
  ]

  /// The owner's existing token names: 0 to 12 of them (none, 10, 9, 12, 11 and 1 first, then
  /// mostly few). Names are array elements, so shrinking deletes them one by one.
  public static let existingNames: Gen<[String]> = {
    let name = Gen.frequency([
      (3, Gen.element(of: namePool)),
      (1, Gen.string(of: Gen.alphanumeric, length: 1...12)),
    ])
    return Gen.array(of: name, count: 0...12, edgeLengths: [0, 10, 9, 12, 11, 1], mixInEvery: 8)
  }()

  /// How `name.duplicate` compares: mostly exact.
  public static let nameComparison: Gen<NameComparison> = Gen.frequency([
    (17, .constant(.exact)), (2, .constant(.canonical)), (1, .constant(.caseInsensitive)),
  ])

  // MARK: Members

  /// The `name` member, given the owner's names: duplicates, near-duplicates, fresh, empty,
  /// blank, long, astral, escaped control characters, lone surrogates, wrong types.
  public static func name(existing: [String]) -> Gen<NamePlan> {
    let text: Gen<(String, NameKind)>
    if existing.isEmpty {
      text = freshName.map { ($0, .fresh) }
    } else {
      let target = Gen.int(in: 0...existing.count - 1).map { existing[$0] }
      text = Gen.frequency([
        (6, freshName.map { ($0, NameKind.fresh) }),
        (2, target.map { ($0, NameKind.duplicate) }),
        (
          2,
          Gen.zip(target, Gen.int(in: 0...NearDuplicate.allCases.count - 1)).map { name, kind in
            (NearDuplicate.allCases[kind].apply(to: name), NameKind.nearDuplicate)
          }
        ),
      ])
    }
    var catalog: [NamePlan] = []
    if let first = existing.first {
      catalog.append(.text(first, kind: .duplicate, escaping: .minimal))
      catalog.append(.text(first, kind: .duplicate, escaping: .all))
      for variant in NearDuplicate.allCases {
        catalog.append(.text(variant.apply(to: first), kind: .nearDuplicate, escaping: .minimal))
      }
    }
    let planned = Gen.frequency([
      (40, Gen.zip(text, nameEscaping).map { NamePlan.text($0.0, kind: $0.1, escaping: $1) }),
      (1, Gen.constant(NamePlan.absent)),
      (1, Gen.constant(NamePlan.null)),
      (1, longName),
    ])
    return planned.withEdgeCases(catalog + nameCatalog, mixInEvery: 5)
  }

  static let nameEscaping = Gen.frequency([
    (8, Gen.constant(StringEscaping.minimal)), (1, .constant(.nonASCII)), (1, .constant(.all)),
  ])

  static let freshName = Gen.frequency([
    (3, Gen.element(of: namePool)),
    (2, Gen.string(of: Gen.asciiPrintable, length: 1...24)),
    (1, Gen.string(ofScalars: Gen.unicodeScalar, length: 1...16)),
  ])

  /// Long names: one character repeated up to 100,000 times (no maxLength in the schema).
  /// The length is a single integer choice, which random mode draws at 100,000 and near it
  /// at a steady rate, and which a failure on long names shrinks to the exact threshold.
  static let longName: Gen<NamePlan> = Gen.zip(
    Gen.int(in: 1...100_000),
    Gen.element(of: ["x", "\u{E9}", "\u{1F511}", "\u{0}"])
  ).map { count, character in
    let unit = Array(character.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(unit.count * count)
    for _ in 0..<count { bytes.append(contentsOf: unit) }
    return NamePlan.text(String(decoding: bytes, as: UTF8.self), kind: .fresh, escaping: .minimal)
  }

  /// The name edge cases that do not depend on the owner's names.
  static let nameCatalog: [NamePlan] = [
    .text("", kind: .fresh, escaping: .minimal), .text(" ", kind: .fresh, escaping: .minimal),
    .absent, .null,
    .text("\u{1F680}\u{1F511}\u{1D518}", kind: .fresh, escaping: .minimal),
    .text("\u{1F680}\u{1F511}\u{1D518}", kind: .fresh, escaping: .nonASCII),
    .text("a\u{0}b\u{1}c\n\u{1F}", kind: .fresh, escaping: .minimal),
    .malformedLiteral("\"\\ud800\""), .malformedLiteral("\"a\\udc00b\""),
    .malformedLiteral("\"a\tb\""), .wrongType("42"), .wrongType("[\"CI\"]"),
  ]

  /// `accessTokenValiditySeconds`: every boundary, literal forms and wrong types first, then
  /// mostly absent or in range.
  public static let validity: Gen<ValidityPlan> = {
    let catalog: [ValidityPlan] = [
      .value(15), .value(43200), .value(14), .value(16), .value(43199), .value(43201), .value(0),
      .value(-1), .value(.min), .value(.max), .wrongType("2147483648"),
      .wrongType("-2147483649"), .literal("-0", value: 0), .wrongType("36900.0"),
      .wrongType("3.69e4"), .wrongType("\"36900\""), .wrongType("true"), .null, .absent,
    ]
    return Gen.frequency([
      (8, Gen.constant(ValidityPlan.absent)),
      (9, Gen<Int32>.int32(in: 15...43200).map(ValidityPlan.value)),
      (1, Gen<Int32>.int32(in: .min ... .max).map(ValidityPlan.value)),
      (2, Gen.constant(ValidityPlan.null)),
    ]).withEdgeCases(catalog, mixInEvery: 6)
  }()

  /// `scope`: absent, null, empty, duplicates, many items, wrong types first.
  public static let scope: Gen<ScopePlan> = {
    let pool = [
      "sp:scopes:all", "sp:scopes:default", "idn:all", "demo:personal-access-token-scope:first",
    ]
    let catalog: [ScopePlan] = [
      .absent, .null, .items([]), .items(["sp:scopes:all", "sp:scopes:all"]),
      .items((0..<50).map { "scope:\($0)" }), .wrongType("[\"a\",1]"),
      .wrongType("\"sp:scopes:all\""), .wrongType("[null]"),
    ]
    return Gen.frequency([
      (8, Gen.constant(ScopePlan.absent)),
      (10, Gen.array(of: Gen.element(of: pool), count: 0...5).map(ScopePlan.items)),
      (2, Gen.constant(ScopePlan.null)),
    ]).withEdgeCases(catalog, mixInEvery: 8)
  }()

  /// `expirationDate`, given `now`: the millisecond boundary, sub-millisecond digits, every
  /// offset form, leap days, leap seconds, nonexistent days, the ends of the year range, and
  /// malformed forms first; then mostly future instants in varied forms.
  public static func date(now: Timestamp) -> Gen<DatePlan> {
    let canonical = DateForm.canonical
    func form(
      digits: Int = 3, extra: String = "", offset: Int? = nil, negativeZero: Bool = false,
      lowercase: Bool = false
    ) -> DateForm {
      DateForm(
        fractionDigits: digits, extraDigits: extra, offsetMinutes: offset,
        negativeZeroOffset: negativeZero, lowercaseT: lowercase, lowercaseZ: lowercase)
    }
    let nextDay = DateForm.canonical.render(milliseconds: now.millisecondsSinceEpoch + 86_400_000)!
    let catalog: [DatePlan] = [
      .instant(.relative(1), canonical),
      .null,
      .instant(.relative(0), canonical),
      .instant(.relative(-1), canonical),
      .instant(.relative(0), form(digits: 9, extra: "999999")),
      .instant(.relative(1), form(digits: 4, extra: "0")),
      .instant(.relative(0), form(digits: 9, extra: "000000")),
      .instant(.relative(1), form(offset: 330)),
      .instant(.relative(0), form(offset: -300)),
      .instant(.relative(-1), form(offset: 1439)),
      .instant(.relative(1), form(offset: 0, negativeZero: true)),
      .instant(.relative(1), form(lowercase: true)),
      .absent,
      .empty,
      .instant(.relative(-86_400_000), canonical),
      .instant(.absolute(HarnessCalendar.milliseconds(year: 2028, month: 2, day: 29)), canonical),
      .instant(
        .absolute(HarnessCalendar.milliseconds(year: 2000, month: 2, day: 29, hour: 12)),
        form(digits: 0)),
      .instant(.absolute(HarnessCalendar.milliseconds(year: 2400, month: 2, day: 29)), canonical),
      .malformed(text: "2100-02-29T00:00:00Z", reason: "Feb 29 of 2100, not a leap year"),
      .malformed(text: "1900-02-29T00:00:00Z", reason: "Feb 29 of 1900, not a leap year"),
      .malformed(text: "2027-02-29T12:00:00.000Z", reason: "Feb 29 of 2027"),
      .malformed(text: "2030-12-31T23:59:60Z", reason: "a leap second"),
      .malformed(text: "2030-02-30T00:00:00Z", reason: "Feb 30"),
      .instant(.absolute(HarnessCalendar.milliseconds(year: 0, month: 1, day: 1)), form(digits: 0)),
      .instant(
        .absolute(
          HarnessCalendar.milliseconds(
            year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999)),
        canonical),
      .malformed(text: nextDay.replacingFirst("T", with: " "), reason: "a space separator"),
      .malformed(text: String(nextDay.dropLast()), reason: "no offset"),
      .malformed(text: String(nextDay.dropLast()) + "+0530", reason: "an offset without a colon"),
      .malformed(text: nextDay.replacingFirst(".", with: ","), reason: "a comma fraction"),
      .malformed(text: String(nextDay.dropLast(4)) + "Z", reason: "a trailing dot"),
      .malformed(text: String(nextDay.prefix(10)), reason: "a date without a time"),
      .malformed(text: String(nextDay.dropLast()) + "0000000Z", reason: "ten fraction digits"),
      .wrongType(String(now.millisecondsSinceEpoch + 86_400_000)),
    ]
    let first = HarnessCalendar.milliseconds(year: 0, month: 1, day: 2)
    let last = HarnessCalendar.milliseconds(year: 9999, month: 12, day: 30)
    let plans = Gen.frequency([
      (
        14,
        Gen.zip(Gen<Int64>.int64(in: 1...315_360_000_000), randomForm).map {
          DatePlan.instant(.relative($0), $1)
        }
      ),
      (
        4,
        Gen.zip(Gen<Int64>.int64(in: -2000...2000), randomForm).map {
          DatePlan.instant(.relative($0), $1)
        }
      ),
      (
        1,
        Gen.zip(Gen<Int64>.int64(in: first...last), randomForm).map {
          DatePlan.instant(.absolute($0), $1)
        }
      ),
      (1, Gen.constant(DatePlan.null)),
      (
        1,
        Gen.int(in: 0...MalformedDate.allCases.count - 1).map {
          MalformedDate.allCases[$0].plan(basedOn: nextDay)
        }
      ),
    ])
    return plans.withEdgeCases(catalog, mixInEvery: 5)
  }

  /// How a random date is written: fraction digits (3, 0, 9, 6, 1 first), extra digits,
  /// offset, letter case.
  static let randomForm: Gen<DateForm> = {
    let digits = Gen.int(in: 0...9).withEdgeCases([3, 0, 9, 6, 1], mixInEvery: 3)
    let extra = Gen.string(of: Gen.character(from: "0123456789"), length: 6...6)
    let offset = Gen.frequency([
      (6, Gen.constant(Int?.none)),
      (3, Gen.int(in: -1439...1439).map { Int?.some($0) }),
      (1, Gen.constant(Int?.some(0))),
    ])
    return Gen { source in
      let digitCount = try digits.generate(from: source)
      let extraDigits = try extra.generate(from: source)
      let offsetMinutes = try offset.generate(from: source)
      return DateForm(
        fractionDigits: digitCount, extraDigits: extraDigits, offsetMinutes: offsetMinutes,
        negativeZeroOffset: try Gen.oneIn(2).generate(from: source) && offsetMinutes == 0,
        lowercaseT: try Gen.oneIn(10).generate(from: source),
        lowercaseZ: try Gen.oneIn(10).generate(from: source))
    }
  }()

  /// `userAwareTokenNeverExpires`, given whether a date is planned: mostly `true` without a
  /// date, mostly absent with one.
  public static func flag(hasDate: Bool) -> Gen<FlagPlan> {
    let catalog: [FlagPlan] = [
      .absent, .null, .value(true), .value(false), .wrongType("\"true\""), .wrongType("1"),
    ]
    let plans =
      hasDate
      ? Gen.frequency([
        (12, Gen.constant(FlagPlan.absent)), (4, .constant(.value(false))),
        (3, .constant(.value(true))), (1, .constant(.null)),
      ])
      : Gen.frequency([
        (3, Gen.constant(FlagPlan.absent)), (16, .constant(.value(true))),
        (1, .constant(.value(false))),
      ])
    return plans.withEdgeCases(catalog, mixInEvery: 10)
  }

  /// Members the request does not know: mostly none; nested values, huge numbers, repeated
  /// inner names, look-alike names, and nesting right at and past the depth limit.
  public static let unknownMembers: Gen<[UnknownMember]> = {
    func nested(_ depth: Int) -> UnknownMember {
      UnknownMember(
        name: "deep",
        valueText: String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
        depth: depth)
    }
    let catalog: [UnknownMember] = [
      UnknownMember(name: "Name", valueText: "\"x\"", depth: 0),
      UnknownMember(name: "extra", valueText: "{\"nested\":[1,2,{\"a\":null}]}", depth: 3),
      UnknownMember(name: "huge", valueText: "1e999", depth: 0),
      UnknownMember(name: "big", valueText: "-123456789012345678901234567890.5e-7", depth: 0),
      UnknownMember(name: "inner", valueText: "{\"a\":1,\"a\":2}", depth: 1),
      UnknownMember(name: "Cafe\u{301}", valueText: "true", depth: 0),
      nested(511), nested(510), nested(512),
    ]
    let member = Gen.element(of: catalog)
    return Gen.frequency([
      (12, Gen.constant([UnknownMember]())),
      (1, Gen.array(of: member, count: 1...3)),
    ])
  }()

  // MARK: Whole cases

  /// What a case generator may do beyond well-formed payloads.
  public struct Options: Sendable, Hashable {
    /// Damage bytes (truncation, trailing content, flips, insertions).
    public var corruption: Bool
    /// Repeat a member.
    public var duplicateMembers: Bool
    /// Apply SDK dialects.
    public var dialects: Bool
    /// Vary the name comparison and strictness of the context.
    public var contextOptions: Bool

    /// Everything on.
    public static let all = Options(
      corruption: true, duplicateMembers: true, dialects: true, contextOptions: true)
    /// Everything the line protocol can carry: any payload, in the default context (the
    /// protocol sends `now` and the owner's names, not the comparison or strictness).
    public static let protocolContext = Options(
      corruption: true, duplicateMembers: true, dialects: true, contextOptions: false)
    /// Well-formed, plain payloads in the default context.
    public static let wellFormed = Options(
      corruption: false, duplicateMembers: false, dialects: false, contextOptions: false)

    /// Creates options.
    public init(corruption: Bool, duplicateMembers: Bool, dialects: Bool, contextOptions: Bool) {
      self.corruption = corruption
      self.duplicateMembers = duplicateMembers
      self.dialects = dialects
      self.contextOptions = contextOptions
    }
  }

  /// Whole cases: context, members, shape and damage.
  ///
  /// - Parameter options: What the generator may do beyond well-formed payloads.
  /// - Returns: The generator.
  public static func cases(_ options: Options = .all) -> Gen<GeneratedCase> {
    cases(options, now: now)
  }

  /// Whole cases whose `now` comes from a given generator, such as a constant for cases whose
  /// instant is only known when they run (a service's clock): their relative dates are then
  /// rendered again with ``GeneratedCase/rendered(now:existingNames:)``.
  ///
  /// - Parameters:
  ///   - options: What the generator may do beyond well-formed payloads.
  ///   - instants: The generator of `now`.
  /// - Returns: The generator.
  public static func cases(_ options: Options, now instants: Gen<Timestamp>) -> Gen<GeneratedCase> {
    Gen { source in
      let now = try source.withSpan("now") { try instants.generate(from: source) }
      let existing = try source.withSpan("existing") { try existingNames.generate(from: source) }
      var plan = try plan(now: now, existing: existing, options: options).generate(from: source)
      var comparison = NameComparison.exact
      var strict = false
      if options.contextOptions {
        comparison = try nameComparison.generate(from: source)
        strict = try Gen.oneIn(10).generate(from: source)
      }
      if options.corruption {
        plan.corruption = try corruption.generate(from: source)
      }
      return GeneratedCase(
        plan: plan, now: now, existingNames: existing, nameComparison: comparison, strict: strict)
    }
  }

  /// The plan of one payload, without damage.
  public static func plan(now: Timestamp, existing: [String], options: Options) -> Gen<CasePlan> {
    Gen { source in
      var plan = CasePlan()
      plan.name = try source.withSpan("name") {
        try name(existing: existing).generate(from: source)
      }
      plan.scope = try source.withSpan("scope") { try scope.generate(from: source) }
      plan.validity = try source.withSpan("validity") { try validity.generate(from: source) }
      plan.date = try source.withSpan("date") { try date(now: now).generate(from: source) }
      let hasDate: Bool
      switch plan.date {
      case .absent, .null, .empty: hasDate = false
      default: hasDate = true
      }
      plan.flag = try source.withSpan("flag") { try flag(hasDate: hasDate).generate(from: source) }
      plan.unknownMembers = try source.withSpan("unknown") {
        try unknownMembers.generate(from: source)
      }
      plan.orderKeys = try source.withSpan("order") { try orderKeys.generate(from: source) }
      plan.whitespace = try whitespace.generate(from: source)
      if options.duplicateMembers, try Gen.oneIn(30).generate(from: source) {
        plan.duplicatedMember = try Gen.int(in: 0...7).generate(from: source)
        plan.escapeDuplicatedName = try Gen.bool.generate(from: source)
      }
      if options.dialects { plan.dialect = try dialect.generate(from: source) }
      return plan
    }
  }

  /// Member order: mostly as written, sometimes shuffled.
  static let orderKeys = Gen.frequency([
    (3, Gen.constant([UInt8]())),
    (2, Gen.array(of: Gen<UInt8>.integer(in: 0...255), count: 0...12)),
  ])

  /// Whitespace between tokens: mostly none.
  static let whitespace = Gen.frequency([
    (6, Gen.constant(CasePlan.Whitespace.none)), (1, .constant(.spaces)),
    (1, .constant(.lines)), (1, .constant(.tabs)),
  ])

  /// The SDK habits: mostly plain.
  static let dialect = Gen.frequency([
    (7, Gen.constant(Dialect.plain)), (1, .constant(.python)), (1, .constant(.powershell)),
    (1, .constant(.go)),
  ])

  /// Damage to the bytes: mostly none.
  public static let corruption: Gen<Corruption?> = Gen.frequency([
    (23, Gen.constant(Corruption?.none)),
    (1, Gen.int(in: 1...400).map { Corruption?.some(.truncate(keeping: $0)) }),
    (
      1,
      Gen.element(of: ["x", "{}", ",", "]", "\"", "0", "/* */", "\u{0}", "}"]).map {
        Corruption?.some(.trailing($0))
      }
    ),
    (
      1,
      Gen.zip(Gen.int(in: 0...400), Gen<UInt8>.integer(in: 0...255)).map {
        Corruption?.some(.flip(position: $0, byte: $1))
      }
    ),
    (
      1,
      Gen.zip(
        Gen.int(in: 0...400),
        Gen.element(of: [
          Array(",".utf8), Array("\"".utf8), Array("\\".utf8), Array("\\u".utf8), [0xC3],
          [0xED, 0xA0, 0x80], Array("//".utf8), Array("01".utf8), Array(" NaN ".utf8),
        ])
      ).map { Corruption?.some(.insert(position: $0, bytes: $1)) }
    ),
  ])
}

extension String {
  fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
    guard let index = firstIndex(of: target) else { return self }
    return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
  }
}
