import PATModel

/// Checks corpus cases against the reference model through every decoding path.
public enum CorpusReplay {
  /// What one path gave for a case that it should not have.
  public struct Mismatch: Hashable, Sendable, CustomStringConvertible {
    /// The path.
    public var path: DecodingPath
    /// What the path gave.
    public var actual: Expectation
    /// The violations behind it.
    public var violations: [Violation]

    public var description: String { "\(path.rawValue): \(actual)" }
  }

  /// The outcome of one case.
  public struct Outcome: Hashable, Sendable {
    /// The paths that applied to the case.
    public var pathsRun: [DecodingPath]
    /// The paths whose verdict differed from the expectation; empty when the case holds.
    public var mismatches: [Mismatch]

    /// Whether every path gave the expected verdict.
    public var holds: Bool { mismatches.isEmpty }
  }

  /// Runs one case through every path that applies.
  ///
  /// - Parameter corpusCase: The case.
  /// - Returns: Which paths ran and which disagreed with the expectation.
  public static func check(_ corpusCase: CorpusCase) -> Outcome {
    var outcome = Outcome(pathsRun: [], mismatches: [])
    for (path, verdict) in DecodingPath.verdicts(
      for: corpusCase.payload, context: corpusCase.context)
    {
      outcome.pathsRun.append(path)
      let actual = Expectation(verdict)
      if actual != corpusCase.expectation {
        outcome.mismatches.append(
          Mismatch(path: path, actual: actual, violations: verdict.violations))
      }
    }
    return outcome
  }
}
