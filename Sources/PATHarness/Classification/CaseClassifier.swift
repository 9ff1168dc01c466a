import PATModel

/// Names the edge-case classes a payload falls in, from the payload itself and its context.
///
/// The labels (`date:now+1ms`, `name:nearDuplicate`, `validity:43201`, `code:json.malformed`...)
/// drive the coverage requirements of properties and campaigns, and corpus minimization keeps
/// one case per distinct set of labels. They are computed from the bytes, never from how a
/// generator meant to build them, so a generator bug cannot fake coverage.
public enum CaseClassifier {
  /// The validity values that are boundaries of the semantics, each its own class.
  public static let validityBoundaries: [Int32] = [
    .min, -1, 0, 14, 15, 16, 43199, 43200, 43201, .max,
  ]

  /// The labels of one case.
  ///
  /// - Parameters:
  ///   - payload: The payload bytes.
  ///   - context: The validation context.
  ///   - verdict: The reference verdict, when the caller already has it.
  /// - Returns: The case's labels.
  public static func labels(
    payload: [UInt8], context: ValidationContext, verdict: Verdict? = nil
  ) -> Set<String> {
    let verdict = verdict ?? Validator(context: context).validate(json: payload)
    var labels: Set<String> = [verdict.isValid ? "valid" : "invalid"]
    for code in verdict.codes { labels.insert("code:\(code.rawValue)") }
    let count = context.existingNames.count
    if count >= ValidationContext.maximumTokensPerOwner {
      labels.insert("owner:tokenLimit")
    } else if count == ValidationContext.maximumTokensPerOwner - 1 {
      labels.insert("owner:oneBelowLimit")
    } else if count == 0 {
      labels.insert("owner:noTokens")
    }
    guard let members = try? JSONParser.parseObject(payload) else {
      labels.insert("json:malformed")
      return labels
    }
    if depth(of: .object(members)) >= 500 { labels.insert("json:deep") }
    var seen = Set<[UInt8]>()
    var byMember: [RequestMember: JSONValue] = [:]
    for member in members {
      if !seen.insert(Array(member.name.utf8)).inserted { labels.insert("json:duplicateKey") }
      if let known = RequestMember(exactly: member.name) {
        byMember[known] = member.value
      } else {
        labels.insert("json:unknownMember")
      }
    }
    classifyName(byMember[.name], context: context, into: &labels)
    classifyScope(byMember[.scope], into: &labels)
    classifyValidity(byMember[.accessTokenValiditySeconds], into: &labels)
    classifyDate(byMember[.expirationDate], now: context.now, into: &labels)
    classifyFlag(byMember[.userAwareTokenNeverExpires], into: &labels)
    return labels
  }

  static func depth(of value: JSONValue) -> Int {
    switch value {
    case .object(let members): 1 + (members.map { depth(of: $0.value) }.max() ?? 0)
    case .array(let elements): 1 + (elements.map { depth(of: $0) }.max() ?? 0)
    default: 0
    }
  }

