import Foundation
@_spi(PlantedFaults) import PATHarness
@_spi(PlantedFaults) import PATModel
import PropertyKit
import Testing

/// The checks behind the libFuzzer targets, run without libFuzzer: how inputs are read, that
/// the real validator passes them, and that a planted fault makes the structured check fail
/// on an input that converts into the right corpus case.
@Suite("Fuzz target checks")
struct FuzzChecksTests {
  /// Random inputs of up to `maximumLength` bytes from a fixed seed.
  static func randomInputs(count: Int, maximumLength: Int, seed: UInt64) -> [[UInt8]] {
    var random = Xoshiro256(seed: seed)
    return (0..<count).map { _ in
      let length = Int(random.next(upTo: UInt64(maximumLength)))
      return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }
  }

  @Test("an input without a header is the payload, judged in the fixed context")
  func noHeader() {
    for bytes in [Array(#"{"name":"t"}"#.utf8), [0, 1, 2], []] {
      let input = RawBytesInput(fuzzerInput: bytes)
      #expect(!input.hasHeader)
      #expect(input.payload == bytes)
      #expect(input.context.now == RawBytesInput.fixedContext.now)
      #expect(input.context.existingNames == ["CI"])
    }
  }

  @Test("a header chooses now, the owner's names and the options")
  func header() throws {
    let input = RawBytesInput(fuzzerInput: [0, 1, 10, 3] + Array("{}".utf8))
    #expect(input.hasHeader)
    #expect(input.payload == Array("{}".utf8))
    #expect(input.context.now == Timestamp(rfc3339: "2026-06-15T12:34:56.789Z"))
    #expect(input.context.existingNames == Array(PATGenerators.namePool.prefix(10)))
    #expect(input.context.strict)
    #expect(input.context.nameComparison == .canonical)
    let wrapped = RawBytesInput(fuzzerInput: [0, 7 + 6, 12 + 11, 5 << 1])
    #expect(wrapped.context.now == Timestamp.latestRFC3339)
    #expect(wrapped.context.existingNames.count == 11)
    #expect(!wrapped.context.strict)
    #expect(wrapped.context.nameComparison == .caseInsensitive)
  }

  @Test("every header context index is reached and distinct")
  func headerContexts() {
    var seen = Set<Int>()
    for instant in 0..<RawBytesInput.instants.count {
      for count in 0...RawBytesInput.maximumExistingNames {
        for options in 0..<6 {
          let header = (UInt8(instant), UInt8(count), UInt8((options / 2) << 1 | options % 2))
          let index = RawBytesInput.contextIndex(header: header)
          seen.insert(index)
          let context = RawBytesInput.context(index: index)
          #expect(context.now == RawBytesInput.instants[instant])
          #expect(context.existingNames.count == count)
          #expect(context.strict == (options % 2 == 1))
          #expect(
            context.nameComparison == [.exact, .canonical, .caseInsensitive][options / 2])
        }
      }
    }
    #expect(seen == Set(0..<RawBytesInput.headerContextCount))
  }

  @Test("the raw-bytes check holds for every corpus payload, with and without a header")
  func rawBytesOnCorpus() throws {
    let checks = FuzzChecks()
    let entries = try CorpusStore(root: PackageLocation.corpus).readAll().entries
    #expect(entries.count > 100)
    for entry in entries {
      let payload = entry.corpusCase.payload
      for input in [payload, [0, 0, 0, 0] + payload, [0, 2, 10, 1] + payload] {
        let failure = checks.checkRawBytes(input)
        #expect(failure == nil, "\(entry.relativePath): \(failure?.description ?? "")")
      }
    }
  }

  @Test("the raw-bytes check holds for random bytes")
  func rawBytesOnRandomInputs() {
    let checks = FuzzChecks()
    for input in Self.randomInputs(count: 2000, maximumLength: 64, seed: 0xF022_0001) {
      #expect(checks.checkRawBytes(input) == nil)
    }
  }

  @Test("the structured check holds for the real validator, every property")
  func structuredHolds() {
    let checks = FuzzChecks()
    #expect(checks.properties.count == PATProperties.all().count)
    for input in Self.randomInputs(count: 800, maximumLength: 96, seed: 0xF022_0002) {
      let failure = checks.checkStructured(input)
      #expect(failure == nil, "\(failure?.description ?? "")")
    }
  }

