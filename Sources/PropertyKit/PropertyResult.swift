/// The outcome of checking one property.
public struct PropertyResult: Sendable {
  /// How a run ended.
  public enum Outcome: Sendable {
    /// Every case passed and every requirement was met.
    case passed
    /// A case failed; the counterexample is shrunk.
    case failed(Counterexample)
    /// Every case passed, but some coverage requirements were not met.
    case coverageNotMet([CoverageRequirement])
    /// A health check failed.
    case healthCheckFailed(HealthCheckFailure)
    /// The configuration or environment was unusable (for example a malformed seed).
    case invalidConfiguration(String)
    /// The run was told to stop (``PropertyConfiguration/shouldStop``) before its cases were
    /// done; no case failed, and the statistics cover the cases run.
    case stopped
  }

  /// What happened to a `PATFUZZ_REPLAY` token.
  public enum ReplayStatus: Sendable, Hashable {
    /// No token was set, or it was for another property.
    case none
    /// The replayed case failed again; the outcome reports it.
    case reproduced
    /// The replayed case passed, so the run continued normally.
    case noLongerFails
  }

  /// The name of the property.
  public var propertyName: String
  /// The seed of the run (always set, also when chosen at random).
  public var seed: UInt64
  /// How the run ended.
  public var outcome: Outcome
  /// What happened to a replay token.
  public var replayStatus: ReplayStatus
  /// The number of passing cases.
  public var casesPassed: Int
  /// The number of discarded cases (filters, assumptions, overruns).
  public var discards: Int
  /// The labels of the passing cases.
  public var statistics: LabelStatistics
  /// The coverage requirements of the run.
  public var requirements: [CoverageRequirement]

  /// Creates a result.
  /// - Parameters:
  ///   - propertyName: The name of the property.
  ///   - seed: The seed of the run.
  ///   - outcome: How the run ended.
  ///   - replayStatus: What happened to a replay token.
  ///   - casesPassed: The number of passing cases.
  ///   - discards: The number of discarded cases.
  ///   - statistics: The labels of the passing cases.
  ///   - requirements: The coverage requirements.
  public init(
    propertyName: String, seed: UInt64, outcome: Outcome, replayStatus: ReplayStatus,
    casesPassed: Int, discards: Int, statistics: LabelStatistics,
    requirements: [CoverageRequirement]
  ) {
    self.propertyName = propertyName
    self.seed = seed
    self.outcome = outcome
    self.replayStatus = replayStatus
    self.casesPassed = casesPassed
    self.discards = discards
    self.statistics = statistics
    self.requirements = requirements
  }

  /// Whether the run passed.
  public var isSuccess: Bool {
    if case .passed = outcome { return true }
    return false
  }

  /// The counterexample, if a case failed.
  public var counterexample: Counterexample? {
    if case .failed(let counterexample) = outcome { return counterexample }
    return nil
  }

  /// The failed health check, if any.
  public var healthCheckFailure: HealthCheckFailure? {
    if case .healthCheckFailed(let failure) = outcome { return failure }
    return nil
  }

  /// The table of labels, counts, shares and requirements.
  public var statisticsTable: String {
    statistics.table(requirements: requirements)
  }

  /// A human-readable account of the run, suitable for a test failure message.
  public var message: String {
    switch outcome {
    case .passed:
      return "Property '\(propertyName)' passed \(casesPassed) cases "
        + "(\(discards) discarded, seed \(seed))."
    case .failed(let counterexample):
      return counterexample.report
    case .coverageNotMet(let unmet):
      let list = unmet.map(\.description).joined(separator: ", ")
      return "Property '\(propertyName)' passed \(casesPassed) cases but coverage was not met "
        + "(\(list); seed \(seed)):\n\(statisticsTable)"
    case .healthCheckFailed(let failure):
      return "Property '\(propertyName)' (seed \(seed)): \(failure)"
    case .invalidConfiguration(let reason):
      return "Property '\(propertyName)' could not run: \(reason)"
    case .stopped:
      return "Property '\(propertyName)' was stopped after \(casesPassed) passing cases "
        + "(\(discards) discarded, seed \(seed))."
    }
  }
}
