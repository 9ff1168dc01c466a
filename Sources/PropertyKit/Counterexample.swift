/// A failing case of a property, after shrinking, with everything needed to replay it.
public struct Counterexample: Sendable {
  /// The name of the property.
  public var propertyName: String
  /// The description of the shrunk failing value.
  public var value: String
  /// The description of the failing value as first found, before shrinking.
  public var originalValue: String
  /// The error the property threw for the shrunk value.
  public var error: any Error
  /// The notes the property attached while failing on the shrunk value.
  public var notes: [String]
  /// The seed of the run.
  public var seed: UInt64
  /// The index of the case that first failed.
  public var caseIndex: Int
  /// The number of cases run, including the failing one (discarded cases excluded).
  public var casesTried: Int
  /// The number of accepted shrink steps.
  public var shrinkSteps: Int
  /// The number of candidates the shrinker evaluated.
  public var shrinkEvaluations: Int
  /// Why shrinking stopped.
  public var shrinkStopReason: ShrinkResult.StopReason
  /// The shrunk choice sequence.
  public var sequence: ChoiceSequence
  /// The token that replays the shrunk case.
  public var replayToken: ReplayToken
  /// A shell line that replays the shrunk case first.
  public var replayLine: String
  /// Whether this failure was reproduced from a `PATFUZZ_REPLAY` token.
  public var isReplay: Bool

  /// Creates a counterexample.
  /// - Parameters:
  ///   - propertyName: The name of the property.
  ///   - value: The description of the shrunk value.
  ///   - originalValue: The description of the value before shrinking.
  ///   - error: The error thrown for the shrunk value.
  ///   - notes: The notes attached for the shrunk value.
  ///   - seed: The seed of the run.
  ///   - caseIndex: The index of the failing case.
  ///   - casesTried: The number of cases run.
  ///   - shrink: The result of shrinking.
  ///   - replayLine: A shell line that replays the case.
  ///   - isReplay: Whether the failure came from a replay token.
  public init(
    propertyName: String, value: String, originalValue: String, error: any Error,
    notes: [String], seed: UInt64, caseIndex: Int, casesTried: Int, shrink: ShrinkResult,
    replayLine: String, isReplay: Bool
  ) {
    self.propertyName = propertyName
    self.value = value
    self.originalValue = originalValue
    self.error = error
    self.notes = notes
    self.seed = seed
    self.caseIndex = caseIndex
    self.casesTried = casesTried
    self.shrinkSteps = shrink.steps
    self.shrinkEvaluations = shrink.evaluations
    self.shrinkStopReason = shrink.stopReason
    self.sequence = shrink.sequence
    self.replayToken = ReplayToken(
      propertyName: propertyName, seed: seed, caseIndex: caseIndex,
      choices: shrink.sequence.choices)
    self.replayLine = replayLine
    self.isReplay = isReplay
  }

  /// A multi-line report: counterexample, error, notes, seed, shrinking and the replay line.
  public var report: String {
    var lines: [String] = []
    if isReplay {
      lines.append(
        "Property '\(propertyName)' failed on the replayed case "
          + "(seed \(seed), case \(caseIndex)).")
    } else {
      let noun = casesTried == 1 ? "case" : "cases"
      lines.append(
        "Property '\(propertyName)' failed after \(casesTried) \(noun) "
          + "(seed \(seed), case \(caseIndex)).")
    }
    lines.append("Counterexample: \(value)")
    lines.append("Error: \(error)")
    for note in notes { lines.append("Note: \(note)") }
    if !isReplay {
      let reason = shrinkStopReason == .converged ? "" : " (stopped: \(shrinkStopReason))"
      lines.append(
        "Shrunk in \(shrinkSteps) steps (\(shrinkEvaluations) evaluations)\(reason) "
          + "from: \(originalValue)")
    }
    lines.append("Replay: \(replayLine)")
    lines.append("Rerun the whole run: \(PropertyEnvironment.seedVariable)=\(seed)")
    return lines.joined(separator: "\n")
  }
}
