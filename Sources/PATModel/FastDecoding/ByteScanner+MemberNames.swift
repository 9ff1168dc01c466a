extension ByteScanner {
  /// The known member a plain (unescaped) member name stands for, matched on its bytes.
  ///
  /// - Parameter token: A name without escapes, as returned by ``scanString()``.
  /// - Returns: The member, or `nil` for an unknown name.
  @inline(__always)
  func knownMember(_ token: StringToken) -> RequestMember? {
    switch token.length {
    case 4: return bytes(of: token, equal: "name") ? .name : nil
    case 5: return bytes(of: token, equal: "scope") ? .scope : nil
    case 14: return bytes(of: token, equal: "expirationDate") ? .expirationDate : nil
    case 26:
      switch self[token.start] {
      case UInt8(ascii: "a"):
        return bytes(of: token, equal: "accessTokenValiditySeconds")
          ? .accessTokenValiditySeconds : nil
      case UInt8(ascii: "u"):
        return bytes(of: token, equal: "userAwareTokenNeverExpires")
          ? .userAwareTokenNeverExpires : nil
      default: return nil
      }
    default: return nil
    }
  }

  /// Whether a token's bytes are exactly a word of the same length.
  @inline(__always)
  private func bytes(of token: StringToken, equal word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    let text = base + token.start
    let expected = UnsafeRawPointer(word.utf8Start)
    var offset = 0
    while offset &+ 8 <= length {
      guard
        text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          == expected.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      else { return false }
      offset &+= 8
    }
    while offset < length {
      guard
        text.load(fromByteOffset: offset, as: UInt8.self)
          == expected.load(fromByteOffset: offset, as: UInt8.self)
      else { return false }
      offset &+= 1
    }
    return true
  }
}
