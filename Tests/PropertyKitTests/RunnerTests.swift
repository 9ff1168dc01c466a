import PropertyKit
import Testing

/// Two distinct failures, to test the same-failure matcher.
enum Magnitude: Error {
  case large
  case huge
}

@Suite("Property runner")
struct RunnerTests {
  let arrays = Gen.array(of: Gen.int(in: -1000...1000), count: 0...20)

  @Test("the same seed gives the same cases and the same counterexample", arguments: shrinkSeeds)
  func sameSeedSameRun(seed: UInt64) throws {
    func run() -> (cases: [[Int]], result: PropertyResult) {
      var cases: [[Int]] = []
      let result = PropertyRunner(configuration: testConfiguration(seed: seed))
        .check("sum", arrays) { array in
          cases.append(array)
          try expect(array.filter { $0 > 300 }.count < 2)
        }
      return (cases, result)
    }
    let first = run()
    let second = run()
    #expect(first.cases == second.cases)
    let a = try requireCounterexample(first.result)
    let b = try requireCounterexample(second.result)
    #expect(a.value == b.value)
    #expect(a.replayToken == b.replayToken)
    #expect(a.caseIndex == b.caseIndex)
    #expect(a.shrinkSteps == b.shrinkSteps)
  }

  @Test("a fixed seed pins the generated values and the counterexample on every machine")
  func pinnedValues() throws {
    var cases: [Int] = []
    _ = PropertyRunner(configuration: testConfiguration(seed: 2024, cases: 5))
      .check("pinned", Gen.int(in: 0...1_000_000)) { cases.append($0) }
    #expect(cases == [0, 29, 5889, 1, 80])
    let expected = try (0..<5).map {
      try Gen.int(in: 0...1_000_000).generate(runSeed: 2024, caseIndex: $0).value
    }
    #expect(cases == expected)

    let result = PropertyRunner(configuration: testConfiguration(seed: 2024))
      .check("sum", arrays) { try expect($0.filter { $0 > 300 }.count < 2) }
    let counterexample = try requireCounterexample(result)
    #expect(counterexample.value == "[301, 301]")
    #expect(counterexample.replayToken.description == "sum@2024:10:AQCtAgEArQIA")
  }

  @Test("the seed is always logged, also when chosen at random")
  func seedIsLogged() {
    let log = LogCapture()
    var configuration = testConfiguration(cases: 3, log: log)
    configuration.seed = nil
    let result = PropertyRunner(configuration: configuration).check("logged", Gen.bool) { _ in }
    #expect(result.isSuccess)
    #expect(log.lines.contains { $0.contains("seed \(result.seed)") })
    #expect(log.lines.contains { $0.contains("PATFUZZ_SEED=\(result.seed)") })
  }

  @Test("PATFUZZ_SEED overrides the configured seed")
  func seedFromEnvironment() {
    let configuration = testConfiguration(
      seed: 1, cases: 10, environment: ["PATFUZZ_SEED": "0x10"])
    let result = PropertyRunner(configuration: configuration).check("env", Gen.bool) { _ in }
    #expect(result.seed == 16)
    #expect(result.isSuccess)
  }

  @Test("a malformed PATFUZZ_SEED is reported, not ignored")
  func malformedSeed() {
    let configuration = testConfiguration(environment: ["PATFUZZ_SEED": "twelve"])
    let result = PropertyRunner(configuration: configuration).check("env", Gen.bool) { _ in }
    guard case .invalidConfiguration(let reason) = result.outcome else {
      Issue.record("expected an invalid configuration, got \(result.message)")
      return
    }
    #expect(reason.contains("twelve"))
  }

