import PATModel

/// Writes a ``CasePlan`` as payload bytes: members in the planned order and dialect, with the
/// planned whitespace, repeated member and damage.
enum PayloadRenderer {
  /// One member as written: the name's JSON literal and the value's JSON text.
  struct WrittenMember {
    var name: String
    var valueText: String
    var escapeName = false

    var nameLiteral: String { JSONText.string(name, escaping: escapeName ? .all : .minimal) }
  }

  static func render(_ plan: CasePlan, now: Timestamp) -> [UInt8] {
    var members = writtenMembers(plan, now: now)
    if !members.isEmpty {
      let keys = (0..<members.count).map {
        plan.orderKeys.indices.contains($0) ? plan.orderKeys[$0] : 0
      }
      members = zip(keys, members).enumerated()
        .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
        .map { $0.element.1 }
    }
    if let index = plan.duplicatedMember, !members.isEmpty {
      var copy = members[index % members.count]
      copy.escapeName = plan.escapeDuplicatedName
      members.append(copy)
    }
    var bytes = Array(object(members, whitespace: plan.whitespace).utf8)
    if let corruption = plan.corruption { corrupt(&bytes, corruption) }
    return bytes
  }

  static func object(_ members: [WrittenMember], whitespace: CasePlan.Whitespace) -> String {
    let (open, colon, comma, close): (String, String, String, String)
    switch whitespace {
    case .none: (open, colon, comma, close) = ("{", ":", ",", "}")
    case .spaces: (open, colon, comma, close) = ("{ ", " : ", " , ", " }")
    case .lines: (open, colon, comma, close) = ("{\n  ", ": ", ",\n  ", "\n}\n")
    case .tabs: (open, colon, comma, close) = ("\t{\t", "\t:\t", "\t,\r\n\t", "\t}\t")
    }
    if members.isEmpty { return whitespace == .none ? "{}" : open + close }
    return open + members.map { $0.nameLiteral + colon + $0.valueText }.joined(separator: comma)
      + close
  }

  static func writtenMembers(_ plan: CasePlan, now: Timestamp) -> [WrittenMember] {
    var members: [WrittenMember] = []
    func add(_ name: String, _ valueText: String?) {
      guard let valueText else { return }
      members.append(WrittenMember(name: name, valueText: valueText))
    }
    let dialect = plan.dialect
    func optional(_ text: String?) -> String? {
      switch dialect {
      case .python: text ?? "null"
      case .powershell: text == "null" ? nil : text
      case .plain, .go: text
      }
    }
    add("name", dialect == .powershell && plan.name == .null ? nil : nameText(plan.name))
    add("scope", optional(scopeText(plan.scope)))
    add("accessTokenValiditySeconds", optional(validityText(plan.validity)))
    add("expirationDate", optional(dateText(plan.date, now: now, dialect: dialect)))
    add("userAwareTokenNeverExpires", optional(flagText(plan.flag)))
    for member in plan.unknownMembers {
      members.append(WrittenMember(name: member.name, valueText: member.valueText))
    }
    return members
  }

  static func nameText(_ plan: NamePlan) -> String? {
    switch plan {
    case .absent: nil
    case .null: "null"
    case .text(let text, _, let escaping): JSONText.string(text, escaping: escaping)
    case .malformedLiteral(let literal), .wrongType(let literal): literal
    }
  }

  static func scopeText(_ plan: ScopePlan) -> String? {
    switch plan {
    case .absent: nil
    case .null: "null"
    case .items(let items): "[" + items.map { JSONText.string($0) }.joined(separator: ",") + "]"
    case .wrongType(let literal): literal
    }
  }

  static func validityText(_ plan: ValidityPlan) -> String? {
    switch plan {
    case .absent: nil
    case .null: "null"
    case .value(let seconds): String(seconds)
    case .literal(let literal, _), .wrongType(let literal): literal
    }
  }

  static func flagText(_ plan: FlagPlan) -> String? {
    switch plan {
    case .absent: nil
    case .null: "null"
    case .value(let flag): flag ? "true" : "false"
    case .wrongType(let literal): literal
    }
  }

  static func dateText(_ plan: DatePlan, now: Timestamp, dialect: Dialect) -> String? {
    switch plan {
    case .absent: return nil
    case .null: return "null"
    case .empty: return "\"\""
    case .wrongType(let literal): return literal
    case .malformed(let text, _): return JSONText.string(text)
    case .instant(let instant, let form):
      let milliseconds = instant.milliseconds(now: now)
      let text =
        dialectDate(milliseconds, dialect: dialect) ?? form.render(milliseconds: milliseconds)
      return JSONText.string(text ?? DateForm.canonical.render(milliseconds: milliseconds) ?? "")
    }
  }

  /// How an SDK writes an instant, or `nil` for the plain dialect.
  static func dialectDate(_ milliseconds: Int64, dialect: Dialect) -> String? {
    var form = DateForm.canonical
    let subsecond = ((milliseconds % 1000) + 1000) % 1000
    switch dialect {
    case .plain: return nil
    case .python:
      form.fractionDigits = subsecond == 0 ? 0 : 6
      form.offsetMinutes = 0
    case .powershell:
      form.fractionDigits = 7
    case .go:
      form.fractionDigits = 0
    }
    return form.render(milliseconds: milliseconds)
  }

  static func corrupt(_ bytes: inout [UInt8], _ corruption: Corruption) {
    switch corruption {
    case .truncate(let keeping):
      let closing = bytes.lastIndex(of: UInt8(ascii: "}")) ?? bytes.count
      bytes.removeSubrange(min(max(keeping, 1), max(closing, 1))...)
    case .trailing(let text):
      bytes.append(contentsOf: text.utf8)
    case .flip(let position, let byte):
      if !bytes.isEmpty { bytes[position % bytes.count] = byte }
    case .insert(let position, let inserted):
      bytes.insert(contentsOf: inserted, at: position % (bytes.count + 1))
    }
  }
}
