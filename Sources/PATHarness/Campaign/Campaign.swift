import Foundation
import PATModel
import PropertyKit
import Synchronization

/// A fuzzing campaign: runs properties in batches on several workers until the budget is spent,
/// the finding limit is reached or it is told to stop; shrinks, de-duplicates and records every
/// finding as it comes.
public final class Campaign: Sendable {
  /// What stopped a campaign.
  public enum StopReason: String, Sendable {
    case budget
    case maxFindings
    case interrupted
    /// The configuration's ``CampaignConfiguration/shouldStop`` asked to stop (the code under
    /// test cannot be used any more, such as a service refusing the credentials).
    case aborted
  }

  /// A snapshot for progress lines.
  public struct Progress: Sendable {
    public var cases: Int
    public var elapsed: Double
    public var labelsSeen: Int
    public var findings: Int
  }

  /// The outcome of a campaign.
  public struct Summary: Sendable {
    public var seed: UInt64
    public var cases: Int
    public var seconds: Double
    public var jobs: Int
    public var findings: [CampaignFinding]
    /// Label counts per property.
    public var statistics: [String: LabelStatistics]
    /// Cases per property.
    public var casesPerProperty: [String: Int]
    /// The properties run, in order, with their coverage requirements.
    public var properties: [(name: String, summary: String, coverage: [CoverageRequirement])]
    /// Engine health-check or coverage problems seen in batches, per property.
    public var problems: [String: String]
    public var stopReason: StopReason

    /// Cases whose verdict the harness could not settle (``PATProperties/inconclusiveLabel``):
    /// run, but neither passed nor failed.
    public var inconclusive: Int {
      statistics.values.reduce(0) { $0 + $1.counts[PATProperties.inconclusiveLabel, default: 0] }
    }

    /// Cases per second per worker.
    public var casesPerSecondPerJob: Double {
      seconds > 0 ? Double(cases) / seconds / Double(max(jobs, 1)) : 0
    }
  }

  private struct State {
    var casesClaimed = 0
    var casesRun = 0
    var findings: [CampaignFinding] = []
    var classes: [String: Int] = [:]
    var statistics: [String: LabelStatistics] = [:]
    var casesPerProperty: [String: Int] = [:]
    var problems: [String: String] = [:]
    var labels = Set<String>()
    var stopReason: StopReason?
  }

  private let properties: [PATProperty]
  private let configuration: CampaignConfiguration
  private let state = Mutex(State())
  private let interrupted = Atomic(false)

  /// Prepares a campaign.
  ///
  /// - Parameters:
  ///   - properties: The properties to run, in turn.
  ///   - configuration: Budget, seed, workers and where findings go.
  public init(properties: [PATProperty], configuration: CampaignConfiguration) {
    precondition(!properties.isEmpty, "a campaign needs at least one property")
    self.properties = properties
    self.configuration = configuration
  }

  /// Asks the campaign to stop after the batches under way (safe from any thread).
  public func interrupt() {
    interrupted.store(true, ordering: .relaxed)
  }

  /// The current progress (safe from any thread).
  public func progress(elapsed: Double) -> Progress {
    state.withLock {
      Progress(
        cases: $0.casesRun, elapsed: elapsed, labelsSeen: $0.labels.count,
        findings: $0.findings.count)
    }
  }

