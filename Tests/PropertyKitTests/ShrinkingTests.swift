import PropertyKit
import Testing

@Suite("Shrinking to exact minimal counterexamples")
struct ShrinkingTests {
  @Test("x >= 1000 shrinks to exactly 1000", arguments: shrinkSeeds)
  func integerThreshold(seed: UInt64) throws {
    let (value, counterexample) = try shrunkValue(Gen.int(in: 0...1_000_000), seed: seed) {
      try expect($0 < 1000, "too large")
    }
    #expect(value == 1000)
    #expect(counterexample.value == "1000")
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("x >= 1000 over a range with negatives shrinks to exactly 1000", arguments: shrinkSeeds)
  func integerThresholdSigned(seed: UInt64) throws {
    let (value, counterexample) = try shrunkValue(Gen.int(in: -1_000_000...1_000_000), seed: seed) {
      try expect($0 < 1000)
    }
    #expect(value == 1000)
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("x >= 1000 over the full Int range shrinks to exactly 1000", arguments: shrinkSeeds)
  func integerThresholdFullRange(seed: UInt64) throws {
    let (value, counterexample) = try shrunkValue(Gen.int(in: Int.min...Int.max), seed: seed) {
      try expect($0 < 1000)
    }
    #expect(value == 1000)
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("no element repeats shrinks to [0, 0]", arguments: shrinkSeeds)
  func noRepeats(seed: UInt64) throws {
    let generator = Gen.array(of: Gen.int(in: -50...50), count: 0...30)
    let (value, counterexample) = try shrunkValue(generator, seed: seed) { array in
      try expect(Set(array).count == array.count, "an element repeats")
    }
    #expect(value == [0, 0])
    #expect(counterexample.value == "[0, 0]")
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("length < 50 shrinks to 50 copies of the simplest character", arguments: shrinkSeeds)
  func stringLength(seed: UInt64) throws {
    let generator = Gen.string(of: .asciiPrintable, length: 0...120)
    let (value, counterexample) = try shrunkValue(generator, seed: seed) {
      try expect($0.count < 50)
    }
    #expect(value == String(repeating: "a", count: 50))
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("a Unicode string with length < 50 shrinks to 50 copies of a", arguments: shrinkSeeds)
  func unicodeStringLength(seed: UInt64) throws {
    let generator = Gen.string(ofScalars: .unicodeScalar, length: 0...120)
    let (value, counterexample) = try shrunkValue(generator, seed: seed) {
      try expect($0.unicodeScalars.count < 50)
    }
    #expect(value == String(repeating: "a", count: 50))
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("a + b > 100 shrinks to a sum of exactly 101", arguments: shrinkSeeds)
  func pairSum(seed: UInt64) throws {
    let generator = Gen.zip(Gen.int(in: -1000...1000), Gen.int(in: -1000...1000))
    let (value, counterexample) = try shrunkValue(generator, seed: seed) { pair in
      try expect(pair.0 + pair.1 <= 100)
    }
    #expect(value.0 + value.1 == 101)
    #expect(value == (0, 101))
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("a + b > 100 with capped components needs redistribution", arguments: shrinkSeeds)
  func pairSumRedistributed(seed: UInt64) throws {
    let generator = Gen.zip(Gen.int(in: 0...60), Gen.int(in: 0...60))
    let (value, counterexample) = try shrunkValue(generator, seed: seed, cases: 1000) { pair in
      try expect(pair.0 + pair.1 <= 100)
    }
    #expect(value == (41, 60))
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("filtered even numbers shrink to the smallest failing even number", arguments: shrinkSeeds)
  func filteredEvens(seed: UInt64) throws {
    let evens = Gen.int(in: 0...100_000).filter { $0 % 2 == 0 }
    let (value, counterexample) = try shrunkValue(evens, seed: seed) {
      try expect($0 <= 1000)
    }
    #expect(value == 1002)
    #expect(value % 2 == 0)
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("a flatMap'd array keeps its drawn length while shrinking", arguments: shrinkSeeds)
  func boundLength(seed: UInt64) throws {
    let sized = Gen.int(in: 1...20).flatMap { length in
      Gen.array(of: Gen.int(in: 0...100), count: length...length).map { (length, $0) }
    }
    let (value, counterexample) = try shrunkValue(sized, seed: seed) { pair in
      try expect(pair.1.reduce(0, +) <= 150)
    }
    #expect(value.1.count == value.0)
    #expect(value.1.reduce(0, +) == 151)
    #expect(value.0 == 2)
    #expect(value.1 == [51, 100])
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }
}

@Suite("Shrinking values found through edge cases and branches")
struct SelectorShrinkingTests {
  @Test("a failure found through an edge-case entry still shrinks to 1000", arguments: shrinkSeeds)
  func edgeCaseEntryShrinks(seed: UInt64) throws {
    let generator = Gen.int(in: -1_000_000...1_000_000).withEdgeCases([999_999, -1, 0])
    let (value, counterexample) = try shrunkValue(generator, seed: seed) {
      try expect($0 < 1000)
    }
    #expect(value == 1000)
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("a failing later branch of oneOf shrinks into the first branch", arguments: shrinkSeeds)
  func oneOfBranchShrinks(seed: UInt64) throws {
    let generator = Gen.oneOf(Gen.int(in: 0...100_000), Gen.int(in: 0...100_000).map { $0 * 3 })
    let (value, counterexample) = try shrunkValue(generator, seed: seed) {
      try expect($0 < 1000)
    }
    #expect(value == 1000)
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }
}