  private static func classifyName(
    _ value: JSONValue?, context: ValidationContext, into labels: inout Set<String>
  ) {
    switch value {
    case nil: labels.insert("name:absent")
    case .null?: labels.insert("name:null")
    case .string(let name)?:
      if name.isEmpty {
        labels.insert("name:empty")
      } else if name.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
        labels.insert("name:blank")
      }
      if name.unicodeScalars.count >= 1000 { labels.insert("name:long") }
      if name.unicodeScalars.contains(where: { $0.value > 0xFFFF }) { labels.insert("name:astral") }
      if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { labels.insert("name:control") }
      if context.existingNames.contains(where: { NameComparison.exact.matches(name, $0) }) {
        labels.insert("name:duplicate")
      } else if context.existingNames.contains(where: { isNearDuplicate(name, $0) }) {
        labels.insert("name:nearDuplicate")
      }
    default: labels.insert("name:wrongType")
    }
  }

  /// Whether two different names look the same to people: equal after case folding,
  /// canonical normalization, trimming whitespace and removing zero-width characters.
  static func isNearDuplicate(_ name: String, _ existing: String) -> Bool {
    // Look-alikes differ by a few scalars at most (spaces, zero-width characters, combining
    // marks of a decomposition); skip the folding work for names of very different lengths.
    let shorter = min(name.utf8.count, existing.utf8.count)
    guard max(name.utf8.count, existing.utf8.count) <= 3 * shorter + 8 else { return false }
    func fold(_ text: String) -> String {
      var kept = String.UnicodeScalarView()
      for scalar in text.unicodeScalars
      where !(0x200B...0x200D).contains(scalar.value) && scalar.value != 0xFEFF {
        kept.append(scalar)
      }
      var folded = String(kept).lowercased()
      while let first = folded.unicodeScalars.first, first.properties.isWhitespace {
        folded.unicodeScalars.removeFirst()
      }
      while let last = folded.unicodeScalars.last, last.properties.isWhitespace {
        folded.unicodeScalars.removeLast()
      }
      return folded
    }
    return !NameComparison.exact.matches(name, existing) && fold(name) == fold(existing)
  }

  private static func classifyScope(_ value: JSONValue?, into labels: inout Set<String>) {
    switch value {
    case nil: labels.insert("scope:absent")
    case .null?: labels.insert("scope:null")
    case .array(let elements)?:
      if elements.isEmpty { labels.insert("scope:empty") }
      if elements.count >= 10 { labels.insert("scope:many") }
      if Set(elements).count < elements.count { labels.insert("scope:duplicates") }
      if elements.contains(where: { if case .string = $0 { false } else { true } }) {
        labels.insert("scope:wrongType")
      }
    default: labels.insert("scope:wrongType")
    }
  }

  private static func classifyValidity(_ value: JSONValue?, into labels: inout Set<String>) {
    switch value {
    case nil: labels.insert("validity:absent")
    case .null?: labels.insert("validity:null")
    case .number(let literal)?:
      guard let seconds = Int32(literal) ?? (literal == "-0" ? 0 : nil) else {
        labels.insert("validity:notInt32")
        return
      }
      if literal == "-0" { labels.insert("validity:-0") }
      if validityBoundaries.contains(seconds) { labels.insert("validity:\(seconds)") }
      labels.insert(
        (Validator.minimumValiditySeconds...Validator.maximumValiditySeconds).contains(seconds)
          ? "validity:inRange" : "validity:outOfRange")
    default: labels.insert("validity:wrongType")
    }
  }

  private static func classifyDate(
    _ value: JSONValue?, now: Timestamp, into labels: inout Set<String>
  ) {
    switch value {
    case nil: labels.insert("date:absent")
    case .null?: labels.insert("date:null")
    case .string(let text)? where text.isEmpty: labels.insert("date:empty")
    case .string(let text)?:
      let bytes = Array(text.utf8)
      switch Timestamp.parseRFC3339(bytes) {
      case .failure(let error):
        labels.insert("date:malformed")
        if error.reason == .secondOutOfRange { labels.insert("date:leapSecond") }
        if error.reason == .dayOutOfRange { labels.insert("date:nonexistentDay") }
      case .success(let expiration):
        let distance = expiration.millisecondsSinceEpoch - now.millisecondsSinceEpoch
        switch distance {
        case ..<(-1): labels.insert("date:past")
        case -1: labels.insert("date:now-1ms")
        case 0: labels.insert("date:now")
        case 1: labels.insert("date:now+1ms")
        default: labels.insert("date:future")
        }
        classifyDateForm(bytes, into: &labels)
      }
    default: labels.insert("date:wrongType")
    }
  }

  /// Labels the written form of a well-formed date: fraction digits, offset, letter case.
  private static func classifyDateForm(_ bytes: [UInt8], into labels: inout Set<String>) {
    if bytes[10] == UInt8(ascii: "t") { labels.insert("date:lowercaseT") }
    if bytes[5...9].elementsEqual("02-29".utf8) { labels.insert("date:leapDay") }
    var fractionDigits = 0
    if bytes[19] == UInt8(ascii: ".") {
      while bytes[20 + fractionDigits] >= UInt8(ascii: "0"),
        bytes[20 + fractionDigits] <= UInt8(ascii: "9")
      {
        fractionDigits += 1
      }
    }
    labels.insert("date:fractionDigits:\(fractionDigits)")
    if fractionDigits > 3 { labels.insert("date:subMillisecond") }
    let offset = bytes[(fractionDigits > 0 ? 20 + fractionDigits : 19)...]
    switch offset.first {
    case UInt8(ascii: "Z"): labels.insert("date:offset:Z")
    case UInt8(ascii: "z"): labels.insert("date:offset:z")
    default:
      labels.insert(
        offset.elementsEqual("-00:00".utf8)
          ? "date:offset:-00:00" : "date:offset:\(offset.first == UInt8(ascii: "+") ? "+" : "-")")
    }
  }

  private static func classifyFlag(_ value: JSONValue?, into labels: inout Set<String>) {
    switch value {
    case nil: labels.insert("flag:absent")
    case .null?: labels.insert("flag:null")
    case .bool(let flag)?: labels.insert(flag ? "flag:true" : "flag:false")
    default: labels.insert("flag:wrongType")
    }
  }
}
