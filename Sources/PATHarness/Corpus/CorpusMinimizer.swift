import PATModel

/// Finds the corpus cases that add nothing: a case is redundant when a smaller case already
/// kept has the same expected verdict, the same codes, the same edge-case labels and the same
/// options. Hand-curated cases are always kept.
public enum CorpusMinimizer {
  /// The cases to remove.
  ///
  /// Hand cases are kept first; then the others from the smallest payload up (ties broken by
  /// path), each kept only when its class is new. Running it again on what it keeps removes
  /// nothing.
  ///
  /// - Parameter entries: The corpus.
  /// - Returns: The entries to remove, in path order.
  public static func redundantEntries(in entries: [CorpusStore.Entry]) -> [CorpusStore.Entry] {
    var kept = Set<CaseClass>()
    var redundant: [CorpusStore.Entry] = []
    let ordered = entries.sorted { lhs, rhs in
      if lhs.corpusCase.isHandCurated != rhs.corpusCase.isHandCurated {
        return lhs.corpusCase.isHandCurated
      }
      if lhs.corpusCase.payload.count != rhs.corpusCase.payload.count {
        return lhs.corpusCase.payload.count < rhs.corpusCase.payload.count
      }
      return lhs.relativePath < rhs.relativePath
    }
    for entry in ordered {
      let inserted = kept.insert(CaseClass(entry.corpusCase)).inserted
      if !inserted, !entry.corpusCase.isHandCurated { redundant.append(entry) }
    }
    return redundant.sorted { $0.relativePath < $1.relativePath }
  }

  /// What makes two cases interchangeable for regression purposes.
  struct CaseClass: Hashable {
    var expectation: Expectation
    var labels: Set<String>
    var nameComparison: NameComparison
    var strict: Bool

    init(_ corpusCase: CorpusCase) {
      expectation = corpusCase.expectation
      labels = CaseClassifier.labels(payload: corpusCase.payload, context: corpusCase.context)
      nameComparison = corpusCase.nameComparison
      strict = corpusCase.strict
    }
  }
}
