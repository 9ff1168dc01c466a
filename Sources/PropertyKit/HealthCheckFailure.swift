/// A run that cannot be trusted even though no case failed.
public enum HealthCheckFailure: Sendable, Hashable, CustomStringConvertible {
  /// More cases were discarded (by filters or assumptions) than the discard ratio allows.
  case tooManyDiscards(discards: Int, passed: Int, maxRatio: Int, lastReason: String)
  /// Generating a value took longer on average than the threshold.
  case generationTooSlow(mean: Duration, threshold: Duration, cases: Int)
  /// The run passed, but none of the labels its coverage requirements name ever occurred.
  case requiredLabelsNeverReached(labels: [String], cases: Int)

  /// A human-readable explanation with a hint.
  public var description: String {
    switch self {
    case .tooManyDiscards(let discards, let passed, let maxRatio, let lastReason):
      return "health check failed: \(discards) cases discarded for \(passed) passing "
        + "(more than \(maxRatio) per required case; last reason: \(lastReason)). "
        + "Generate valid values directly instead of filtering them."
    case .generationTooSlow(let mean, let threshold, let cases):
      return "health check failed: generating a value took \(mean) on average over \(cases) "
        + "cases (threshold \(threshold)). Make the generator cheaper or smaller."
    case .requiredLabelsNeverReached(let labels, let cases):
      return "health check failed: \(cases) cases passed but none carried any required label "
        + "(\(labels.joined(separator: ", "))). The property never reached the code it "
        + "claims to cover."
    }
  }
}
