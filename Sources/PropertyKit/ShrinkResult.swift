/// The outcome of shrinking a failing choice sequence.
public struct ShrinkResult: Sendable, Hashable {
  /// Why shrinking stopped.
  public enum StopReason: Sendable, Hashable {
    /// A full round of passes made no progress: the result is locally minimal.
    case converged
    /// The maximum number of candidate evaluations was reached.
    case evaluationBudget
    /// The time budget ran out.
    case timeBudget
  }

  /// The simplest failing sequence found.
  public var sequence: ChoiceSequence
  /// The number of accepted candidates (successful shrink steps).
  public var steps: Int
  /// The number of candidates evaluated by the "still fails?" predicate.
  public var evaluations: Int
  /// Why shrinking stopped.
  public var stopReason: StopReason

  /// Creates a result.
  /// - Parameters:
  ///   - sequence: The simplest failing sequence.
  ///   - steps: The number of accepted candidates.
  ///   - evaluations: The number of evaluated candidates.
  ///   - stopReason: Why shrinking stopped.
  public init(sequence: ChoiceSequence, steps: Int, evaluations: Int, stopReason: StopReason) {
    self.sequence = sequence
    self.steps = steps
    self.evaluations = evaluations
    self.stopReason = stopReason
  }
}
