import PATHarness
import PATModel
import Testing

/// The clock estimator on made-up readings: a service clock as a function of the harness's
/// monotonic time, requests with known send and receive times.
@Suite("Service clock estimator")
struct ServiceClockEstimatorTests {
  static let base: Int64 = 1_781_526_896_789  // 2026-06-15T12:34:56.789Z
  static let millisecond: Int64 = 1_000_000

  /// A request sent at `sent` (ms) answered after `trip` (ms), read at `at` within it.
  static func reading(
    _ value: ServiceClockReading.Value, sent: Double, trip: Double
  ) -> ServiceClockReading {
    ServiceClockReading(
      value, sent: Int64(sent * 1e6), received: Int64((sent + trip) * 1e6))
  }

  @Test("a fixed clock read before and after a request gives its now exactly")
  func fixedClockIsExact() throws {
    var estimator = ServiceClockEstimator()
    estimator.record(Self.reading(.exact(Self.base), sent: 0, trip: 0.3))
    estimator.record(Self.reading(.exact(Self.base), sent: 5, trip: 0.3))
    #expect(estimator.appearsFixed)
    #expect(estimator.estimate(at: 100 * Self.millisecond)?.millisecondsSinceEpoch == Self.base)
    let before = try #require(
      estimator.interval(sent: 10 * Self.millisecond, received: 11 * Self.millisecond))
    #expect(before.earliest == Self.base)
    // At most the 6 ms from the newest reading's sending to the response, 0.1 % more, rounded up.
    #expect(before.latest == Self.base + 7)
    estimator.record(Self.reading(.exact(Self.base), sent: 12, trip: 0.3))
    let after = try #require(
      estimator.interval(sent: 10 * Self.millisecond, received: 11 * Self.millisecond))
    #expect(after.isExact)
    #expect(after.earliest == Self.base)
  }

  @Test(
    "a running clock is always inside the interval, which is a few round trips wide",
    arguments: [1, 2, 3] as [UInt64])
  func runningClockIsBounded(seed: UInt64) throws {
    var random = SplitMix(seed)
    var estimator = ServiceClockEstimator()
    var time = 0.0
    // The service's clock: `base` plus real time, read as whole milliseconds.
    func serviceNow(_ at: Double) -> Int64 { Self.base + Int64(at.rounded(.down)) }
    for step in 0..<200 {
      let trip = 0.05 + random.unit() * 0.5
      let readAt = time + random.unit() * trip
      if step.isMultiple(of: 3) {
        estimator.record(Self.reading(.exact(serviceNow(readAt)), sent: time, trip: trip))
      } else {
        let second = serviceNow(readAt) - serviceNow(readAt) % 1000
        estimator.record(Self.reading(.second(second), sent: time, trip: trip))
      }
      let truth = serviceNow(readAt)
      let interval = try #require(
        estimator.interval(sent: Int64(time * 1e6), received: Int64((time + trip) * 1e6)))
      #expect(interval.earliest <= truth && truth <= interval.latest, "step \(step)")
      // Exact readings pin it to the round trips; between them it widens with the time since.
      let widest: Int64 = step.isMultiple(of: 3) ? 3 : 10
      #expect(interval.latest - interval.earliest <= widest, "step \(step): \(interval)")
      time += trip + random.unit() * 3
    }
    #expect(!estimator.appearsFixed)
    let guess = try #require(estimator.estimate(at: Int64(time * 1e6)))
    #expect(abs(guess.millisecondsSinceEpoch - serviceNow(time)) <= 2)
  }

  @Test("Date headers alone bound now to about a second")
  func dateHeadersOnly() throws {
    var estimator = ServiceClockEstimator()
    estimator.record(Self.reading(.second(Self.base - 789), sent: 0, trip: 1))
    let interval = try #require(
      estimator.interval(sent: 2 * Self.millisecond, received: 3 * Self.millisecond))
    #expect(interval.earliest == Self.base - 789)
    #expect(interval.latest == Self.base - 789 + 999 + 4)
    #expect(
      estimator.estimate(at: Self.millisecond / 2)?.millisecondsSinceEpoch
        == Self.base - 789 + 500)
  }

  @Test("readings that contradict each other give no interval")
  func contradiction() {
    var estimator = ServiceClockEstimator()
    estimator.record(Self.reading(.exact(Self.base), sent: 0, trip: 1))
    // Read after the request, yet 50 ms earlier: the clock went back.
    estimator.record(Self.reading(.exact(Self.base - 50), sent: 20, trip: 1))
    #expect(estimator.interval(sent: 10 * Self.millisecond, received: 11 * Self.millisecond) == nil)
    estimator.reset()
    #expect(
      estimator.interval(sent: 10 * Self.millisecond, received: 11 * Self.millisecond)
        == .unknown)
  }

  @Test("without readings nothing is known")
  func nothingKnown() {
    let estimator = ServiceClockEstimator()
    #expect(estimator.estimate(at: 0) == nil)
    #expect(estimator.interval(sent: 0, received: 1) == .unknown)
    #expect(ServiceNowInterval.unknown.description == "unknown")
  }

  @Test("an interval clamps a guess and prints its ends")
  func clamping() {
    let interval = ServiceNowInterval(earliest: Self.base, latest: Self.base + 2)
    let early = Timestamp(millisecondsSinceEpoch: Self.base - 10)
    #expect(interval.clamped(early).millisecondsSinceEpoch == Self.base)
    #expect(interval.description == "2026-06-15T12:34:56.789Z … 2026-06-15T12:34:56.791Z")
  }
}

/// A small seeded generator for made-up timings.
struct SplitMix {
  private var state: UInt64

  init(_ seed: UInt64) { state = seed }

  /// A number in 0..<1.
  mutating func unit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    value ^= value >> 31
    return Double(value >> 11) / Double(1 << 53)
  }
}
