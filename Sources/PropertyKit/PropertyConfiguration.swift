/// The settings of a property run.
public struct PropertyConfiguration: Sendable {
  /// The number of passing cases a run aims for (Hypothesis and QuickCheck use 100).
  public var cases: Int
  /// Stops the run early once this much time has passed on ``clock``; `nil` for no limit.
  ///
  /// For a purely time-bounded run, set ``cases`` to `Int.max`.
  public var timeBudget: Duration?
  /// The run seed; `nil` picks a random one. `PATFUZZ_SEED` overrides both.
  public var seed: UInt64?
  /// Labels that must be attached to at least a share of the passing cases.
  public var coverage: [CoverageRequirement]
  /// The allowed discarded cases per required case before the run fails (QuickCheck's 10).
  public var maxDiscardRatio: Int
  /// The mean generation time above which the run fails; `nil` disables the check.
  public var slowGenerationThreshold: Duration?
  /// The number of generated cases after which slow generation is checked during the run.
  public var slowGenerationMinimumCases: Int
  /// The maximum number of candidates evaluated while shrinking.
  public var maxShrinkEvaluations: Int
  /// The maximum time spent shrinking, on ``clock``; `nil` for no limit.
  public var shrinkTimeBudget: Duration?
  /// The limit on choices per generated value; beyond it the case is discarded.
  public var maxChoices: Int
  /// Whether to log the label statistics table at the end of the run.
  public var printStatistics: Bool
  /// The clock for time budgets and health checks.
  public var clock: any PropertyClock
  /// The environment the run reads `PATFUZZ_SEED` and `PATFUZZ_REPLAY` from.
  public var environment: PropertyEnvironment
  /// Receives the run's log lines (the seed line always; statistics on request).
  public var log: @Sendable (String) -> Void
  /// Decides whether a shrink candidate's error is the same failure as the original one;
  /// `nil` accepts any error.
  public var isSameFailure: (@Sendable (_ original: any Error, _ candidate: any Error) -> Bool)?
  /// The test command shown in replay lines.
  public var replayCommand: String
  /// The `--filter` argument shown in replay lines, if any.
  public var replayFilter: String?
  /// The index of the run's first case. A long campaign that runs a property in batches gives
  /// each batch the next range of indices, so edge-case catalogs are tried once, at the start
  /// of the campaign, not again at the start of every batch.
  public var firstCaseIndex: Int = 0
  /// Asked before each case: when it returns `true` the run ends at once, as
  /// ``PropertyResult/Outcome/stopped``, without health or coverage checks (a campaign that
  /// is being interrupted). `nil` never stops a run early.
  public var shouldStop: (@Sendable () -> Bool)? = nil

  /// Creates a configuration.
  /// - Parameters:
  ///   - cases: The number of passing cases to aim for.
  ///   - timeBudget: The time after which the run stops early.
  ///   - seed: The run seed, or `nil` for a random one.
  ///   - coverage: The coverage requirements.
  ///   - maxDiscardRatio: The allowed discards per required case.
  ///   - slowGenerationThreshold: The mean generation time that fails the run.
  ///   - slowGenerationMinimumCases: The cases generated before slowness is judged.
  ///   - maxShrinkEvaluations: The shrink evaluation budget.
  ///   - shrinkTimeBudget: The shrink time budget.
  ///   - maxChoices: The limit on choices per value.
  ///   - printStatistics: Whether to log the statistics table.
  ///   - clock: The clock for budgets and health checks.
  ///   - environment: The environment to read.
  ///   - log: The sink for log lines.
  ///   - isSameFailure: The failure matcher used while shrinking.
  ///   - replayCommand: The test command shown in replay lines.
  ///   - replayFilter: The filter shown in replay lines.
  public init(
    cases: Int = 100,
    timeBudget: Duration? = nil,
    seed: UInt64? = nil,
    coverage: [CoverageRequirement] = [],
    maxDiscardRatio: Int = 10,
    slowGenerationThreshold: Duration? = .milliseconds(100),
    slowGenerationMinimumCases: Int = 10,
    maxShrinkEvaluations: Int = 10_000,
    shrinkTimeBudget: Duration? = .seconds(30),
    maxChoices: Int = ChoiceSource.defaultMaxChoices,
    printStatistics: Bool = false,
    clock: any PropertyClock = SystemPropertyClock(),
    environment: PropertyEnvironment = .process,
    log: @escaping @Sendable (String) -> Void = { print($0) },
    isSameFailure: (@Sendable (_ original: any Error, _ candidate: any Error) -> Bool)? = nil,
    replayCommand: String = "swift test",
    replayFilter: String? = nil
  ) {
    self.cases = cases
    self.timeBudget = timeBudget
    self.seed = seed
    self.coverage = coverage
    self.maxDiscardRatio = maxDiscardRatio
    self.slowGenerationThreshold = slowGenerationThreshold
    self.slowGenerationMinimumCases = slowGenerationMinimumCases
    self.maxShrinkEvaluations = maxShrinkEvaluations
    self.shrinkTimeBudget = shrinkTimeBudget
    self.maxChoices = maxChoices
    self.printStatistics = printStatistics
    self.clock = clock
    self.environment = environment
    self.log = log
    self.isSameFailure = isSameFailure
    self.replayCommand = replayCommand
    self.replayFilter = replayFilter
  }
}
