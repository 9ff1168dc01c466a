/// Random identifiers and secrets from the system's cryptographically secure generator.
enum RandomHex {
  /// Random bytes as lowercase hex digits.
  ///
  /// - Parameter byteCount: How many random bytes (the text is twice as long).
  /// - Returns: The hex digits.
  static func make(byteCount: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(byteCount * 2)
    var word: UInt64 = 0
    for index in 0..<byteCount {
      if index % 8 == 0 { word = generator.next() }  // one system call per 8 bytes
      let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8)))
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
