import Foundation
import PATFuzzCLI
import PATHarness
import PATModel
import Testing

@Suite("patfuzz replay and patfuzz corpus")
struct CorpusCommandTests {
  static func temporaryFolder() -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "patfuzz-cli-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    )
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static let payload = Array(#"{"name":"t","expirationDate":"2026-06-15T12:34:56.790Z"}"#.utf8)

  @Test("corpus add writes the reference verdict; replay then holds and exits 0")
  func addThenReplay() throws {
    let root = Self.temporaryFolder()
    let added = CapturedIO()
    let status = PATFuzzCommand.run(
      [
        "corpus", "add", "p.json", "--corpus", root, "--theme", "dates",
        "--now", "2026-06-15T12:34:56.789Z", "--note", "now + 1 ms",
      ],
      io: added.io(files: ["p.json": Self.payload]))
    #expect(status == .success)
    #expect(added.stdout.hasPrefix("added \(root)/dates/"))
    #expect(added.stdout.hasSuffix(": valid\n"))
    let paths = try CorpusStore(root: root).casePaths()
    #expect(paths.count == 1)
    let replayed = CapturedIO()
    #expect(PATFuzzCommand.run(["replay", root], io: replayed.io()) == .success)
    #expect(replayed.stdout.contains("1 hold, 0 disagree, 0 unreadable"))
  }

  @Test("replay exits 1 and shows expected vs actual for a disagreeing case")
  func disagreement() throws {
    let root = Self.temporaryFolder()
    var corpusCase = CorpusCase(
      referenceVerdictFor: Self.payload,
      context: ValidationContext(now: Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!),
      note: "flipped on purpose", origin: "hand")
    corpusCase.expectation = Expectation(valid: false, codes: [.expirationDateNotFuture])
    let written = try CorpusStore(root: root).write(corpusCase, theme: "dates")
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["replay", "--quiet", root], io: captured.io()) == .failure)
    #expect(captured.stdout.contains("FAIL \(written.relativePath)"))
    #expect(captured.stdout.contains("expected invalid [expirationDate.notFuture]"))
    #expect(captured.stdout.contains("reference gave valid"))
    #expect(captured.stdout.contains("note: flipped on purpose"))
  }

  @Test("replay names an unreadable case file and exits 1, not a crash")
  func unreadable() throws {
    let root = Self.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/x", withIntermediateDirectories: true)
    try Data("not json".utf8).write(to: URL(fileURLWithPath: root + "/x/bad.json"))
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["replay", root], io: captured.io()) == .failure)
    #expect(captured.stderr.contains("unreadable \(root)/x/bad.json: not a JSON object"))
    #expect(captured.stdout.contains("0 hold, 0 disagree, 1 unreadable"))
  }

  @Test("replay of a missing folder is a usage error")
  func missingFolder() {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["replay", "/nonexistent/corpus"], io: captured.io()) == .usage)
    #expect(captured.stderr.contains("not a corpus folder"))
  }

  @Test("corpus minimize removes redundant generated cases and is idempotent")
  func minimize() throws {
    let root = Self.temporaryFolder()
    let store = CorpusStore(root: root)
    let context = ValidationContext(now: CorpusCase.defaultNow)
    for (name, origin) in [
      ("a", "hand"), ("abc", "hand"), ("abcdef", "fuzz 1"), ("abcdefgh", "fuzz 2"),
    ] {
      let text = #"{"name":"\#(name)","userAwareTokenNeverExpires":true}"#
      try store.write(
        CorpusCase(
          referenceVerdictFor: Array(text.utf8), context: context, note: name, origin: origin),
        theme: "names")
    }
    let dry = CapturedIO()
    #expect(
      PATFuzzCommand.run(["corpus", "minimize", "--dry-run", root], io: dry.io()) == .success)
    #expect(dry.stdout.contains("4 cases, 2 redundant, 2 kept"))
    #expect(try store.casePaths().count == 4)
    let first = CapturedIO()
    #expect(PATFuzzCommand.run(["corpus", "minimize", root], io: first.io()) == .success)
    #expect(first.stdout.components(separatedBy: "removed names/").count == 3)
    let remaining = try store.readAll().entries
    #expect(remaining.map(\.corpusCase.origin).sorted() == ["hand", "hand"])
    let second = CapturedIO()
    #expect(PATFuzzCommand.run(["corpus", "minimize", root], io: second.io()) == .success)
    #expect(second.stdout.contains("2 cases, 0 redundant, 2 kept"))
  }

  @Test("corpus export writes each distinct payload once, byte for byte")
  func export() throws {
    let root = Self.temporaryFolder()
    let store = CorpusStore(root: root)
    let binary: [UInt8] = [0xFF, 0x00, 0x7B]
    for (payload, now) in [
      (Self.payload, "2026-06-15T12:34:56.789Z"), (Self.payload, "2026-06-15T12:34:56.790Z"),
      (binary, "2026-06-15T12:34:56.789Z"),
    ] {
      try store.write(
        CorpusCase(
          referenceVerdictFor: payload,
          context: ValidationContext(now: Timestamp(rfc3339: now)!), note: "n", origin: "hand"),
        theme: "t")
    }
    let output = (Self.temporaryFolder() as NSString).appendingPathComponent("seeds")
    let captured = CapturedIO()
    #expect(
      PATFuzzCommand.run(["corpus", "export", output, "--corpus", root], io: captured.io())
        == .success)
    #expect(captured.stdout == "exported 2 payloads from 3 cases to \(output)\n")
    let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(
      files == [SeedExport.fileName(for: Self.payload), SeedExport.fileName(for: binary)].sorted())
    let seed = FileManager.default.contents(
      atPath: (output as NSString).appendingPathComponent(SeedExport.fileName(for: binary)))
    #expect(seed.map([UInt8].init) == binary)
  }

  @Test("corpus add --fuzz-target takes the payload and context the target judged")
  func addFuzzInput() throws {
    let root = Self.temporaryFolder()
    let input: [UInt8] =
      [0, 1, 1, 0] + Array(#"{"name":"CI","expirationDate":"2027-01-01T00:00:00Z"}"#.utf8)
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      [
        "corpus", "add", "crash", "--fuzz-target", "FuzzRawBytes", "--corpus", root,
        "--origin", "libfuzzer", "--note", "libFuzzer FuzzRawBytes: x",
      ],
      io: captured.io(files: ["crash": input]))
    #expect(status == .success, "\(captured.stderr)")
    #expect(captured.stdout.hasSuffix(": invalid [name.duplicate]\n"))
    let entry = try #require(try CorpusStore(root: root).readAll().entries.first)
    #expect(entry.relativePath.hasPrefix("findings/"))
    #expect(entry.corpusCase.payload == Array(input.dropFirst(4)))
    #expect(entry.corpusCase.now == Timestamp(rfc3339: "2026-06-15T12:34:56.789Z"))
    #expect(entry.corpusCase.existingNames == ["CI"])
    #expect(entry.corpusCase.origin == "libfuzzer")
  }

  @Test("corpus add --fuzz-target of a structured input over non-payloads exits 1")
  func addFuzzInputWithoutCase() throws {
    let index = try #require(FuzzChecks().properties.firstIndex { $0.name == "token-store" })
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["corpus", "add", "crash", "--fuzz-target", "FuzzStructured", "--corpus", "/nonexistent"],
      io: captured.io(files: ["crash": [UInt8(index), 3, 4]]))
    #expect(status == .failure)
    #expect(captured.stderr.contains("property 'token-store', whose inputs are not payloads"))
  }

  @Test(
    "corpus usage errors exit 64",
    arguments: [
      (["corpus"], "corpus needs 'add', 'minimize' or 'export'"),
      (["corpus", "grow"], "unknown corpus command 'grow'"),
      (["corpus", "add"], "corpus add needs a payload FILE"),
      (["corpus", "add", "p.json", "--theme", "../up"], "--theme needs a sub-folder name"),
      (["replay", "--fast"], "unknown option '--fast'"),
      (["corpus", "export"], "corpus export needs an output folder OUTDIR"),
      (
        [
          "corpus", "add", "p.json", "--fuzz-target", "FuzzRawBytes", "--now",
          "2026-01-01T00:00:00Z",
        ],
        "--now cannot be used with --fuzz-target"
      ),
      (["corpus", "add", "p.json", "--fuzz-target", "FuzzX"], "--fuzz-target needs one of"),
    ] as [([String], String)])
  func usageErrors(arguments: [String], message: String) {
    let captured = CapturedIO()
    #expect(
      PATFuzzCommand.run(arguments, io: captured.io(files: ["p.json": Self.payload])) == .usage)
    #expect(captured.stderr.contains(message), "\(captured.stderr)")
  }
}
