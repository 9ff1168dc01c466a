import Foundation
import PATFuzzCLI
import PATHarness
import PATModel
import Testing

/// Short campaigns, in-process and against the reference implementation behind the line
/// protocol with planted faults. Budgets are in cases and seeds are fixed.
@Suite("patfuzz fuzz", .serialized)
struct FuzzCommandTests {
  static func temporaryFolder() -> String {
    CorpusCommandTests.temporaryFolder()
  }

  /// Runs `patfuzz fuzz` in-process and reads its JSON report.
  static func fuzz(
    _ arguments: [String], corpus: String? = nil
  ) throws -> (status: ExitCode, io: CapturedIO, report: [JSONMember]) {
    let folder = temporaryFolder()
    let report = folder + "/report.json"
    let captured = CapturedIO()
    var all = ["fuzz", "--quiet", "--jobs", "1", "--report", report] + arguments
    all += corpus.map { ["--corpus", $0] } ?? ["--no-corpus"]
    let status = PATFuzzCommand.run(all, io: captured.io())
    let members =
      (try? JSONParser.parseObject([UInt8](Data(contentsOf: URL(fileURLWithPath: report))))) ?? []
    return (status, captured, members)
  }

  static func findings(_ report: [JSONMember]) -> [[JSONMember]] {
    guard case .array(let findings)? = report.first(where: { $0.name == "findings" })?.value
    else { return [] }
    return findings.compactMap { if case .object(let members) = $0 { members } else { nil } }
  }

  static func string(_ members: [JSONMember], _ name: String) -> String? {
    if case .string(let text)? = members.first(where: { $0.name == name })?.value {
      text
    } else {
      nil
    }
  }

  static func number(_ members: [JSONMember], _ name: String) -> String? {
    if case .number(let text)? = members.first(where: { $0.name == name })?.value {
      text
    } else {
      nil
    }
  }

