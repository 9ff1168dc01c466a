import Dispatch
import Foundation
import PATFuzzCLI
import PATHTTP
import PATHarness
import PATModel
import PATService
import Synchronization
import Testing

/// Short campaigns against the reference service on an ephemeral loopback port (in-process,
/// and `patfuzz serve` as a child process): clean, with planted faults, with tokens the owner
/// held before, and with a service that stops accepting the credentials. Budgets are in cases
/// and seeds are fixed.
@Suite("patfuzz fuzz --sut-url", .serialized)
struct ServiceFuzzTests {
  static let alice = ["--header", "Authorization: Bearer alice"]

  static func labels(_ report: [JSONMember]) -> [String: Int] {
    guard case .object(let coverage)? = report.first(where: { $0.name == "coverage" })?.value,
      case .object(let property)? = coverage.first?.value,
      case .object(let labels)? = property.first(where: { $0.name == "labels" })?.value
    else { return [:] }
    var counts: [String: Int] = [:]
    for label in labels {
      if case .number(let text) = label.value { counts[label.name] = Int(text) }
    }
    return counts
  }

  static func object(_ members: [JSONMember], _ name: String) -> [JSONMember]? {
    if case .object(let inner)? = members.first(where: { $0.name == name })?.value {
      inner
    } else {
      nil
    }
  }

  @Test("a campaign against a correct service finds nothing and leaves no token behind")
  func correctService() throws {
    try withTestService { server in
      let (status, io, report) = try FuzzCommandTests.fuzz(
        ["--sut-url", server.url] + Self.alice + [
          "--cases", "300", "--seed", "1", "--compare-codes",
        ])
      #expect(status == .success, "\(io.stdout)\(io.stderr)")
      #expect(FuzzCommandTests.findings(report).isEmpty, "\(io.stdout)")
      #expect(FuzzCommandTests.number(report, "cases") == "300")
      #expect(FuzzCommandTests.number(report, "inconclusive") != nil)
      #expect(FuzzCommandTests.string(report, "stopReason") == "budget")
      // The owner's state and the clock were both exercised.
      let labels = Self.labels(report)
      for label in [
        "code:name.duplicate", "code:owner.tokenLimit", "code:expirationDate.notFuture",
      ] {
        #expect(labels[label, default: 0] > 0, "\(label): \(labels)")
      }
      #expect(server.tokens(of: "alice").isEmpty)
      #expect(io.stdout.contains("service: "))
      #expect(io.stderr.contains("the owner holds 0 token(s)"))
    }
  }

