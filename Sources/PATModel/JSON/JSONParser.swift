/// A strict RFC 8259 parser for one top-level JSON object.
///
/// It rejects everything the reference semantics call malformed: invalid UTF-8, a byte-order
/// mark, a top-level value that is not an object, content after it, comments, trailing
/// commas, `NaN`/`Infinity`, leading zeros, raw control characters in strings, lone surrogate
/// escapes, and nesting deeper than ``maximumDepth``. It keeps what a lenient parser loses:
/// member order, repeated member names and number literals as written.
public struct JSONParser {
  /// The deepest nesting accepted; the top-level object is level 1.
  public static let maximumDepth = 512

  private let bytes: UnsafeRawBufferPointer
  private var index = 0

  private init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// Parses a payload that must be a single JSON object.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The top-level object's members, in document order.
  /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
  public static func parseObject(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError)
    -> [JSONMember]
  {
    var parser = JSONParser(bytes: bytes)
    return try parser.parseTopLevel()
  }

  /// Parses a payload that must be a single JSON object.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The top-level object's members, in document order.
  /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
  public static func parseObject(_ bytes: [UInt8]) throws(JSONSyntaxError) -> [JSONMember] {
    let result: Result<[JSONMember], JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONSyntaxError) in try parseObject(buffer) }
    }
    return try result.get()
  }

  private mutating func parseTopLevel() throws(JSONSyntaxError) -> [JSONMember] {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      throw JSONSyntaxError(offset: 0, reason: .byteOrderMark)
    }
    skipWhitespace()
    guard index < bytes.count else { throw error(.unexpectedEnd) }
    guard bytes[index] == UInt8(ascii: "{") else {
      if bytes[index] == UInt8(ascii: "/") { throw error(.comment) }
      throw error(.notAnObject)
    }
    let members = try parseObject(depth: 1)
    skipWhitespace()
    guard index == bytes.count else {
      if bytes[index] == UInt8(ascii: "/") { throw error(.comment) }
      throw error(.trailingContent)
    }
    return members
  }

  private func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, reason: reason)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Fails with the reason a byte cannot appear where `expected` was required.
  private func unexpected(_ expected: String) -> JSONSyntaxError {
    guard index < bytes.count else { return error(.unexpectedEnd) }
    switch bytes[index] {
    case UInt8(ascii: "/"): return error(.comment)
    default: return error(.unexpectedByte(bytes[index], expected: expected))
    }
  }

  private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error(.unexpectedEnd) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
    case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    case UInt8(ascii: "t"):
      try parseLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try parseLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try parseLiteral("null")
      return .null
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      throw error(.invalidLiteral)
    case UInt8(ascii: "+"), UInt8(ascii: "."): throw error(.invalidNumber)
    default: throw unexpected("a value")
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
    guard depth <= Self.maximumDepth else { throw error(.tooDeep) }
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        if index < bytes.count, bytes[index] == UInt8(ascii: "}"), !members.isEmpty {
          throw error(.trailingComma)
        }
        throw unexpected("a member name")
      }
      let name = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw unexpected("':'")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(JSONMember(name: name, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return members
      default: throw unexpected("',' or '}'")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
    guard depth <= Self.maximumDepth else { throw error(.tooDeep) }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]"), !elements.isEmpty {
        throw error(.trailingComma)
      }
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return elements
      default: throw unexpected("',' or ']'")
      }
    }
  }

  private mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let start = index
    let count = word.utf8CodeUnitCount
    for offset in 0..<count {
      guard start + offset < bytes.count else {
        index = start + offset
        throw error(.unexpectedEnd)
      }
      guard bytes[start + offset] == word.utf8Start[offset] else {
        index = start
        throw error(.invalidLiteral)
      }
    }
    index = start + count
    if index < bytes.count, Self.isLetter(bytes[index]) {
      index = start
      throw error(.invalidLiteral)
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      if index < bytes.count, Self.isLetter(bytes[index]) { throw error(.invalidLiteral) }
    }
    guard index < bytes.count else { throw error(.unexpectedEnd) }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, Self.isDigit(bytes[index]) { throw error(.leadingZero) }
    } else if Self.isDigit(bytes[index]) {
      skipDigits()
    } else {
      throw error(.invalidNumber)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      guard Self.isDigit(bytes[index]) else { throw error(.invalidNumber) }
      skipDigits()
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      guard Self.isDigit(bytes[index]) else { throw error(.invalidNumber) }
      skipDigits()
    }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private mutating func skipDigits() {
    while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
  }

  /// Reads a string starting at its opening quote and returns it unescaped.
  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // Fast path: a run of printable ASCII with no escape ends the string.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\\") { break }
      index += 1
    }
    var scalars: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
    while true {
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &scalars)
      case 0x00..<0x20:
        throw error(.controlCharacterInString)
      case 0x20..<0x80:
        scalars.append(byte)
        index += 1
      default:
        let length = try validateUTF8Sequence()
        scalars.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      }
    }
  }

  /// Returns the length of the well-formed UTF-8 sequence at `index` (a non-ASCII lead byte).
  private func validateUTF8Sequence() throws(JSONSyntaxError) -> Int {
    let lead = bytes[index]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default: throw error(.invalidUTF8)
    }
    for offset in 1..<length {
      let position = index + offset
      guard position < bytes.count else {
        throw JSONSyntaxError(offset: position, reason: .invalidUTF8)
      }
      let range = offset == 1 ? secondRange : 0x80...0xBF
      guard range.contains(bytes[position]) else {
        throw JSONSyntaxError(offset: position, reason: .invalidUTF8)
      }
    }
    return length
  }

  private mutating func parseEscape(into scalars: inout [UInt8]) throws(JSONSyntaxError) {
    let escapeStart = index
    index += 1
    guard index < bytes.count else { throw error(.unexpectedEnd) }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(byte)
    case UInt8(ascii: "b"): scalars.append(0x08)
    case UInt8(ascii: "f"): scalars.append(0x0C)
    case UInt8(ascii: "n"): scalars.append(0x0A)
    case UInt8(ascii: "r"): scalars.append(0x0D)
    case UInt8(ascii: "t"): scalars.append(0x09)
    case UInt8(ascii: "u"):
      let unit = try parseHex4()
      var value = UInt32(unit)
      if (0xDC00...0xDFFF).contains(unit) {
        throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
      }
      if (0xD800...0xDBFF).contains(unit) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate) }
        index += 2
        let low = try parseHex4()
        guard (0xDC00...0xDFFF).contains(low) else {
          throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
        }
        value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
      }
      Self.appendUTF8(of: value, to: &scalars)
    default:
      index = escapeStart
      throw error(.invalidEscape)
    }
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw error(.unexpectedEnd) }
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error(.invalidEscape)
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  /// Appends the UTF-8 encoding of a scalar value (not a surrogate) to a byte buffer.
  static func appendUTF8(of value: UInt32, to bytes: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