  @Test("an in-process campaign over every property finds nothing and writes its reports")
  func inProcess() throws {
    let junit = Self.temporaryFolder() + "/junit.xml"
    let (status, io, report) = try Self.fuzz(["--cases", "1600", "--seed", "7", "--junit", junit])
    #expect(status == .success, "\(io.stdout)")
    #expect(Self.number(report, "cases") == "1600")
    #expect(Self.number(report, "seed") == "7")
    #expect(Self.findings(report).isEmpty)
    #expect(io.stdout.contains("cases/s per job"))
    #expect(io.stdout.contains("coverage of oracle:"))
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains(#"<testcase classname="patfuzz.oracle""#))
    #expect(xml.contains(#"failures="0""#))
  }

  @Test("a correct implementation behind the line protocol gives no finding")
  func correctImplementation() throws {
    let (status, io, report) = try Self.fuzz([
      "--cases", "400", "--seed", "11", "--sut-command", Executable.sutReference(),
      "--compare-codes",
    ])
    #expect(status == .success, "\(io.stdout)\(io.stderr)")
    #expect(Self.findings(report).isEmpty)
    #expect(Self.number(report, "cases") == "400")
  }

  @Test(
    "each planted fault is found, shrunk small and reported",
    arguments: [
      ("boundary", "disagreement", 80),
      ("second-precision", "disagreement", 80),
      ("case-insensitive", "disagreement", 80),
      ("crash-long-names", "crash", 1100),
    ])
  func plantedFault(fault: String, kind: String, maximumPayload: Int) throws {
    let corpus = Self.temporaryFolder()
    let (status, io, report) = try Self.fuzz(
      [
        "--cases", "600", "--seed", "3", "--sut-command", Executable.sutReference(faults: [fault]),
        "--sut-timeout", "2", "--max-findings", "1",
      ], corpus: corpus)
    #expect(status == .failure, "\(io.stdout)\(io.stderr)")
    let finding = try #require(Self.findings(report).first, "\(io.stdout)")
    #expect(Self.string(finding, "kind") == kind)
    let payload = try #require(Self.string(finding, "payload"))
    #expect(payload.utf8.count <= maximumPayload, "\(payload.prefix(200))")
    #expect(Self.string(finding, "replay")?.hasPrefix("patfuzz fuzz --sut-command") == true)
    let path = try #require(Self.string(finding, "corpusPath"))
    let saved = try CorpusStore(root: corpus).read(path)
    #expect(saved.origin == "fuzz seed 3")
    #expect(saved.payload == Array(payload.utf8))
    #expect(CorpusReplay.check(saved).holds)
    #expect(io.stdout.contains("FINDING \(kind) in differential"))
  }

  @Test("a crash and a hang are survived: the campaign restarts the implementation and goes on")
  func crashAndHangSurvived() throws {
    let (status, io, report) = try Self.fuzz([
      "--cases", "300", "--seed", "5",
      "--sut-command", Executable.sutReference(faults: ["crash-long-names", "hang-empty-name"]),
      "--sut-timeout", "0.5", "--shrink-seconds", "5",
    ])
    #expect(status == .failure)
    let kinds = Set(Self.findings(report).compactMap { Self.string($0, "kind") })
    #expect(kinds.isSuperset(of: ["crash", "timeout"]), "\(io.stdout)")
    #expect(Self.number(report, "cases") == "300")
    let timeout = try #require(Self.findings(report).first { Self.string($0, "kind") == "timeout" })
    let hang = try #require(Self.string(timeout, "payload"))
    #expect(hang.contains(#""name":"""#))
    // Each candidate that still hangs costs the whole timeout, so a hang shrinks less far
    // than a disagreement within the same shrink budget; it still loses most of its bulk.
    #expect(hang.utf8.count <= 300, "\(hang)")
    let crash = try #require(Self.findings(report).first { Self.string($0, "kind") == "crash" })
    #expect((Self.string(crash, "payload")?.utf8.count ?? .max) <= 1100)
  }

  @Test("an answer that is not JSON is a protocol error, and the next request restarts the process")
  func garbageAnswer() throws {
    let sut = SUTPool(command: Executable.sutReference(faults: ["garbage"]), timeout: 2)
    defer { sut.stopAll() }
    func request(_ id: Int, name: String) -> SUTRequest {
      SUTRequest(
        id: id, payload: #"{"name":"\#(name)","userAwareTokenNeverExpires":true}"#,
        now: CorpusCase.defaultNow, existingNames: [])
    }
    do {
      _ = try sut.ask(request(1, name: "garbage"))
      Issue.record("a line that is not JSON was accepted as an answer")
    } catch {
      guard case .malformedAnswer = error else {
        Issue.record("expected a malformed answer, got \(error)")
        return
      }
    }
    let answer = try sut.ask(request(2, name: "fine"))
    #expect(answer == SUTAnswer(id: 2, accepted: true, codes: []))
    #expect(sut.starts == 2)
  }

  @Test("the same seed gives the same first finding")
  func sameSeedSameFinding() throws {
    let arguments = [
      "--cases", "400", "--seed", "21", "--max-findings", "1",
      "--sut-command", Executable.sutReference(faults: ["boundary"]),
    ]
    let first = try Self.fuzz(arguments)
    let second = try Self.fuzz(arguments)
    let firstPayload = Self.findings(first.report).first.flatMap { Self.string($0, "payload") }
    #expect(firstPayload != nil)
    #expect(
      firstPayload == Self.findings(second.report).first.flatMap { Self.string($0, "payload") })
    #expect(
      Self.findings(first.report).first.flatMap { Self.string($0, "now") }
        == Self.findings(second.report).first.flatMap { Self.string($0, "now") })
  }

  @Test("the replay line re-runs the shrunk finding")
  func replay() throws {
    let sut = Executable.sutReference(faults: ["boundary"])
    let (_, _, report) = try Self.fuzz([
      "--cases", "400", "--seed", "21", "--max-findings", "1", "--sut-command", sut,
    ])
    let replay = try #require(Self.findings(report).first.flatMap { Self.string($0, "replay") })
    let token = try #require(replay.split(separator: "'").last.map(String.init))
    let failing = CapturedIO()
    #expect(
      PATFuzzCommand.run(["fuzz", "--sut-command", sut, "--replay", token], io: failing.io())
        == .failure)
    #expect(failing.stdout.contains("differential fails"))
    let fixed = CapturedIO()
    #expect(
      PATFuzzCommand.run(
        ["fuzz", "--sut-command", Executable.sutReference(), "--replay", token], io: fixed.io())
        == .success)
    #expect(fixed.stdout.contains("no longer fails"))
  }

  @Test("an implementation that cannot start at all exits 70")
  func cannotStart() {
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["fuzz", "--cases", "10", "--sut-command", "/nonexistent/implementation", "--no-corpus"],
      io: captured.io())
    #expect(status == .software)
    #expect(captured.stderr.contains("could not be started"))
  }

  @Test(
    "usage errors exit 64",
    arguments: [
      (["fuzz", "--cases", "10", "--seconds", "1"], "give --seconds or --cases, not both"),
      (["fuzz", "--seed", "banana"], "--seed needs a number"),
      (["fuzz", "--cases", "0"], "option '--cases' needs an integer"),
      (["fuzz", "--compare-codes"], "need --sut-command"),
      (["fuzz", "--replay", "nonsense"], "--replay needs a token"),
      (["fuzz", "--property", "nope"], "unknown property 'nope'"),
      (["fuzz", "--seconds", "-3"], "--seconds needs a positive number"),
      (["fuzz", "extra"], "unexpected argument 'extra'"),
    ] as [([String], String)])
  func usageErrors(arguments: [String], message: String) {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(arguments, io: captured.io()) == .usage)
    #expect(captured.stderr.contains(message), "\(captured.stderr)")
  }
}
