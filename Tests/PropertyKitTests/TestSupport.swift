import PropertyKit
import Synchronization
import Testing

/// Collects log lines written by a runner.
final class LogCapture: Sendable {
  private let storage = Mutex<[String]>([])

  /// The lines logged so far.
  var lines: [String] { storage.withLock { $0 } }

  /// A sink that appends to this capture.
  var sink: @Sendable (String) -> Void {
    { line in self.storage.withLock { $0.append(line) } }
  }
}

/// A configuration for deterministic tests: fixed seed, explicit environment, captured log and
/// a manual clock that never moves unless told to.
func testConfiguration(
  seed: UInt64 = 42,
  cases: Int = 100,
  environment: [String: String] = [:],
  clock: any PropertyClock = ManualPropertyClock(),
  log: LogCapture = LogCapture()
) -> PropertyConfiguration {
  PropertyConfiguration(
    cases: cases, seed: seed, clock: clock, environment: PropertyEnvironment(environment),
    log: log.sink)
}

/// Returns the counterexample of a failed run, recording an issue if the run did not fail.
func requireCounterexample(
  _ result: PropertyResult, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Counterexample {
  try #require(
    result.counterexample, "expected a failing run, got: \(result.message)",
    sourceLocation: sourceLocation)
}

/// Runs a property expected to fail and returns the shrunk value, regenerated from the shrunk
/// choices, together with the counterexample.
func shrunkValue<Value>(
  _ generator: Gen<Value>,
  seed: UInt64,
  cases: Int = 200,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ property: (Value) throws -> Void
) throws -> (value: Value, counterexample: Counterexample) {
  let runner = PropertyRunner(configuration: testConfiguration(seed: seed, cases: cases))
  let result = runner.check("shrink", generator, property)
  let counterexample = try requireCounterexample(result, sourceLocation: sourceLocation)
  let replayed = try generator.generate(replaying: counterexample.sequence.choices)
  return (replayed.value, counterexample)
}

/// The seeds every shrinking test runs with.
let shrinkSeeds: [UInt64] = [1, 2, 3, 42, 1234, 0xDEAD_BEEF, 987_654_321, 7]

/// The bound on candidate evaluations that keeps each shrink well under a second.
let shrinkEvaluationBound = 2_000
