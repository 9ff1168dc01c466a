/// Shrinks a failing choice sequence toward the simplest one that still fails.
///
/// The shrinker works on choices, never on values (the approach of Hypothesis): it proposes
/// candidate sequences, and a caller-supplied predicate replays each one and reports whether it
/// is still interesting. A candidate is accepted only if the sequence the replay actually
/// recorded is shortlex-smaller than the current one. Passes repeat until a round makes no
/// progress or a budget is spent:
/// - set selector choices (one-of, edge case, recursion level) to `0`, keeping what follows;
/// - delete spans (largest first), pairs of adjacent sibling spans, and blocks of 8, 4, 2 and
///   1 choices;
/// - replace spans by zeros;
/// - minimize each choice (try `0`, then binary search toward `0`);
/// - lower groups of equal choices together (so "no element repeats" reaches `[0, 0]`);
/// - sort sibling spans with the same label, or swap neighbours, into shortlex order;
/// - when those are stuck: retry selectors with pseudo-random fills, lower a choice by one
///   while deleting a span after it (a length drawn before its elements), and move value
///   between two nearby choices (for sums).
///
/// Shrinking is deterministic for a deterministic predicate.
public struct Shrinker: Sendable {
  /// Limits on a shrink.
  public struct Configuration: Sendable {
    /// The maximum number of candidate evaluations.
    public var maxEvaluations: Int
    /// The maximum time spent, read from ``clock``; `nil` for no time limit.
    public var timeBudget: Duration?
    /// The clock measuring ``timeBudget``.
    public var clock: any PropertyClock

    /// Creates a configuration.
    /// - Parameters:
    ///   - maxEvaluations: The maximum number of candidate evaluations.
    ///   - timeBudget: The maximum time spent, or `nil`.
    ///   - clock: The clock measuring the time budget.
    public init(
      maxEvaluations: Int = 10_000,
      timeBudget: Duration? = .seconds(30),
      clock: any PropertyClock = SystemPropertyClock()
    ) {
      self.maxEvaluations = maxEvaluations
      self.timeBudget = timeBudget
      self.clock = clock
    }
  }

  /// The limits of this shrinker.
  public var configuration: Configuration

  /// Creates a shrinker.
  /// - Parameters:
  ///   - configuration: The limits on each shrink.
  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// Shrinks a failing sequence with an arbitrary predicate.
  /// - Parameters:
  ///   - initial: A failing sequence, with the spans its generation recorded.
  ///   - isInteresting: Replays a candidate and returns the sequence actually recorded
  ///     (with spans) if it still fails, or `nil` if it passes or is invalid.
  /// - Returns: The simplest failing sequence found, with step and evaluation counts.
  public func shrink(
    _ initial: ChoiceSequence, isInteresting: ([UInt64]) -> ChoiceSequence?
  ) -> ShrinkResult {
    withoutActuallyEscaping(isInteresting) { test in
      let run = ShrinkRun(initial: initial, configuration: configuration, test: test)
      return run.run()
    }
  }

  /// Shrinks a failing sequence of a generator with a predicate on generated values.
  /// - Parameters:
  ///   - initial: A failing sequence of `generator`.
  ///   - generator: The generator to replay candidates through.
  ///   - maxChoices: The choice limit used when replaying.
  ///   - stillFails: Tells whether a generated value still shows the failure; it may, for
  ///     example, run the value through an external process.
  /// - Returns: The simplest failing sequence found, with step and evaluation counts.
  public func shrink<Value>(
    _ initial: ChoiceSequence,
    generator: Gen<Value>,
    maxChoices: Int = ChoiceSource.defaultMaxChoices,
    stillFails: (Value) -> Bool
  ) -> ShrinkResult {
    shrink(initial) { candidate in
      let source = ChoiceSource(replaying: candidate, maxChoices: maxChoices)
      guard let value = try? generator.generate(from: source) else { return nil }
      return stillFails(value) ? source.sequence : nil
    }
  }
}

