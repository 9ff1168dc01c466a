import PATHarness
import PATModel

/// `patfuzz corpus add`, `patfuzz corpus minimize` and `patfuzz corpus export`: grow, prune
/// and export the regression corpus.
enum CorpusCommand {
  static let usage = """
    usage: patfuzz corpus add FILE [--now RFC3339] [--existing NAME]... [--strict]
                                   [--names MODE] [--theme THEME] [--note TEXT]
                                   [--origin ORIGIN] [--corpus DIR]
           patfuzz corpus add FILE --fuzz-target TARGET [--theme THEME] [--note TEXT]
                                   [--origin ORIGIN] [--corpus DIR]
           patfuzz corpus minimize [--dry-run] [DIR]
           patfuzz corpus export OUTDIR [--corpus DIR]

    add       turns the payload in FILE (or - for standard input) into a case whose
              expectation is the reference verdict, written to DIR/THEME/<hash>.json
              (defaults: --corpus corpus, --theme findings, --origin hand, --now the clock).
              Prints the path and the verdict; an input already in the corpus is left as is.
              With --fuzz-target, FILE is an input of that libFuzzer target (FuzzRawBytes or
              FuzzStructured): the case gets the payload and context the target judged.
    minimize  removes cases that add nothing: same verdict, codes and edge-case labels as a
              smaller case kept. Never removes a case whose origin is "hand". Prints each
              removed file; --dry-run only prints them.
    export    writes the payload bytes of every case in DIR (default corpus) into OUTDIR,
              one file per distinct payload, named after its hash: a libFuzzer seed corpus.

    Exit status: 0 done, 1 a case file is unreadable or a fuzzer input has no payload case,
    64 usage error.

    """

  static let caseOptions: [ArgumentList.Option] = [
    .init(name: "--theme", takesValue: true),
    .init(name: "--note", takesValue: true),
    .init(name: "--origin", takesValue: true),
    .init(name: "--corpus", takesValue: true),
    .init(name: "--fuzz-target", takesValue: true),
  ]

  static let addOptions: [ArgumentList.Option] = ValidateCommand.options + caseOptions

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    switch arguments.first {
    case "add": return try add(Array(arguments.dropFirst()), io: io)
    case "minimize": return try minimize(Array(arguments.dropFirst()), io: io)
    case "export": return try export(Array(arguments.dropFirst()), io: io)
    case "--help", "help":
      io.writeOutput(usage)
      return .success
    case let other?: throw UsageError("unknown corpus command '\(other)'\n\(usage)")
    case nil: throw UsageError("corpus needs 'add', 'minimize' or 'export'\n\(usage)")
    }
  }

  static func add(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard let list = try ArgumentList.parse(arguments, options: addOptions, usage: usage, io: io)
    else {
      return .success
    }
    guard let file = try list.positionals(atMost: 1).first else {
      throw UsageError("corpus add needs a payload FILE (or - for standard input)")
    }
    let theme = list.value("--theme") ?? "findings"
    guard !theme.isEmpty, !theme.hasPrefix("."), !theme.split(separator: "/").contains("..") else {
      throw UsageError("--theme needs a sub-folder name, got '\(theme)'")
    }
    let input = try ValidateCommand.readPayload(file, io: io)
    let payload: [UInt8]
    let context: ValidationContext
    if let name = list.value("--fuzz-target") {
      guard let target = FuzzTarget(named: name) else {
        throw UsageError(
          "--fuzz-target needs one of "
            + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") + ", got '\(name)'")
      }
      for option in ["--now", "--existing", "--strict", "--names"]
      where list.has(option) || list.value(option) != nil {
        throw UsageError("\(option) cannot be used with --fuzz-target: the input sets the context")
      }
      do {
        (payload, context) = try FuzzChecks().caseInput(for: target, bytes: input)
      } catch {
        io.writeError("patfuzz: \(file): \(error)\n")
        return .failure
      }
    } else {
      context = try ValidateCommand.validationContext(list, io: io)
      payload = input
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
    guard
      let list = try ArgumentList.parse(
        arguments,
        options: [.init(name: "--dry-run", takesValue: false)], usage: usage, io: io)
    else {
      return .success
    }
    let store = CorpusStore(root: try list.positionals(atMost: 1).first ?? "corpus")
    let loaded = try readAll(store)
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

  static func export(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard
      let list = try ArgumentList.parse(
        arguments,
        options: [.init(name: "--corpus", takesValue: true)], usage: usage, io: io)
    else {
      return .success
    }
    guard let output = try list.positionals(atMost: 1).first else {
      throw UsageError("corpus export needs an output folder OUTDIR")
    }
    let store = CorpusStore(root: list.value("--corpus") ?? "corpus")
    let loaded = try readAll(store)
    for error in loaded.errors { io.writeError("unreadable \(error)\n") }
    let written: Int
    do {
      written = try SeedExport.write(loaded.entries.map(\.corpusCase), to: output)
    } catch {
      throw UsageError("cannot write to \(output): \(error)")
    }
    io.writeOutput(
      "exported \(written) payloads from \(loaded.entries.count) cases to \(output)\n")
    return loaded.errors.isEmpty ? .success : .failure
  }

  private static func readAll(_ store: CorpusStore) throws(UsageError) -> (
    entries: [CorpusStore.Entry], errors: [CorpusFileError]
  ) {
    do {
      return try store.readAll()
    } catch {
      throw UsageError(error.description)
    }
  }
}
