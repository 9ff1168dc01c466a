import Foundation
import PATModel
import PropertyKit

/// The machine-readable reports of a campaign: JSON (`--report`) and JUnit XML (`--junit`).
public enum CampaignReport {
  /// The JSON report:
  /// `{"seed", "cases", "inconclusive", "seconds", "jobs", "casesPerSecondPerJob", "stopReason",
  /// "findings": [...], "coverage": {property: {"cases", "labels": {label: count},
  /// "unmet": [label]}}}`.
  ///
  /// - Parameter summary: The campaign's summary.
  /// - Returns: The report.
  public static func json(_ summary: Campaign.Summary) -> JSONValue {
    .object([
      JSONMember(name: "seed", value: .number(String(summary.seed))),
      JSONMember(name: "cases", value: .number(String(summary.cases))),
      JSONMember(name: "inconclusive", value: .number(String(summary.inconclusive))),
      JSONMember(name: "seconds", value: .number(format(summary.seconds))),
      JSONMember(name: "jobs", value: .number(String(summary.jobs))),
      JSONMember(
        name: "casesPerSecondPerJob", value: .number(format(summary.casesPerSecondPerJob))),
      JSONMember(name: "stopReason", value: .string(summary.stopReason.rawValue)),
      JSONMember(name: "findings", value: .array(summary.findings.map(findingValue))),
      JSONMember(
        name: "coverage",
        value: .object(
          summary.properties.map { property in
            let statistics = summary.statistics[property.name] ?? LabelStatistics()
            return JSONMember(
              name: property.name,
              value: .object([
                JSONMember(
                  name: "cases",
                  value: .number(String(summary.casesPerProperty[property.name] ?? 0))),
                JSONMember(
                  name: "labels",
                  value: .object(
                    statistics.counts.sorted { $0.key < $1.key }.map {
                      JSONMember(name: $0.key, value: .number(String($0.value)))
                    })),
                JSONMember(
                  name: "unmet",
                  value: .array(
                    statistics.unmet(property.coverage).map { .string($0.label) })),
              ]))
          })),
    ])
  }

  static func findingValue(_ finding: CampaignFinding) -> JSONValue {
    var members = [
      JSONMember(name: "kind", value: .string(finding.kind)),
      JSONMember(name: "property", value: .string(finding.property)),
      JSONMember(name: "class", value: .string(finding.findingClass)),
    ]
    if let payload = finding.payload {
      if CorpusCase.isText(payload) {
        members.append(
          JSONMember(name: "payload", value: .string(String(decoding: payload, as: UTF8.self))))
      } else {
        members.append(JSONMember(name: "payload", value: .null))
        members.append(JSONMember(name: "payloadBase64", value: .string(Base64.encode(payload))))
      }
    }
    members.append(JSONMember(name: "now", value: finding.now.map { .string($0.rfc3339) } ?? .null))
    members.append(
      JSONMember(name: "existingNames", value: .array(finding.existingNames.map(JSONValue.string))))
    members.append(JSONMember(name: "expected", value: finding.expected?.jsonValue ?? .null))
    var actual: JSONValue = .null
    let status = finding.status.map { [JSONMember(name: "status", value: .number(String($0)))] }
    if let answer = finding.actual {
      actual = .object(
        (status ?? []) + [
          JSONMember(name: "accepted", value: .bool(answer.accepted)),
          JSONMember(
            name: "codes", value: answer.codes.map { .array($0.map(JSONValue.string)) } ?? .null),
        ])
    } else if finding.kind != "property" {
      actual = .object(
        (status ?? []) + [JSONMember(name: "error", value: .string(finding.message))])
    }
    members.append(JSONMember(name: "actual", value: actual))
    members.append(JSONMember(name: "message", value: .string(finding.message)))
    members.append(JSONMember(name: "shrinkSteps", value: .number(String(finding.shrinkSteps))))
    members.append(JSONMember(name: "occurrences", value: .number(String(finding.occurrences))))
    members.append(JSONMember(name: "replay", value: .string(finding.replay)))
    members.append(
      JSONMember(name: "corpusPath", value: finding.corpusPath.map(JSONValue.string) ?? .null))
    return .object(members)
  }

  /// The JUnit XML report: one test case per property, and one failed test case per finding
  /// class.
  ///
  /// - Parameter summary: The campaign's summary.
  /// - Returns: The XML text.
  public static func junit(_ summary: Campaign.Summary) -> String {
    var cases: [String] = []
    for property in summary.properties {
      let count = summary.casesPerProperty[property.name] ?? 0
      let found = summary.findings.filter { $0.property == property.name }
      var body =
        "    <testcase classname=\"patfuzz.\(escape(property.name))\" name=\"\(escape(property.name)): \(count) cases\">\n"
      if let problem = summary.problems[property.name] {
        body += "      <system-out>\(escape(problem))</system-out>\n"
      }
      body += "    </testcase>"
      cases.append(body)
      for finding in found {
        cases.append(
          """
              <testcase classname="patfuzz.\(escape(property.name))" name="\(escape(finding.findingClass))">
                <failure type="\(escape(finding.kind))" message="\(escape(finding.message.split(separator: "\n").first.map(String.init) ?? ""))">\(escape(findingText(finding)))</failure>
              </testcase>
          """)
      }
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites>
        <testsuite name="patfuzz fuzz" tests="\(cases.count)" failures="\(summary.findings.count)" time="\(format(summary.seconds))">
      \(cases.joined(separator: "\n"))
        </testsuite>
      </testsuites>

      """
  }

  /// A finding as text for people: what, the shrunk case, and how to replay it.
  public static func findingText(_ finding: CampaignFinding) -> String {
    var text = "\(finding.kind) in \(finding.property): \(finding.message)\n"
    text +=
      "  counterexample: \(finding.counterexample.replacingOccurrences(of: "\n", with: "\n  "))\n"
    text += "  shrink steps: \(finding.shrinkSteps), seen \(finding.occurrences) time(s)\n"
    text += "  replay: \(finding.replay)\n"
    if let path = finding.corpusPath { text += "  corpus: \(path)\n" }
    return text
  }

  /// A number with three decimals, as the reports write durations and rates.
  public static func format(_ value: Double) -> String {
    String(format: "%.3f", value)
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "\n", "\t": escaped.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
        escaped += "\\u{\(String(scalar.value, radix: 16))}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
