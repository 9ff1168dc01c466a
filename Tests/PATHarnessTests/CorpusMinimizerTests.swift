import PATHarness
import PATModel
import Testing

@Suite("Corpus minimization")
struct CorpusMinimizerTests {
  static func entry(_ payload: String, origin: String, path: String) -> CorpusStore.Entry {
    CorpusStore.Entry(
      relativePath: path,
      corpusCase: CorpusCase(
        referenceVerdictFor: Array(payload.utf8),
        context: ValidationContext(now: CorpusCase.defaultNow), note: "n", origin: origin))
  }

  static let entries = [
    entry(#"{"name":"a","userAwareTokenNeverExpires":true}"#, origin: "hand", path: "h/1.json"),
    entry(#"{"name":"abc","userAwareTokenNeverExpires":true}"#, origin: "hand", path: "h/2.json"),
    entry(
      #"{"name":"abcdef","userAwareTokenNeverExpires":true}"#, origin: "fuzz 1", path: "f/1.json"),
    entry(
      #"{"name":"x","userAwareTokenNeverExpires":true,"q":1}"#, origin: "fuzz 1", path: "f/2.json"),
    entry(
      #"{"name":"xy","userAwareTokenNeverExpires":true,"q":2}"#, origin: "libfuzzer",
      path: "f/3.json"),
    entry(
      #"{"name":"xyz","userAwareTokenNeverExpires":true,"q":[3]}"#, origin: "fuzz 2",
      path: "f/4.json"),
    entry(#"{"name":""}"#, origin: "fuzz 3", path: "f/5.json"),
  ]

  @Test("removes cases whose class a smaller kept case already has, never hand cases")
  func removesRedundant() {
    let redundant = CorpusMinimizer.redundantEntries(in: Self.entries)
    #expect(redundant.map(\.relativePath) == ["f/1.json", "f/3.json", "f/4.json"])
    #expect(redundant.allSatisfy { !$0.corpusCase.isHandCurated })
  }

  @Test("is idempotent")
  func idempotent() {
    let redundant = Set(CorpusMinimizer.redundantEntries(in: Self.entries).map(\.relativePath))
    let kept = Self.entries.filter { !redundant.contains($0.relativePath) }
    #expect(CorpusMinimizer.redundantEntries(in: kept).isEmpty)
  }

  @Test("the package's own corpus holds no redundant generated case")
  func packageCorpus() throws {
    let entries = try CorpusStore(root: PackageLocation.corpus).readAll().entries
    let redundant = CorpusMinimizer.redundantEntries(in: entries)
    #expect(redundant.allSatisfy { !$0.corpusCase.isHandCurated })
  }
}
