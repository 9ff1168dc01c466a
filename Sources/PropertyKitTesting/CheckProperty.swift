public import PropertyKit
public import Testing

/// Checks a property inside a Swift Testing test, recording an `Issue` if it does not pass.
///
/// A failure's issue carries the shrunk counterexample, the error, the seed, the shrink steps
/// and the replay line (`PATFUZZ_REPLAY='…' swift test --filter <test>`), and is attributed
/// to the caller's source location. Coverage and health-check failures are recorded the same
/// way. Arguments left `nil` keep the values of `configuration`.
/// - Parameters:
///   - name: The property's name, used in reports and replay tokens.
///   - generator: The generator of cases.
///   - cases: The number of passing cases to aim for.
///   - seed: The run seed; `PATFUZZ_SEED` still overrides it.
///   - coverage: The coverage requirements.
///   - configuration: The other settings of the run.
///   - describe: Describes a counterexample; `String(describing:)` by default.
///   - sourceLocation: Where to attribute the issue (defaults to the caller).
///   - property: The property; a thrown error fails the case.
/// - Returns: The result of the run, for further inspection.
@discardableResult
public func checkProperty<Value>(
  _ name: String,
  _ generator: Gen<Value>,
  cases: Int? = nil,
  seed: UInt64? = nil,
  coverage: [CoverageRequirement]? = nil,
  configuration: PropertyConfiguration = PropertyConfiguration(),
  describe: ((Value) -> String)? = nil,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ property: (Value) throws -> Void
) -> PropertyResult {
  checkProperty(
    name, generator, cases: cases, seed: seed, coverage: coverage,
    configuration: configuration, describe: describe, sourceLocation: sourceLocation
  ) { value, _ in try property(value) }
}

/// Checks a property with a per-case context inside a Swift Testing test, recording an
/// `Issue` if it does not pass.
///
/// Records the same issues as the overload whose property takes only the value; the context
/// labels cases for coverage requirements and attaches notes to the counterexample.
/// - Parameters:
///   - name: The property's name, used in reports and replay tokens.
///   - generator: The generator of cases.
///   - cases: The number of passing cases to aim for.
///   - seed: The run seed; `PATFUZZ_SEED` still overrides it.
///   - coverage: The coverage requirements.
///   - configuration: The other settings of the run.
///   - describe: Describes a counterexample; `String(describing:)` by default.
///   - sourceLocation: Where to attribute the issue (defaults to the caller).
///   - property: The property; a thrown error fails the case.
/// - Returns: The result of the run, for further inspection.
@discardableResult
public func checkProperty<Value>(
  _ name: String,
  _ generator: Gen<Value>,
  cases: Int? = nil,
  seed: UInt64? = nil,
  coverage: [CoverageRequirement]? = nil,
  configuration: PropertyConfiguration = PropertyConfiguration(),
  describe: ((Value) -> String)? = nil,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ property: (Value, PropertyContext) throws -> Void
) -> PropertyResult {
  var settings = configuration
  if let cases { settings.cases = cases }
  if let seed { settings.seed = seed }
  if let coverage { settings.coverage = coverage }
  if settings.replayFilter == nil { settings.replayFilter = currentTestFilter() }
  let result = PropertyRunner(configuration: settings).check(
    name, generator, describe: describe, property)
  if !result.isSuccess {
    Issue.record(Comment(rawValue: result.message), sourceLocation: sourceLocation)
  }
  return result
}

/// The name of the running test without its argument list, usable with `swift test --filter`.
/// - Returns: The filter, or `nil` outside a test.
func currentTestFilter() -> String? {
  guard let name = Test.current?.name else { return nil }
  let base = name.split(separator: "(", maxSplits: 1).first.map(String.init) ?? name
  return base.isEmpty ? nil : base
}
