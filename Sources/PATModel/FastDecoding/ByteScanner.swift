/// A forward reader of JSON bytes that checks well-formedness exactly as ``JSONParser`` does,
/// without building values.
///
/// Every check happens at the same byte and in the same order as in ``JSONParser``, so the
/// first problem found is reported with the same offset and reason. Values are skipped or
/// described by tokens (byte ranges); nothing is allocated unless an error is thrown.
struct ByteScanner {
  /// The first byte of the payload.
  let base: UnsafeRawPointer
  /// The number of bytes in the payload.
  let count: Int
  /// The offset of the next byte to read.
  var index = 0

  /// Creates a scanner over a payload that is not empty.
  ///
  /// - Parameter bytes: The payload; its `baseAddress` must not be `nil`.
  init(nonEmpty bytes: UnsafeRawBufferPointer) {
    base = bytes.baseAddress!
    count = bytes.count
  }

  /// The byte at an offset, which must be below ``count``.
  ///
  /// - Parameter offset: The offset.
  /// - Returns: The byte.
  @inline(__always)
  subscript(offset: Int) -> UInt8 {
    base.load(fromByteOffset: offset, as: UInt8.self)
  }

  /// Whether the next byte exists and is `byte`.
  ///
  /// - Parameter byte: The byte expected.
  /// - Returns: `true` when the byte at the current offset is `byte`.
  @inline(__always)
  func next(is byte: UInt8) -> Bool {
    index < count && self[index] == byte
  }

