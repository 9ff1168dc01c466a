/// The benchmark's command line.
struct BenchOptions {
  /// The usage text printed by `--help`.
  static let usage = """
    USAGE: patfuzz-bench [options]

    Measures how fast each decoder turns request payloads into results: warm-up, then timed
    rounds; reports the median round and the spread ((max - min) / median).

    OPTIONS:
      --decoder NAME          Measure only these decoders (repeatable or comma-separated):
                              fast, fast+validate, reference, foundation. Default: all.
      --workload-name NAME    Measure only these workloads (repeatable or comma-separated):
                              example, varied, invalid, or the file name of a --workload.
                              Default: all.
      --workload FILE         Also measure a JSON Lines file (one payload per line).
      --rounds N              Timed rounds per measurement, 1...1000. Default: 5.
      --round-time MS         Target duration of one round in milliseconds, 10...60000.
                              Default: 250.
      --clock wall|cpu        Time rounds by elapsed time (default) or by the thread's
                              processor time, steadier on a shared machine.
      --json FILE             Write the results as JSON:
                              {"results": [{"decoder", "workload", "payloadsPerSecond",
                              "bytesPerSecond", "nsPerPayload"}]}.
      --compare BASELINE      Print the change against a file written by --json.
      --dump-workload NAME FILE
                              Write a built-in workload as JSON Lines and exit.
      --help                  Print this text and exit.
    """

  var decoders: [BenchDecoder] = BenchDecoder.allCases
  var workloadNames: [String]?
  var workloadFile: String?
  var rounds = 5
  var roundMilliseconds = 250
  var clock = BenchClock.wall
  var jsonPath: String?
  var comparePath: String?
  var dump: (workload: String, path: String)?
  var help = false

  /// Reads the command line.
  ///
  /// - Parameter arguments: The arguments after the program name.
  /// - Throws: ``BenchUsageError`` for an unknown option, a missing or bad value.
  init(_ arguments: [String]) throws(BenchUsageError) {
    var rest = arguments[...]
    var decoderNames: [String] = []
    var workloads: [String] = []
    /// The value of an option: after `=`, or the next argument.
    ///
    /// - Parameters:
    ///   - option: The option's name, for the message.
    ///   - inline: The text after `=`, if the option was written `--name=value`.
    /// - Returns: The value.
    /// - Throws: ``BenchUsageError`` when no value follows.
    func value(_ option: String, _ inline: String?) throws(BenchUsageError) -> String {
      if let inline { return inline }
      guard let next = rest.popFirst() else {
        throw BenchUsageError("option '\(option)' needs a value")
      }
      return next
    }
    while let argument = rest.popFirst() {
      let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let option = String(parts[0])
      let inline = parts.count == 2 ? String(parts[1]) : nil
      switch option {
      case "--help", "-h":
        help = true
      case "--decoder":
        decoderNames += try value(option, inline).split(separator: ",").map(String.init)
      case "--workload-name":
        workloads += try value(option, inline).split(separator: ",").map(String.init)
      case "--workload":
        workloadFile = try value(option, inline)
      case "--rounds":
        rounds = try Self.integer(option, try value(option, inline), in: 1...1000)
      case "--round-time":
        roundMilliseconds = try Self.integer(option, try value(option, inline), in: 10...60_000)
      case "--clock":
        let name = try value(option, inline)
        guard let chosen = BenchClock(rawValue: name) else {
          throw BenchUsageError("option '--clock' needs 'wall' or 'cpu', got '\(name)'")
        }
        clock = chosen
      case "--json":
        jsonPath = try value(option, inline)
      case "--compare":
        comparePath = try value(option, inline)
      case "--dump-workload":
        let name = try value(option, inline)
        guard let path = rest.popFirst() else {
          throw BenchUsageError("option '--dump-workload' needs a workload name and a file")
        }
        dump = (name, path)
      default:
        throw BenchUsageError("unknown argument '\(argument)'")
      }
    }
    if !decoderNames.isEmpty {
      decoders = []
      for name in decoderNames {
        guard let decoder = BenchDecoder(rawValue: name) else {
          let known = BenchDecoder.allCases.map(\.rawValue).joined(separator: ", ")
          throw BenchUsageError("unknown decoder '\(name)' (known: \(known))")
        }
        if !decoders.contains(decoder) { decoders.append(decoder) }
      }
    }
    if !workloads.isEmpty { workloadNames = workloads }
  }

  /// The value of an integer option within bounds.
  ///
  /// - Parameters:
  ///   - option: The option's name, for the message.
  ///   - text: The value given.
  ///   - range: The accepted values.
  /// - Returns: The number.
  /// - Throws: ``BenchUsageError`` when the value is not an integer in `range`.
  private static func integer(_ option: String, _ text: String, in range: ClosedRange<Int>)
    throws(BenchUsageError) -> Int
  {
    guard let number = Int(text), range.contains(number) else {
      throw BenchUsageError(
        "option '\(option)' needs an integer in \(range.lowerBound)...\(range.upperBound), "
          + "got '\(text)'")
    }
    return number
  }
}