/// The mutable state of one shrink.
private final class ShrinkRun {
  private(set) var current: ChoiceSequence
  private var steps = 0
  private var evaluations = 0
  /// Fingerprints of evaluated candidates (a deterministic 64-bit hash, to bound memory).
  private var seen: Set<UInt64> = []
  private var stopReason: ShrinkResult.StopReason?
  private let test: ([UInt64]) -> ChoiceSequence?
  private let maxEvaluations: Int
  private let clock: any PropertyClock
  private let deadline: Duration?

  init(
    initial: ChoiceSequence, configuration: Shrinker.Configuration,
    test: @escaping ([UInt64]) -> ChoiceSequence?
  ) {
    current = initial
    self.test = test
    maxEvaluations = configuration.maxEvaluations
    clock = configuration.clock
    deadline = configuration.timeBudget.map { configuration.clock.now() + $0 }
  }

  private var isStopped: Bool { stopReason != nil }

  func run() -> ShrinkResult {
    while !isStopped {
      let before = steps
      zeroSelectors()
      deleteSpans()
      deleteAdjacentSiblings()
      zeroSpans()
      minimizeChoices()
      lowerDuplicates()
      sortSiblingSpans()
      deleteBlocks()
      if steps == before && !isStopped {
        rerollSelectors()
      }
      if steps == before && !isStopped {
        lowerAndDelete()
      }
      if steps == before && !isStopped {
        redistributePairs()
      }
      if steps == before { break }
    }
    return ShrinkResult(
      sequence: current, steps: steps, evaluations: evaluations,
      stopReason: stopReason ?? .converged)
  }

  /// Evaluates a candidate and adopts it if it still fails and is simpler.
  @discardableResult
  private func consider(_ candidate: [UInt64]) -> Bool {
    guard !isStopped else { return false }
    guard ChoiceSequence.shortlexPrecedes(candidate, current.choices) else { return false }
    guard seen.insert(fingerprint(candidate)).inserted else { return false }
    if evaluations >= maxEvaluations {
      stopReason = .evaluationBudget
      return false
    }
    if let deadline, clock.now() >= deadline {
      stopReason = .timeBudget
      return false
    }
    evaluations += 1
    guard let result = test(candidate),
      ChoiceSequence.shortlexPrecedes(result.choices, current.choices)
    else { return false }
    current = result
    steps += 1
    return true
  }

  /// A deterministic fingerprint of a candidate, independent of the process's hash seed.
  private func fingerprint(_ choices: [UInt64]) -> UInt64 {
    var hash = SplitMix64.mix(UInt64(choices.count))
    for choice in choices {
      hash = SplitMix64.mix(hash ^ choice) &+ 0x9E37_79B9_7F4A_7C15
    }
    return hash
  }

  private func replacing(_ index: Int, with value: UInt64) -> [UInt64] {
    var choices = current.choices
    choices[index] = value
    return choices
  }

