extension ByteScanner {
  /// Builds the value at the current offset from bytes already checked by ``skipValue(depth:)``.
  ///
  /// The bytes are trusted: nothing is checked again, so this must only be called on a range
  /// that a scan accepted. The value equals what ``JSONParser`` builds from the same bytes.
  ///
  /// - Returns: The value, with member order, repeated names and number literals kept.
  mutating func readCheckedValue() -> JSONValue {
    switch self[index] {
    case UInt8(ascii: "{"):
      index &+= 1
      var members: [JSONMember] = []
      skipWhitespace()
      if self[index] == UInt8(ascii: "}") {
        index &+= 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        let name = string(readCheckedString())
        skipWhitespace()
        index &+= 1  // ':'
        skipWhitespace()
        members.append(JSONMember(name: name, value: readCheckedValue()))
        skipWhitespace()
        let separator = self[index]
        index &+= 1
        if separator == UInt8(ascii: "}") { return .object(members) }
      }
    case UInt8(ascii: "["):
      index &+= 1
      var elements: [JSONValue] = []
      skipWhitespace()
      if self[index] == UInt8(ascii: "]") {
        index &+= 1
        return .array(elements)
      }
      while true {
        skipWhitespace()
        elements.append(readCheckedValue())
        skipWhitespace()
        let separator = self[index]
        index &+= 1
        if separator == UInt8(ascii: "]") { return .array(elements) }
      }
    case UInt8(ascii: "\""):
      return .string(string(readCheckedString()))
    case UInt8(ascii: "t"):
      index &+= 4
      return .bool(true)
    case UInt8(ascii: "f"):
      index &+= 5
      return .bool(false)
    case UInt8(ascii: "n"):
      index &+= 4
      return .null
    default:
      let start = index
      while index < count, Self.isNumberByte(self[index]) { index &+= 1 }
      return .number(
        String(
          decoding: UnsafeRawBufferPointer(start: base + start, count: index &- start),
          as: UTF8.self))
    }
  }

  /// Finds the end of a checked string literal starting at its opening quote.
  ///
  /// - Returns: Where the literal's text lies and whether it has escapes.
  mutating func readCheckedString() -> StringToken {
    index &+= 1
    let start = index
    var isPlain = true
    while true {
      switch self[index] {
      case UInt8(ascii: "\""):
        let token = StringToken(start: start, end: index, isPlain: isPlain)
        index &+= 1
        return token
      case UInt8(ascii: "\\"):
        isPlain = false
        index &+= 2
      default:
        index &+= 1
      }
    }
  }

  /// Whether a byte can be part of a number literal.
  ///
  /// - Parameter byte: The byte.
  /// - Returns: `true` for digits, signs, `.`, `e` and `E`.
  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
      true
    default: false
    }
  }
}
