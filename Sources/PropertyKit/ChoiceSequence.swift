/// The recorded choices of one generation, with the spans generators opened around them.
///
/// Choice sequences are ordered by shortlex order: a shorter sequence is simpler, and among
/// sequences of equal length the lexicographically smaller one is simpler.
public struct ChoiceSequence: Sendable, Hashable {
  /// Every choice drawn, in order.
  public var choices: [UInt64]
  /// The closed, non-empty spans, in the order they were opened.
  public var spans: [ChoiceSpan]

  /// Creates a sequence.
  /// - Parameters:
  ///   - choices: The recorded choices.
  ///   - spans: The spans over those choices.
  public init(choices: [UInt64], spans: [ChoiceSpan] = []) {
    self.choices = choices
    self.spans = spans
  }

  /// The number of choices.
  public var count: Int { choices.count }

  /// Tells whether this sequence is strictly simpler than another in shortlex order.
  /// - Parameters:
  ///   - other: The sequence to compare with.
  /// - Returns: `true` if this sequence is shorter, or equally long and lexicographically smaller.
  public func isSimpler(than other: ChoiceSequence) -> Bool {
    ChoiceSequence.shortlexPrecedes(choices, other.choices)
  }

  /// Compares two raw choice arrays in shortlex order.
  /// - Parameters:
  ///   - lhs: The first choices.
  ///   - rhs: The second choices.
  /// - Returns: `true` if `lhs` is strictly simpler than `rhs`.
  public static func shortlexPrecedes(_ lhs: [UInt64], _ rhs: [UInt64]) -> Bool {
    if lhs.count != rhs.count { return lhs.count < rhs.count }
    return lhs.lexicographicallyPrecedes(rhs)
  }
}
