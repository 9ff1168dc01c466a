/// A generator of values, drawing every random decision from a ``ChoiceSource``.
///
/// The same generator serves random testing (a seeded source), fuzzing (a byte-buffer source)
/// and shrinking (a replay source): shrinking edits the recorded choices and runs the generator
/// again, so a shrunk value always satisfies the generator's own invariants.
public struct Gen<Value>: Sendable {
  private let body: @Sendable (ChoiceSource) throws -> Value

  /// Creates a generator from a drawing function.
  /// - Parameters:
  ///   - body: Draws choices from the source and builds a value from them. Choice `0` of every
  ///     draw should lead to the simplest value, and all randomness must come from the source.
  public init(_ body: @escaping @Sendable (ChoiceSource) throws -> Value) {
    self.body = body
  }

  /// Generates one value from a source.
  /// - Parameters:
  ///   - source: The source to draw choices from.
  /// - Returns: The generated value.
  /// - Throws: A ``GenerationError`` when the case is invalid (overrun, exhausted filter).
  public func generate(from source: ChoiceSource) throws -> Value {
    try body(source)
  }
}