  @Test(
    "each planted fault of the service is found, shrunk small and saved to the corpus",
    arguments: [
      ("boundary", "disagreement", 80, "1"),
      ("second-precision", "disagreement", 80, "1"),
      ("duplicate-case-insensitive", "disagreement", 80, "3"),
      ("duplicate-canonical", "disagreement", 80, "3"),
      ("zero-validity", "disagreement", 120, "3"),
      ("long-name-500", "serverError", 330, "1"),
    ])
  func plantedFault(fault: String, kind: String, maximumPayload: Int, seed: String) throws {
    let planted = try #require(ServiceFault(rawValue: fault))
    try withTestService(clock: .fixed(fixedNow), faults: [planted]) { server in
      let corpus = FuzzCommandTests.temporaryFolder()
      let (status, io, report) = try FuzzCommandTests.fuzz(
        ["--sut-url", server.url] + Self.alice + [
          "--cases", "600", "--seed", seed, "--max-findings", "1",
        ], corpus: corpus)
      #expect(status == .failure, "\(io.stdout)\(io.stderr)")
      let finding = try #require(FuzzCommandTests.findings(report).first, "\(io.stdout)")
      #expect(FuzzCommandTests.string(finding, "kind") == kind)
      #expect(FuzzCommandTests.string(finding, "property") == "differential-http")
      let payload = try #require(FuzzCommandTests.string(finding, "payload"))
      #expect(payload.utf8.count <= maximumPayload, "\(payload.prefix(300))")
      #expect(FuzzCommandTests.string(finding, "now") == fixedNow.rfc3339)
      #expect(Self.object(finding, "expected") != nil)
      let actual = try #require(Self.object(finding, "actual"))
      #expect(FuzzCommandTests.number(actual, "status") != nil)
      let replay = try #require(FuzzCommandTests.string(finding, "replay"))
      #expect(
        replay.hasPrefix("patfuzz fuzz --sut-url '\(server.url)' --header 'Authorization: …'"))
      let path = try #require(FuzzCommandTests.string(finding, "corpusPath"))
      let saved = try CorpusStore(root: corpus).read(path)
      #expect(saved.payload == Array(payload.utf8))
      #expect(saved.now == fixedNow)
      #expect(CorpusReplay.check(saved).holds)
      #expect(io.stdout.contains("FINDING \(kind) in differential-http"))
      #expect(server.tokens(of: "alice").isEmpty)
    }
  }

  @Test("tokens the owner held before the campaign are left as they were")
  func preexistingTokensSurvive() throws {
    try withTestService(clock: .fixed(fixedNow)) { server in
      let before = try ["CI", "Caf\u{E9}", "kept by hand"].map {
        try server.createToken($0, owner: "alice")
      }
      let (status, io, report) = try FuzzCommandTests.fuzz(
        ["--sut-url", server.url] + Self.alice + ["--cases", "300", "--seed", "2"])
      #expect(status == .success, "\(io.stdout)\(io.stderr)")
      #expect(io.stderr.contains("the owner holds 3 token(s), left untouched"))
      #expect(Self.labels(report)["context:adapted", default: 0] > 0)
      #expect(Set(server.tokens(of: "alice").map(\.id)) == Set(before))
    }
  }

  @Test("a body over the service's size limit (413) is neither judged nor a finding")
  func bodyTooLarge() throws {
    try withTestService(clock: .fixed(fixedNow), maximumBody: 200) { server in
      let (status, io, report) = try FuzzCommandTests.fuzz(
        ["--sut-url", server.url] + Self.alice + ["--cases", "200", "--seed", "1"])
      #expect(status == .success, "\(io.stdout)\(io.stderr)")
      #expect(
        Self.labels(report)["not judged (413: body over the service's limit)", default: 0] > 0)
    }
  }

  @Test("the replay line re-runs the shrunk finding against the service")
  func replay() throws {
    var token = ""
    try withTestService(clock: .fixed(fixedNow), faults: [.boundary]) { server in
      let (_, _, report) = try FuzzCommandTests.fuzz(
        ["--sut-url", server.url] + Self.alice + ["--cases", "300", "--seed", "1"])
      let replay = try #require(
        FuzzCommandTests.findings(report).first.flatMap { FuzzCommandTests.string($0, "replay") })
      token = try #require(replay.split(separator: "'").last.map(String.init))
      let failing = CapturedIO()
      let status = PATFuzzCommand.run(
        ["fuzz", "--sut-url", server.url] + Self.alice + ["--replay", token], io: failing.io())
      #expect(status == .failure, "\(failing.stdout)\(failing.stderr)")
      #expect(failing.stdout.contains("differential-http fails"))
      #expect(failing.stdout.contains("now 2026-06-15T12:34:56.789Z"))
      #expect(server.tokens(of: "alice").isEmpty)
    }
    try withTestService(clock: .fixed(fixedNow)) { server in
      let fixed = CapturedIO()
      let status = PATFuzzCommand.run(
        ["fuzz", "--sut-url", server.url] + Self.alice + ["--replay", token], io: fixed.io())
      #expect(status == .success, "\(fixed.stdout)\(fixed.stderr)")
      #expect(fixed.stdout.contains("no longer fails"))
    }
  }

  @Test(
    "usage errors exit 64",
    arguments: [
      (["--sut-url", "ftp://127.0.0.1:1"], "--sut-url needs an http://host[:port][/path] URL"),
      (["--sut-url", "http://"], "--sut-url needs an http://host[:port][/path] URL"),
      (
        ["--sut-url", "http://127.0.0.1:99999"], "--sut-url needs an http://host[:port][/path] URL"
      ),
      (["--sut-url", "https://example.com"], "--sut-url speaks plain HTTP only"),
      (["--sut-url", "http://127.0.0.1:1", "--sut-command", "cat"], "not both"),
      (["--sut-url", "http://127.0.0.1:1", "--header", "Authorization"], "needs 'Name: value'"),
      (["--sut-url", "http://127.0.0.1:1", "--header", "Bad Name: x"], "needs a field name"),
      (["--sut-url", "http://127.0.0.1:1", "--header", "Host: x"], "cannot set Host"),
      (["--sut-url", "http://127.0.0.1:1", "--header", "X: a\u{1}b"], "control character"),
      (["--header", "Authorization: Bearer alice"], "--header needs --sut-url"),
      (["--sut-url", "http://127.0.0.1:1", "--jobs", "2"], "--sut-url runs one job"),
      (["--sut-url", "http://127.0.0.1:1", "--property", "oracle"], "unknown property 'oracle'"),
    ] as [([String], String)])
  func usageErrors(arguments: [String], message: String) {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["fuzz"] + arguments, io: captured.io()) == .usage)
    #expect(captured.stderr.contains(message), "\(captured.stderr)")
  }

  @Test("a service that cannot be reached, or refuses the credentials, exits 70")
  func cannotUse() throws {
    var url = ""
    try withTestService { server in url = server.url }
    let unreachable = CapturedIO()
    let status = PATFuzzCommand.run(
      ["fuzz", "--sut-url", url, "--cases", "10", "--no-corpus"] + Self.alice,
      io: unreachable.io())
    #expect(status == .software)
    #expect(unreachable.stderr.contains("cannot be reached"), "\(unreachable.stderr)")
    try withTestService { server in
      for header in [[], ["--header", "Authorization: Basic YWxpY2U="]] {
        let refused = CapturedIO()
        let status = PATFuzzCommand.run(
          ["fuzz", "--sut-url", server.url, "--cases", "10", "--no-corpus"] + header,
          io: refused.io())
        #expect(status == .software)
        #expect(refused.stderr.contains("(401 Unauthorized): check the credentials"))
      }
    }
  }

  @Test("a service that starts refusing the credentials stops the campaign: exit 70, reports")
  func refusedMidway() throws {
    var configuration = ServiceConfiguration()
    configuration.rateLimit = nil
    let service = TokenService(configuration: configuration)
    let requests = Mutex(0)
    // After 300 requests, every POST is refused as if the token had expired.
    let server = try HTTPServer.start(configuration: HTTPServer.Configuration()) { request in
      let count = requests.withLock { count in
        count += 1
        return count
      }
      if request.method == "POST", count > 300 {
        return HTTPResponse(status: 401, body: Array(#"{"error":"expired"}"#.utf8))
      }
      return service.handle(request)
    }
    defer {
      server.shutdown()
      server.wait()
    }
    let (status, io, report) = try FuzzCommandTests.fuzz(
      ["--sut-url", server.url] + Self.alice + ["--cases", "2000", "--seed", "4"])
    #expect(status == .software, "\(io.stdout)\(io.stderr)")
    #expect(io.stderr.contains("the campaign stopped: the service refused the request (401"))
    #expect(FuzzCommandTests.string(report, "stopReason") == "aborted")
    #expect(FuzzCommandTests.findings(report).isEmpty)
    #expect(Int(FuzzCommandTests.number(report, "cases") ?? "") ?? 2000 < 2000)
    #expect(service.store.tokens(of: TokenOwner(bearerToken: "alice")).isEmpty)
  }

  @Test("patfuzz serve as a child process: its planted boundary fault is found")
  func servedByChildProcess() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Executable.patfuzz)
    process.arguments = [
      "serve", "--port", "0", "--clock", "fixed:\(fixedNow.rfc3339)", "--fault", "boundary",
      "--rate-limit", "off",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let line = try #require(firstLine(of: output.fileHandleForReading))
    let url = String(line.dropFirst("listening on ".count))
    let (status, io, report) = try FuzzCommandTests.fuzz(
      ["--sut-url", url] + Self.alice + ["--cases", "300", "--seed", "1", "--max-findings", "1"])
    #expect(status == .failure, "\(io.stdout)\(io.stderr)")
    let finding = try #require(FuzzCommandTests.findings(report).first)
    #expect(FuzzCommandTests.string(finding, "class")?.contains("expirationDate.notFuture") == true)
    let client = try HTTPClient(url: url)
    let listing = try client.get(
      "/v2025/personal-access-tokens", headers: ["Authorization": "Bearer alice"])
    #expect(listing.bodyText == "[]")
  }

  @Test(
    "SIGTERM or SIGINT stops a campaign child process, which deletes the tokens it created",
    arguments: [SIGTERM, SIGINT])
  func stopped(signal: Int32) throws {
    try withTestService { server in
      // Started as a shell starts a background job: no signal blocked, SIGINT ignored.
      let child = try spawnLikeAShell(
        "trap '' INT; exec \"$0\" \"$@\"",
        arguments: [
          Executable.patfuzz, "fuzz", "--sut-url", server.url, "--header",
          "Authorization: Bearer alice", "--seconds", "60", "--seed", "6", "--no-corpus",
          "--quiet",
        ])
      // Wait (at most 20 s) until cases run (they create the names they want; the start
      // creates only clock-reading tokens), then stop it.
      func caseTokens() -> [String] {
        server.tokens(of: "alice").map(\.name).filter { !$0.hasPrefix("patfuzz clock") }
      }
      var waited = 0
      while caseTokens().isEmpty, waited < 2000 {
        usleep(10_000)
        waited += 1
      }
      #expect(!caseTokens().isEmpty)
      kill(child, signal)
      let status = waitForExit(child, seconds: 20)
      if status == nil { kill(child, SIGKILL) }
      #expect(status == 0, "the campaign did not stop on signal \(signal)")
      #expect(server.tokens(of: "alice").isEmpty)
    }
  }
}

