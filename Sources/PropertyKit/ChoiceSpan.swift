/// A labelled range of choices that a generator drew for one logical unit of its value.
///
/// Generators open spans around array elements, one-of branches and the inner values of `map`
/// and `flatMap`; the shrinker deletes, zeroes and reorders whole spans.
public struct ChoiceSpan: Sendable, Hashable {
  /// The index of the first choice in the span.
  public var start: Int
  /// The index one past the last choice in the span.
  public var end: Int
  /// The label given by the generator that opened the span (for example `"element"`).
  public var label: String
  /// The number of spans that were open when this one was opened.
  public var depth: Int

  /// Creates a span.
  /// - Parameters:
  ///   - start: The index of the first choice.
  ///   - end: The index one past the last choice.
  ///   - label: The label of the logical unit.
  ///   - depth: The nesting depth.
  public init(start: Int, end: Int, label: String, depth: Int) {
    self.start = start
    self.end = end
    self.label = label
    self.depth = depth
  }

  /// The choice indices covered by the span.
  public var range: Range<Int> { start..<end }

  /// The number of choices in the span.
  public var count: Int { end - start }
}
