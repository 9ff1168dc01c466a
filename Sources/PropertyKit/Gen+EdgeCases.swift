extension Gen where Value: Sendable {
  /// Adds a catalog of boundary values that are tried first and then mixed in.
  ///
  /// In random mode, case `i` of a run takes catalog entry `i` while `i` is below the catalog
  /// size (every draw of this generator in that case does); later cases take a random entry
  /// with probability `1 / mixInEvery` and generate normally otherwise. The decision is an
  /// ordinary recorded choice (`0` = generate normally, `k` = entry `k - 1`), so replay,
  /// fuzzing and shrinking see it like any other choice.
  ///
  /// A normal value is always generated after the selector, even when a catalog entry is
  /// used. The shrinker first tries switching the selector to `0`, which turns the failing
  /// catalog entry into that normal value; if that value still fails, it shrinks like any
  /// other (so `x >= 1000` usually reaches `1000` even when found through an entry such as
  /// `Int.max`). Otherwise the entry shrinks toward earlier entries, so list the simplest
  /// entries first.
  /// - Parameters:
  ///   - catalog: The boundary values, in the order they should be tried.
  ///   - mixInEvery: After the first cases, one draw in this many picks a catalog entry.
  /// - Returns: A generator that produces the catalog values early and at a steady rate.
  public func withEdgeCases(_ catalog: [Value], mixInEvery: Int = 4) -> Gen<Value> {
    guard !catalog.isEmpty else { return self }
    precondition(mixInEvery > 0, "mixInEvery must be positive")
    let count = UInt64(catalog.count)
    return Gen { source in
      var planned: UInt64 = 0
      if let caseIndex = source.caseIndex, caseIndex >= 0, UInt64(caseIndex) < count {
        planned = UInt64(caseIndex) + 1
      } else if let roll = source.plan(upTo: UInt64(mixInEvery - 1)), roll == 0 {
        planned = 1 + (source.plan(upTo: count - 1) ?? 0)
      }
      source.beginSpan(SpanLabel.edgeCase)
      let selector = try source.draw(upTo: count, suggesting: planned)
      let generated = try self.generate(from: source)
      source.endSpan()
      return selector == 0 ? generated : catalog[Int(selector - 1)]
    }
  }

  /// Generates from a catalog of boundary values first, then from a fallback generator.
  /// - Parameters:
  ///   - catalog: The boundary values, in the order they should be tried.
  ///   - fallback: The generator used when no catalog entry is chosen.
  /// - Returns: The fallback generator with the catalog attached; see
  ///   ``withEdgeCases(_:mixInEvery:)``.
  public static func edgeCases(_ catalog: [Value], orElse fallback: Gen<Value>) -> Gen<Value> {
    fallback.withEdgeCases(catalog)
  }
}
