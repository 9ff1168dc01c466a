import PropertyKit
import Testing

/// A small recursive type for the recursion tests.
indirect enum Tree: Equatable, Sendable {
  case leaf(Int)
  case node(Tree, Tree)

  var depth: Int {
    switch self {
    case .leaf: return 0
    case .node(let left, let right): return 1 + max(left.depth, right.depth)
    }
  }
}

@Suite("Generators")
struct GeneratorTests {
  @Test(
    "integers stay within their range",
    arguments: [-1000...1000, 0...0, 5...9, -9 ... -5, Int.min...Int.max, Int.max - 3...Int.max])
  func integerRanges(range: ClosedRange<Int>) throws {
    let generator = Gen.int(in: range)
    for seed in 0..<300 as Range<UInt64> {
      #expect(range.contains(try generator.generate(seed: seed).value))
    }
  }

  @Test("narrow and unsigned integer types cover their full range")
  func integerTypes() throws {
    let bytes = Set(
      try (0..<4000 as Range<UInt64>).map { try Gen<Int8>.anyInteger.generate(seed: $0).value })
    #expect(bytes.contains(Int8.min))
    #expect(bytes.contains(Int8.max))
    #expect(bytes.contains(0))
    let unsigned = try (0..<2000 as Range<UInt64>).map {
      try Gen.uint64(in: 10...UInt64.max).generate(seed: $0).value
    }
    #expect(unsigned.allSatisfy { $0 >= 10 })
    #expect(unsigned.contains(UInt64.max))
    #expect(try Gen.int32(in: -3...3).generate(replaying: [1, 3]).value == -3)
    #expect(try Gen.int64(in: 100...200).generate(replaying: []).value == 100)
  }

  @Test("an integer is a sign choice and a magnitude relative to the simplest value")
  func integerEncoding() throws {
    let generator = Gen.int(in: -10...10)
    #expect(try generator.generate(replaying: [0, 7]).value == 7)
    #expect(try generator.generate(replaying: [1, 7]).value == -7)
    #expect(try Gen.int(in: 5...10).generate(replaying: [3]).value == 8)
    #expect(try Gen.int(in: -10 ... -5).generate(replaying: [3]).value == -8)
  }

  @Test("doubles stay in range and shrink to exact boundaries", arguments: shrinkSeeds)
  func doubles(seed: UInt64) throws {
    let generator = Gen.double(in: -1e6...1e6)
    for caseSeed in 0..<100 as Range<UInt64> {
      #expect((-1e6...1e6).contains(try generator.generate(seed: caseSeed &+ seed).value))
    }
    let (whole, _) = try shrunkValue(generator, seed: seed) { try expect($0 < 1000) }
    #expect(whole == 1000)
    let (integral, _) = try shrunkValue(generator, seed: seed) { try expect($0 < 1000.5) }
    #expect(integral == 1001)
    let unit = Gen.double(in: -0.9...0.9)
    let (fraction, _) = try shrunkValue(unit, seed: seed) { try expect($0 < 0.25) }
    #expect(fraction == 0.25)
  }

  @Test("edge-case catalog entries come first, in order, then at a steady rate")
  func edgeCasesFirst() throws {
    let catalog = [-7, 13, 99, 1_000_000]
    let generator = Gen.int(in: 0...10).withEdgeCases(catalog)
    var seen: [Int] = []
    let result = PropertyRunner(configuration: testConfiguration(seed: 3, cases: 1000))
      .check("edges", generator) { seen.append($0) }
    #expect(result.isSuccess)
    #expect(Array(seen.prefix(4)) == catalog)
    let later = seen.dropFirst(4)
    let mixedIn = later.filter { catalog.contains($0) }.count
    #expect(mixedIn > later.count / 6)
    #expect(mixedIn < later.count / 3)
    for index in 0..<catalog.count {
      #expect(try generator.generate(runSeed: 3, caseIndex: index).value == catalog[index])
    }
  }

  @Test("edge lengths of an array come first, then at a steady rate, and still shrink by element")
  func edgeLengths() throws {
    let generator = Gen.array(
      of: Gen.int(in: 0...9), count: 0...12, edgeLengths: [0, 10, 12, 1], mixInEvery: 4)
    var lengths: [Int] = []
    let result = PropertyRunner(configuration: testConfiguration(seed: 5, cases: 400))
      .check("lengths", generator) { lengths.append($0.count) }
    #expect(result.isSuccess)
    #expect(Array(lengths.prefix(4)) == [0, 10, 12, 1])
    #expect(lengths.filter { $0 == 10 }.count > 400 / 40)
    let (shrunk, _) = try shrunkValue(generator, seed: 5) { try expect($0.count < 10) }
    #expect(shrunk == Array(repeating: 0, count: 10))
  }

  @Test("a run that starts at a later case index does not try the catalog first again")
  func firstCaseIndex() throws {
    let catalog = [-7, 13, 99, 1_000_000]
    let generator = Gen.int(in: 0...10).withEdgeCases(catalog, mixInEvery: 1_000_000)
    var configuration = testConfiguration(seed: 3, cases: 4)
    var early: [Int] = []
    _ = PropertyRunner(configuration: configuration).check("early", generator) { early.append($0) }
    #expect(early == catalog)
    configuration.firstCaseIndex = catalog.count
    var later: [Int] = []
    _ = PropertyRunner(configuration: configuration).check("later", generator) { later.append($0) }
    #expect(later.count == 4)
    #expect(later.allSatisfy { (0...10).contains($0) })
  }

