import PropertyKit
import Testing

@Suite("Standalone shrinker")
struct ShrinkerTests {
  let manualClock = Shrinker.Configuration(clock: ManualPropertyClock())

  @Test("an arbitrary predicate over raw choices reaches the shortlex minimum")
  func rawPredicate() {
    let shrinker = Shrinker(configuration: manualClock)
    let result = shrinker.shrink(ChoiceSequence(choices: [5, 9, 3])) { candidate in
      candidate.reduce(0, +) >= 10 ? ChoiceSequence(choices: candidate) : nil
    }
    #expect(result.sequence.choices == [10])
    #expect(result.stopReason == .converged)
    #expect(result.steps > 0)
    #expect(result.evaluations >= result.steps)
  }

  @Test("a generator with an external-style predicate shrinks deterministically")
  func generatorPredicate() throws {
    let generator = Gen.array(of: Gen.int(in: 0...1000), count: 0...40)
    let failing = try (0..<200 as Range<UInt64>).lazy
      .map { try generator.generate(seed: $0) }
      .first { $0.value.contains { $0 >= 500 } && $0.value.count > 3 }
    let initial = try #require(failing)
    var calls = 0
    func shrink() -> ShrinkResult {
      Shrinker(configuration: manualClock).shrink(initial.sequence, generator: generator) {
        calls += 1
        return $0.contains { $0 >= 500 }
      }
    }
    let first = shrink()
    let firstCalls = calls
    let second = shrink()
    #expect(first == second)
    #expect(firstCalls == first.evaluations)
    #expect(try generator.generate(replaying: first.sequence.choices).value == [500])
  }

  @Test("the evaluation budget is never exceeded")
  func evaluationBudget() {
    let shrinker = Shrinker(
      configuration: .init(maxEvaluations: 3, clock: ManualPropertyClock()))
    var calls = 0
    let result = shrinker.shrink(ChoiceSequence(choices: [900, 900, 900])) { candidate in
      calls += 1
      return candidate.reduce(0, +) > 100 ? ChoiceSequence(choices: candidate) : nil
    }
    #expect(calls == 3)
    #expect(result.evaluations == 3)
    #expect(result.stopReason == .evaluationBudget)
  }

  @Test("candidates whose replay is not simpler are rejected")
  func onlySimplerResultsAreAccepted() {
    let shrinker = Shrinker(configuration: manualClock)
    let initial = ChoiceSequence(choices: [3, 3])
    let result = shrinker.shrink(initial) { _ in ChoiceSequence(choices: [3, 3, 0]) }
    #expect(result.sequence == initial)
    #expect(result.steps == 0)
  }

  @Test("sibling spans are sorted into shortlex order")
  func sortsSiblings() throws {
    let generator = Gen.array(of: Gen.int(in: 0...100), count: 0...10)
    let initial = try generator.generate(replaying: [1, 9, 1, 3, 1, 7, 0])
    #expect(initial.value == [9, 3, 7])
    let result = Shrinker(configuration: manualClock).shrink(
      initial.sequence, generator: generator
    ) { array in
      array.count == 3 && Set(array) == [9, 3, 7]
    }
    #expect(try generator.generate(replaying: result.sequence.choices).value == [3, 7, 9])
  }
}
