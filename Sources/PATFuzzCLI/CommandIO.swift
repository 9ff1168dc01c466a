import Foundation
import PATModel

/// Everything a command touches outside itself: output streams, input, files, the clock and
/// the environment. Tests replace it to run commands in-process and deterministically.
public struct CommandIO: Sendable {
  /// Writes text to standard output.
  public var writeOutput: @Sendable (String) -> Void
  /// Writes text to standard error.
  public var writeError: @Sendable (String) -> Void
  /// Reads all of standard input.
  public var readInput: @Sendable () throws -> [UInt8]
  /// Reads a whole file.
  public var readFile: @Sendable (String) throws -> [UInt8]
  /// The current instant; read only where a command defaults `--now`.
  public var now: @Sendable () -> Timestamp
  /// The environment variables.
  public var environment: [String: String]
  /// Whether standard error is a terminal (for live progress lines).
  public var errorIsTerminal: Bool

  /// Creates an I/O description.
  public init(
    writeOutput: @escaping @Sendable (String) -> Void,
    writeError: @escaping @Sendable (String) -> Void,
    readInput: @escaping @Sendable () throws -> [UInt8],
    readFile: @escaping @Sendable (String) throws -> [UInt8],
    now: @escaping @Sendable () -> Timestamp,
    environment: [String: String],
    errorIsTerminal: Bool
  ) {
    self.writeOutput = writeOutput
    self.writeError = writeError
    self.readInput = readInput
    self.readFile = readFile
    self.now = now
    self.environment = environment
    self.errorIsTerminal = errorIsTerminal
  }

  /// The process's real streams, files, clock and environment.
  public static var process: CommandIO {
    CommandIO(
      writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
      readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
      readFile: { path in
        guard let data = FileManager.default.contents(atPath: path) else {
          throw UsageError("cannot read \(path)")
        }
        return [UInt8](data)
      },
      now: { Timestamp(Date()) ?? Timestamp(millisecondsSinceEpoch: 0) },
      environment: ProcessInfo.processInfo.environment,
      errorIsTerminal: isatty(STDERR_FILENO) != 0)
  }
}
