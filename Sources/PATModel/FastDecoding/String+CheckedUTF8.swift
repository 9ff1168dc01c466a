extension String {
  /// Creates a string from bytes already checked to be well-formed UTF-8, without checking
  /// them again where the standard library allows it.
  ///
  /// - Parameters:
  ///   - bytes: Well-formed UTF-8; the caller has checked every sequence.
  ///   - isASCII: Whether every byte is known to be ASCII.
  @inline(__always)
  init(checkedUTF8 bytes: UnsafeRawBufferPointer, isASCII: Bool) {
    if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
      let units = bytes.assumingMemoryBound(to: UInt8.self)
      self.init(copying: UTF8Span(unchecked: units.span, isKnownASCII: isASCII))
    } else {
      self.init(decoding: bytes, as: UTF8.self)
    }
  }
}
