import PropertyKit
import PropertyKitTesting
import Testing

/// Examples from docs/properties.md, kept compiling and passing.
@Suite("Documentation examples")
struct DocumentationExampleTests {
  func parse(_ text: String) -> [Substring] { text.split(separator: " ") }
  func render(_ words: [Substring]) -> String { words.joined(separator: " ") }

  @Test("reversing twice gives the original")
  func reversingTwiceGivesTheOriginal() {
    let arrays = Gen.array(of: Gen.int(in: -1000...1000), count: 0...50)
    let result = checkProperty(
      "reverse twice", arrays, seed: 1, configuration: testConfiguration()
    ) { array in
      try expectEqual(Array(array.reversed().reversed()), array)
    }
    #expect(result.isSuccess)
  }

  @Test("the parser example meets its coverage requirements")
  func parserCoversEmptyAndLongInputs() {
    let result = checkProperty(
      "parse round trip",
      Gen.string(of: .asciiPrintable, length: 0...200),
      cases: 500,
      seed: 2,
      coverage: [
        CoverageRequirement(label: "empty", atLeastPercent: 1),
        CoverageRequirement(label: "long", atLeastPercent: 10),
      ],
      configuration: testConfiguration()
    ) { text, context in
      context.classify(text.isEmpty, "empty")
      context.classify(text.count > 100, "long")
      context.label(text.contains(" ") ? "has space" : "no space")
      try expectEqual(parse(render(parse(text))), parse(text))
    }
    #expect(result.isSuccess, "\(result.message)")
    #expect(result.statisticsTable.contains("has space"))
  }

  @Test("a standalone shrink with a value predicate, as in the guide")
  func standaloneShrink() throws {
    let gen = Gen.array(of: Gen.int(in: 0...1000), count: 0...20)
    let failing = try gen.generate(replaying: [1, 700, 1, 3, 1, 950, 0])
    let shrunk = Shrinker(configuration: .init(clock: ManualPropertyClock()))
      .shrink(failing.sequence, generator: gen) { value in value.reduce(0, +) > 1000 }
    let minimal = try gen.generate(replaying: shrunk.sequence.choices).value
    #expect(minimal == [1, 1000])
  }
}
