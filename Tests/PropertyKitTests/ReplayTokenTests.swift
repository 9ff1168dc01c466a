import PropertyKit
import Testing

@Suite("Replay tokens and their encodings")
struct ReplayTokenTests {
  @Test(
    "LEB128 round-trips choice sequences",
    arguments: [[], [0], [127], [128], [300, 0, 1], [UInt64.max, 1 << 63, 0x1234_5678_9ABC]]
      as [[UInt64]])
  func leb128RoundTrip(values: [UInt64]) throws {
    let encoded = LEB128.encode(values)
    #expect(try #require(LEB128.decode(encoded)) == values)
  }

  @Test("LEB128 uses one byte for small values and rejects malformed input")
  func leb128Format() {
    #expect(LEB128.encode([0, 127, 128]) == [0x00, 0x7F, 0x80, 0x01])
    #expect(LEB128.decode([0x80]) == nil)
    #expect(LEB128.decode(Array(repeating: 0xFF, count: 10) + [0x01]) == nil)
    #expect(LEB128.decode(Array(repeating: 0xFF, count: 9) + [0x01]) == [UInt64.max])
  }

  @Test("base64url matches RFC 4648 without padding")
  func base64URLVectors() throws {
    #expect(Base64URL.encode(Array("Man".utf8)) == "TWFu")
    #expect(Base64URL.encode(Array("Ma".utf8)) == "TWE")
    #expect(Base64URL.encode(Array("M".utf8)) == "TQ")
    #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    #expect(try #require(Base64URL.decode("-_8")) == [0xFB, 0xFF])
    #expect(try #require(Base64URL.decode("TQ==")) == Array("M".utf8))
    #expect(Base64URL.decode("T") == nil)
    #expect(Base64URL.decode("a+b/") == nil)
  }

  @Test("base64url round-trips every length", arguments: 0..<12)
  func base64URLRoundTrip(length: Int) throws {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
    #expect(try #require(Base64URL.decode(Base64URL.encode(bytes))) == bytes)
  }

  @Test("tokens round-trip, also with @ and : in the property name")
  func tokenRoundTrip() throws {
    for name in ["simple", "user@host:port", "spaces and 'quotes'"] {
      let token = ReplayToken(
        propertyName: name, seed: .max, caseIndex: 17, choices: [0, 1, 300, .max])
      let parsed = try #require(ReplayToken(token.description))
      #expect(parsed == token)
    }
    let empty = ReplayToken(propertyName: "p", seed: 3, caseIndex: 0, choices: [])
    #expect(empty.description == "p@3:0:")
    #expect(ReplayToken("p@3:0:") == empty)
  }

  @Test(
    "malformed tokens are rejected",
    arguments: ["", "noat", "@1:2:AA", "p@1:2", "p@x:2:AA", "p@1:-2:AA", "p@1:2:A", "p@1:2:gA"])
  func malformedTokens(text: String) {
    #expect(ReplayToken(text) == nil)
  }

  @Test("the token format is name@seed:case:base64url(LEB128 choices)")
  func tokenFormat() {
    let token = ReplayToken(propertyName: "sum", seed: 42, caseIndex: 7, choices: [0, 101])
    #expect(token.description == "sum@42:7:AGU")
  }

  @Test("replay lines quote the token for the shell")
  func replayLineQuoting() {
    let token = ReplayToken(propertyName: "it's", seed: 1, caseIndex: 2, choices: [3])
    #expect(
      token.replayLine(filter: "MySuite")
        == "PATFUZZ_REPLAY='it'\\''s@1:2:Aw' swift test --filter 'MySuite'")
    #expect(
      token.replayLine(command: "swift test -c release")
        == "PATFUZZ_REPLAY='it'\\''s@1:2:Aw' swift test -c release")
  }

  @Test("seeds parse in decimal and hexadecimal")
  func seedParsing() {
    #expect(PropertySeed.parse("42") == 42)
    #expect(PropertySeed.parse(" 0xff\n") == 255)
    #expect(PropertySeed.parse("18446744073709551615") == .max)
    #expect(PropertySeed.parse("-1") == nil)
    #expect(PropertySeed.parse("0x") == nil)
  }
}
