/// Checks properties over generated cases, shrinks failures and reports them with a replay.
///
/// A run:
/// 1. picks its seed (`PATFUZZ_SEED`, else the configured seed, else a random one) and always
///    logs it;
/// 2. if `PATFUZZ_REPLAY` holds a token for this property, runs that exact case first; if it
///    still fails the run reports it at once, otherwise it notes that and continues;
/// 3. runs up to ``PropertyConfiguration/cases`` passing cases, case `i` drawing from a source
///    seeded by ``PropertySeed/caseSeed(runSeed:caseIndex:)``;
/// 4. on a failure, shrinks it and reports the counterexample with its replay line;
/// 5. otherwise applies the health checks and the coverage requirements.
public struct PropertyRunner: Sendable {
  /// The settings of every run.
  public var configuration: PropertyConfiguration

  /// Creates a runner.
  /// - Parameters:
  ///   - configuration: The settings of every run.
  public init(configuration: PropertyConfiguration = PropertyConfiguration()) {
    self.configuration = configuration
  }

  /// Checks a property that fails by throwing.
  /// - Parameters:
  ///   - name: The property's name, used in reports and replay tokens.
  ///   - generator: The generator of cases.
  ///   - describe: Describes a counterexample; `String(describing:)` by default.
  ///   - property: The property; any thrown error fails the case, except a
  ///     ``GenerationError``, which discards it.
  /// - Returns: The result of the run.
  public func check<Value>(
    _ name: String,
    _ generator: Gen<Value>,
    describe: ((Value) -> String)? = nil,
    _ property: (Value) throws -> Void
  ) -> PropertyResult {
    check(name, generator, describe: describe) { value, _ in try property(value) }
  }

  /// Checks a property that receives a per-case context for labels, notes and assumptions.
  /// - Parameters:
  ///   - name: The property's name, used in reports and replay tokens.
  ///   - generator: The generator of cases.
  ///   - describe: Describes a counterexample; `String(describing:)` by default.
  ///   - property: The property; any thrown error fails the case, except a
  ///     ``GenerationError``, which discards it.
  /// - Returns: The result of the run.
  public func check<Value>(
    _ name: String,
    _ generator: Gen<Value>,
    describe: ((Value) -> String)? = nil,
    _ property: (Value, PropertyContext) throws -> Void
  ) -> PropertyResult {
    withoutActuallyEscaping(property) { property in
      var run = PropertyRun(
        name: name, generator: generator, configuration: configuration,
        describe: describe ?? { String(describing: $0) }, property: property)
      return run.execute()
    }
  }
}

/// The state of one run of one property.
private struct PropertyRun<Value> {
  let name: String
  let generator: Gen<Value>
  let configuration: PropertyConfiguration
  let describe: (Value) -> String
  let property: (Value, PropertyContext) throws -> Void

  var seed: UInt64 = 0
  var replayStatus: PropertyResult.ReplayStatus = .none
  var passed = 0
  var discards = 0
  var lastDiscardReason = ""
  var statistics = LabelStatistics()

  /// Evaluates one value; returns the failure's error, or `nil` for a pass.
  enum Evaluation {
    case passed(PropertyContext)
    case discarded(String)
    case failed(any Error, PropertyContext)
  }

  init(
    name: String, generator: Gen<Value>, configuration: PropertyConfiguration,
    describe: @escaping (Value) -> String,
    property: @escaping (Value, PropertyContext) throws -> Void
  ) {
    self.name = name
    self.generator = generator
    self.configuration = configuration
    self.describe = describe
    self.property = property
  }

  func result(_ outcome: PropertyResult.Outcome) -> PropertyResult {
    PropertyResult(
      propertyName: name, seed: seed, outcome: outcome, replayStatus: replayStatus,
      casesPassed: passed, discards: discards, statistics: statistics,
      requirements: configuration.coverage)
  }

