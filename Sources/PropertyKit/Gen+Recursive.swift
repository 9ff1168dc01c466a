extension Gen {
  /// Generates recursive values (trees, nested documents) with a depth budget.
  ///
  /// At each level a choice picks the base case (`0`, the simplest) or one more level built by
  /// `extend`; at depth `maxDepth` only the base case remains, so generation always ends.
  /// - Parameters:
  ///   - maxDepth: The maximum number of nested `extend` levels.
  ///   - basePercent: How often random mode stops at a level, in percent.
  ///   - base: The generator of leaves.
  ///   - extend: Builds the generator of one level from the generator of the level below.
  /// - Returns: A generator of values at most `maxDepth` levels deep.
  public static func recursive(
    maxDepth: Int,
    basePercent: Int = 40,
    base: Gen<Value>,
    extend: @escaping @Sendable (Gen<Value>) -> Gen<Value>
  ) -> Gen<Value> {
    precondition(maxDepth >= 0, "recursive(maxDepth:) needs a non-negative depth")
    var level = base
    for _ in 0..<maxDepth {
      let below = level
      let deeper = extend(below)
      level = Gen { source in
        source.beginSpan(SpanLabel.recursive)
        let planned: UInt64 = source.plan(upTo: 99).map { $0 < UInt64(basePercent) ? 0 : 1 } ?? 0
        let choice = try source.draw(upTo: 1, suggesting: planned)
        let value = try (choice == 0 ? base : deeper).generate(from: source)
        source.endSpan()
        return value
      }
    }
    return level
  }
}
