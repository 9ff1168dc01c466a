import Foundation
import PATHarness
import PATModel
import Testing

/// `Scripts/libfuzzer.sh` end to end: with a planted validator fault, the structured target
/// finds it, the crash is minimized and becomes a corpus case with the reference verdict.
///
/// It builds the fuzz targets and fuzzes for up to two minutes, so it runs only when asked:
/// `PATFUZZ_LIBFUZZER_TEST=1 swift test --filter LibFuzzerScriptTests` (on a toolchain with
/// libFuzzer, such as swift.org's Linux toolchains).
@Suite("Scripts/libfuzzer.sh finds a planted fault")
struct LibFuzzerScriptTests {
  static let enabled = ProcessInfo.processInfo.environment["PATFUZZ_LIBFUZZER_TEST"] == "1"

  @Test(
    "a planted fault is found, minimized and converted into a corpus case",
    .enabled(if: enabled, "set PATFUZZ_LIBFUZZER_TEST=1 to build and run the fuzzer"),
    .timeLimit(.minutes(15)))
  func plantedFault() throws {
    let work = PackageLocation.temporaryFolder()
    let findings = (work as NSString).appendingPathComponent("findings")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      (PackageLocation.root as NSString).appendingPathComponent("Scripts/libfuzzer.sh"),
      "--target", "FuzzStructured", "--seconds", "120", "--findings", findings,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["PATFUZZ_WORK"] = work
    environment["PATFUZZ_PLANTED_FAULT"] = "expirationAtNowAccepted"
    environment["PATFUZZ_MINIMIZE_SECONDS"] = "10"
    // The test process holds the main package's build folder: use its patfuzz.
    let patfuzz = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("patfuzz").path
    if FileManager.default.isExecutableFile(atPath: patfuzz) {
      environment["PATFUZZ_BIN"] = patfuzz
    }
    process.environment = environment
    let log = (work as NSString).appendingPathComponent("script.log")
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.standardError = process.standardOutput
    try process.run()
    process.waitUntilExit()
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    #expect(process.terminationStatus == 1, "\(output.suffix(4000))")
    #expect(output.contains("==PATFuzz== FuzzStructured: "))
    #expect(output.contains("== minimizing "))
    let entries = try CorpusStore(root: findings).readAll().entries
    let entry = try #require(entries.first, "no case written; log:\n\(output.suffix(4000))")
    #expect(entry.relativePath.hasPrefix("findings/"))
    #expect(entry.corpusCase.origin == "libfuzzer")
    #expect(entry.corpusCase.note.hasPrefix("libFuzzer FuzzStructured: "))
    #expect(entry.corpusCase.expectation.codes.contains(.expirationDateNotFuture))
    #expect(CorpusReplay.check(entry.corpusCase).holds)
  }
}
