import PATModel

/// The `patfuzz` command line: dispatches to a subcommand and maps errors to exit codes.
public enum PATFuzzCommand {
  static let usage = """
    usage: patfuzz <command> [options]

    Commands:
      validate   check one payload against the reference model
      replay     replay the regression corpus through every decoding path
      corpus     add a payload to the corpus, minimize it, or export its payloads
      fuzz       run a fuzzing campaign (the default with no command)
      sut-reference  the reference model behind the line protocol (for testing harnesses)
      serve      run the local reference service over HTTP

    Run 'patfuzz <command> --help' for a command's options.

    """

  /// Runs the command line and returns the exit status.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - io: Where output goes and input comes from.
  /// - Returns: The exit status (see ``ExitCode``).
  public static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
    guard let command = arguments.first else {
      return run(["fuzz"], io: io)
    }
    let rest = Array(arguments.dropFirst())
    do throws(UsageError) {
      switch command {
      case "validate": return try ValidateCommand.run(rest, io: io)
      case "replay": return try ReplayCommand.run(rest, io: io)
      case "corpus": return try CorpusCommand.run(rest, io: io)
      case "fuzz": return try FuzzCommand.run(rest, io: io)
      case "sut-reference": return try SUTReferenceCommand.run(rest, io: io)
      case "serve": return try ServeCommand.run(rest, io: io)
      case "help", "--help", "-h":
        io.writeOutput(usage)
        return .success
      default:
        throw UsageError("unknown command '\(command)'")
      }
    } catch {
      io.writeError("patfuzz: \(error.message)\n")
      return .usage
    }
  }
}