  func evaluate(_ value: Value, caseIndex: Int?) -> Evaluation {
    let context = PropertyContext(caseIndex: caseIndex)
    do {
      try property(value, context)
      return .passed(context)
    } catch let error as GenerationError {
      return .discarded(error.description)
    } catch {
      return .failed(error, context)
    }
  }

  mutating func execute() -> PropertyResult {
    let environment = configuration.environment
    if let text = environment[PropertyEnvironment.seedVariable] {
      guard let parsed = PropertySeed.parse(text) else {
        return result(
          .invalidConfiguration(
            "\(PropertyEnvironment.seedVariable)='\(text)' is not a decimal or 0x-hex UInt64"))
      }
      seed = parsed
    } else {
      seed = configuration.seed ?? PropertySeed.random()
    }
    configuration.log(
      "[PropertyKit] \(name): seed \(seed) "
        + "(\(PropertyEnvironment.seedVariable)=\(seed) reruns this property's cases)")

    if let text = environment[PropertyEnvironment.replayVariable] {
      if let token = ReplayToken(text) {
        if token.propertyName == name, let failure = replay(token) {
          return failure
        }
      } else if text.hasPrefix(name + "@") {
        return result(
          .invalidConfiguration(
            "\(PropertyEnvironment.replayVariable) holds a malformed replay token: \(text)"))
      } else {
        configuration.log(
          "[PropertyKit] ignoring malformed \(PropertyEnvironment.replayVariable): \(text)")
      }
    }
    return runCases()
  }

  /// Runs the token's case; returns a result if it still fails.
  mutating func replay(_ token: ReplayToken) -> PropertyResult? {
    let source = ChoiceSource(replaying: token.choices, maxChoices: configuration.maxChoices)
    let value: Value
    do {
      value = try generator.generate(from: source)
    } catch {
      configuration.log(
        "[PropertyKit] \(name): the replay token no longer generates a value (\(error)); "
          + "continuing with a normal run")
      replayStatus = .noLongerFails
      return nil
    }
    guard case .failed(let error, let context) = evaluate(value, caseIndex: nil) else {
      configuration.log(
        "[PropertyKit] \(name): the replayed case no longer fails; continuing with a normal run")
      replayStatus = .noLongerFails
      return nil
    }
    replayStatus = .reproduced
    let shrink = ShrinkResult(
      sequence: source.sequence, steps: 0, evaluations: 0, stopReason: .converged)
    let description = describe(value)
    let counterexample = Counterexample(
      propertyName: name, value: description, originalValue: description, error: error,
      notes: context.notes, seed: token.seed, caseIndex: token.caseIndex, casesTried: 1,
      shrink: shrink, replayLine: replayLine(for: token), isReplay: true)
    return result(.failed(counterexample))
  }

  func replayLine(for token: ReplayToken) -> String {
    token.replayLine(command: configuration.replayCommand, filter: configuration.replayFilter)
  }

  mutating func discard(_ reason: String) {
    discards += 1
    lastDiscardReason = reason
  }

  var discardLimit: Int {
    let (limit, overflow) = configuration.maxDiscardRatio.multipliedReportingOverflow(
      by: max(configuration.cases, 1))
    return overflow ? .max : limit
  }