  @Test("the replay token runs the shrunk failing case first and only that case")
  func replayRunsOnlyTheFailingCase() throws {
    let generator = Gen.int(in: 0...1_000_000)
    var invocations = 0
    let property: (Int) throws -> Void = { value in
      invocations += 1
      try expect(value < 1000)
    }
    let original = PropertyRunner(configuration: testConfiguration(seed: 11))
      .check("threshold", generator, property)
    let counterexample = try requireCounterexample(original)
    #expect(counterexample.value == "1000")
    #expect(invocations > counterexample.casesTried)

    invocations = 0
    var replayed: [Int] = []
    let replayConfiguration = testConfiguration(
      seed: 999, environment: ["PATFUZZ_REPLAY": counterexample.replayToken.description])
    let replay = PropertyRunner(configuration: replayConfiguration)
      .check("threshold", generator) { value in
        replayed.append(value)
        try property(value)
      }
    let again = try requireCounterexample(replay)
    #expect(replayed == [1000])
    #expect(invocations == 1)
    #expect(replay.replayStatus == .reproduced)
    #expect(again.isReplay)
    #expect(again.value == "1000")
    #expect(again.seed == counterexample.seed)
    #expect(again.replayToken == counterexample.replayToken)
  }

  @Test("a token for another property is ignored")
  func replayForOtherProperty() throws {
    let token = ReplayToken(propertyName: "other", seed: 1, caseIndex: 0, choices: [5])
    var invocations = 0
    let configuration = testConfiguration(
      cases: 25, environment: ["PATFUZZ_REPLAY": token.description])
    let result = PropertyRunner(configuration: configuration)
      .check("mine", Gen.int(in: 0...9)) { _ in invocations += 1 }
    #expect(result.isSuccess)
    #expect(result.replayStatus == .none)
    #expect(invocations == 25)
  }

  @Test("a replayed case that passes is reported and the run continues")
  func replayNoLongerFails() {
    let token = ReplayToken(propertyName: "fixed", seed: 1, caseIndex: 0, choices: [5])
    let log = LogCapture()
    var values: [Int] = []
    let configuration = testConfiguration(
      cases: 10, environment: ["PATFUZZ_REPLAY": token.description], log: log)
    let result = PropertyRunner(configuration: configuration)
      .check("fixed", Gen.int(in: 0...9)) { values.append($0) }
    #expect(result.isSuccess)
    #expect(result.replayStatus == .noLongerFails)
    #expect(values.first == 5)
    #expect(values.count == 11)
    #expect(log.lines.contains { $0.contains("no longer fails") })
  }

  @Test("a malformed token for this property is reported")
  func malformedToken() {
    let configuration = testConfiguration(environment: ["PATFUZZ_REPLAY": "mine@12:x:AA"])
    let result = PropertyRunner(configuration: configuration).check("mine", Gen.bool) { _ in }
    guard case .invalidConfiguration = result.outcome else {
      Issue.record("expected an invalid configuration, got \(result.message)")
      return
    }
  }

