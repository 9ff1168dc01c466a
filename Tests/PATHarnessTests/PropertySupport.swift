import Foundation
import PATHarness
import PropertyKit
import Testing

/// Runs a harness property with a fixed seed and a budget in cases, recording an issue with
/// the counterexample and its replay line when it does not hold. With `PATFUZZ_WRITE_CORPUS`
/// set, a shrunk failing payload is also written to the corpus's `findings/`.
@discardableResult
func expectHolds(
  _ property: PATProperty, cases: Int, seed: UInt64,
  sourceLocation: SourceLocation = #_sourceLocation
) -> PATPropertyOutcome {
  let outcome = run(property, cases: cases, seed: seed)
  if !outcome.result.isSuccess {
    Issue.record(Comment(rawValue: outcome.result.message), sourceLocation: sourceLocation)
    if let target = ProcessInfo.processInfo.environment[FindingRecorder.environmentVariable] {
      let root = target == "1" ? PackageLocation.corpus : target
      _ = try? FindingRecorder.record(
        outcome, in: CorpusStore(root: root),
        origin: "property \(property.name) seed \(outcome.result.seed)")
    }
  }
  return outcome
}

/// Runs a harness property with a fixed seed, quietly.
func run(_ property: PATProperty, cases: Int, seed: UInt64) -> PATPropertyOutcome {
  var configuration = PropertyConfiguration()
  configuration.cases = cases
  configuration.seed = seed
  configuration.log = { _ in }
  if let name = Test.current?.name {
    configuration.replayFilter = name.split(separator: "(").first.map(String.init)
  }
  return property.run(configuration)
}