  /// An error at the current offset.
  ///
  /// - Parameter reason: What went wrong.
  /// - Returns: The error.
  @inline(__always)
  func fail(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, reason: reason)
  }

  /// The error for a byte that cannot appear where `expected` was required, or for the end.
  ///
  /// - Parameter expected: What was required, as ``JSONParser`` words it.
  /// - Returns: The error at the current offset.
  @inline(never)
  func unexpected(_ expected: String) -> JSONSyntaxError {
    guard index < count else { return fail(.unexpectedEnd) }
    if self[index] == UInt8(ascii: "/") { return fail(.comment) }
    return fail(.unexpectedByte(self[index], expected: expected))
  }

  /// Skips JSON whitespace: space, tab, line feed and carriage return.
  @inline(__always)
  mutating func skipWhitespace() {
    while index < count {
      let byte = self[index]
      guard byte <= 0x20, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else {
        return
      }
      index &+= 1
    }
  }

  /// Whether a byte is an ASCII letter.
  ///
  /// - Parameter byte: The byte.
  /// - Returns: `true` for `A`-`Z` and `a`-`z`.
  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26
  }

  /// Whether a byte is an ASCII digit.
  ///
  /// - Parameter byte: The byte.
  /// - Returns: `true` for `0`-`9`.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  // MARK: - Literals

  /// Reads `true`, `false` or `null` at the current offset.
  ///
  /// - Parameter word: The literal expected.
  /// - Throws: ``JSONSyntaxError`` as ``JSONParser`` reports it: `unexpectedEnd` where the
  ///   input stops, `invalidLiteral` at the literal's start for any other difference or a
  ///   letter right after it.
  @inline(__always)
  mutating func scanLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let length = word.utf8CodeUnitCount
    // Fast path: the whole word and one more byte are there, and the word matches.
    if index &+ length < count, bytes(at: index, equal: word),
      !Self.isLetter(self[index &+ length])
    {
      index &+= length
      return
    }
    try scanLiteralSlowly(word)
  }

  /// Reads a literal one byte at a time, finding the problem ``JSONParser`` reports.
  ///
  /// - Parameter word: The literal expected.
  /// - Throws: ``JSONSyntaxError`` for a difference or a letter right after the literal.
  @inline(never)
  private mutating func scanLiteralSlowly(_ word: StaticString) throws(JSONSyntaxError) {
    let start = index
    let length = word.utf8CodeUnitCount
    for offset in 0..<length {
      guard start + offset < count else {
        index = start + offset
        throw fail(.unexpectedEnd)
      }
      guard self[start + offset] == word.utf8Start[offset] else {
        index = start
        throw fail(.invalidLiteral)
      }
    }
    index = start + length
    if index < count, Self.isLetter(self[index]) {
      index = start
      throw fail(.invalidLiteral)
    }
  }

  // MARK: - Numbers

  /// Reads a number starting at `-` or a digit.
  ///
  /// - Returns: Whether the literal is an integer (no fraction and no exponent).
  /// - Throws: ``JSONSyntaxError`` for a break of the number grammar, at the offset
  ///   ``JSONParser`` reports.
  @inline(__always)
  mutating func scanNumber() throws(JSONSyntaxError) -> Bool {
    if self[index] == UInt8(ascii: "-") {
      index &+= 1
      if index < count, Self.isLetter(self[index]) { throw fail(.invalidLiteral) }
    }
    guard index < count else { throw fail(.unexpectedEnd) }
    if self[index] == UInt8(ascii: "0") {
      index &+= 1
      if index < count, Self.isDigit(self[index]) { throw fail(.leadingZero) }
    } else if Self.isDigit(self[index]) {
      skipDigits()
    } else {
      throw fail(.invalidNumber)
    }
    var integer = true
    if index < count, self[index] == UInt8(ascii: ".") {
      integer = false
      index &+= 1
      guard index < count else { throw fail(.unexpectedEnd) }
      guard Self.isDigit(self[index]) else { throw fail(.invalidNumber) }
      skipDigits()
    }
    if index < count, self[index] | 0x20 == UInt8(ascii: "e") {
      integer = false
      index &+= 1
      if index < count, self[index] == UInt8(ascii: "+") || self[index] == UInt8(ascii: "-") {
        index &+= 1
      }
      guard index < count else { throw fail(.unexpectedEnd) }
      guard Self.isDigit(self[index]) else { throw fail(.invalidNumber) }
      skipDigits()
    }
    return integer
  }

  /// Skips ASCII digits.
  @inline(__always)
  private mutating func skipDigits() {
    while index < count, Self.isDigit(self[index]) { index &+= 1 }
  }

  // MARK: - Values

  /// Skips one value of any type, checking it completely.
  ///
  /// - Parameter depth: The nesting level of the container holding the value; the top-level
  ///   object is level 1.
  /// - Returns: The type of the value skipped.
  /// - Throws: ``JSONSyntaxError`` for the first problem, as ``JSONParser`` reports it.
  mutating func skipValue(depth: Int) throws(JSONSyntaxError) -> JSONValueKind {
    guard index < count else { throw fail(.unexpectedEnd) }
    switch self[index] {
    case UInt8(ascii: "{"):
      try skipObject(depth: depth + 1)
      return .object
    case UInt8(ascii: "["):
      try skipArray(depth: depth + 1)
      return .array
    case UInt8(ascii: "\""):
      _ = try scanString()
      return .string
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      _ = try scanNumber()
      return .number
    case UInt8(ascii: "t"):
      try scanLiteral("true")
      return .boolean
    case UInt8(ascii: "f"):
      try scanLiteral("false")
      return .boolean
    case UInt8(ascii: "n"):
      try scanLiteral("null")
      return .null
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      throw fail(.invalidLiteral)
    case UInt8(ascii: "+"), UInt8(ascii: "."): throw fail(.invalidNumber)
    default: throw unexpected("a value")
    }
  }

  /// Skips an object starting at its `{`.
  ///
  /// - Parameter depth: The object's own nesting level.
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  mutating func skipObject(depth: Int) throws(JSONSyntaxError) {
    guard depth <= JSONParser.maximumDepth else { throw fail(.tooDeep) }
    index &+= 1
    skipWhitespace()
    if next(is: UInt8(ascii: "}")) {
      index &+= 1
      return
    }
    var first = true
    while true {
      skipWhitespace()
      guard next(is: UInt8(ascii: "\"")) else {
        if !first, next(is: UInt8(ascii: "}")) { throw fail(.trailingComma) }
        throw unexpected("a member name")
      }
      first = false
      _ = try scanString()
      skipWhitespace()
      guard next(is: UInt8(ascii: ":")) else { throw unexpected("':'") }
      index &+= 1
      skipWhitespace()
      _ = try skipValue(depth: depth)
      skipWhitespace()
      guard index < count else { throw fail(.unexpectedEnd) }
      switch self[index] {
      case UInt8(ascii: ","): index &+= 1
      case UInt8(ascii: "}"):
        index &+= 1
        return
      default: throw unexpected("',' or '}'")
      }
    }
  }

  /// Skips an array starting at its `[`.
  ///
  /// - Parameter depth: The array's own nesting level.
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  mutating func skipArray(depth: Int) throws(JSONSyntaxError) {
    guard depth <= JSONParser.maximumDepth else { throw fail(.tooDeep) }
    index &+= 1
    skipWhitespace()
    if next(is: UInt8(ascii: "]")) {
      index &+= 1
      return
    }
    var first = true
    while true {
      skipWhitespace()
      if !first, next(is: UInt8(ascii: "]")) { throw fail(.trailingComma) }
      first = false
      _ = try skipValue(depth: depth)
      skipWhitespace()
      guard index < count else { throw fail(.unexpectedEnd) }
      switch self[index] {
      case UInt8(ascii: ","): index &+= 1
      case UInt8(ascii: "]"):
        index &+= 1
        return
      default: throw unexpected("',' or ']'")
      }
    }
  }
}

/// The six JSON types, as a scanner reports what it skipped.
enum JSONValueKind: Sendable {
  case object, array, string, number, boolean, null

  /// The type name used in messages, the same as ``JSONValue/typeName``.
  var typeName: String {
    switch self {
    case .object: "object"
    case .array: "array"
    case .string: "string"
    case .number: "number"
    case .boolean: "boolean"
    case .null: "null"
    }
  }
}
