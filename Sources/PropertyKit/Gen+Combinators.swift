extension Gen {
  /// Transforms every generated value.
  /// - Parameters:
  ///   - transform: The transformation; it should be deterministic.
  /// - Returns: A generator of transformed values that shrinks like this one.
  public func map<T>(_ transform: @escaping @Sendable (Value) throws -> T) -> Gen<T> {
    Gen<T> { source in
      let value = try source.withSpan(SpanLabel.map) { try self.generate(from: source) }
      return try transform(value)
    }
  }

  /// Generates a value, then a second value from a generator chosen by the first.
  /// - Parameters:
  ///   - next: Returns the generator for the second value.
  /// - Returns: A generator of second values; both stages are recorded and shrunk.
  public func flatMap<T>(_ next: @escaping @Sendable (Value) throws -> Gen<T>) -> Gen<T> {
    Gen<T> { source in
      let value = try source.withSpan(SpanLabel.bind) { try self.generate(from: source) }
      let inner = try next(value)
      return try source.withSpan(SpanLabel.bound) { try inner.generate(from: source) }
    }
  }

  /// Keeps only values satisfying a predicate, retrying within a local budget.
  ///
  /// Each attempt is a span, so the shrinker can delete rejected attempts; replayed values
  /// always satisfy the predicate.
  /// - Parameters:
  ///   - maxAttempts: The number of consecutive attempts before the case is discarded.
  ///   - isIncluded: The predicate values must satisfy.
  /// - Returns: A generator of accepted values; it throws
  ///   ``GenerationError/filterExhausted(attempts:)`` when every attempt is rejected.
  public func filter(
    maxAttempts: Int = 100, _ isIncluded: @escaping @Sendable (Value) -> Bool
  ) -> Gen<Value> {
    precondition(maxAttempts > 0, "filter needs at least one attempt")
    return Gen { source in
      for _ in 0..<maxAttempts {
        let value = try source.withSpan(SpanLabel.filter) { try self.generate(from: source) }
        if isIncluded(value) { return value }
      }
      throw GenerationError.filterExhausted(attempts: maxAttempts)
    }
  }

  /// Generates `nil` (the simplest value) or a value of this generator.
  /// - Parameters:
  ///   - nilPercent: How often random mode chooses `nil`, in percent.
  /// - Returns: A generator of optional values.
  public func optional(nilPercent: Int = 20) -> Gen<Value?> {
    Gen<Value?> { source in
      let planned: UInt64 = source.plan(upTo: 99).map { $0 < UInt64(nilPercent) ? 0 : 1 } ?? 0
      let present = try source.draw(upTo: 1, suggesting: planned)
      guard present == 1 else { return nil }
      return try source.withSpan(SpanLabel.some) { try self.generate(from: source) }
    }
  }

  /// Generates arrays of this generator's values.
  /// - Parameters:
  ///   - count: The allowed numbers of elements.
  /// - Returns: A generator of arrays; see ``Gen/array(of:count:)``.
  public func array(count: ClosedRange<Int>) -> Gen<[Value]> {
    Gen<[Value]>.array(of: self, count: count)
  }
}

extension Gen {
  /// Pairs the values of two generators.
  /// - Parameters:
  ///   - first: The generator of the first component.
  ///   - second: The generator of the second component.
  /// - Returns: A generator of pairs.
  public static func zip<A, B>(_ first: Gen<A>, _ second: Gen<B>) -> Gen<(A, B)>
  where Value == (A, B) {
    Gen { source in
      let a = try first.generate(from: source)
      let b = try second.generate(from: source)
      return (a, b)
    }
  }

  /// Combines the values of three generators.
  /// - Parameters:
  ///   - first: The generator of the first component.
  ///   - second: The generator of the second component.
  ///   - third: The generator of the third component.
  /// - Returns: A generator of triples.
  public static func zip<A, B, C>(
    _ first: Gen<A>, _ second: Gen<B>, _ third: Gen<C>
  ) -> Gen<(A, B, C)> where Value == (A, B, C) {
    Gen { source in
      let a = try first.generate(from: source)
      let b = try second.generate(from: source)
      let c = try third.generate(from: source)
      return (a, b, c)
    }
  }

