import PropertyKit
import Testing

@Suite("Choice sources and pseudo-random generators")
struct ChoiceSourceTests {
  @Test("SplitMix64 matches its reference output")
  func splitMixReference() {
    var mixer = SplitMix64(seed: 0)
    #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
    #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("xoshiro256** matches its reference output for state (1, 2, 3, 4)")
  func xoshiroReference() {
    var generator = Xoshiro256(state: (1, 2, 3, 4))
    let outputs = (0..<4).map { _ in generator.next() }
    #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
  }

  @Test(
    "bounded draws stay in range and repeat for the same seed", arguments: [0, 1, 7, 255, 1000])
  func boundedDraws(bound: UInt64) throws {
    let first = ChoiceSource(seed: 99)
    let second = ChoiceSource(seed: 99)
    for bias in [DrawBias.uniform, .integer] {
      for _ in 0..<500 {
        let a = try first.draw(upTo: bound, bias: bias)
        let b = try second.draw(upTo: bound, bias: bias)
        #expect(a <= bound)
        #expect(a == b)
      }
    }
    #expect(first.choices == second.choices)
  }

  @Test("integer bias reaches zero and the bound")
  func integerBiasReachesEnds() throws {
    let source = ChoiceSource(seed: 5)
    let draws = try (0..<2000).map { _ in try source.draw(upTo: 1_000_000, bias: .integer) }
    #expect(draws.contains(0))
    #expect(draws.contains(1_000_000))
    #expect(draws.contains { $0 > 1000 && $0 < 999_000 })
  }

  @Test("replay clamps to the bound and reads 0 once exhausted")
  func replayClampsAndPads() throws {
    let source = ChoiceSource(replaying: [5, 200])
    #expect(try source.draw(upTo: 10) == 5)
    #expect(try source.draw(upTo: 10) == 10)
    #expect(source.isExhausted)
    #expect(try source.draw(upTo: 10) == 0)
    #expect(source.choices == [5, 10, 0])
  }

  @Test("byte mode reads little-endian bytes as the bound needs, then 0")
  func byteMode() throws {
    let source = ChoiceSource(bytes: [0x34, 0x12, 0x07, 0xFF])
    #expect(try source.draw(upTo: 0xFFFF) == 0x1234)
    #expect(try source.draw(upTo: 0) == 0)
    #expect(try source.draw(upTo: 9) == 7)
    #expect(try source.draw(upTo: 0xFFFF) == 0xFF)
    #expect(source.isExhausted)
    #expect(try source.draw(upTo: .max) == 0)
    #expect(source.choices == [0x1234, 0, 7, 0xFF, 0])
  }

  @Test("exhausted bytes give the simplest value of every generator")
  func exhaustedBytesGiveSimplestValues() throws {
    #expect(try Gen.int(in: -5...5).generate(fromBytes: []).value == 0)
    #expect(try Gen.int(in: 10...20).generate(fromBytes: []).value == 10)
    #expect(try Gen.int(in: -20 ... -10).generate(fromBytes: []).value == -10)
    #expect(try Gen.bool.generate(fromBytes: []).value == false)
    #expect(try Gen.int(in: 1...9).optional().generate(fromBytes: []).value == nil)
    #expect(try Gen.double(in: -1...1).generate(fromBytes: []).value == 0)
    let array = Gen.array(of: Gen.int(in: 3...9), count: 2...10)
    #expect(try array.generate(fromBytes: []).value == [3, 3])
    #expect(try Gen.string(of: .asciiPrintable, length: 0...10).generate(fromBytes: []).value == "")
    #expect(try Gen.string(of: .unicode, length: 3...10).generate(fromBytes: []).value == "aaa")
    let branches = Gen.oneOf(Gen.constant("first"), Gen.constant("second"))
    #expect(try branches.generate(fromBytes: []).value == "first")
  }

  @Test("a short byte buffer fills the first draws and leaves the rest simplest")
  func partialBytes() throws {
    let pair = Gen.zip(Gen.int(in: 0...255), Gen.int(in: 0...255))
    let generated = try pair.generate(fromBytes: [200])
    #expect(generated.value == (200, 0))
  }

  @Test("drawing past the choice limit is an overrun")
  func overrun() {
    let long = Gen.array(of: Gen.int(in: 0...9), count: 100...100)
    #expect(throws: GenerationError.overrun(limit: 50)) {
      try long.generate(seed: 1, maxChoices: 50)
    }
  }

  @Test("arrays record one span per element, including its continuation flag")
  func elementSpans() throws {
    let generated = try Gen.array(of: Gen.int(in: 0...9), count: 1...3)
      .generate(replaying: [4, 1, 5, 1, 6])
    #expect(generated.value == [4, 5, 6])
    let elements = generated.sequence.spans.filter { $0.label == "element" }.map(\.range)
    #expect(elements == [0..<1, 1..<3, 3..<5])
  }

  @Test("shortlex order prefers shorter, then lexicographically smaller sequences")
  func shortlex() {
    #expect(ChoiceSequence.shortlexPrecedes([9], [0, 0]))
    #expect(ChoiceSequence.shortlexPrecedes([0, 5], [1, 0]))
    #expect(!ChoiceSequence.shortlexPrecedes([1, 0], [1, 0]))
    #expect(ChoiceSequence(choices: [1]).isSimpler(than: ChoiceSequence(choices: [0, 0])))
  }
}
