/// The scope strings a decoder built recently, so a payload whose scopes were seen before gets
/// them without allocating.
///
/// Scopes come from the service's catalog of scope names, so the same few strings recur from
/// payload to payload; names and dates do not, and are never cached. Only strings too long to
/// be stored inline in a `String` (more than 15 bytes) are cached, in a direct-mapped table
/// of 64 slots: a miss costs a hash of two words and replaces the slot's entry.
struct ScopeStringCache {
  /// One slot: the hash of the text, and the text.
  private struct Entry {
    var hash: UInt64
    var text: String
  }

  /// The slots; empty when caching is off.
  private var entries: [Entry]

  /// The number of slots of an enabled cache (a power of two).
  private static let slotCount = 64

  /// Creates a cache.
  ///
  /// - Parameter enabled: Whether to cache; a disabled cache builds every string.
  init(enabled: Bool) {
    entries =
      enabled ? Array(repeating: Entry(hash: 0, text: ""), count: Self.slotCount) : []
  }

  /// The text of a scope's checked string literal, from the cache when it holds it.
  ///
  /// - Parameters:
  ///   - token: A token returned by ``ByteScanner/scanString()`` on the scanner's payload.
  ///   - scanner: The scanner of the payload.
  /// - Returns: The unescaped text.
  @inline(__always)
  mutating func string(_ token: StringToken, in scanner: ByteScanner) -> String {
    guard token.isPlain, token.length > 15, !entries.isEmpty else {
      return scanner.string(token)
    }
    return cachedString(token, in: scanner)
  }

  /// The text of a plain literal of more than 15 bytes, through the cache.
  ///
  /// - Parameters:
  ///   - token: A plain token of more than 15 bytes.
  ///   - scanner: The scanner of the payload.
  /// - Returns: The text.
  private mutating func cachedString(_ token: StringToken, in scanner: ByteScanner) -> String {
    let text = UnsafeRawBufferPointer(start: scanner.base + token.start, count: token.length)
    let first = text.loadUnaligned(as: UInt64.self)
    let last = text.loadUnaligned(fromByteOffset: token.length &- 8, as: UInt64.self)
    let hash =
      (first &* 0x9E37_79B9_7F4A_7C15 ^ last &* 0xC2B2_AE3D_27D4_EB4F)
      &+ UInt64(truncatingIfNeeded: token.length)
    let slot = Int(truncatingIfNeeded: (hash &* 0x94D0_49BB_1331_11EB) >> 58)
    let found: String? = entries.withUnsafeBufferPointer { entries in
      let entry = entries[slot]
      guard entry.hash == hash, entry.text.utf8.count == token.length else { return nil }
      let same = entry.text.utf8.withContiguousStorageIfAvailable { stored in
        Self.equal(UnsafeRawBufferPointer(stored), text)
      }
      return same == true ? entry.text : nil
    }
    if let found { return found }
    let built = String(checkedUTF8: text, isASCII: token.isASCII)
    entries[slot] = Entry(hash: hash, text: built)
    return built
  }

  /// Whether two runs of at least eight bytes, of the same length, hold the same bytes.
  ///
  /// Compares eight bytes at a time; the last load overlaps the previous one rather than
  /// comparing a tail byte by byte.
  ///
  /// - Parameters:
  ///   - lhs: The first run.
  ///   - rhs: The second run, as long as the first.
  /// - Returns: `true` when the bytes are the same.
  @inline(__always)
  private static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer)
    -> Bool
  {
    let length = lhs.count
    var offset = 0
    while offset &+ 8 < length {
      guard
        lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          == rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      else { return false }
      offset &+= 8
    }
    return lhs.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
      == rhs.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
  }
}
