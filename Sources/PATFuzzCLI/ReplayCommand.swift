import PATHarness
import PATModel

/// `patfuzz replay`: checks every corpus case against the reference model, through every
/// decoding path.
enum ReplayCommand {
  static let usage = """
    usage: patfuzz replay [--quiet] [DIR]

    Replays every case of the corpus in DIR (default: corpus) through every decoding path and
    compares each verdict with the case's expectation. Prints each disagreement (expected vs
    actual, per path), each unreadable case file, and a summary.
    Exit status: 0 all cases hold, 1 a case disagrees or a case file is unreadable, 64 usage
    error (DIR missing or not a folder).

      --quiet   print only disagreements, errors and the summary line

    """

  static let options: [ArgumentList.Option] = [
    .init(name: "--quiet", takesValue: false)
  ]

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard let list = try ArgumentList.parse(arguments, options: options, usage: usage, io: io)
    else {
      return .success
    }
    let root = try list.positionals(atMost: 1).first ?? "corpus"
    let store = CorpusStore(root: root)
    let loaded: (entries: [CorpusStore.Entry], errors: [CorpusFileError])
    do {
      loaded = try store.readAll()
    } catch {
      throw UsageError(error.description)
    }
    for error in loaded.errors {
      io.writeError("unreadable \(error)\n")
    }
    var disagreements = 0
    var pathCounts: [DecodingPath: Int] = [:]
    for entry in loaded.entries {
      let outcome = CorpusReplay.check(entry.corpusCase)
      for path in outcome.pathsRun { pathCounts[path, default: 0] += 1 }
      if outcome.holds {
        if !list.has("--quiet") { io.writeOutput("ok   \(entry.relativePath)\n") }
        continue
      }
      disagreements += 1
      var text = "FAIL \(entry.relativePath)\n"
      text += "     expected \(entry.corpusCase.expectation)\n"
      for mismatch in outcome.mismatches {
        text += "     \(mismatch.path.rawValue) gave \(mismatch.actual)\n"
        for violation in mismatch.violations { text += "       \(violation)\n" }
      }
      text += "     note: \(entry.corpusCase.note)\n"
      io.writeOutput(text)
    }
    let paths = DecodingPath.allCases.map { "\($0.rawValue) \(pathCounts[$0, default: 0])" }
    io.writeOutput(
      "replayed \(loaded.entries.count) cases (\(paths.joined(separator: ", "))): "
        + "\(loaded.entries.count - disagreements) hold, \(disagreements) disagree, "
        + "\(loaded.errors.count) unreadable\n")
    return disagreements == 0 && loaded.errors.isEmpty ? .success : .failure
  }
}
