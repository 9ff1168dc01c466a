import PATHarness
import PATModel
import PropertyKit
import Testing

/// The harness's properties, run with fixed seeds on every `swift test`.
@Suite("Harness properties")
struct PropertyTests {
  @Test("the validator agrees with the independent decision table, with the required coverage")
  func oracle() {
    let outcome = expectHolds(PATProperties.oracle(), cases: 3000, seed: 0x5EED_0001)
    #expect(outcome.result.casesPassed == 3000)
  }

  @Test("validation is total and deterministic")
  func totality() {
    expectHolds(PATProperties.totality(), cases: 2000, seed: 0x5EED_0002)
  }

  @Test("decode → encode → decode is a fixpoint; canonical encoding is byte-stable")
  func fixpoint() {
    expectHolds(PATProperties.decodeEncodeFixpoint, cases: 1500, seed: 0x5EED_0003)
  }

  @Test("generated requests encode and decode back to themselves")
  func modelRoundTrip() {
    expectHolds(PATProperties.modelRoundTrip, cases: 1500, seed: 0x5EED_0004)
  }

  @Test("timestamps round-trip exactly in every written form and through Date")
  func timestamps() {
    expectHolds(PATProperties.timestampRoundTrip, cases: 3000, seed: 0x5EED_0005)
  }

  @Test("every SDK dialect of a request gets the same verdict")
  func dialects() {
    expectHolds(PATProperties.dialectInvariance(), cases: 1000, seed: 0x5EED_0006)
  }

  @Test("the Foundation path agrees with the reference where it applies")
  func foundation() {
    expectHolds(PATProperties.foundationAgreement(), cases: 1500, seed: 0x5EED_0007)
  }

  @Test("the fast decoder agrees exactly with the reference decoder and validator")
  func fastDecoder() {
    expectHolds(PATProperties.fastDecoder(), cases: 3000, seed: 0x5EED_0009)
  }

  @Test("the token store agrees with a simple model over command sequences")
  func tokenStore() {
    expectHolds(PATProperties.tokenStore, cases: 300, seed: 0x5EED_0008)
  }
}
