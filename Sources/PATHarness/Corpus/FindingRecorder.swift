import PATModel
import PropertyKit

/// Turns a shrunk property failure into a corpus case under `findings/`.
public enum FindingRecorder {
  /// The environment variable that lets `swift test` write findings into a corpus folder
  /// (`1` for the package's `corpus`, or a folder path). Unset, tests never write.
  public static let environmentVariable = "PATFUZZ_WRITE_CORPUS"

  /// Writes the failing case of an outcome into a corpus, with the reference verdict as its
  /// expectation.
  ///
  /// - Parameters:
  ///   - outcome: The property's outcome.
  ///   - store: The corpus.
  ///   - origin: Where the case came from (`property <name> seed <s>`, `fuzz <run>`).
  /// - Returns: The relative path written, or `nil` when the outcome has no payload case.
  /// - Throws: A file-system error.
  @discardableResult
  public static func record(
    _ outcome: PATPropertyOutcome, in store: CorpusStore, origin: String
  ) throws -> String? {
    guard let failing = outcome.failingCase, let counterexample = outcome.result.counterexample
    else { return nil }
    let reason = "\(counterexample.error)".split(separator: "\n").first.map(String.init) ?? ""
    let corpusCase = failing.corpusCase(
      note: "property \(outcome.property) failed: \(reason)", origin: origin)
    return try store.write(corpusCase, theme: "findings").relativePath
  }
}
