import PATModel

/// `patfuzz validate`: checks one payload against the reference model and prints the verdict.
enum ValidateCommand {
  static let usage = """
    usage: patfuzz validate [--now RFC3339] [--existing NAME]... [--strict]
                            [--names exact|canonical|caseInsensitive] [FILE|-]

    Reads one payload from FILE (or standard input), prints the verdict as one JSON object:
      {"valid": Bool, "violations": [{"code", "field", "message"}], "normalized": {...}|null}
    Exit status: 0 valid, 1 invalid, 64 usage error.

      --now RFC3339     the current instant (default: the system clock)
      --existing NAME   a name the owner already has; repeat for each token
      --strict          report unknown members as field.unknown
      --names MODE      duplicate-name comparison (default: exact)

    """

  static let options: [ArgumentList.Option] = [
    .init(name: "--now", takesValue: true),
    .init(name: "--existing", takesValue: true),
    .init(name: "--strict", takesValue: false),
    .init(name: "--names", takesValue: true),
  ]

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard let list = try ArgumentList.parse(arguments, options: options, usage: usage, io: io)
    else {
      return .success
    }
    let inputs = try list.positionals(atMost: 1)
    let context = try validationContext(list, io: io)
    let payload = try readPayload(inputs.first, io: io)
    let verdict = Validator(context: context).validate(json: payload)
    io.writeOutput(JSONWriter.text(of: verdict.jsonValue) + "\n")
    return verdict.isValid ? .success : .failure
  }

  /// The context given by `--now`, `--existing`, `--strict` and `--names`.
  static func validationContext(_ list: ArgumentList, io: CommandIO) throws(UsageError)
    -> ValidationContext
  {
    let now = try list.value("--now").map { text throws(UsageError) in
      guard let timestamp = Timestamp(rfc3339: text) else {
        throw UsageError("--now needs an RFC 3339 date-time, got '\(text)'")
      }
      return timestamp
    }
    var comparison = NameComparison.exact
    if let text = list.value("--names") {
      guard let chosen = NameComparison(rawValue: text) else {
        throw UsageError("--names needs exact, canonical or caseInsensitive, got '\(text)'")
      }
      comparison = chosen
    }
    return ValidationContext(
      now: now ?? io.now(), existingNames: list.allValues("--existing"),
      nameComparison: comparison, strict: list.has("--strict"))
  }

  /// Reads the payload from a file, or from standard input for `-` or no argument.
  static func readPayload(_ path: String?, io: CommandIO) throws(UsageError) -> [UInt8] {
    do {
      guard let path, path != "-" else { return try io.readInput() }
      return try io.readFile(path)
    } catch let error as UsageError {
      throw error
    } catch {
      throw UsageError("cannot read \(path ?? "standard input"): \(error)")
    }
  }
}
