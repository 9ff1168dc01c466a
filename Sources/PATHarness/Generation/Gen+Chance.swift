import PropertyKit

extension Gen where Value == Bool {
  /// `true` once in `count` draws in random mode (integer draws lean toward small values, so
  /// comparing one to a constant would not give the intended rate); shrinks toward `false`.
  ///
  /// - Parameter count: The inverse of the probability of `true`; at least 2.
  /// - Returns: The generator.
  static func oneIn(_ count: Int) -> Gen<Bool> {
    Gen.frequency([(count - 1, Gen.constant(false)), (1, Gen.constant(true))])
  }
}