  /// Distinct span ranges, largest first, ties by position.
  private func spanRanges() -> [Range<Int>] {
    var unique = Set<Range<Int>>()
    var ranges: [Range<Int>] = []
    for span in current.spans where span.end <= current.count && unique.insert(span.range).inserted
    {
      ranges.append(span.range)
    }
    return ranges.sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }
  }

  // MARK: - Passes

  /// Sets the selector choice of one-of, edge-case and recursion spans to `0`, keeping the
  /// choices after it, so the simplest alternative reinterprets them.
  private func zeroSelectors() {
    var index = 0
    while !isStopped {
      let starts = Set(
        current.spans.filter { SpanLabel.selectors.contains($0.label) }.map(\.start)
      ).sorted()
      guard index < starts.count else { return }
      let start = starts[index]
      index += 1
      guard start < current.count, current.choices[start] > 0 else { continue }
      consider(replacing(start, with: 0))
    }
  }

  /// For selector spans still choosing a non-zero alternative, tries alternative `0` with
  /// pseudo-random fills of the rest of the span (clamped by replay to each draw's bound), so
  /// a failing catalog entry or branch can turn into an ordinary value that still fails.
  private func rerollSelectors() {
    var random = Xoshiro256(seed: 0x5EED_5E1E_C702)
    let attempts = 8
    for span in current.spans where SpanLabel.selectors.contains(span.label) && !isStopped {
      guard span.end <= current.count, current.choices[span.start] > 0 else { continue }
      guard current.spans.contains(where: { $0.range == span.range }) else { continue }
      for _ in 0..<attempts where !isStopped {
        var candidate = current.choices
        candidate[span.start] = 0
        for index in (span.start + 1)..<span.end {
          let keep = random.next(upTo: 3) == 0
          candidate[index] = keep ? 0 : random.next() >> random.next(upTo: 63)
        }
        if consider(candidate) { break }
      }
    }
  }

  private func deleteSpans() {
    var ranges = spanRanges()
    var index = 0
    while index < ranges.count && !isStopped {
      var candidate = current.choices
      candidate.removeSubrange(ranges[index])
      if consider(candidate) {
        ranges = spanRanges()
      } else {
        index += 1
      }
    }
  }

  /// Deletes pairs of adjacent sibling spans at once (such as a push and the pop undoing it).
  private func deleteAdjacentSiblings() {
    var runIndex = 0
    var pairIndex = 0
    while !isStopped {
      let runs = siblingRuns()
      guard runIndex < runs.count else { return }
      let run = runs[runIndex]
      guard pairIndex + 1 < run.count else {
        runIndex += 1
        pairIndex = 0
        continue
      }
      var candidate = current.choices
      candidate.removeSubrange(run[pairIndex].lowerBound..<run[pairIndex + 1].upperBound)
      if !consider(candidate) { pairIndex += 1 }
    }
  }

  private func deleteBlocks() {
    for size in [8, 4, 2, 1] {
      var start = current.count - size
      while start >= 0 && !isStopped {
        var candidate = current.choices
        candidate.removeSubrange(start..<start + size)
        if consider(candidate) {
          start = min(start, current.count - size)
        } else {
          start -= 1
        }
      }
    }
  }

  private func zeroSpans() {
    for range in spanRanges() where !isStopped {
      guard range.upperBound <= current.count else { continue }
      guard current.choices[range].contains(where: { $0 != 0 }) else { continue }
      var candidate = current.choices
      candidate.replaceSubrange(range, with: repeatElement(0, count: range.count))
      consider(candidate)
    }
  }

  private func minimizeChoices() {
    var index = 0
    while index < current.count && !isStopped {
      minimizeChoice(at: index)
      index += 1
    }
  }

  private func minimizeChoice(at index: Int) {
    let value = current.choices[index]
    guard value > 0 else { return }
    if consider(replacing(index, with: 0)) { return }
    // Invariant: `low` passes (or was not accepted), `high` fails.
    var low: UInt64 = 0
    var high = value
    while high - low > 1 && !isStopped && index < current.count {
      let middle = low + (high - low) / 2
      if consider(replacing(index, with: middle)) {
        high = middle
      } else {
        low = middle
      }
    }
  }

  private func lowerDuplicates() {
    var positions: [UInt64: [Int]] = [:]
    for (index, value) in current.choices.enumerated() where value > 0 {
      positions[value, default: []].append(index)
    }
    let groups = positions.filter { $0.value.count > 1 }.sorted { $0.key > $1.key }
    for (value, indices) in groups where !isStopped {
      if lowerTogether(indices, from: value) { continue }
      guard indices.count <= 8 else { continue }
      for first in 0..<indices.count {
        for second in (first + 1)..<indices.count where !isStopped {
          _ = lowerTogether([indices[first], indices[second]], from: value)
        }
      }
    }
  }

  /// Binary-searches a common lower value for choices that currently all equal `value`.
  private func lowerTogether(_ indices: [Int], from value: UInt64) -> Bool {
    func setting(_ newValue: UInt64) -> [UInt64]? {
      guard indices.allSatisfy({ $0 < current.count }) else { return nil }
      var choices = current.choices
      for index in indices { choices[index] = newValue }
      return choices
    }
    guard indices.allSatisfy({ $0 < current.count && current.choices[$0] == value }) else {
      return false
    }
    guard let zeroed = setting(0) else { return false }
    if consider(zeroed) { return true }
    var low: UInt64 = 0
    var high = value
    var improved = false
    while high - low > 1 && !isStopped {
      let middle = low + (high - low) / 2
      guard let candidate = setting(middle) else { break }
      if consider(candidate) {
        high = middle
        improved = true
      } else {
        low = middle
      }
    }
    return improved
  }

  private func sortSiblingSpans() {
    for run in siblingRuns() where !isStopped {
      guard run.allSatisfy({ $0.upperBound <= current.count }) else { continue }
      let parts = run.map { Array(current.choices[$0]) }
      let sorted = parts.sorted { ChoiceSequence.shortlexPrecedes($0, $1) }
      guard sorted != parts else { continue }
      var candidate = Array(current.choices[..<run[0].lowerBound])
      candidate += sorted.joined()
      candidate += current.choices[run[run.count - 1].upperBound...]
      if consider(candidate) { continue }
      swapAdjacent(in: run)
    }
  }

  /// Swaps neighbouring spans of a run that are out of shortlex order, one pair at a time.
  private func swapAdjacent(in run: [Range<Int>]) {
    for index in 0..<(run.count - 1) where !isStopped {
      let left = run[index]
      let right = run[index + 1]
      guard right.upperBound <= current.count else { return }
      let leftPart = Array(current.choices[left])
      let rightPart = Array(current.choices[right])
      guard ChoiceSequence.shortlexPrecedes(rightPart, leftPart) else { continue }
      var candidate = current.choices
      candidate.replaceSubrange(left.lowerBound..<right.upperBound, with: rightPart + leftPart)
      if consider(candidate) { return }
    }
  }

  /// Maximal runs of adjacent spans with the same label and depth.
  private func siblingRuns() -> [[Range<Int>]] {
    var byKey: [String: [ChoiceSpan]] = [:]
    for span in current.spans {
      byKey["\(span.depth):\(span.label)", default: []].append(span)
    }
    var runs: [[Range<Int>]] = []
    for key in byKey.keys.sorted() {
      let spans = byKey[key]!.sorted { $0.start < $1.start }
      var run: [Range<Int>] = []
      for span in spans {
        if let last = run.last, last.upperBound == span.start {
          run.append(span.range)
        } else {
          if run.count > 1 { runs.append(run) }
          run = [span.range]
        }
      }
      if run.count > 1 { runs.append(run) }
    }
    return runs
  }

  /// Lowers a choice by one while deleting a span after it, for sizes drawn before their
  /// contents (such as a length bound through `flatMap`).
  private func lowerAndDelete() {
    let spansToTry = 4
    var index = 0
    while index < current.count && !isStopped {
      let value = current.choices[index]
      guard value > 0 else {
        index += 1
        continue
      }
      let following = spanRanges().filter { $0.lowerBound > index }
        .sorted { ($0.lowerBound, $1.count) < ($1.lowerBound, $0.count) }
        .prefix(spansToTry)
      var improved = false
      for range in following where !isStopped {
        var candidate = replacing(index, with: value - 1)
        candidate.removeSubrange(range)
        if consider(candidate) {
          improved = true
          break
        }
      }
      if !improved { index += 1 }
    }
  }

  private func redistributePairs() {
    var first = 0
    while first < current.count && !isStopped {
      // Choices of 1 are mostly flags and signs; only their nearest neighbours are tried.
      let window = current.choices[first] > 1 ? 8 : 2
      var second = first + 1
      while second < min(current.count, first + 1 + window) && !isStopped {
        if current.choices[first] > 0 {
          redistribute(from: first, to: second)
        }
        second += 1
      }
      first += 1
    }
  }

  /// Moves as much as possible from one choice to a later one while the failure persists.
  private func redistribute(from first: Int, to second: Int) {
    let base = current.choices
    let available = base[first]
    guard available > 0, base[second] < .max else { return }
    let room = UInt64.max - base[second]
    func moving(_ amount: UInt64) -> [UInt64]? {
      guard current.count == base.count else { return nil }
      var choices = current.choices
      choices[first] = base[first] - amount
      choices[second] = base[second] + amount
      return choices
    }
    let limit = min(available, room)
    guard let all = moving(limit) else { return }
    if consider(all) { return }
    guard limit > 1, let one = moving(1), consider(one) else { return }
    var low: UInt64 = 1
    var high = limit
    while high - low > 1 && !isStopped {
      let middle = low + (high - low) / 2
      guard let candidate = moving(middle) else { return }
      if consider(candidate) {
        low = middle
      } else {
        high = middle
      }
    }
  }
}
