/// Unsigned LEB128 variable-length encoding of choice sequences.
public enum LEB128 {
  /// Encodes values as unsigned LEB128 varints (7 bits per byte, high bit = more).
  /// - Parameters:
  ///   - values: The values to encode.
  /// - Returns: The encoded bytes; small values take one byte.
  public static func encode(_ values: [UInt64]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count)
    for value in values {
      var rest = value
      repeat {
        var byte = UInt8(rest & 0x7F)
        rest >>= 7
        if rest != 0 { byte |= 0x80 }
        bytes.append(byte)
      } while rest != 0
    }
    return bytes
  }

  /// Decodes unsigned LEB128 varints.
  /// - Parameters:
  ///   - bytes: The encoded bytes.
  /// - Returns: The values, or `nil` if a varint is truncated or exceeds 64 bits.
  public static func decode(_ bytes: [UInt8]) -> [UInt64]? {
    var values: [UInt64] = []
    var current: UInt64 = 0
    var shift: UInt64 = 0
    var pending = false
    for byte in bytes {
      let payload = UInt64(byte & 0x7F)
      guard shift < 64, shift < 63 || payload <= 1 else { return nil }
      current |= payload << shift
      if byte & 0x80 != 0 {
        shift += 7
        pending = true
      } else {
        values.append(current)
        current = 0
        shift = 0
        pending = false
      }
    }
    return pending ? nil : values
  }
}
