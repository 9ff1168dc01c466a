/// The SplitMix64 generator, used to expand seeds and derive per-case seeds.
///
/// Its output is fully specified by the algorithm, so the same seed yields the same stream on
/// every platform and every Swift version.
public struct SplitMix64: Sendable, Hashable {
  /// The internal state, advanced by a fixed odd increment on every call.
  public private(set) var state: UInt64

  /// Creates a generator starting at the given state.
  /// - Parameters:
  ///   - seed: The initial state.
  public init(seed: UInt64) {
    self.state = seed
  }

  /// Returns the next 64-bit output and advances the state.
  /// - Returns: A well-mixed 64-bit value.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// Applies the SplitMix64 finalizer to a single value.
  /// - Parameters:
  ///   - value: The value to mix.
  /// - Returns: The mixed value; distinct inputs give distinct outputs.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
