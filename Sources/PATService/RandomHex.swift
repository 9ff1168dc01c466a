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
    for _ in 0..<byteCount {
      let byte = UInt8.random(in: 0...255, using: &generator)
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
