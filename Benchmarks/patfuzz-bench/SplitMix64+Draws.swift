import PropertyKit

/// Draws on PropertyKit's SplitMix64, so every run builds the same workloads.
extension SplitMix64 {
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
