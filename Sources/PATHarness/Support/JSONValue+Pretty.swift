import PATModel

extension JSONValue {
  /// This value as indented JSON for files people read and edit: objects one member per line,
  /// arrays of scalars on one line, two-space indentation, a final newline.
  public var prettyText: String {
    var text = ""
    appendPretty(to: &text, indent: "")
    return text + "\n"
  }

  private var isScalar: Bool {
    switch self {
    case .object, .array: false
    default: true
    }
  }

  private func appendPretty(to text: inout String, indent: String) {
    switch self {
    case .object(let members) where !members.isEmpty:
      text += "{\n"
      for (position, member) in members.enumerated() {
        text += indent + "  " + JSONWriter.text(of: .string(member.name)) + ": "
        member.value.appendPretty(to: &text, indent: indent + "  ")
        text += position + 1 < members.count ? ",\n" : "\n"
      }
      text += indent + "}"
    case .array(let elements) where !elements.allSatisfy(\.isScalar):
      text += "[\n"
      for (position, element) in elements.enumerated() {
        text += indent + "  "
        element.appendPretty(to: &text, indent: indent + "  ")
        text += position + 1 < elements.count ? ",\n" : "\n"
      }
      text += indent + "]"
    case .array(let elements):
      text += "[" + elements.map { JSONWriter.text(of: $0) }.joined(separator: ", ") + "]"
    default:
      text += JSONWriter.text(of: self)
    }
  }
}
