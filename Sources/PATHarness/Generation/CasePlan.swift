import PATModel

/// Everything the generator decided about one payload: the members, how they are written, and
/// any damage done to the bytes. The oracle derives the expected verdict from this plan alone.
public struct CasePlan: Hashable, Sendable {
  public var name: NamePlan
  public var scope: ScopePlan
  public var validity: ValidityPlan
  public var date: DatePlan
  public var flag: FlagPlan
  /// Members the request does not know, written after or among the known ones.
  public var unknownMembers: [UnknownMember]
  /// One sort key per written member, in writing order before sorting: shuffles the members.
  public var orderKeys: [UInt8]
  /// The whitespace style between tokens.
  public var whitespace: Whitespace
  /// Writes this member (an index into the written members, modulo their count) twice.
  public var duplicatedMember: Int?
  /// Writes the repeated member's name with `\u` escapes (still the same name).
  public var escapeDuplicatedName: Bool
  /// The SDK wire habits applied.
  public var dialect: Dialect
  /// Damage done to the rendered bytes.
  public var corruption: Corruption?

  /// A plan with every member absent and nothing else done.
  public init(
    name: NamePlan = .absent, scope: ScopePlan = .absent, validity: ValidityPlan = .absent,
    date: DatePlan = .absent, flag: FlagPlan = .absent, unknownMembers: [UnknownMember] = [],
    orderKeys: [UInt8] = [], whitespace: Whitespace = .none, duplicatedMember: Int? = nil,
    escapeDuplicatedName: Bool = false, dialect: Dialect = .plain, corruption: Corruption? = nil
  ) {
    self.name = name
    self.scope = scope
    self.validity = validity
    self.date = date
    self.flag = flag
    self.unknownMembers = unknownMembers
    self.orderKeys = orderKeys
    self.whitespace = whitespace
    self.duplicatedMember = duplicatedMember
    self.escapeDuplicatedName = escapeDuplicatedName
    self.dialect = dialect
    self.corruption = corruption
  }

  /// The whitespace styles between tokens.
  public enum Whitespace: String, Hashable, Sendable, CaseIterable {
    case none
    case spaces
    case lines
    case tabs
  }
}

/// One generated case: the payload bytes, the context to judge them in, and the plan they
/// were built from.
public struct GeneratedCase: Hashable, Sendable, CustomStringConvertible {
  /// What the generator decided.
  public var plan: CasePlan
  /// The instant the payload is judged at.
  public var now: Timestamp
  /// The owner's existing token names.
  public var existingNames: [String]
  /// How `name.duplicate` compares.
  public var nameComparison: NameComparison
  /// Whether unknown members are violations.
  public var strict: Bool
  /// The rendered payload.
  public var payload: [UInt8]

  /// Creates a case by rendering a plan.
  public init(
    plan: CasePlan, now: Timestamp, existingNames: [String],
    nameComparison: NameComparison = .exact,
    strict: Bool = false
  ) {
    self.plan = plan
    self.now = now
    self.existingNames = existingNames
    self.nameComparison = nameComparison
    self.strict = strict
    self.payload = PayloadRenderer.render(plan, now: now)
  }

  /// The same plan in another context: rendered again at another `now` (dates relative to
  /// `now` move with it), with other existing names, default name comparison and no strict
  /// mode.
  ///
  /// - Parameters:
  ///   - now: The instant to render and judge at.
  ///   - existingNames: The owner's names.
  /// - Returns: The case.
  public func rendered(now: Timestamp, existingNames: [String]) -> GeneratedCase {
    GeneratedCase(plan: plan, now: now, existingNames: existingNames)
  }

  /// The validation context of the case.
  public var context: ValidationContext {
    ValidationContext(
      now: now, existingNames: existingNames, nameComparison: nameComparison, strict: strict)
  }

  /// The payload as text when it is valid UTF-8, else a byte listing.
  public var payloadText: String {
    CorpusCase.isText(payload)
      ? String(decoding: payload, as: UTF8.self)
      : "bytes " + payload.map { String($0, radix: 16) }.joined(separator: " ")
  }

  public var description: String {
    var text =
      "payload \(payloadText.count > 400 ? String(payloadText.prefix(400)) + "…(\(payload.count) bytes)" : payloadText)"
    text += "\n  now \(now.rfc3339), existing names \(existingNames)"
    if nameComparison != .exact { text += ", names \(nameComparison.rawValue)" }
    if strict { text += ", strict" }
    return text
  }

  /// The case as a corpus case with the reference verdict as its expectation.
  ///
  /// - Parameters:
  ///   - note: Why the case exists.
  ///   - origin: Where it came from.
  /// - Returns: The corpus case.
  public func corpusCase(note: String, origin: String) -> CorpusCase {
    CorpusCase(referenceVerdictFor: payload, context: context, note: note, origin: origin)
  }
}
