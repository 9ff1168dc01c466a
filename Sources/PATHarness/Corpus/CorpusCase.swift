import PATModel

/// One regression case: a payload, the context it is judged in, and the verdict it must get.
///
/// Stored as one JSON file (format in `docs/corpus.md`), named after a hash of its input, so
/// the same input always lands in the same file and parallel writers never collide.
public struct CorpusCase: Hashable, Sendable {
  /// The `now` of a case file that gives none.
  public static let defaultNow = Timestamp(rfc3339: "2026-01-01T00:00:00.000Z")!

  /// The payload bytes.
  public var payload: [UInt8]
  /// The instant the payload is judged at.
  public var now: Timestamp
  /// The names of the owner's existing tokens.
  public var existingNames: [String]
  /// How `name.duplicate` compares names.
  public var nameComparison: NameComparison
  /// Whether unknown members are violations.
  public var strict: Bool
  /// The verdict the case must get.
  public var expectation: Expectation
  /// Why the case exists.
  public var note: String
  /// Where it came from: `hand`, `property <name> seed <s>`, `fuzz <run>` or `libfuzzer`.
  public var origin: String

  /// Creates a case.
  public init(
    payload: [UInt8], now: Timestamp = CorpusCase.defaultNow, existingNames: [String] = [],
    nameComparison: NameComparison = .exact, strict: Bool = false, expectation: Expectation,
    note: String, origin: String
  ) {
    self.payload = payload
    self.now = now
    self.existingNames = existingNames
    self.nameComparison = nameComparison
    self.strict = strict
    self.expectation = expectation
    self.note = note
    self.origin = origin
  }

  /// Creates a case whose expectation is the reference model's verdict.
  ///
  /// - Parameters:
  ///   - payload: The payload bytes.
  ///   - context: The context to judge it in.
  ///   - note: Why the case exists.
  ///   - origin: Where it came from.
  public init(
    referenceVerdictFor payload: [UInt8], context: ValidationContext, note: String, origin: String
  ) {
    self.init(
      payload: payload, now: context.now, existingNames: context.existingNames,
      nameComparison: context.nameComparison, strict: context.strict,
      expectation: Expectation(Validator(context: context).validate(json: payload)), note: note,
      origin: origin)
  }

  /// The validation context of the case.
  public var context: ValidationContext {
    ValidationContext(
      now: now, existingNames: existingNames, nameComparison: nameComparison, strict: strict)
  }

  /// Whether this is a hand-curated case (never removed by minimization).
  public var isHandCurated: Bool { origin == "hand" }

  /// The SHA-256 of the case's input (payload and context, not the expectation or note), hex.
  public var inputHash: String {
    var members = [
      JSONMember(name: "payloadBase64", value: .string(Base64.encode(payload))),
      JSONMember(name: "now", value: .string(now.rfc3339)),
      JSONMember(name: "existingNames", value: .array(existingNames.map(JSONValue.string))),
    ]
    if nameComparison != .exact {
      members.append(JSONMember(name: "nameComparison", value: .string(nameComparison.rawValue)))
    }
    if strict { members.append(JSONMember(name: "strict", value: .bool(true))) }
    var writer = JSONWriter()
    writer.write(.object(members))
    return SHA256.hexDigest(writer.bytes)
  }

  /// The file name of the case: the first 16 hex digits of ``inputHash`` and `.json`.
  public var fileName: String { String(inputHash.prefix(16)) + ".json" }
}

/// The verdict a corpus case must get: valid or not, and the set of violation codes.
public struct Expectation: Hashable, Sendable, CustomStringConvertible {
  /// Whether the payload is valid.
  public var valid: Bool
  /// The distinct violation codes, in declaration order.
  public var codes: [ViolationCode]

  /// Creates an expectation; codes are deduplicated and ordered.
  public init(valid: Bool, codes: [ViolationCode]) {
    self.valid = valid
    self.codes = Array(Set(codes)).sorted()
  }

  /// The expectation a verdict meets.
  public init(_ verdict: Verdict) {
    self.init(valid: verdict.isValid, codes: verdict.codes)
  }

  public var description: String {
    valid ? "valid" : "invalid [" + codes.map(\.rawValue).joined(separator: ", ") + "]"
  }

  /// The expectation as a JSON object `{"valid": Bool, "codes": [String]}`.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(name: "valid", value: .bool(valid)),
      JSONMember(name: "codes", value: .array(codes.map { .string($0.rawValue) })),
    ])
  }
}
