import Foundation
import PATModel

/// Runs the benchmark and returns the exit status.
///
/// - Parameter arguments: The command line after the program name.
/// - Returns: 0, or 64 for a command line or file that cannot be used.
func runBenchmark(_ arguments: [String]) -> Int32 {
  let options: BenchOptions
  do {
    options = try BenchOptions(arguments)
  } catch {
    printError("patfuzz-bench: \(error)\nRun 'patfuzz-bench --help' for usage.")
    return 64
  }
  if options.help {
    print(BenchOptions.usage)
    return 0
  }
  if let dump = options.dump {
    guard let workload = BuiltInWorkloads.named(dump.workload) else {
      printError(
        "patfuzz-bench: unknown workload '\(dump.workload)' (known: example, varied, invalid)")
      return 64
    }
    do {
      try workload.writeJSONLines(to: dump.path)
    } catch {
      printError("patfuzz-bench: \(error)")
      return 64
    }
    print("wrote \(workload.count) payloads (\(workload.byteCount) bytes) to \(dump.path)")
    return 0
  }

  var baseline: ResultFile?
  if let path = options.comparePath {
    guard let data = FileManager.default.contents(atPath: path),
      let file = try? JSONDecoder().decode(ResultFile.self, from: data)
    else {
      printError("patfuzz-bench: cannot read a results file from '\(path)'")
      return 64
    }
    baseline = file
  }

  var workloadNames = BuiltInWorkloads.names
  var fileWorkload: Workload?
  if let path = options.workloadFile {
    do {
      fileWorkload = try Workload.jsonLines(path: path)
    } catch {
      printError("patfuzz-bench: \(error)")
      return 64
    }
    workloadNames.append(fileWorkload!.name)
  }
  if let selected = options.workloadNames {
    for name in selected where !workloadNames.contains(name) {
      printError(
        "patfuzz-bench: unknown workload '\(name)' "
          + "(known: \(workloadNames.joined(separator: ", ")))"
      )
      return 64
    }
    workloadNames = workloadNames.filter(selected.contains)
  }

  #if DEBUG
    printError(
      "patfuzz-bench: this is a debug build; measure with 'swift run -c release patfuzz-bench'")
  #endif
  print(Machine.summary)
  print(
    "\(options.rounds) timed rounds of about \(options.roundMilliseconds) ms (\(options.clock) "
      + "clock) per measurement after a warm-up; rates from the median round; "
      + "spread = (max - min) / median\n")

  let blackHole = BlackHole()
  var measurements: [Measurement] = []
  for name in workloadNames {
    let workload =
      name == fileWorkload?.name ? fileWorkload! : BuiltInWorkloads.named(name)!
    let average = Double(workload.byteCount) / Double(workload.count)
    print(
      "workload \(name): \(workload.count) payloads, \(Report.format(average, 1)) bytes on average")
    for decoder in options.decoders {
      let measurement = Measurement.run(
        decoder: decoder.rawValue, workload: workload, rounds: options.rounds,
        roundTarget: Double(options.roundMilliseconds) / 1000, clock: options.clock,
        pass: decoder.pass(over: workload, into: blackHole))
      measurements.append(measurement)
    }
  }
  print("")
  print(Report.table(measurements), terminator: "")
  print("(black hole: \(blackHole.total))")

  if let path = options.jsonPath {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(ResultFile(results: measurements.map(ResultRecord.init))),
      FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8))
    else {
      printError("patfuzz-bench: cannot write '\(path)'")
      return 64
    }
  }
  if let baseline {
    print("\nchange against \(options.comparePath!):")
    print(Report.comparison(measurements, baseline: baseline), terminator: "")
  }
  return 0
}

/// Writes a line to standard error.
///
/// - Parameter text: The line, without its line feed.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

exit(runBenchmark(Array(CommandLine.arguments.dropFirst())))
