import Dispatch
import Foundation
import PATFuzzCLI
import PATHTTP
import Testing

@Suite("patfuzz serve")
struct ServeCommandTests {
  @Test(
    "usage errors exit 64 with a message on standard error",
    arguments: [
      (["serve", "--port", "70000"], "option '--port' needs an integer in 0...65535"),
      (["serve", "--clock", "tomorrow"], "the clock is system, fixed:RFC3339 or offset"),
      (["serve", "--clock", "fixed:2026-13-01T00:00:00Z"], "a fixed clock needs an RFC 3339"),
      (["serve", "--fault", "boundry"], "unknown fault 'boundry'; known: boundary"),
      (["serve", "--rate-limit", "0/10"], "a rate limit is REQUESTS/SECONDS"),
      (["serve", "--rate-limit", "5/10", "--rate-window", "3"], "either in --rate-limit N/S"),
      (["serve", "--rate-limit", "off", "--rate-window", "3"], "makes no sense"),
      (["serve", "--max-connections", "0"], "option '--max-connections' needs an integer"),
      (["serve", "--max-body", "-1"], "option '--max-body' needs an integer"),
      (["serve", "--host", ""], "option '--host' needs an address"),
      (["serve", "extra"], "unexpected argument 'extra'"),
    ] as [([String], String)])
  func usageErrors(arguments: [String], message: String) {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(arguments, io: captured.io()) == .usage)
    #expect(captured.stderr.contains(message), "\(captured.stderr)")
    #expect(captured.stdout.isEmpty)
  }

  @Test("--help prints the usage with every fault")
  func help() {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["serve", "--help"], io: captured.io()) == .success)
    #expect(captured.stdout.contains("usage: patfuzz serve"))
    #expect(captured.stdout.contains("long-name-500"))
    let top = CapturedIO()
    #expect(PATFuzzCommand.run(["help"], io: top.io()) == .success)
    #expect(top.stdout.contains("serve      run the local reference service"))
  }

  @Test("a port that is taken is a clear error and exit 70")
  func portTaken() throws {
    let occupant = try HTTPServer.start(configuration: HTTPServer.Configuration()) { _ in
      HTTPResponse(status: 204)
    }
    defer {
      occupant.shutdown()
      occupant.wait()
    }
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["serve", "--port", String(occupant.port)], io: captured.io())
    #expect(status == .software)
    #expect(
      captured.stderr
        == "patfuzz serve: cannot listen on 127.0.0.1:\(occupant.port): "
        + "bind: Address already in use\n")
    #expect(captured.stdout.isEmpty)
  }

  @Test(
    "the executable prints its port, serves, and exits 0 on SIGTERM and SIGINT",
    arguments: [SIGTERM, SIGINT])
  func subprocess(signal: Int32) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Executable.patfuzz)
    process.arguments = [
      "serve", "--port", "0", "--clock", "fixed:2026-06-15T12:34:56.789Z",
      "--rate-limit", "2", "--rate-window", "60", "--fault", "boundary",
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    let line = try #require(firstLine(of: output.fileHandleForReading))
    #expect(line.hasPrefix("listening on http://127.0.0.1:"))
    let client = try HTTPClient(url: String(line.dropFirst("listening on ".count)))
    let headers: HTTPHeaders = ["Authorization": "Bearer alice"]
    let created = try client.post(
      "/v2025/personal-access-tokens",
      body: Array(#"{"name":"CI","expirationDate":"2026-06-15T12:34:56.789Z"}"#.utf8),
      headers: headers)
    #expect(created.status == 200)
    #expect(created.headers["Date"] == "Mon, 15 Jun 2026 12:34:56 GMT")
    #expect(try client.get("/v2025/personal-access-tokens", headers: headers).status == 200)
    let limited = try client.get("/v2025/personal-access-tokens", headers: headers)
    #expect(limited.status == 429)
    #expect(limited.headers["Retry-After"] == "60")

    kill(process.processIdentifier, signal)
    #expect(exited.wait(timeout: .now() + 10) == .success)
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(log.contains("planted faults: boundary"))
    #expect(log.hasSuffix("patfuzz serve: stopped\n"))
  }
}
