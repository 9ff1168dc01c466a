/// JSON string literals written the harness's own way, with a choice of escaping.
enum JSONText {
  private static let hex = Array("0123456789abcdef".utf8)

  /// A JSON string literal, quotes included.
  ///
  /// - Parameters:
  ///   - text: The string.
  ///   - escaping: Which scalars are written as `\u` escapes.
  /// - Returns: The literal.
  static func string(_ text: String, escaping: StringEscaping = .minimal) -> String {
    if escaping == .minimal, !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      return "\"" + text + "\""
    }
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      switch (escaping, value) {
      case (.all, _), (.nonASCII, 0x80...):
        if value > 0xFFFF {
          let shifted = value - 0x10000
          appendEscape(UInt16(0xD800 + (shifted >> 10)), to: &bytes)
          appendEscape(UInt16(0xDC00 + (shifted & 0x3FF)), to: &bytes)
        } else {
          appendEscape(UInt16(value), to: &bytes)
        }
      case (_, 0x22): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case (_, 0x5C): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case (_, 0x0A): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case (_, 0x09): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case (_, ..<0x20): appendEscape(UInt16(value), to: &bytes)
      case (_, ..<0x80): bytes.append(UInt8(value))
      default: UTF8.encode(scalar) { bytes.append($0) }
      }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func appendEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
    bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
    for shift in stride(from: 12, through: 0, by: -4) {
      bytes.append(hex[Int(unit >> UInt16(shift) & 0xF)])
    }
  }
}
