/// A JSON value as written, kept exactly: member order and repeated names, number literals as
/// their text, and strings as their exact sequence of Unicode scalars.
///
/// Equality compares strings scalar by scalar (not by Swift's canonical equivalence) and
/// numbers by their literal text, so two values are equal only when they serialize the same.
public indirect enum JSONValue: Sendable {
  /// An object, its members in document order (repeated names kept).
  case object([JSONMember])
  /// An array.
  case array([JSONValue])
  /// A string, unescaped.
  case string(String)
  /// A number, as its literal text (`-0`, `1.50`, `3.69e4` stay as written).
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// The JSON type name of this value, as used in messages: `object`, `array`, `string`,
  /// `number`, `boolean` or `null`.
  public var typeName: String {
    switch self {
    case .object: "object"
    case .array: "array"
    case .string: "string"
    case .number: "number"
    case .bool: "boolean"
    case .null: "null"
    }
  }
}

/// One member of a JSON object: a name and a value.
public struct JSONMember: Sendable, Hashable {
  /// The member name, unescaped.
  public var name: String
  /// The member value.
  public var value: JSONValue

  /// Creates a member.
  public init(name: String, value: JSONValue) {
    self.name = name
    self.value = value
  }

  public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
    lhs.name.utf8.elementsEqual(rhs.name.utf8) && lhs.value == rhs.value
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(bytes: name.utf8)
    hasher.combine(value)
  }
}

extension JSONValue: Hashable {
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.string(let a), .string(let b)): a.utf8.elementsEqual(b.utf8)
    case (.number(let a), .number(let b)): a.utf8.elementsEqual(b.utf8)
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .object(let members):
      hasher.combine(0)
      hasher.combine(members)
    case .array(let elements):
      hasher.combine(1)
      hasher.combine(elements)
    case .string(let text):
      hasher.combine(2)
      hasher.combine(bytes: text.utf8)
    case .number(let literal):
      hasher.combine(3)
      hasher.combine(bytes: literal.utf8)
    case .bool(let flag):
      hasher.combine(4)
      hasher.combine(flag)
    case .null:
      hasher.combine(5)
    }
  }
}

extension Hasher {
  /// Feeds the exact bytes of a UTF-8 view, so strings hash by scalars, not canonically.
  mutating func combine(bytes: String.UTF8View) {
    combine(bytes.count)
    for byte in bytes { combine(byte) }
  }
}
