import PATFuzzCLI
import PATModel
import Synchronization

/// Captured output of an in-process command run.
final class CapturedIO: Sendable {
  let output = Mutex("")
  let error = Mutex("")

  /// An I/O description with fixed input, files and clock, capturing output.
  func io(
    input: [UInt8] = [], files: [String: [UInt8]] = [:],
    now: Timestamp = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!,
    environment: [String: String] = [:]
  ) -> CommandIO {
    CommandIO(
      writeOutput: { text in self.output.withLock { $0 += text } },
      writeError: { text in self.error.withLock { $0 += text } },
      readInput: { input },
      readFile: { path in
        guard let bytes = files[path] else { throw UsageError("cannot read \(path)") }
        return bytes
      },
      now: { now },
      environment: environment,
      errorIsTerminal: false)
  }

  var stdout: String { output.withLock { $0 } }
  var stderr: String { error.withLock { $0 } }
}
