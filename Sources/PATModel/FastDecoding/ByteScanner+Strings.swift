/// Where a checked string literal lies in the payload.
struct StringToken {
  /// The offset of the first byte after the opening quote.
  var start: Int
  /// The offset of the closing quote.
  var end: Int
  /// Whether the literal has no backslash escape, so its bytes are its text.
  var isPlain: Bool
  /// Whether every byte between the quotes is ASCII.
  var isASCII: Bool = false

  /// The number of bytes between the quotes.
  var length: Int { end &- start }
}

extension ByteScanner {
  /// Reads a string literal starting at its opening quote, checking it completely.
  ///
  /// Runs of bytes that need no attention are skipped eight at a time.
  ///
  /// - Returns: Where the literal's text lies and whether it has escapes.
  /// - Throws: ``JSONSyntaxError`` for the first problem, as ``JSONParser`` reports it.
  @inline(__always)
  mutating func scanString() throws(JSONSyntaxError) -> StringToken {
    index &+= 1
    let start = index
    var isPlain = true
    var isASCII = true
    while true {
      while index &+ 8 <= count {
        let word = UInt64(
          littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let mask = Self.attentionMask(word)
        if mask == 0 {
          index &+= 8
          continue
        }
        index &+= mask.trailingZeroBitCount &>> 3
        break
      }
      guard index < count else { throw fail(.unexpectedEnd) }
      let byte = self[index]
      if byte == UInt8(ascii: "\"") {
        let token = StringToken(start: start, end: index, isPlain: isPlain, isASCII: isASCII)
        index &+= 1
        return token
      }
      if byte == UInt8(ascii: "\\") {
        isPlain = false
        try scanEscape()
      } else if byte < 0x20 {
        throw fail(.controlCharacterInString)
      } else if byte >= 0x80 {
        isASCII = false
        index &+= try utf8SequenceLength()
      } else {
        index &+= 1
      }
    }
  }

  /// Flags (in the high bit of each byte) the bytes of a little-endian word that a string
  /// scan must look at: a quote, a backslash, a control character or a non-ASCII byte.
  ///
  /// The lowest flagged byte is always one of those; flags above it may be spurious.
  ///
  /// - Parameter word: Eight bytes, the first in the lowest bits.
  /// - Returns: The flags; zero when all eight bytes are plain ASCII text.
  @inline(__always)
  static func attentionMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteFlags = (quote &- ones) & ~quote
    let backslashFlags = (backslash &- ones) & ~backslash
    let controlFlags = (word &- ones &* 0x20) & ~word
    return (quoteFlags | backslashFlags | controlFlags | word) & high
  }

