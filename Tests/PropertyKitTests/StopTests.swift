import PropertyKit
import Synchronization
import Testing

@Suite("Stopping a run")
struct StopTests {
  @Test("a run told to stop ends before its next case, as stopped, with what it ran")
  func stopsBeforeTheNextCase() {
    let ran = Mutex(0)
    var configuration = testConfiguration(seed: 7, cases: 100)
    configuration.coverage = [CoverageRequirement(label: "never", atLeastPercent: 50)]
    configuration.shouldStop = { ran.withLock { $0 } >= 5 }
    let result = PropertyRunner(configuration: configuration)
      .check("stoppable", Gen.int(in: 0...9)) { _, context in
        ran.withLock { $0 += 1 }
        context.label("ran")
      }
    guard case .stopped = result.outcome else {
      Issue.record("expected a stopped run, got: \(result.message)")
      return
    }
    #expect(result.casesPassed == 5)
    #expect(result.statistics.counts["ran"] == 5)
    #expect(result.message.contains("was stopped after 5 passing cases"))
  }

  @Test("a run that is never told to stop runs all its cases")
  func neverStopped() {
    var configuration = testConfiguration(seed: 7, cases: 30)
    configuration.shouldStop = { false }
    let result = PropertyRunner(configuration: configuration)
      .check("unstopped", Gen.int(in: 0...9)) { _ in }
    #expect(result.isSuccess)
    #expect(result.casesPassed == 30)
  }
}
