/// SplitMix64: a small seeded generator, so every run builds the same workloads.
struct SeededRandom {
  private var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameter seed: The seed; the same seed gives the same sequence.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  ///
  /// - Returns: The bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  ///
  /// - Parameter bound: The exclusive upper bound, above 0.
  /// - Returns: The number.
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: (next() >> 11) % UInt64(bound))
  }

  /// A number in a closed range.
  ///
  /// - Parameter range: The range.
  /// - Returns: The number.
  mutating func between(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// `true` with probability `percent / 100`.
  ///
  /// - Parameter percent: The probability in percent.
  /// - Returns: The draw.
  mutating func percent(_ percent: Int) -> Bool {
    below(100) < percent
  }

  /// One element of a non-empty array.
  ///
  /// - Parameter choices: The elements.
  /// - Returns: One of them.
  mutating func pick<T>(_ choices: [T]) -> T {
    choices[below(choices.count)]
  }
}
