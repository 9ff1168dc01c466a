/// A requirement that a label is attached to at least a given share of a run's cases.
///
/// Like QuickCheck's `cover` with `checkCoverage`: a run whose passing cases carry the label
/// less often than required fails with a table of what was generated.
public struct CoverageRequirement: Sendable, Hashable, CustomStringConvertible {
  /// The label, as passed to ``PropertyContext/label(_:)`` or ``PropertyContext/classify(_:_:)``.
  public var label: String
  /// The minimum share of passing cases, in percent (0 to 100).
  public var atLeastPercent: Double

  /// Creates a requirement.
  /// - Parameters:
  ///   - label: The label to count.
  ///   - atLeastPercent: The minimum share of passing cases, in percent.
  public init(label: String, atLeastPercent: Double) {
    precondition((0...100).contains(atLeastPercent), "coverage percentages lie in 0...100")
    self.label = label
    self.atLeastPercent = atLeastPercent
  }

  /// A readable form such as `"empty >= 5%"`.
  public var description: String {
    "\(label) >= \(LabelStatistics.formatPercent(atLeastPercent))"
  }
}
