/// What a fuzz target found: a one-line summary and the details to reproduce it.
public struct FuzzFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The marker that starts the first line of every report, so scripts can find it in
  /// libFuzzer's output.
  public static let marker = "==PATFuzz=="

  /// The target that found it.
  public var target: FuzzTarget
  /// What went wrong, in one line.
  public var summary: String
  /// The payload, the context and the verdicts, one per line.
  public var details: [String]

  /// Creates a failure.
  public init(target: FuzzTarget, summary: String, details: [String]) {
    self.target = target
    self.summary = summary
    self.details = details
  }

  /// The first line of the report: the marker, the target and the summary.
  public var headline: String {
    "\(Self.marker) \(target.rawValue): \(summary.split(separator: "\n").first ?? "")"
  }

  /// The whole report, ending with a newline.
  public var description: String {
    ([headline] + details.map { "  " + $0 }).joined(separator: "\n") + "\n"
  }
}
