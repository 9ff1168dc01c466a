extension ByteScanner {
  /// Skips the `:` between a member name and its value, and the whitespace around it.
  ///
  /// - Throws: ``JSONSyntaxError`` when the next byte that is not whitespace is not `:`.
  @inline(__always)
  mutating func skipColon() throws(JSONSyntaxError) {
    skipWhitespace()
    guard next(is: UInt8(ascii: ":")) else { throw unexpected("':'") }
    index &+= 1
    skipWhitespace()
  }

  /// The known member a plain (unescaped) member name stands for, matched on its bytes.
  ///
  /// - Parameter token: A name without escapes, as returned by ``scanString()``.
  /// - Returns: The member, or `nil` for an unknown name.
  func knownMember(_ token: StringToken) -> RequestMember? {
    let member: RequestMember
    switch token.length {
    case 4: member = .name
    case 5: member = .scope
    case 14: member = .expirationDate
    case 26:
      member =
        self[token.start] == UInt8(ascii: "a")
        ? .accessTokenValiditySeconds : .userAwareTokenNeverExpires
    default: return nil
    }
    let text = plainText(token)
    return text.elementsEqual(member.rawValue.utf8) ? member : nil
  }

  /// Whether the bytes at an offset are exactly a word, when there are enough of them.
  ///
  /// Compares eight (or four) bytes at a time; the last load overlaps the previous one
  /// rather than comparing a tail byte by byte.
  ///
  /// - Parameters:
  ///   - offset: Where the bytes start.
  ///   - word: The word, at least four bytes long.
  /// - Returns: `true` when the payload has the word's bytes at `offset`.
  @inline(__always)
  func bytes(at offset: Int, equal word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    guard offset &+ length <= count else { return false }
    let text = base + offset
    let expected = UnsafeRawPointer(word.utf8Start)
    if length < 8 {
      return text.loadUnaligned(as: UInt32.self) == expected.loadUnaligned(as: UInt32.self)
        && text.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
          == expected.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
    }
    var position = 0
    while position &+ 8 < length {
      guard
        text.loadUnaligned(fromByteOffset: position, as: UInt64.self)
          == expected.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      else { return false }
      position &+= 8
    }
    return text.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
      == expected.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
  }
}
