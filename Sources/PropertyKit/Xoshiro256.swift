/// The xoshiro256** pseudo-random generator, seeded through ``SplitMix64``.
///
/// Seeded runs use only this generator (never the system generator), and every bounded draw is
/// computed here rather than by the standard library, so a seed produces the same values on
/// every machine and toolchain.
public struct Xoshiro256: RandomNumberGenerator, Sendable, Hashable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose four state words come from a SplitMix64 stream.
  /// - Parameters:
  ///   - seed: Any 64-bit seed; zero is allowed.
  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
  }

  /// Creates a generator from explicit state words (for reference vectors).
  /// - Parameters:
  ///   - state: Four state words, not all zero.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(
      state.0 | state.1 | state.2 | state.3 != 0, "xoshiro256** state must not be all zero")
    (s0, s1, s2, s3) = state
  }

  /// Returns the next 64-bit output.
  /// - Returns: A pseudo-random 64-bit value.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// Returns a uniformly distributed value in `0...max`, without modulo bias.
  ///
  /// Uses Lemire's multiply-and-reject method, written out here so that the mapping from the
  /// stream to bounded values never depends on the standard library's implementation.
  /// - Parameters:
  ///   - max: The inclusive upper bound.
  /// - Returns: A value in `0...max`.
  public mutating func next(upTo max: UInt64) -> UInt64 {
    if max == .max { return next() }
    let range = max &+ 1
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return product.high
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
