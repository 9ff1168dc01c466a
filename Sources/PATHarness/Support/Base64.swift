/// Standard base64 (RFC 4648 §4, with padding), for payloads that are not valid UTF-8.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Encodes bytes.
  static func encode(_ bytes: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value: UInt32 = 0
      for (position, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * position) }
      for position in 0..<4 {
        if position <= chunk.count {
          text.append(alphabet[Int(value >> (18 - 6 * UInt32(position)) & 0x3F)])
        } else {
          text.append(UInt8(ascii: "="))
        }
      }
      index += 3
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Decodes base64 text, or returns `nil` when it is not well-formed.
  static func decode(_ text: String) -> [UInt8]? {
    let characters = Array(text.utf8)
    guard characters.count % 4 == 0 else { return nil }
    var bytes: [UInt8] = []
    var index = 0
    while index < characters.count {
      var value: UInt32 = 0
      var padding = 0
      for position in 0..<4 {
        let character = characters[index + position]
        if character == UInt8(ascii: "=") {
          guard index + 4 == characters.count, position >= 2 else { return nil }
          padding += 1
          continue
        }
        guard padding == 0, let digit = alphabet.firstIndex(of: character) else { return nil }
        value |= UInt32(digit) << (18 - 6 * UInt32(position))
      }
      bytes.append(UInt8(value >> 16 & 0xFF))
      if padding < 2 { bytes.append(UInt8(value >> 8 & 0xFF)) }
      if padding < 1 { bytes.append(UInt8(value & 0xFF)) }
      index += 4
    }
    return bytes
  }
}
