/// How often each label was attached to the passing cases of a run.
public struct LabelStatistics: Sendable, Hashable {
  /// The number of passing cases.
  public var cases: Int
  /// The number of passing cases carrying each label.
  public var counts: [String: Int]

  /// Creates statistics.
  /// - Parameters:
  ///   - cases: The number of passing cases.
  ///   - counts: The number of cases per label.
  public init(cases: Int = 0, counts: [String: Int] = [:]) {
    self.cases = cases
    self.counts = counts
  }

  /// Records one passing case and its labels.
  /// - Parameters:
  ///   - labels: The distinct labels of the case.
  public mutating func record(labels: some Sequence<String>) {
    cases += 1
    for label in labels { counts[label, default: 0] += 1 }
  }

  /// The share of passing cases carrying a label.
  /// - Parameters:
  ///   - label: The label.
  /// - Returns: The share in percent, `0` when no case passed.
  public func percent(of label: String) -> Double {
    cases == 0 ? 0 : Double(counts[label, default: 0]) * 100 / Double(cases)
  }

  /// The requirements these statistics do not meet.
  /// - Parameters:
  ///   - requirements: The requirements to check.
  /// - Returns: The unmet requirements, in the given order.
  public func unmet(_ requirements: [CoverageRequirement]) -> [CoverageRequirement] {
    requirements.filter { percent(of: $0.label) < $0.atLeastPercent }
  }

  /// Renders a table of labels with their counts, shares and requirements.
  ///
  /// Labels appear by decreasing count, then required labels that never occurred; unmet
  /// requirements are marked `UNMET`.
  /// - Parameters:
  ///   - requirements: The requirements to show next to the labels.
  /// - Returns: A multi-line table.
  public func table(requirements: [CoverageRequirement] = []) -> String {
    var required: [String: Double] = [:]
    for requirement in requirements {
      required[requirement.label] = max(
        required[requirement.label] ?? 0, requirement.atLeastPercent)
    }
    var labels = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    labels += required.keys.filter { counts[$0] == nil }.sorted()
    let width = max(5, labels.map(\.count).max() ?? 0)
    var lines = [
      pad("label", width) + "  " + padLeft("count", 7) + "  " + padLeft("%", 7) + "  "
        + padLeft("required", 8)
    ]
    for label in labels {
      let count = counts[label, default: 0]
      var line =
        pad(label, width) + "  " + padLeft(String(count), 7) + "  "
        + padLeft(LabelStatistics.formatPercent(percent(of: label)), 7)
      if let minimum = required[label] {
        line += "  " + padLeft(LabelStatistics.formatPercent(minimum), 8)
        if percent(of: label) < minimum { line += "  UNMET" }
      }
      lines.append(line)
    }
    lines.append("(\(cases) passing cases)")
    return lines.joined(separator: "\n")
  }

  /// Formats a percentage with one decimal, such as `"12.5%"`.
  /// - Parameters:
  ///   - value: The percentage.
  /// - Returns: The formatted text.
  static func formatPercent(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  private func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