  /// Combines the values of four generators.
  /// - Parameters:
  ///   - first: The generator of the first component.
  ///   - second: The generator of the second component.
  ///   - third: The generator of the third component.
  ///   - fourth: The generator of the fourth component.
  /// - Returns: A generator of quadruples.
  public static func zip<A, B, C, D>(
    _ first: Gen<A>, _ second: Gen<B>, _ third: Gen<C>, _ fourth: Gen<D>
  ) -> Gen<(A, B, C, D)> where Value == (A, B, C, D) {
    Gen { source in
      let a = try first.generate(from: source)
      let b = try second.generate(from: source)
      let c = try third.generate(from: source)
      let d = try fourth.generate(from: source)
      return (a, b, c, d)
    }
  }

  /// Picks one of several generators with equal probability; earlier ones are simpler.
  /// - Parameters:
  ///   - generators: The alternatives, at least one.
  /// - Returns: A generator that delegates to the chosen alternative.
  public static func oneOf(_ generators: [Gen<Value>]) -> Gen<Value> {
    frequency(generators.map { (1, $0) })
  }

  /// Picks one of several generators with equal probability; earlier ones are simpler.
  /// - Parameters:
  ///   - generators: The alternatives, at least one.
  /// - Returns: A generator that delegates to the chosen alternative.
  public static func oneOf(_ generators: Gen<Value>...) -> Gen<Value> {
    oneOf(generators)
  }

  /// Picks one of several generators with the given weights; earlier ones are simpler.
  /// - Parameters:
  ///   - weighted: Pairs of a positive weight and a generator.
  /// - Returns: A generator that delegates to the chosen alternative.
  public static func oneOf(weighted: [(weight: Int, gen: Gen<Value>)]) -> Gen<Value> {
    frequency(weighted.map { ($0.weight, $0.gen) })
  }

  /// Picks one of several generators with the given weights (QuickCheck's `frequency`).
  ///
  /// The recorded choice is the index of the alternative, so shrinking moves toward the first
  /// alternative. Weights shape random mode only; a byte source picks indices uniformly.
  /// - Parameters:
  ///   - alternatives: Pairs of a positive weight and a generator, at least one.
  /// - Returns: A generator that delegates to the chosen alternative.
  public static func frequency(_ alternatives: [(Int, Gen<Value>)]) -> Gen<Value> {
    precondition(!alternatives.isEmpty, "frequency needs at least one alternative")
    precondition(alternatives.allSatisfy { $0.0 > 0 }, "frequency weights must be positive")
    let weights = alternatives.map { UInt64($0.0) }
    let generators = alternatives.map(\.1)
    let total = weights.reduce(0, +)
    return Gen { source in
      source.beginSpan(SpanLabel.oneOf)
      var planned: UInt64 = 0
      if var ticket = source.plan(upTo: total - 1) {
        for weight in weights {
          if ticket < weight { break }
          ticket -= weight
          planned += 1
        }
      }
      let index = try source.draw(upTo: UInt64(generators.count - 1), suggesting: planned)
      let value = try generators[Int(index)].generate(from: source)
      source.endSpan()
      return value
    }
  }

  /// Picks one of the given elements; the first is the simplest.
  /// - Parameters:
  ///   - elements: The elements, at least one.
  /// - Returns: A generator of the elements.
  public static func element(of elements: [Value]) -> Gen<Value> where Value: Sendable {
    precondition(!elements.isEmpty, "element(of:) needs at least one element")
    return Gen { source in
      elements[Int(try source.draw(upTo: UInt64(elements.count - 1)))]
    }
  }

  /// Always produces the same value, drawing no choices.
  /// - Parameters:
  ///   - value: The value.
  /// - Returns: A constant generator.
  public static func constant(_ value: Value) -> Gen<Value> where Value: Sendable {
    Gen { _ in value }
  }
}

extension Gen where Value == Bool {
  /// Generates `false` (the simplest) or `true`.
  public static var bool: Gen<Bool> {
    Gen { source in try source.draw(upTo: 1) == 1 }
  }
}