  @Test("the first byte picks the property")
  func propertyPick() {
    let checks = FuzzChecks()
    let names = checks.properties.map(\.name)
    for first in 0..<UInt8(20) {
      #expect(
        checks.property(forStructuredInput: [first, 1, 2]).name
          == names[Int(first) % names.count])
    }
    #expect(checks.property(forStructuredInput: []).name == names[0])
  }

  @Test("a planted fault fails the structured check; the input becomes the right corpus case")
  func plantedFaultFound() throws {
    let checks = try FuzzChecks(
      environment: [FuzzChecks.plantedFaultVariable: "expirationAtNowAccepted"])
    #expect(checks.plantedFaultNames == ["expirationAtNowAccepted"])
    let oracle = try #require(checks.properties.firstIndex { $0.name == "oracle" })
    var found: (input: [UInt8], failure: FuzzFailure)?
    for choices in Self.randomInputs(count: 20_000, maximumLength: 24, seed: 0xF022_0003) {
      let input = [UInt8(oracle)] + choices
      if let failure = checks.checkStructured(input) {
        found = (input, failure)
        break
      }
    }
    let (input, failure) = try #require(found, "no input found the planted fault")
    #expect(failure.headline.hasPrefix("==PATFuzz== FuzzStructured: oracle: "))
    #expect(failure.description.contains("planted faults: expirationAtNowAccepted"))
    #expect(FuzzChecks().checkStructured(input) == nil, "the real validator passes it")

    let (payload, context) = try checks.caseInput(for: .structured, bytes: input)
    #expect(context.plantedFaults.isEmpty)
    let corpusCase = CorpusCase(
      referenceVerdictFor: payload, context: context, note: "planted", origin: "libfuzzer")
    #expect(corpusCase.expectation.codes.contains(.expirationDateNotFuture))
    #expect(CorpusReplay.check(corpusCase).holds)
    var planted = context
    planted.plantedFaults = .expirationAtNowAccepted
    #expect(
      Expectation(Validator(context: planted).validate(json: payload)) != corpusCase.expectation)
  }

  @Test("an input of a property over non-payloads has no corpus case")
  func noCase() throws {
    let checks = FuzzChecks()
    let index = try #require(checks.properties.firstIndex { $0.name == "timestamp-roundtrip" })
    #expect(throws: FuzzChecks.NoCaseError.self) {
      try checks.caseInput(for: .structured, bytes: [UInt8(index), 1, 2, 3])
    }
    let raw = try checks.caseInput(for: .rawBytes, bytes: [0, 4, 0, 0, 0x7B, 0x7D])
    #expect(raw.payload == [0x7B, 0x7D])
    #expect(raw.context.now == Timestamp(rfc3339: "1970-01-01T00:00:00Z"))
  }

  @Test("the planted-fault switch reads names and rejects unknown ones")
  func plantedFaultSwitch() throws {
    #expect(try FuzzChecks(environment: [:]).plantedFaults.isEmpty)
    let both = try FuzzChecks(
      environment: [
        FuzzChecks.plantedFaultVariable: "zeroValidityAccepted, expirationAtNowAccepted"
      ])
    #expect(both.plantedFaults == [.zeroValidityAccepted, .expirationAtNowAccepted])
    #expect(both.plantedFaultNames == ["expirationAtNowAccepted", "zeroValidityAccepted"])
    #expect(throws: FuzzChecks.ConfigurationError.self) {
      try FuzzChecks(environment: [FuzzChecks.plantedFaultVariable: "offByOne"])
    }
    for (name, fault) in PlantedFaults.byName {
      #expect(PlantedFaults(names: name) == fault)
    }
  }

  @Test("a failure report starts with the marker line and indents its details")
  func report() {
    let failure = FuzzFailure(
      target: .rawBytes, summary: "foundation gives valid\nmore", details: ["payload \"{}\""])
    #expect(failure.headline == "==PATFuzz== FuzzRawBytes: foundation gives valid")
    #expect(
      failure.description == "==PATFuzz== FuzzRawBytes: foundation gives valid\n  payload \"{}\"\n")
  }

  @Test("the libFuzzer dictionary is well-formed and names every member")
  func dictionary() throws {
    let path = (PackageLocation.root as NSString).appendingPathComponent("FuzzTesting/PATFuzz.dict")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var entries = Set<String>()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      #expect(line.hasPrefix("\"") && line.hasSuffix("\"") && line.count >= 3, "\(line)")
      entries.insert(String(line))
    }
    for member in RequestMember.allCases {
      #expect(entries.contains(#""\"\#(member.rawValue)\"""#), "\(member.rawValue)")
    }
  }
}
