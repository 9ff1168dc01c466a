import PropertyKit
import Testing

@Suite("Labels and coverage requirements")
struct CoverageTests {
  let values = Gen.int(in: -100...100)

  func classify(_ value: Int, _ context: PropertyContext) {
    context.classify(value < 0, "negative")
    context.classify(value > 0, "positive")
    context.classify(value == 0, "zero")
  }

  @Test("met requirements pass")
  func metRequirements() {
    var configuration = testConfiguration(cases: 300)
    configuration.coverage = [
      CoverageRequirement(label: "negative", atLeastPercent: 20),
      CoverageRequirement(label: "positive", atLeastPercent: 20),
    ]
    let result = PropertyRunner(configuration: configuration).check("signs", values) {
      classify($0, $1)
    }
    #expect(result.isSuccess, "\(result.message)")
    #expect(result.statistics.percent(of: "negative") >= 20)
  }

  @Test("an unmet requirement fails the run with a table of what was generated")
  func unmetRequirement() throws {
    var configuration = testConfiguration(cases: 300)
    configuration.coverage = [
      CoverageRequirement(label: "negative", atLeastPercent: 20),
      CoverageRequirement(label: "zero", atLeastPercent: 50),
    ]
    let result = PropertyRunner(configuration: configuration).check("signs", values) {
      classify($0, $1)
    }
    guard case .coverageNotMet(let unmet) = result.outcome else {
      Issue.record("expected unmet coverage, got \(result.message)")
      return
    }
    #expect(unmet == [CoverageRequirement(label: "zero", atLeastPercent: 50)])
    #expect(!result.isSuccess)
    let zeroLine = try #require(
      result.message.split(separator: "\n").first { $0.hasPrefix("zero") })
    #expect(zeroLine.contains("50.0%"))
    #expect(zeroLine.contains("UNMET"))
    #expect(result.message.contains("negative"))
    #expect(result.message.contains("(300 passing cases)"))
  }

  @Test("the statistics table lists counts, shares and requirements")
  func statisticsTable() {
    var statistics = LabelStatistics()
    statistics.record(labels: ["a", "b"])
    statistics.record(labels: ["a"])
    statistics.record(labels: [])
    statistics.record(labels: ["a"])
    let table = statistics.table(requirements: [
      CoverageRequirement(label: "b", atLeastPercent: 30),
      CoverageRequirement(label: "never", atLeastPercent: 1),
    ])
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("label"))
    #expect(lines[1].hasPrefix("a "))
    #expect(lines[1].contains("75.0%"))
    #expect(lines[2].hasPrefix("b "))
    #expect(lines[2].contains("25.0%"))
    #expect(lines[2].hasSuffix("UNMET"))
    #expect(lines[3].hasPrefix("never"))
    #expect(lines.last == "(4 passing cases)")
    #expect(statistics.unmet([CoverageRequirement(label: "a", atLeastPercent: 75)]).isEmpty)
  }
}
