import Dispatch
import Foundation
import PATModel
import Testing

/// A campaign stopped by a signal still writes its summary and reports.
@Suite("patfuzz fuzz interrupted")
struct FuzzInterruptionTests {
  @Test(
    "SIGTERM and SIGINT stop a campaign cleanly: summary and report written",
    arguments: [SIGTERM, SIGINT])
  func interrupted(signal: Int32) throws {
    let folder = CorpusCommandTests.temporaryFolder()
    let report = folder + "/report.json"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Executable.patfuzz)
    process.arguments = [
      "fuzz", "--seconds", "600", "--seed", "9", "--jobs", "1", "--no-corpus", "--report", report,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    // Wait for the start line, which is printed once the signal handlers are installed.
    var started = Data()
    while !String(decoding: started, as: UTF8.self).contains("budget") {
      let chunk = errors.fileHandleForReading.availableData
      try #require(!chunk.isEmpty, "the campaign did not start")
      started.append(chunk)
    }
    kill(process.processIdentifier, signal)
    #expect(exited.wait(timeout: .now() + 60) == .success)
    #expect(process.terminationStatus == 0)
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(stdout.contains("stopped by interrupted"))
    let members = try JSONParser.parseObject(
      [UInt8](Data(contentsOf: URL(fileURLWithPath: report))))
    #expect(members.contains { $0.name == "stopReason" && $0.value == .string("interrupted") })
  }
}