/// Starts `/bin/sh -c SCRIPT ARGUMENTS...` with no signal blocked and default signal actions,
/// as a shell starts a command (a test process's children inherit a mask that blocks signals).
///
/// - Parameters:
///   - script: The shell script.
///   - arguments: `$0` and the arguments after it.
/// - Returns: The child's process id.
/// - Throws: ``FixtureError`` when it cannot be started.
func spawnLikeAShell(_ script: String, arguments: [String]) throws -> pid_t {
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  posix_spawnattr_setsigmask(&attributes, &empty)
  var defaults = sigset_t()
  sigfillset(&defaults)
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = (["/bin/sh", "-c", script] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var child: pid_t = 0
  let result = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
  guard result == 0 else { throw FixtureError("posix_spawn: \(result)") }
  return child
}

/// Waits for a child to exit.
///
/// - Parameters:
///   - child: The child's process id.
///   - seconds: How long to wait at most.
/// - Returns: Its exit status, or `nil` when it did not exit normally in time.
func waitForExit(_ child: pid_t, seconds: Int) -> Int32? {
  var status: Int32 = 0
  for _ in 0..<(seconds * 100) {
    if waitpid(child, &status, WNOHANG) == child {
      return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }
    usleep(10_000)
  }
  return nil
}

/// Reads the first line a child process writes, within 10 s.
func firstLine(of handle: FileHandle) -> String? {
  let line = LockedText()
  let done = DispatchSemaphore(value: 0)
  Thread {
    var bytes: [UInt8] = []
    while !bytes.contains(0x0A) {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      bytes.append(contentsOf: chunk)
    }
    line.set(String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self))
    done.signal()
  }.start()
  guard done.wait(timeout: .now() + 10) == .success else { return nil }
  return line.get()
}
