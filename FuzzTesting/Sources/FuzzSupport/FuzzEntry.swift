import Foundation
import PATHarness

/// What the fuzz executables share: the checks, built once from the environment, and the
/// handling of a finding.
public enum FuzzEntry {
  /// The checks, configured by `PATFUZZ_PLANTED_FAULT`; a bad value stops the process.
  public static let checks: FuzzChecks = {
    do {
      let checks = try FuzzChecks(environment: ProcessInfo.processInfo.environment)
      if !checks.plantedFaultNames.isEmpty {
        report(
          "\(FuzzFailure.marker) planted faults: "
            + checks.plantedFaultNames.joined(separator: ", ") + "\n")
      }
      return checks
    } catch {
      report("\(FuzzFailure.marker) \(error)\n")
      exit(2)
    }
  }()

  /// Runs a target's check on libFuzzer's input; on a finding, prints the report to standard
  /// error and aborts, so libFuzzer saves the input as a crash.
  ///
  /// - Parameters:
  ///   - target: The target.
  ///   - start: The input's first byte.
  ///   - count: The input's length.
  /// - Returns: 0, as libFuzzer expects.
  public static func run(_ target: FuzzTarget, _ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if let failure = checks.check(target, bytes) {
      report(failure.description)
      abort()
    }
    return 0
  }

  /// Writes text to standard error, unbuffered.
  static func report(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
