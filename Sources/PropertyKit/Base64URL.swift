/// Unpadded base64url (RFC 4648 section 5), used for replay tokens that survive shells and URLs.
public enum Base64URL {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// Encodes bytes without padding.
  /// - Parameters:
  ///   - bytes: The bytes to encode.
  /// - Returns: The base64url text.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count * 4 + 2) / 3)
    var index = 0
    while index < bytes.count {
      let remaining = bytes.count - index
      let b0 = UInt32(bytes[index])
      let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
      let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
      let group = b0 << 16 | b1 << 8 | b2
      output.append(alphabet[Int(group >> 18 & 63)])
      output.append(alphabet[Int(group >> 12 & 63)])
      if remaining > 1 { output.append(alphabet[Int(group >> 6 & 63)]) }
      if remaining > 2 { output.append(alphabet[Int(group & 63)]) }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes base64url text; trailing `=` padding is accepted.
  /// - Parameters:
  ///   - text: The text to decode.
  /// - Returns: The bytes, or `nil` if the text contains other characters or has a bad length.
  public static func decode(_ text: some StringProtocol) -> [UInt8]? {
    var sextets: [UInt32] = []
    for byte in text.utf8.reversed().drop(while: { $0 == UInt8(ascii: "=") }).reversed() {
      guard let value = sextet(byte) else { return nil }
      sextets.append(value)
    }
    guard sextets.count % 4 != 1 else { return nil }
    var bytes: [UInt8] = []
    var index = 0
    while index < sextets.count {
      let chunk = sextets[index..<min(index + 4, sextets.count)]
      var group: UInt32 = 0
      for (offset, value) in chunk.enumerated() { group |= value << (18 - 6 * UInt32(offset)) }
      bytes.append(UInt8(group >> 16 & 0xFF))
      if chunk.count > 2 { bytes.append(UInt8(group >> 8 & 0xFF)) }
      if chunk.count > 3 { bytes.append(UInt8(group & 0xFF)) }
      index += 4
    }
    return bytes
  }

  private static func sextet(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a")) + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0")) + 52
    case UInt8(ascii: "-"): return 62
    case UInt8(ascii: "_"): return 63
    default: return nil
    }
  }
}
