import PropertyKit
import PropertyKitTesting
import Testing

@Suite("Swift Testing integration")
struct TestingIntegrationTests {
  @Test("a failing property records an issue with counterexample, seed and replay line")
  func failureRecordsIssue() {
    var result: PropertyResult?
    withKnownIssue {
      result = checkProperty(
        "threshold", Gen.int(in: 0...100_000), seed: 21,
        configuration: testConfiguration()
      ) { value in
        try expect(value < 1000, "too large")
      }
    } matching: { issue in
      let text = issue.comments.map(\.rawValue).joined()
      return text.contains("Counterexample: 1000") && text.contains("seed 21")
        && text.contains("PATFUZZ_REPLAY='threshold@21:")
        && text.contains("--filter 'failureRecordsIssue'") && text.contains("Shrunk in")
    }
    #expect(result?.counterexample?.value == "1000")
  }

  @Test("the issue is attributed to the caller's source location")
  func issueLocation() {
    let location = SourceLocation(
      fileID: "Module/Caller.swift", filePath: "/tmp/Caller.swift", line: 7, column: 3)
    withKnownIssue {
      checkProperty(
        "located", Gen.bool, seed: 1, configuration: testConfiguration(),
        sourceLocation: location
      ) { _ in throw PropertyFailure("always") }
    } matching: { issue in
      issue.sourceLocation == location
    }
  }

  @Test("a passing property records nothing and returns its statistics")
  func passingProperty() {
    let result = checkProperty(
      "labels", Gen.int(in: -5...5), cases: 60, seed: 3, configuration: testConfiguration()
    ) { value, context in
      context.classify(value >= 0, "non-negative")
    }
    #expect(result.isSuccess)
    #expect(result.casesPassed == 60)
    #expect(result.statistics.counts["non-negative", default: 0] > 0)
  }

  @Test("unmet coverage is recorded as an issue with the table")
  func coverageIssue() {
    withKnownIssue {
      checkProperty(
        "coverage", Gen.int(in: 0...100), seed: 9,
        coverage: [CoverageRequirement(label: "exactly fifty", atLeastPercent: 10)],
        configuration: testConfiguration()
      ) { value, context in
        context.classify(value == 50, "exactly fifty")
      }
    } matching: { issue in
      issue.comments.map(\.rawValue).joined().contains("exactly fifty")
    }
  }

  @Test("PropertyFailure and the expect helpers describe the failure and its place")
  func failureHelpers() throws {
    let failure = PropertyFailure("broken", fileID: "M/F.swift", line: 12)
    #expect(failure.description == "broken (M/F.swift:12)")
    #expect(throws: PropertyFailure.self) { try expect(1 > 2, "order") }
    #expect(throws: Never.self) { try expect(2 > 1) }
    let error = try #require(throws: PropertyFailure.self) { try expectEqual(3, 4) }
    #expect(error.message == "expected 4, got 3")
  }
}
