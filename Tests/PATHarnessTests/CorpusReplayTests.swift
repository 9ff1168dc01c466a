import PATHarness
import PATModel
import Testing

@Suite("Regression corpus replay")
struct CorpusReplayTests {
  /// Every case file of the package's corpus, listed when the tests are discovered.
  static let casePaths: [String] =
    (try? CorpusStore(root: PackageLocation.corpus).casePaths()) ?? []

  @Test("the corpus is there and readable")
  func corpusExists() throws {
    let loaded = try CorpusStore(root: PackageLocation.corpus).readAll()
    #expect(loaded.errors.isEmpty, "\(loaded.errors)")
    #expect(loaded.entries.count == Self.casePaths.count)
    #expect(loaded.entries.count >= 80)
  }

  @Test("each corpus case holds on every decoding path", arguments: casePaths)
  func replay(path: String) throws {
    let corpusCase = try CorpusStore(root: PackageLocation.corpus).read(path)
    let outcome = CorpusReplay.check(corpusCase)
    #expect(outcome.pathsRun.contains(.reference))
    #expect(
      outcome.holds,
      "\(path) expected \(corpusCase.expectation), got \(outcome.mismatches) — \(corpusCase.note)")
  }

  @Test("the hand-curated cases cover every violation code and each SDK dialect")
  func handCoverage() throws {
    let entries = try CorpusStore(root: PackageLocation.corpus).readAll().entries
    let hand = entries.filter { $0.corpusCase.isHandCurated }
    #expect(hand.count >= 80)
    let codes = Set(hand.flatMap(\.corpusCase.expectation.codes))
    #expect(codes == Set(ViolationCode.allCases))
    #expect(hand.allSatisfy { !$0.corpusCase.note.isEmpty })
    for dialect in ["Python SDK", "PowerShell SDK", "Go SDK", "TypeScript SDK"] {
      #expect(hand.contains { $0.corpusCase.note.hasPrefix(dialect) }, "\(dialect)")
    }
  }

  @Test("a flipped expectation makes replay fail on every path that runs")
  func flippedExpectation() throws {
    let path = try #require(Self.casePaths.first)
    var corpusCase = try CorpusStore(root: PackageLocation.corpus).read(path)
    corpusCase.expectation =
      corpusCase.expectation.valid
      ? Expectation(valid: false, codes: [.nameEmpty]) : Expectation(valid: true, codes: [])
    let outcome = CorpusReplay.check(corpusCase)
    #expect(!outcome.holds)
    #expect(outcome.mismatches.map(\.path) == outcome.pathsRun)
  }
}