  mutating func runCases() -> PropertyResult {
    let clock = configuration.clock
    let start = clock.now()
    var caseIndex = configuration.firstCaseIndex
    var generated = 0
    var generationTime = Duration.zero
    while passed < configuration.cases {
      if let budget = configuration.timeBudget, clock.now() - start >= budget { break }
      if let shouldStop = configuration.shouldStop, shouldStop() { return result(.stopped) }
      let index = caseIndex
      caseIndex += 1
      let source = ChoiceSource(
        seed: PropertySeed.caseSeed(runSeed: seed, caseIndex: index), caseIndex: index,
        maxChoices: configuration.maxChoices)
      let before = clock.now()
      let generatedValue: Value?
      do {
        generatedValue = try generator.generate(from: source)
      } catch {
        generatedValue = nil
        discard("\(error)")
      }
      generationTime += clock.now() - before
      generated += 1
      if let failure = slowGeneration(total: generationTime, generated: generated, final: false) {
        return result(.healthCheckFailed(failure))
      }
      if let value = generatedValue {
        switch evaluate(value, caseIndex: index) {
        case .passed(let context):
          passed += 1
          statistics.record(labels: context.labels)
        case .discarded(let reason):
          discard(reason)
        case .failed(let error, let context):
          return result(
            .failed(
              shrinkFailure(
                value: value, sequence: source.sequence, error: error, context: context,
                caseIndex: index)))
        }
      }
      if discards > discardLimit {
        return result(.healthCheckFailed(tooManyDiscards()))
      }
    }
    if let failure = slowGeneration(total: generationTime, generated: generated, final: true) {
      return result(.healthCheckFailed(failure))
    }
    if passed == 0 && discards > 0 {
      return result(.healthCheckFailed(tooManyDiscards()))
    }
    if configuration.printStatistics {
      let table = statistics.table(requirements: configuration.coverage)
      configuration.log("[PropertyKit] \(name) statistics:\n\(table)")
    }
    return coverageOutcome()
  }

  func tooManyDiscards() -> HealthCheckFailure {
    .tooManyDiscards(
      discards: discards, passed: passed, maxRatio: configuration.maxDiscardRatio,
      lastReason: lastDiscardReason)
  }

  func slowGeneration(total: Duration, generated: Int, final: Bool) -> HealthCheckFailure? {
    guard let threshold = configuration.slowGenerationThreshold, generated > 0 else { return nil }
    guard final || generated >= configuration.slowGenerationMinimumCases else { return nil }
    let mean = total / generated
    guard mean > threshold else { return nil }
    return .generationTooSlow(mean: mean, threshold: threshold, cases: generated)
  }

  func coverageOutcome() -> PropertyResult {
    let requirements = configuration.coverage
    guard !requirements.isEmpty else { return result(.passed) }
    let labels = requirements.map(\.label)
    if passed > 0 && labels.allSatisfy({ statistics.counts[$0, default: 0] == 0 }) {
      return result(
        .healthCheckFailed(.requiredLabelsNeverReached(labels: labels, cases: passed)))
    }
    let unmet = statistics.unmet(requirements)
    return unmet.isEmpty ? result(.passed) : result(.coverageNotMet(unmet))
  }

  func shrinkFailure(
    value: Value, sequence: ChoiceSequence, error: any Error, context: PropertyContext,
    caseIndex: Int
  ) -> Counterexample {
    let originalDescription = describe(value)
    var best = (
      choices: sequence.choices, value: originalDescription, error: error, notes: context.notes
    )
    let shrinker = Shrinker(
      configuration: Shrinker.Configuration(
        maxEvaluations: configuration.maxShrinkEvaluations,
        timeBudget: configuration.shrinkTimeBudget,
        clock: configuration.clock))
    let isSameFailure = configuration.isSameFailure
    let maxChoices = configuration.maxChoices
    let shrink = shrinker.shrink(sequence) { candidate in
      let source = ChoiceSource(replaying: candidate, maxChoices: maxChoices)
      guard let candidateValue = try? generator.generate(from: source) else { return nil }
      guard
        case .failed(let candidateError, let candidateContext) = evaluate(
          candidateValue, caseIndex: nil)
      else { return nil }
      if let isSameFailure, !isSameFailure(error, candidateError) { return nil }
      let recorded = source.sequence
      if ChoiceSequence.shortlexPrecedes(recorded.choices, best.choices) {
        best = (recorded.choices, describe(candidateValue), candidateError, candidateContext.notes)
      }
      return recorded
    }
    let token = ReplayToken(
      propertyName: name, seed: seed, caseIndex: caseIndex, choices: shrink.sequence.choices)
    return Counterexample(
      propertyName: name, value: best.value, originalValue: originalDescription,
      error: best.error, notes: best.notes, seed: seed, caseIndex: caseIndex,
      casesTried: passed + 1, shrink: shrink, replayLine: replayLine(for: token),
      isReplay: false)
  }
}
