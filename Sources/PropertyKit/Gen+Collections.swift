extension Gen {
  /// Generates arrays whose length lies in a range.
  ///
  /// The first `count.lowerBound` elements are drawn directly; each further element is
  /// preceded by a "more" flag (`0` stops). Every element, with its flag, is a span, so the
  /// shrinker removes elements by deleting spans, and an exhausted replay or byte source ends
  /// the array at its minimum length. Random mode plans the length first, favouring short
  /// arrays, arrays near the maximum length and log-uniform lengths in between.
  /// - Parameters:
  ///   - element: The generator of elements.
  ///   - count: The allowed numbers of elements; the lower bound must not be negative.
  /// - Returns: A generator of arrays.
  public static func array<Element>(
    of element: Gen<Element>, count: ClosedRange<Int>
  ) -> Gen<[Element]> where Value == [Element] {
    array(of: element, count: count) { source, extra in
      source.plan(upTo: UInt64(extra), bias: .integer).map { Int($0) } ?? 0
    }
  }

  /// Generates arrays whose length lies in a range, trying a catalog of lengths first.
  ///
  /// Like ``array(of:count:)``, but random mode plans the length from `edgeLengths` the way
  /// ``withEdgeCases(_:mixInEvery:)`` picks catalog entries: case `i` of a run takes entry `i`
  /// while `i` is below the catalog size, and later cases take a random entry once in
  /// `mixInEvery` arrays. Only the plan changes: the array is still recorded element by
  /// element, so the shrinker removes elements one at a time from an edge-length array too.
  /// - Parameters:
  ///   - element: The generator of elements.
  ///   - count: The allowed numbers of elements; the lower bound must not be negative.
  ///   - edgeLengths: The lengths to try first (clamped into `count`), simplest first.
  ///   - mixInEvery: After the first cases, one array in this many takes a catalog length.
  /// - Returns: A generator of arrays.
  public static func array<Element>(
    of element: Gen<Element>, count: ClosedRange<Int>, edgeLengths: [Int], mixInEvery: Int = 4
  ) -> Gen<[Element]> where Value == [Element] {
    precondition(mixInEvery > 0, "mixInEvery must be positive")
    return array(of: element, count: count) { source, extra in
      var length: Int?
      if let caseIndex = source.caseIndex, caseIndex >= 0, caseIndex < edgeLengths.count {
        length = edgeLengths[caseIndex]
      } else if !edgeLengths.isEmpty, source.plan(upTo: UInt64(mixInEvery - 1)) == 0 {
        length = edgeLengths[Int(source.plan(upTo: UInt64(edgeLengths.count - 1)) ?? 0)]
      }
      guard let length else {
        return source.plan(upTo: UInt64(extra), bias: .integer).map { Int($0) } ?? 0
      }
      return Swift.min(Swift.max(length - count.lowerBound, 0), extra)
    }
  }

  /// The shared body of the array generators: `plan` gives the number of elements to add
  /// beyond the minimum in random mode.
  private static func array<Element>(
    of element: Gen<Element>, count: ClosedRange<Int>,
    plan: @escaping @Sendable (ChoiceSource, _ extra: Int) -> Int
  ) -> Gen<[Element]> where Value == [Element] {
    precondition(count.lowerBound >= 0, "array(of:count:) needs a non-negative count")
    let minimum = count.lowerBound
    let extra = count.upperBound - count.lowerBound
    return Gen { source in
      var result: [Element] = []
      result.reserveCapacity(minimum)
      for _ in 0..<minimum {
        result.append(try source.withSpan(SpanLabel.element) { try element.generate(from: source) })
      }
      let planned = plan(source, extra)
      var added = 0
      while added < extra {
        source.beginSpan(SpanLabel.element)
        let more = try source.draw(upTo: 1, suggesting: added < planned ? 1 : 0)
        if more == 0 {
          source.abandonSpan()
          break
        }
        result.append(try element.generate(from: source))
        source.endSpan()
        added += 1
      }
      return result
    }
  }
}