  @Test("an edge-case selector is an ordinary choice, so replay and bytes reproduce it")
  func edgeCaseSelectorIsAChoice() throws {
    let generator = Gen.edgeCases([-1, 500], orElse: Gen.int(in: 0...9))
    #expect(try generator.generate(replaying: [2]).value == 500)
    #expect(try generator.generate(replaying: [1]).value == -1)
    #expect(try generator.generate(replaying: [0, 4]).value == 4)
    #expect(try generator.generate(fromBytes: []).value == 0)
  }

  @Test("printable ASCII characters stay printable; a is the simplest")
  func asciiCharacters() throws {
    let generator = Gen<Character>.asciiPrintable
    let characters = try (0..<500 as Range<UInt64>).map { try generator.generate(seed: $0).value }
    #expect(characters.allSatisfy { $0.isASCII && ($0.asciiValue ?? 0) >= 0x20 && $0 != "\u{7F}" })
    #expect(Set(characters).count > 60)
    #expect(try generator.generate(replaying: []).value == "a")
    #expect(try Gen<Character>.alphanumeric.generate(replaying: [61]).value == "9")
  }

  @Test("Unicode scalars include astral ones, never surrogates; a is the simplest")
  func unicodeScalars() throws {
    let generator = Gen<Unicode.Scalar>.unicodeScalar
    let scalars = try (0..<3000 as Range<UInt64>).map { try generator.generate(seed: $0).value }
    #expect(scalars.contains { $0.value > 0xFFFF })
    #expect(scalars.contains { $0.isASCII })
    #expect(scalars.allSatisfy { !(0xD800...0xDFFF).contains($0.value) })
    #expect(try generator.generate(replaying: []).value == "a")
    #expect(try generator.generate(replaying: [1_112_063]).value == "\u{10FFFF}")
    #expect(try generator.generate(replaying: [95]).value == "\u{0}")
  }

  @Test("strings respect their length bounds")
  func stringLengths() throws {
    let generator = Gen.string(ofScalars: .unicodeScalar, length: 3...12)
    for seed in 0..<300 as Range<UInt64> {
      let count = try generator.generate(seed: seed).value.unicodeScalars.count
      #expect((3...12).contains(count))
    }
  }

  @Test("arrays respect their count bounds and reach both ends")
  func arrayCounts() throws {
    let generator = Gen.array(of: Gen.bool, count: 2...40)
    let counts = try (0..<500 as Range<UInt64>).map { try generator.generate(seed: $0).value.count }
    #expect(counts.allSatisfy { (2...40).contains($0) })
    #expect(counts.contains(2))
    #expect(counts.contains(40))
  }

  @Test("recursion respects its depth budget and replays to the base case")
  func recursion() throws {
    let tree = Gen<Tree>.recursive(maxDepth: 4, base: Gen.int(in: 0...9).map { .leaf($0) }) {
      child in Gen.zip(child, child).map { .node($0.0, $0.1) }
    }
    let depths = try (0..<300 as Range<UInt64>).map { try tree.generate(seed: $0).value.depth }
    #expect(depths.allSatisfy { $0 <= 4 })
    #expect(depths.contains(0))
    #expect(depths.contains(4))
    #expect(try tree.generate(replaying: []).value == .leaf(0))
  }

  @Test("frequency follows its weights in random mode and records the branch index")
  func frequencyWeights() throws {
    let generator = Gen.frequency([(9, Gen.constant("common")), (1, Gen.constant("rare"))])
    let values = try (0..<1000 as Range<UInt64>).map { try generator.generate(seed: $0).value }
    let rare = values.filter { $0 == "rare" }.count
    #expect(rare > 50 && rare < 150)
    #expect(try generator.generate(replaying: [1]).value == "rare")
    let weighted = Gen.oneOf(weighted: [
      (weight: 1, gen: Gen.constant(1)), (weight: 3, gen: .constant(2)),
    ])
    #expect(try weighted.generate(replaying: [0]).value == 1)
  }

  @Test("element(of:), constant, map and optional build the expected values")
  func basicCombinators() throws {
    #expect(try Gen.element(of: ["x", "y", "z"]).generate(replaying: [2]).value == "z")
    #expect(try Gen.constant(42).generate(replaying: [9]).sequence.choices.isEmpty)
    #expect(try Gen.int(in: 0...9).map { $0 * 2 }.generate(replaying: [4]).value == 8)
    #expect(try Gen.int(in: 0...9).optional().generate(replaying: [1, 3]).value == 3)
    #expect(
      try Gen.int(in: 0...9).array(count: 2...2).generate(replaying: [1, 2]).value == [1, 2])
  }

  @Test("filter retries with fresh choices and gives up after its budget")
  func filterBudget() throws {
    let evens = Gen.int(in: 0...9).filter { $0 % 2 == 0 }
    #expect(try evens.generate(replaying: [3, 5, 4]).value == 4)
    let impossible = Gen.int(in: 0...9).filter(maxAttempts: 5) { $0 > 100 }
    #expect(throws: GenerationError.filterExhausted(attempts: 5)) {
      try impossible.generate(seed: 1)
    }
  }

  @Test("generate(runSeed:caseIndex:) regenerates one case without the earlier ones")
  func caseRegeneration() throws {
    let generator = Gen.array(of: Gen.int(in: -100...100), count: 0...8)
    var seen: [[Int]] = []
    _ = PropertyRunner(configuration: testConfiguration(seed: 77, cases: 20))
      .check("regenerate", generator) { seen.append($0) }
    for index in [0, 5, 19] {
      #expect(try generator.generate(runSeed: 77, caseIndex: index).value == seen[index])
    }
  }
}
