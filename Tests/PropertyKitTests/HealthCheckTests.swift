import PropertyKit
import Testing

@Suite("Health checks")
struct HealthCheckTests {
  @Test("a filter that rejects almost everything fails the run")
  func tooManyDiscardsFromFilters() throws {
    let rare = Gen.int(in: 0...1_000_000).filter(maxAttempts: 3) { $0 == 123_456 }
    var invocations = 0
    let result = PropertyRunner(configuration: testConfiguration(cases: 10))
      .check("rare", rare) { _ in invocations += 1 }
    let failure = try #require(result.healthCheckFailure)
    guard case .tooManyDiscards(let discards, _, let ratio, let reason) = failure else {
      Issue.record("expected too many discards, got \(failure)")
      return
    }
    #expect(discards == 101)
    #expect(ratio == 10)
    #expect(reason.contains("filter rejected 3"))
    #expect(invocations < 10)
    #expect(result.message.contains("health check failed"))
  }

  @Test("assumptions that reject almost everything fail the run")
  func tooManyDiscardsFromAssumptions() throws {
    var configuration = testConfiguration(cases: 20)
    configuration.maxDiscardRatio = 2
    let result = PropertyRunner(configuration: configuration)
      .check("assume", Gen.int(in: 0...1000)) { value, context in
        try context.assume(value == 1, "value is one")
      }
    let failure = try #require(result.healthCheckFailure)
    #expect(
      failure
        == .tooManyDiscards(
          discards: 41, passed: result.casesPassed, maxRatio: 2,
          lastReason: "case rejected: value is one"))
  }

  @Test("slow generation fails the run, measured on the injected clock")
  func slowGeneration() throws {
    let clock = ManualPropertyClock()
    let slow = Gen.int(in: 0...9).map { value -> Int in
      clock.advance(by: .milliseconds(250))
      return value
    }
    var configuration = testConfiguration(cases: 100, clock: clock)
    configuration.slowGenerationThreshold = .milliseconds(100)
    var invocations = 0
    let result = PropertyRunner(configuration: configuration)
      .check("slow", slow) { _ in invocations += 1 }
    let failure = try #require(result.healthCheckFailure)
    #expect(
      failure
        == .generationTooSlow(mean: .milliseconds(250), threshold: .milliseconds(100), cases: 10))
    #expect(invocations == 9)
  }

  @Test("generation under the threshold passes")
  func fastEnoughGeneration() {
    let clock = ManualPropertyClock()
    let quick = Gen.int(in: 0...9).map { value -> Int in
      clock.advance(by: .milliseconds(50))
      return value
    }
    let result = PropertyRunner(configuration: testConfiguration(cases: 30, clock: clock))
      .check("quick", quick) { _ in }
    #expect(result.isSuccess, "\(result.message)")
  }

  @Test("a passing run that never reaches a required label fails")
  func requiredLabelsNeverReached() throws {
    var configuration = testConfiguration(cases: 50)
    configuration.coverage = [
      CoverageRequirement(label: "overflow", atLeastPercent: 1),
      CoverageRequirement(label: "underflow", atLeastPercent: 1),
    ]
    let result = PropertyRunner(configuration: configuration)
      .check("unreached", Gen.int(in: 0...9)) { value, context in
        context.classify(value > 100, "overflow")
        context.classify(value < -100, "underflow")
      }
    let failure = try #require(result.healthCheckFailure)
    #expect(failure == .requiredLabelsNeverReached(labels: ["overflow", "underflow"], cases: 50))
    #expect(result.message.contains("never reached"))
  }
}
