import PropertyKit

/// The settings of a fuzzing campaign.
public struct CampaignConfiguration: Sendable {
  /// When a campaign stops on its own.
  public enum Budget: Sendable, Hashable {
    /// After this many cases in all.
    case cases(Int)
    /// After this much time on the campaign's clock.
    case seconds(Double)
  }

  /// When the campaign stops on its own.
  public var budget: Budget
  /// The campaign seed; each worker and batch derives its own from it.
  public var seed: UInt64
  /// The number of workers (threads), each with disjoint derived seeds.
  public var jobs: Int
  /// Stop after this many distinct findings; `nil` for no limit.
  public var maxFindings: Int?
  /// Cases per batch: a worker runs one property for a batch, then the next property.
  public var batchSize: Int
  /// Where findings are written (`findings/` under it); `nil` writes nothing.
  public var corpus: CorpusStore?
  /// The name of the run in findings' origin (`fuzz <run>`).
  public var runName: String
  /// The command line that replays a finding, before `--replay TOKEN`.
  public var replayCommand: String
  /// The clock for the time budget, throughput and shrink budgets.
  public var clock: any PropertyClock
  /// The maximum time spent shrinking one finding.
  public var shrinkTimeBudget: Duration?
  /// The maximum candidates evaluated while shrinking one finding.
  public var maxShrinkEvaluations: Int
  /// Asked before each case: `true` stops the campaign, which then reports
  /// ``Campaign/StopReason/aborted`` (the code under test cannot be used any more); `nil`
  /// never stops it.
  public var shouldStop: (@Sendable () -> Bool)?

  /// Creates a configuration.
  public init(
    budget: Budget, seed: UInt64, jobs: Int = 1, maxFindings: Int? = nil, batchSize: Int = 500,
    corpus: CorpusStore? = nil, runName: String = "campaign",
    replayCommand: String = "patfuzz fuzz",
    clock: any PropertyClock = SystemPropertyClock(), shrinkTimeBudget: Duration? = .seconds(60),
    maxShrinkEvaluations: Int = 5000, shouldStop: (@Sendable () -> Bool)? = nil
  ) {
    self.budget = budget
    self.seed = seed
    self.jobs = jobs
    self.maxFindings = maxFindings
    self.batchSize = batchSize
    self.corpus = corpus
    self.runName = runName
    self.replayCommand = replayCommand
    self.clock = clock
    self.shrinkTimeBudget = shrinkTimeBudget
    self.maxShrinkEvaluations = maxShrinkEvaluations
    self.shouldStop = shouldStop
  }
}