  /// Runs the campaign to its end.
  ///
  /// - Parameter onFinding: Called (on a worker thread) with each new distinct finding, after
  ///   it is written to the corpus.
  /// - Returns: The summary.
  public func run(onFinding: @escaping @Sendable (CampaignFinding) -> Void = { _ in }) -> Summary {
    let start = configuration.clock.now()
    let jobs = max(configuration.jobs, 1)
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
      runWorker(worker, start: start, onFinding: onFinding)
    }
    let seconds = Self.seconds(configuration.clock.now() - start)
    return state.withLock { state in
      Summary(
        seed: configuration.seed, cases: state.casesRun, seconds: seconds, jobs: jobs,
        findings: state.findings, statistics: state.statistics,
        casesPerProperty: state.casesPerProperty,
        properties: properties.map { ($0.name, $0.summary, $0.coverage) },
        problems: state.problems, stopReason: state.stopReason ?? .budget)
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private func runWorker(
    _ worker: Int, start: Duration, onFinding: @Sendable (CampaignFinding) -> Void
  ) {
    let workerSeed = PropertySeed.workerSeed(campaignSeed: configuration.seed, worker: worker)
    var nextCase = [Int](repeating: 0, count: properties.count)
    var batch = 0
    while let cases = claimBatch(start: start) {
      let index = batch % properties.count
      let property = properties[index]
      var settings = PropertyConfiguration()
      settings.cases = cases
      settings.seed = PropertySeed.caseSeed(runSeed: workerSeed, caseIndex: index)
      settings.firstCaseIndex = nextCase[index]
      settings.clock = configuration.clock
      settings.log = { _ in }
      settings.environment = PropertyEnvironment()
      settings.shrinkTimeBudget = configuration.shrinkTimeBudget
      settings.maxShrinkEvaluations = configuration.maxShrinkEvaluations
      settings.slowGenerationThreshold = nil
      settings.shouldStop = { [self] in stopRequested() != nil }
      if case .seconds(let limit) = configuration.budget {
        let left = limit - Self.seconds(configuration.clock.now() - start)
        settings.timeBudget = .milliseconds(Int64(max(left, 0) * 1000))
      }
      let outcome = property.run(settings, isKnownFailure: isKnownFailure)
      let ran = record(outcome, property: property, claimed: cases, onFinding: onFinding)
      nextCase[index] += ran + outcome.result.discards
      batch += 1
    }
  }

  /// Why the campaign must stop now, if it must: an interruption, or the configuration's
  /// ``CampaignConfiguration/shouldStop``.
  ///
  /// - Returns: The reason, or `nil` to go on.
  private func stopRequested() -> StopReason? {
    if interrupted.load(ordering: .relaxed) { return .interrupted }
    if let shouldStop = configuration.shouldStop, shouldStop() { return .aborted }
    return nil
  }

  /// Claims the cases of the next batch, or `nil` when the campaign is over.
  private func claimBatch(start: Duration) -> Int? {
    if let reason = stopRequested() {
      state.withLock { $0.stopReason = $0.stopReason ?? reason }
      return nil
    }
    return state.withLock { state -> Int? in
      if state.stopReason != nil { return nil }
      switch configuration.budget {
      case .cases(let total):
        let left = total - state.casesClaimed
        guard left > 0 else {
          state.stopReason = .budget
          return nil
        }
        let cases = min(left, configuration.batchSize)
        state.casesClaimed += cases
        return cases
      case .seconds(let limit):
        guard Self.seconds(configuration.clock.now() - start) < limit else {
          state.stopReason = .budget
          return nil
        }
        return configuration.batchSize
      }
    }
  }

  /// Whether an error is an implementation finding of a class already reported; counts it.
  private func isKnownFailure(_ error: any Error) -> Bool {
    guard let finding = error as? SUTFinding else { return false }
    return state.withLock { state in
      guard
        let index = state.findings.firstIndex(where: { $0.findingClass == finding.findingClass })
      else { return false }
      state.findings[index].occurrences += 1
      return true
    }
  }

  /// Records a batch's outcome and returns the number of cases it ran.
  @discardableResult
  private func record(
    _ outcome: PATPropertyOutcome, property: PATProperty, claimed: Int,
    onFinding: @Sendable (CampaignFinding) -> Void
  ) -> Int {
    let result = outcome.result
    let ran = result.casesPassed + (result.counterexample == nil ? 0 : 1)
    var finding = CampaignFinding(outcome, replayCommand: configuration.replayCommand)
    let isNew = state.withLock { state -> Bool in
      state.casesRun += ran
      if case .cases = configuration.budget { state.casesClaimed -= claimed - ran }
      state.casesPerProperty[property.name, default: 0] += ran
      var statistics = state.statistics[property.name] ?? LabelStatistics()
      statistics.cases += result.statistics.cases
      for (label, count) in result.statistics.counts {
        statistics.counts[label, default: 0] += count
        state.labels.insert(label)
      }
      state.statistics[property.name] = statistics
      if let problem = result.healthCheckFailure {
        state.problems[property.name] = problem.description
      }
      guard let found = finding else { return false }
      if let index = state.findings.firstIndex(where: { $0.findingClass == found.findingClass }) {
        state.findings[index].occurrences += 1
        return false
      }
      state.classes[found.findingClass] = 1
      return true
    }
    guard isNew, var found = finding else { return ran }
    if let store = configuration.corpus, let failing = outcome.failingCase {
      let corpusCase = failing.corpusCase(
        note: "\(found.property): \(found.message.split(separator: "\n").first ?? "")",
        origin: "fuzz \(configuration.runName)")
      found.corpusPath = try? store.write(corpusCase, theme: "findings").relativePath
    }
    finding = found
    let count = state.withLock { state -> Int in
      state.findings.append(found)
      if let limit = configuration.maxFindings, state.findings.count >= limit {
        state.stopReason = .maxFindings
      }
      return state.findings.count
    }
    _ = count
    onFinding(found)
    return ran
  }
}