  /// Checks the escape starting at the backslash at the current offset and moves past it.
  ///
  /// - Throws: ``JSONSyntaxError``: `invalidEscape`, `loneSurrogate` (at the backslash) or
  ///   `unexpectedEnd`, as ``JSONParser`` reports them.
  mutating func scanEscape() throws(JSONSyntaxError) {
    let escapeStart = index
    index &+= 1
    guard index < count else { throw fail(.unexpectedEnd) }
    let byte = self[index]
    index &+= 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return
    case UInt8(ascii: "u"):
      let unit = try scanHex4()
      if unit & 0xFC00 == 0xDC00 {
        throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
      }
      guard unit & 0xFC00 == 0xD800 else { return }
      guard index &+ 1 < count, self[index] == UInt8(ascii: "\\"),
        self[index &+ 1] == UInt8(ascii: "u")
      else { throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate) }
      index &+= 2
      let low = try scanHex4()
      guard low & 0xFC00 == 0xDC00 else {
        throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
      }
    default:
      index = escapeStart
      throw fail(.invalidEscape)
    }
  }

  /// Reads the four hex digits of a `\u` escape.
  ///
  /// - Returns: Their value.
  /// - Throws: `invalidEscape` at a byte that is not a hex digit, or `unexpectedEnd`.
  private mutating func scanHex4() throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard index < count else { throw fail(.unexpectedEnd) }
      guard let digit = Self.hexValue(self[index]) else { throw fail(.invalidEscape) }
      value = value << 4 | UInt16(digit)
      index &+= 1
    }
    return value
  }

  /// The value of a hex digit.
  ///
  /// - Parameter byte: The byte.
  /// - Returns: 0-15, or `nil` when the byte is not a hex digit.
  @inline(__always)
  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
    default: nil
    }
  }

  /// Returns the length of the well-formed UTF-8 sequence whose lead byte (not ASCII) is at
  /// the current offset.
  ///
  /// - Returns: 2, 3 or 4.
  /// - Throws: `invalidUTF8` at the first byte that breaks the sequence, as ``JSONParser``
  ///   reports it (also when the input ends inside the sequence).
  mutating func utf8SequenceLength() throws(JSONSyntaxError) -> Int {
    let lead = self[index]
    let length: Int
    var secondLow: UInt8 = 0x80
    var secondHigh: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondLow = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondHigh = 0x9F
    case 0xF0:
      length = 4
      secondLow = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondHigh = 0x8F
    default: throw fail(.invalidUTF8)
    }
    for offset in 1..<length {
      let position = index &+ offset
      guard position < count else {
        throw JSONSyntaxError(offset: position, reason: .invalidUTF8)
      }
      let byte = self[position]
      let low = offset == 1 ? secondLow : 0x80
      let high = offset == 1 ? secondHigh : 0xBF
      guard byte >= low, byte <= high else {
        throw JSONSyntaxError(offset: position, reason: .invalidUTF8)
      }
    }
    return length
  }

  // MARK: - Building text

  /// The text of a checked string literal.
  ///
  /// The text is well-formed UTF-8 (the scan checked the raw bytes and every `\u` escape), so
  /// it is not checked again.
  ///
  /// - Parameter token: A token returned by ``scanString()`` on this payload.
  /// - Returns: The unescaped text.
  @inline(__always)
  func string(_ token: StringToken) -> String {
    if token.isPlain {
      return String(checkedUTF8: plainText(token), isASCII: token.isASCII)
    }
    return unescapedString(token)
  }

  /// The text of a checked string literal that has escapes.
  ///
  /// - Parameter token: A token returned by ``scanString()`` on this payload.
  /// - Returns: The unescaped text.
  @inline(never)
  private func unescapedString(_ token: StringToken) -> String {
    // An escape may stand for a non-ASCII character, so ASCII is not claimed.
    withUnescapedText(token) { String(checkedUTF8: $0, isASCII: false) }
  }

  /// The bytes between the quotes of a checked string literal without escapes.
  ///
  /// - Parameter token: A plain token returned by ``scanString()`` on this payload.
  /// - Returns: The bytes, in the payload.
  @inline(__always)
  func plainText(_ token: StringToken) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: base + token.start, count: token.length)
  }

  /// Calls a function with the unescaped UTF-8 text of a checked string literal, written to
  /// a temporary buffer.
  ///
  /// - Parameters:
  ///   - token: A token returned by ``scanString()`` on this payload.
  ///   - body: Receives the text; it must not keep the buffer.
  /// - Returns: What `body` returns.
  func withUnescapedText<Result>(
    _ token: StringToken, _ body: (UnsafeRawBufferPointer) -> Result
  ) -> Result {
    // Escapes only ever shrink: `\n` is 1 byte, `\uXXXX` at most 3, a pair of them 4.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.length) { buffer in
      let length = unescape(token, into: buffer.baseAddress!)
      return body(UnsafeRawBufferPointer(start: buffer.baseAddress!, count: length))
    }
  }

  /// Writes the unescaped UTF-8 text of a checked string literal.
  ///
  /// - Parameters:
  ///   - token: A token returned by ``scanString()`` on this payload.
  ///   - output: Room for at least `token.length` bytes.
  /// - Returns: The number of bytes written.
  func unescape(_ token: StringToken, into output: UnsafeMutablePointer<UInt8>) -> Int {
    var read = token.start
    var written = 0
    while read < token.end {
      let byte = self[read]
      guard byte == UInt8(ascii: "\\") else {
        output[written] = byte
        written &+= 1
        read &+= 1
        continue
      }
      let kind = self[read &+ 1]
      read &+= 2
      let simple: UInt8
      switch kind {
      case UInt8(ascii: "b"): simple = 0x08
      case UInt8(ascii: "f"): simple = 0x0C
      case UInt8(ascii: "n"): simple = 0x0A
      case UInt8(ascii: "r"): simple = 0x0D
      case UInt8(ascii: "t"): simple = 0x09
      case UInt8(ascii: "u"):
        var scalar = UInt32(hex4(at: read))
        read &+= 4
        if scalar & 0xFC00 == 0xD800 {
          let low = UInt32(hex4(at: read &+ 2))
          read &+= 6
          scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
        }
        written &+= Self.writeUTF8(of: scalar, to: output + written)
        continue
      default: simple = kind
      }
      output[written] = simple
      written &+= 1
    }
    return written
  }

  /// The value of four hex digits already checked.
  ///
  /// - Parameter offset: The offset of the first digit.
  /// - Returns: Their value.
  private func hex4(at offset: Int) -> UInt16 {
    var value: UInt16 = 0
    for position in offset..<offset &+ 4 {
      value = value << 4 | UInt16(Self.hexValue(self[position]) ?? 0)
    }
    return value
  }

  /// Writes the UTF-8 encoding of a scalar value (not a surrogate).
  ///
  /// - Parameters:
  ///   - value: The scalar value.
  ///   - output: Room for at least four bytes.
  /// - Returns: The number of bytes written.
  static func writeUTF8(of value: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
    switch value {
    case 0..<0x80:
      output[0] = UInt8(value)
      return 1
    case 0x80..<0x800:
      output[0] = UInt8(0xC0 | value >> 6)
      output[1] = UInt8(0x80 | value & 0x3F)
      return 2
    case 0x800..<0x10000:
      output[0] = UInt8(0xE0 | value >> 12)
      output[1] = UInt8(0x80 | value >> 6 & 0x3F)
      output[2] = UInt8(0x80 | value & 0x3F)
      return 3
    default:
      output[0] = UInt8(0xF0 | value >> 18)
      output[1] = UInt8(0x80 | value >> 12 & 0x3F)
      output[2] = UInt8(0x80 | value >> 6 & 0x3F)
      output[3] = UInt8(0x80 | value & 0x3F)
      return 4
    }
  }
}
