import PropertyKit
import Testing

@Suite("Parallel runners")
struct ConcurrencyTests {
  static let generator = Gen.array(of: Gen.int(in: -500...500), count: 0...15)

  static func run(seed: UInt64) -> String {
    let result = PropertyRunner(configuration: testConfiguration(seed: seed))
      .check("parallel", generator) { array in
        try expect(array.filter { $0 > 250 }.count < 3)
      }
    return result.counterexample.map { "\($0.replayToken) \($0.value)" } ?? "passed"
  }

  @Test("runners on several threads with derived seeds match sequential runs")
  func parallelMatchesSequential() async {
    let seeds = (0..<6).map { PropertySeed.workerSeed(campaignSeed: 99, worker: $0) }
    #expect(Set(seeds).count == seeds.count)
    let sequential = seeds.map { Self.run(seed: $0) }
    let parallel = await withTaskGroup(of: (Int, String).self) { group in
      for (index, seed) in seeds.enumerated() {
        group.addTask { (index, Self.run(seed: seed)) }
      }
      var results = Array(repeating: "", count: seeds.count)
      for await (index, report) in group { results[index] = report }
      return results
    }
    #expect(parallel == sequential)
    #expect(sequential.contains { $0 != "passed" })
  }
}
