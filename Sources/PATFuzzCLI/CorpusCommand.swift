import PATHarness
import PATModel

/// `patfuzz corpus add` and `patfuzz corpus minimize`: grow and prune the regression corpus.
enum CorpusCommand {
  static let usage = """
    usage: patfuzz corpus add FILE [--now RFC3339] [--existing NAME]... [--strict]
                                   [--names MODE] [--theme THEME] [--note TEXT]
                                   [--origin ORIGIN] [--corpus DIR]
           patfuzz corpus minimize [--dry-run] [DIR]

    add       turns the payload in FILE (or - for standard input) into a case whose
              expectation is the reference verdict, written to DIR/THEME/<hash>.json
              (defaults: --corpus corpus, --theme findings, --origin hand, --now the clock).
              Prints the path and the verdict; an input already in the corpus is left as is.
    minimize  removes cases that add nothing: same verdict, codes and edge-case labels as a
              smaller case kept. Never removes a case whose origin is "hand". Prints each
              removed file; --dry-run only prints them.

    Exit status: 0 done, 1 a case file is unreadable, 64 usage error.

    """

  static let addOptions: [ArgumentList.Option] =
    ValidateCommand.options + [
      .init(name: "--theme", takesValue: true),
      .init(name: "--note", takesValue: true),
      .init(name: "--origin", takesValue: true),
      .init(name: "--corpus", takesValue: true),
    ]

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    switch arguments.first {
    case "add": return try add(Array(arguments.dropFirst()), io: io)
    case "minimize": return try minimize(Array(arguments.dropFirst()), io: io)
    case "--help", "help":
      io.writeOutput(usage)
      return .success
    case let other?: throw UsageError("unknown corpus command '\(other)'\n\(usage)")
    case nil: throw UsageError("corpus needs 'add' or 'minimize'\n\(usage)")
    }
  }

  static func add(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    let list = try ArgumentList(arguments, options: addOptions)
    if list.has("--help") {
      io.writeOutput(usage)
      return .success
    }
    guard let file = try list.positionals(atMost: 1).first else {
      throw UsageError("corpus add needs a payload FILE (or - for standard input)")
    }
    let context = try ValidateCommand.validationContext(list, io: io)
    let payload = try ValidateCommand.readPayload(file, io: io)
    let theme = list.value("--theme") ?? "findings"
    guard !theme.isEmpty, !theme.hasPrefix("."), !theme.split(separator: "/").contains("..") else {
      throw UsageError("--theme needs a sub-folder name, got '\(theme)'")
    }
    let corpusCase = CorpusCase(
      referenceVerdictFor: payload, context: context,
      note: list.value("--note") ?? "payload from \(file)",
      origin: list.value("--origin") ?? "hand")
    let store = CorpusStore(root: list.value("--corpus") ?? "corpus")
    do {
      let written = try store.write(corpusCase, theme: theme)
      io.writeOutput(
        "\(written.existed ? "exists" : "added") \(store.root)/\(written.relativePath): "
          + "\(corpusCase.expectation)\n")
    } catch {
      throw UsageError("cannot write to \(store.root): \(error)")
    }
    return .success
  }

  static func minimize(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    let list = try ArgumentList(
      arguments,
      options: [
        .init(name: "--dry-run", takesValue: false), .init(name: "--help", takesValue: false),
      ])
    if list.has("--help") {
      io.writeOutput(usage)
      return .success
    }
    let store = CorpusStore(root: try list.positionals(atMost: 1).first ?? "corpus")
    let loaded: (entries: [CorpusStore.Entry], errors: [CorpusFileError])
    do {
      loaded = try store.readAll()
    } catch {
      throw UsageError(error.description)
    }
    for error in loaded.errors { io.writeError("unreadable \(error)\n") }
    guard loaded.errors.isEmpty else {
      io.writeError("not minimizing a corpus with unreadable files\n")
      return .failure
    }
    let redundant = CorpusMinimizer.redundantEntries(in: loaded.entries)
    for entry in redundant {
      if !list.has("--dry-run") {
        do {
          try store.remove(entry.relativePath)
        } catch {
          throw UsageError("cannot remove \(entry.relativePath): \(error)")
        }
      }
      io.writeOutput(
        "\(list.has("--dry-run") ? "would remove" : "removed") \(entry.relativePath)\n")
    }
    io.writeOutput(
      "\(loaded.entries.count) cases, \(redundant.count) redundant, "
        + "\(loaded.entries.count - redundant.count) kept\n")
    return .success
  }
}
