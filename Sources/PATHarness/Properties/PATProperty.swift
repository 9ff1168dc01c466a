import PATModel
import PropertyKit

/// One property of the harness, ready to run in `swift test`, in a campaign or under a fuzzer:
/// its name, what it checks, its coverage requirements, and the typed check behind them.
public struct PATProperty: Sendable {
  /// The stable name, used in reports, replay tokens and corpus origins.
  public let name: String
  /// What the property checks, in one sentence.
  public let summary: String
  /// The coverage the default run must reach.
  public let coverage: [CoverageRequirement]
  private let runBody:
    @Sendable (PropertyConfiguration, (@Sendable (any Error) -> Bool)?) -> PATPropertyOutcome
  private let bytesBody: @Sendable ([UInt8]) throws -> Void
  private let caseBody: @Sendable ([UInt8]) -> GeneratedCase?

  /// Creates a property over a generator.
  ///
  /// - Parameters:
  ///   - name: The stable name.
  ///   - summary: What it checks.
  ///   - coverage: The coverage the default run must reach.
  ///   - generator: The generator of inputs.
  ///   - asCase: Turns an input into a payload case, for properties over payloads.
  ///   - isSameFailure: Keeps shrinking within one class of failure; any failure by default.
  ///   - property: The check; throws on failure and labels each case.
  public init<Value>(
    name: String, summary: String, coverage: [CoverageRequirement] = [],
    generator: Gen<Value>, asCase: (@Sendable (Value) -> GeneratedCase?)? = nil,
    isSameFailure: (@Sendable (any Error, any Error) -> Bool)? = nil,
    property: @escaping @Sendable (Value, PropertyContext) throws -> Void
  ) {
    self.name = name
    self.summary = summary
    self.coverage = coverage
    self.runBody = { configuration, isKnownFailure in
      var configuration = configuration
      configuration.coverage += coverage
      if let isSameFailure { configuration.isSameFailure = isSameFailure }
      let result = PropertyRunner(configuration: configuration).check(name, generator) {
        value, context in
        do {
          try property(value, context)
        } catch {
          // A failure already reported is not shrunk again; shrinking (no case index) still
          // sees every failure.
          guard context.caseIndex != nil, let isKnownFailure, isKnownFailure(error) else {
            throw error
          }
          context.label("known finding")
        }
      }
      var failingCase: GeneratedCase?
      if let counterexample = result.counterexample, let asCase,
        let value = try? generator.generate(replaying: counterexample.sequence.choices).value
      {
        failingCase = asCase(value)
      }
      // A service's findings are judged in the context the service really had (its clock,
      // the tokens it holds), which the generated value does not know.
      if let judged = (result.counterexample?.error as? SUTFinding)?.judgedCase {
        failingCase = judged
      }
      return PATPropertyOutcome(property: name, result: result, failingCase: failingCase)
    }
    self.bytesBody = { bytes in
      guard let value = try? generator.generate(fromBytes: bytes).value else { return }
      try property(value, PropertyContext())
    }
    self.caseBody = { bytes in
      guard let asCase, let generated = try? generator.generate(fromBytes: bytes) else {
        return nil
      }
      func fails(_ value: Value) -> Bool {
        (try? property(value, PropertyContext())) == nil
      }
      guard fails(generated.value) else { return asCase(generated.value) }
      // A fuzzer minimizes bytes, not choices; shrink the choices the bytes made, so the
      // case is as small as one the runner would report.
      let shrunk = Shrinker().shrink(generated.sequence, generator: generator, stillFails: fails)
      let value = (try? generator.generate(replaying: shrunk.sequence.choices).value)
      return asCase(value ?? generated.value)
    }
  }

  /// Runs the property with a configuration (its own coverage requirements are added).
  ///
  /// - Parameters:
  ///   - configuration: Cases, seed, clock, budgets.
  ///   - isKnownFailure: Recognizes failures already reported, which then count as passing
  ///     cases labelled `known finding` instead of being shrunk again.
  /// - Returns: The result, with the shrunk failing payload case when there is one.
  public func run(
    _ configuration: PropertyConfiguration,
    isKnownFailure: (@Sendable (any Error) -> Bool)? = nil
  ) -> PATPropertyOutcome {
    runBody(configuration, isKnownFailure)
  }

  /// Checks the property once on the value a fuzzer's bytes generate.
  ///
  /// - Parameter bytes: The fuzzer's input; when it runs out, draws take their simplest value.
  /// - Throws: The property's failure.
  public func check(fuzzerInput bytes: [UInt8]) throws {
    try bytesBody(bytes)
  }

  /// The payload case a fuzzer's bytes generate, for properties over payloads, shrunk when
  /// the property fails on it.
  ///
  /// It is the case ``check(fuzzerInput:)`` checks, or, when that case fails, the smallest
  /// failing case the shrinker finds from it, so a fuzzer's crash input becomes a minimal
  /// corpus case.
  ///
  /// - Parameter bytes: The fuzzer's input.
  /// - Returns: The case, or `nil` when the property is not over payloads or the bytes
  ///   generate no value.
  public func generatedCase(fuzzerInput bytes: [UInt8]) -> GeneratedCase? {
    caseBody(bytes)
  }
}

/// The result of running one ``PATProperty``.
public struct PATPropertyOutcome: Sendable {
  /// The property's name.
  public var property: String
  /// The engine's result: cases, statistics, counterexample or health-check failure.
  public var result: PropertyResult
  /// The shrunk failing case, for properties over payloads.
  public var failingCase: GeneratedCase?
}
