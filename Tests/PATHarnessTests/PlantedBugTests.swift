@_spi(PlantedFaults) import PATHarness
@_spi(PlantedFaults) import PATModel
import PropertyKit
import Testing

/// The harness's own power, tested: a validator with a deliberate bug makes a named property
/// fail, and the shrunk counterexample is the smallest case that shows the bug.
@Suite("Planted validator bugs are found and shrunk")
struct PlantedBugTests {
  static func failingCase(
    _ faults: PlantedFaults, property: (PATProperties.Configuration) -> PATProperty,
    cases: Int = 3000, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (GeneratedCase, PATPropertyOutcome) {
    let outcome = run(
      property(PATProperties.Configuration(plantedFaults: faults)), cases: cases,
      seed: 0xB06_0001)
    let counterexample = try #require(
      outcome.result.counterexample, "the planted bug was not found", sourceLocation: sourceLocation
    )
    #expect(counterexample.replayLine.contains("PATFUZZ_REPLAY="), sourceLocation: sourceLocation)
    let failing = try #require(outcome.failingCase, sourceLocation: sourceLocation)
    return (failing, outcome)
  }

  static func labels(_ generated: GeneratedCase) -> Set<String> {
    CaseClassifier.labels(payload: generated.payload, context: generated.context)
  }

  @Test("`>=` instead of `>` at the expiration boundary: shrinks to an expiration exactly at now")
  func inclusiveBoundary() throws {
    let (failing, outcome) = try Self.failingCase(
      .expirationAtNowAccepted, property: PATProperties.oracle)
    #expect(outcome.property == "oracle")
    #expect(Self.labels(failing).contains("date:now"))
    let verdict = Validator(context: failing.context).validate(json: failing.payload)
    #expect(verdict.codes.contains(.expirationDateNotFuture))
    #expect(failing.existingNames.isEmpty)
    #expect(failing.payload.count <= 60, "\(failing.payloadText)")
  }

  @Test("comparing names with Swift's == : shrinks to a canonically equivalent near-duplicate")
  func canonicalNames() throws {
    let (failing, _) = try Self.failingCase(
      .canonicalNameComparison, property: PATProperties.oracle)
    #expect(Self.labels(failing).contains("name:nearDuplicate"))
    #expect(failing.existingNames.count == 1)
    let name = try #require(try CreatePersonalAccessTokenRequest(json: failing.payload).name.value)
    let existing = try #require(failing.existingNames.first)
    #expect(
      NameComparison.canonical.matches(name, existing)
        != failing.nameComparison.matches(name, existing))
  }

  @Test("comparing names ignoring case: shrinks to a case-changed near-duplicate")
  func caseInsensitiveNames() throws {
    let (failing, _) = try Self.failingCase(
      .caseInsensitiveNameComparison, property: PATProperties.oracle)
    #expect(Self.labels(failing).contains("name:nearDuplicate"))
    #expect(failing.existingNames.count == 1)
    let name = try #require(try CreatePersonalAccessTokenRequest(json: failing.payload).name.value)
    let existing = try #require(failing.existingNames.first)
    #expect(
      NameComparison.caseInsensitive.matches(name, existing)
        != failing.nameComparison.matches(name, existing))
  }

  @Test("comparing expirations in whole seconds: shrinks to a date within now's second")
  func secondPrecision() throws {
    let (failing, _) = try Self.failingCase(
      .secondPrecisionExpiration, property: PATProperties.oracle)
    let request = try CreatePersonalAccessTokenRequest(json: failing.payload)
    let expiration = try #require(request.expirationDate.value.flatMap { Timestamp(rfc3339: $0) })
    #expect(expiration.millisecondsSinceEpoch / 1000 == failing.now.millisecondsSinceEpoch / 1000)
    #expect(failing.payload.count <= 60, "\(failing.payloadText)")
  }

  @Test("letting a validity of 0 through: shrinks to accessTokenValiditySeconds 0")
  func zeroValidity() throws {
    let (failing, _) = try Self.failingCase(.zeroValidityAccepted, property: PATProperties.oracle)
    #expect(Self.labels(failing).contains("validity:0"))
    let verdict = Validator(context: failing.context).validate(json: failing.payload)
    #expect(verdict.codes.contains(.accessTokenValiditySecondsRange))
    #expect(failing.payload.count <= 80, "\(failing.payloadText)")
  }

  @Test("rejecting the upper bound 43200: shrinks to exactly 43200")
  func exclusiveUpperBound() throws {
    let (failing, _) = try Self.failingCase(
      .validityUpperBoundExclusive, property: PATProperties.oracle)
    #expect(Self.labels(failing).contains("validity:43200"))
    let verdict = Validator(context: failing.context).validate(json: failing.payload)
    #expect(!verdict.codes.contains(.accessTokenValiditySecondsRange))
    #expect(failing.existingNames.isEmpty)
    #expect(failing.payload.count <= 80, "\(failing.payloadText)")
  }
}

@Suite("Fuzzer inputs become shrunk cases")
struct FuzzerInputShrinkingTests {
  @Test("a failing fuzzer input turns into the shrunk case, not the raw one")
  func fuzzerInputIsShrunk() throws {
    let property = PATProperties.oracle(
      PATProperties.Configuration(plantedFaults: .expirationAtNowAccepted))
    var state: UInt64 = 0x0F0F_F00D
    var failing: [UInt8]?
    for _ in 0..<20_000 where failing == nil {
      var bytes: [UInt8] = []
      for _ in 0..<96 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 56))
      }
      if (try? property.check(fuzzerInput: bytes)) == nil { failing = bytes }
    }
    let input = try #require(failing, "no failing input in 20,000 random ones")
    let shrunk = try #require(property.generatedCase(fuzzerInput: input))
    #expect(throws: (any Error).self) { try property.check(fuzzerInput: input) }
    let verdict = Validator(context: shrunk.context).validate(json: shrunk.payload)
    #expect(verdict.codes.contains(.expirationDateNotFuture))
    #expect(shrunk.payload.count <= 80, "\(shrunk.payloadText)")
    #expect(shrunk.existingNames.isEmpty)
  }
}
