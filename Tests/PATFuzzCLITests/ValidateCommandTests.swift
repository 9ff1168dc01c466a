import PATFuzzCLI
import PATModel
import Testing

@Suite("patfuzz validate")
struct ValidateCommandTests {
  static let example = Array(
    #"{"name":"NodeJS Integration","accessTokenValiditySeconds":36900,"expirationDate":"2026-12-31T23:59:59.999Z"}"#
      .utf8)

  @Test("a valid payload prints the verdict and exits 0")
  func valid() {
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["validate", "--now", "2026-12-04T00:00:00Z", "p.json"],
      io: captured.io(files: ["p.json": Self.example]))
    #expect(status == .success)
    #expect(
      captured.stdout
        == #"{"valid":true,"violations":[],"normalized":{"name":"NodeJS Integration","scope":["sp:scopes:all"],"accessTokenValiditySeconds":36900,"expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}}"#
        + "\n")
    #expect(captured.stderr.isEmpty)
  }

  @Test("an invalid payload from standard input exits 1 with every violation")
  func invalid() {
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["validate", "--now=2027-01-01T00:00:00Z", "--existing", "NodeJS Integration", "-"],
      io: captured.io(input: Self.example))
    #expect(status == .failure)
    #expect(captured.stdout.hasPrefix(#"{"valid":false,"violations":[{"code":"name.duplicate""#))
    #expect(captured.stdout.contains(#""code":"expirationDate.notFuture""#))
    #expect(captured.stdout.hasSuffix(#""normalized":null}"# + "\n"))
  }

  @Test("--now defaults to the injected clock")
  func defaultNow() {
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      ["validate"],
      io: captured.io(input: Self.example, now: Timestamp(rfc3339: "2026-12-31T23:59:59.999Z")!))
    #expect(status == .failure)
    #expect(captured.stdout.contains("expirationDate.notFuture"))
  }

  @Test("--strict and --names change the verdict")
  func options() {
    let payload = Array(#"{"name":"CAFE","userAwareTokenNeverExpires":true,"x":1}"#.utf8)
    let plain = CapturedIO()
    #expect(
      PATFuzzCommand.run(["validate", "--existing", "cafe"], io: plain.io(input: payload))
        == .success)
    let strict = CapturedIO()
    #expect(
      PATFuzzCommand.run(
        ["validate", "--strict", "--existing", "cafe", "--names", "caseInsensitive"],
        io: strict.io(input: payload)) == .failure)
    #expect(strict.stdout.contains("field.unknown"))
    #expect(strict.stdout.contains("name.duplicate"))
  }

  @Test(
    "usage errors exit 64 with a message on standard error",
    arguments: [
      (["validate", "--bogus"], "unknown option '--bogus'"),
      (["validate", "--now", "yesterday"], "--now needs an RFC 3339 date-time"),
      (["validate", "--now"], "option '--now' needs a value"),
      (["validate", "--names", "fuzzy"], "--names needs exact, canonical or caseInsensitive"),
      (["validate", "missing.json"], "cannot read missing.json"),
      (["validate", "a.json", "b.json"], "unexpected argument 'b.json'"),
      (["validate", "--strict=yes"], "option '--strict' takes no value"),
      (["frobnicate"], "unknown command 'frobnicate'"),
    ] as [([String], String)])
  func usageErrors(arguments: [String], message: String) {
    let captured = CapturedIO()
    let status = PATFuzzCommand.run(
      arguments, io: captured.io(files: ["a.json": [], "b.json": []]))
    #expect(status == .usage)
    #expect(captured.stderr.contains(message), "\(captured.stderr)")
    #expect(captured.stdout.isEmpty)
  }

  @Test("--help prints the usage and exits 0")
  func help() {
    let captured = CapturedIO()
    #expect(PATFuzzCommand.run(["validate", "--help"], io: captured.io()) == .success)
    #expect(captured.stdout.contains("usage: patfuzz validate"))
  }
}