  @Test("the report carries value, error, seed, steps, notes and the replay line")
  func reportContents() throws {
    var configuration = testConfiguration(seed: 5)
    configuration.replayFilter = "RunnerTests"
    let result = PropertyRunner(configuration: configuration)
      .check("report", Gen.int(in: 0...100_000)) { value, context in
        context.note("value was \(value)")
        try expect(value < 1000, "too large")
      }
    let counterexample = try requireCounterexample(result)
    let report = result.message
    #expect(report.contains("Counterexample: 1000"))
    #expect(report.contains("too large"))
    #expect(report.contains("seed 5"))
    #expect(report.contains("Note: value was 1000"))
    #expect(report.contains("Shrunk in \(counterexample.shrinkSteps) steps"))
    #expect(counterexample.notes == ["value was 1000"])
    #expect(counterexample.shrinkSteps > 0)
    let expectedLine =
      "PATFUZZ_REPLAY='\(counterexample.replayToken)' swift test --filter 'RunnerTests'"
    #expect(counterexample.replayLine == expectedLine)
    #expect(report.contains(expectedLine))
    #expect(
      counterexample.replayToken.description.hasPrefix("report@5:\(counterexample.caseIndex):"))
  }

  @Test("the shrink evaluation budget is respected and reported")
  func shrinkEvaluationBudget() throws {
    var configuration = testConfiguration(seed: 8)
    configuration.maxShrinkEvaluations = 5
    let result = PropertyRunner(configuration: configuration)
      .check("budget", Gen.int(in: 0...1_000_000)) { try expect($0 < 1000) }
    let counterexample = try requireCounterexample(result)
    #expect(counterexample.shrinkEvaluations == 5)
    #expect(counterexample.shrinkStopReason == .evaluationBudget)
    #expect(result.message.contains("stopped: evaluationBudget"))
  }

  @Test("the shrink time budget is read from the injected clock")
  func shrinkTimeBudget() throws {
    var configuration = testConfiguration(
      seed: 8, clock: ManualPropertyClock(tick: .milliseconds(1)))
    configuration.shrinkTimeBudget = .milliseconds(10)
    let result = PropertyRunner(configuration: configuration)
      .check("deadline", Gen.int(in: 0...1_000_000)) { try expect($0 < 1000) }
    let counterexample = try requireCounterexample(result)
    #expect(counterexample.shrinkStopReason == .timeBudget)
    #expect(counterexample.shrinkEvaluations < 10)
  }

  @Test("a time budget stops the run early, measured on the injected clock")
  func runTimeBudget() {
    var configuration = testConfiguration(clock: ManualPropertyClock(tick: .milliseconds(1)))
    configuration.cases = .max
    configuration.timeBudget = .milliseconds(30)
    var invocations = 0
    let result = PropertyRunner(configuration: configuration)
      .check("timed", Gen.int(in: 0...9)) { _ in invocations += 1 }
    #expect(result.isSuccess)
    #expect(invocations == result.casesPassed)
    #expect(invocations > 0 && invocations < 30)
  }

  @Test("the failure matcher keeps shrinking within the original failure")
  func sameFailureMatcher() throws {
    let generator = Gen.int(in: 0...1_000_000)
    let property: (Int) throws -> Void = { value in
      if value >= 500_000 { throw Magnitude.huge }
      if value >= 10 { throw Magnitude.large }
    }
    let anyFailure = PropertyRunner(configuration: testConfiguration(seed: 11))
      .check("matcher", generator, property)
    let first = try requireCounterexample(anyFailure)
    #expect(first.originalValue == "519252")
    #expect(first.value == "10")

    var configuration = testConfiguration(seed: 11)
    configuration.isSameFailure = { original, candidate in
      "\(original)" == "\(candidate)"
    }
    let sameFailure = PropertyRunner(configuration: configuration)
      .check("matcher", generator, property)
    let counterexample = try requireCounterexample(sameFailure)
    #expect(counterexample.originalValue == "519252")
    #expect(counterexample.value == "500000")
    #expect("\(counterexample.error)" == "huge")
  }

  @Test("assumptions discard cases without failing them")
  func assumptionsDiscard() {
    var checked = 0
    let result = PropertyRunner(configuration: testConfiguration(cases: 50))
      .check("assume", Gen.int(in: 0...9)) { value, context in
        try context.assume(value != 3, "not three")
        checked += 1
        try expect(value != 3)
      }
    #expect(result.isSuccess)
    #expect(result.casesPassed == 50)
    #expect(result.discards > 0)
    #expect(checked == 50)
  }

  @Test("statistics are printed on request")
  func statisticsOnRequest() {
    let log = LogCapture()
    var configuration = testConfiguration(cases: 200, log: log)
    configuration.printStatistics = true
    let result = PropertyRunner(configuration: configuration)
      .check("stats", Gen.int(in: -10...10)) { value, context in
        context.classify(value < 0, "negative")
        context.classify(value == 0, "zero")
      }
    #expect(result.isSuccess)
    #expect(log.lines.contains { $0.contains("statistics") && $0.contains("negative") })
    #expect(result.statisticsTable.contains("zero"))
    #expect(result.statistics.cases == 200)
  }
}
