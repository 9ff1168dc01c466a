/// The source of every random decision a generator makes, recording each one.
///
/// A source runs in one of three modes:
/// - **random**: choices come from a seeded ``Xoshiro256`` generator, shaped by ``DrawBias``;
/// - **replay**: choices come from a recorded array, clamped to each draw's bound, and `0` once
///   the array is exhausted;
/// - **bytes**: choices are decoded from a fuzzer's input (as many little-endian bytes as the
///   bound needs, reduced into range), and `0` once the bytes are exhausted.
///
/// Choice `0` is always the simplest value of a draw. Every draw is appended to ``choices``,
/// and generators mark logical units with spans (``beginSpan(_:)`` / ``endSpan()``).
/// A source is used by one generation on one thread; it is deliberately not `Sendable`.
public final class ChoiceSource {
  /// Where a source takes its choices from.
  public enum Mode: Sendable, Hashable {
    /// A seeded pseudo-random generator.
    case random
    /// A recorded choice array.
    case replay
    /// A byte buffer, such as a libFuzzer input.
    case bytes
  }

  /// The default limit on the number of choices one generation may draw.
  public static let defaultMaxChoices = 65_536

  /// The mode of this source.
  public let mode: Mode
  /// The index of the case within its run, known in random mode (used by edge-case catalogs).
  public let caseIndex: Int?
  /// The number of choices after which a draw fails with ``GenerationError/overrun(limit:)``.
  public let maxChoices: Int

  /// The choices drawn so far.
  public private(set) var choices: [UInt64] = []

  private var rng: Xoshiro256
  private let prefix: [UInt64]
  private let bytes: [UInt8]
  private var byteOffset = 0
  private var spans: [ChoiceSpan] = []
  private var openSpans: [Int] = []

  /// Creates a random-mode source.
  /// - Parameters:
  ///   - seed: The seed of the pseudo-random generator.
  ///   - caseIndex: The index of the case in its run, if any.
  ///   - maxChoices: The limit on the number of choices.
  public init(seed: UInt64, caseIndex: Int? = nil, maxChoices: Int = defaultMaxChoices) {
    self.mode = .random
    self.caseIndex = caseIndex
    self.maxChoices = maxChoices
    self.rng = Xoshiro256(seed: seed)
    self.prefix = []
    self.bytes = []
  }

  /// Creates a replay-mode source.
  /// - Parameters:
  ///   - choices: The choices to replay; missing choices read as `0`.
  ///   - maxChoices: The limit on the number of choices.
  public init(replaying choices: [UInt64], maxChoices: Int = defaultMaxChoices) {
    self.mode = .replay
    self.caseIndex = nil
    self.maxChoices = maxChoices
    self.rng = Xoshiro256(seed: 0)
    self.prefix = choices
    self.bytes = []
  }

  /// Creates a byte-buffer source, as used for a coverage-guided fuzzer's input.
  /// - Parameters:
  ///   - bytes: The input bytes; once they run out every draw returns `0`.
  ///   - maxChoices: The limit on the number of choices.
  public init(bytes: some Sequence<UInt8>, maxChoices: Int = defaultMaxChoices) {
    self.mode = .bytes
    self.caseIndex = nil
    self.maxChoices = maxChoices
    self.rng = Xoshiro256(seed: 0)
    self.prefix = []
    self.bytes = Array(bytes)
  }

  /// The recorded choices and the spans closed so far.
  public var sequence: ChoiceSequence {
    ChoiceSequence(choices: choices, spans: spans.filter { $0.end > $0.start })
  }

  /// Tells whether a replay or byte source has run out of input (random sources never do).
  public var isExhausted: Bool {
    switch mode {
    case .random: return false
    case .replay: return choices.count >= prefix.count
    case .bytes: return byteOffset >= bytes.count
    }
  }

  /// Draws one choice in `0...max`.
  /// - Parameters:
  ///   - max: The inclusive upper bound of the choice.
  ///   - bias: How random mode distributes the choice; ignored by the other modes.
  /// - Returns: The choice, where `0` stands for the simplest value.
  /// - Throws: ``GenerationError/overrun(limit:)`` when the choice limit is reached.
  public func draw(upTo max: UInt64, bias: DrawBias = .uniform) throws -> UInt64 {
    switch mode {
    case .random:
      return try record(randomValue(upTo: max, bias: bias))
    case .replay:
      return try record(replayValue(upTo: max))
    case .bytes:
      return try record(byteValue(upTo: max))
    }
  }

  /// Draws one choice in `0...max`, taking the suggested value in random mode.
  ///
  /// Generators use this when random mode decides a choice with extra, unrecorded logic (such
  /// as weights or a planned length); the other modes read the choice from their input.
  /// - Parameters:
  ///   - max: The inclusive upper bound of the choice.
  ///   - suggestion: The value random mode records (clamped to `max`).
  /// - Returns: The choice.
  /// - Throws: ``GenerationError/overrun(limit:)`` when the choice limit is reached.
  public func draw(upTo max: UInt64, suggesting suggestion: UInt64) throws -> UInt64 {
    switch mode {
    case .random:
      return try record(Swift.min(suggestion, max))
    case .replay:
      return try record(replayValue(upTo: max))
    case .bytes:
      return try record(byteValue(upTo: max))
    }
  }

  /// Returns an unrecorded random value in random mode, for planning suggested choices.
  /// - Parameters:
  ///   - max: The inclusive upper bound.
  ///   - bias: The distribution to use.
  /// - Returns: A value in `0...max` in random mode; `nil` in replay and byte modes.
  public func plan(upTo max: UInt64, bias: DrawBias = .uniform) -> UInt64? {
    mode == .random ? randomValue(upTo: max, bias: bias) : nil
  }

  /// Opens a span at the current position.
  /// - Parameters:
  ///   - label: The name of the logical unit, shared by sibling units of the same kind.
  public func beginSpan(_ label: String) {
    openSpans.append(spans.count)
    spans.append(
      ChoiceSpan(start: choices.count, end: -1, label: label, depth: openSpans.count - 1))
  }

  /// Closes the most recently opened span at the current position.
  public func endSpan() {
    guard let index = openSpans.popLast() else { return }
    spans[index].end = choices.count
  }

  /// Closes the most recently opened span without recording it.
  ///
  /// Use it when the unit turned out to be empty, such as the stop flag that ends an array.
  public func abandonSpan() {
    guard let index = openSpans.popLast() else { return }
    spans.removeSubrange(index...)
  }

  /// Runs a body inside a span.
  /// - Parameters:
  ///   - label: The name of the logical unit.
  ///   - body: The drawing code for the unit.
  /// - Returns: The body's result.
  /// - Throws: Whatever the body throws; the span is then left open and not recorded.
  public func withSpan<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    beginSpan(label)
    let value = try body()
    endSpan()
    return value
  }

  private func record(_ value: UInt64) throws -> UInt64 {
    guard choices.count < maxChoices else { throw GenerationError.overrun(limit: maxChoices) }
    choices.append(value)
    return value
  }

  private func replayValue(upTo max: UInt64) -> UInt64 {
    let index = choices.count
    return index < prefix.count ? Swift.min(prefix[index], max) : 0
  }

  private func byteValue(upTo max: UInt64) -> UInt64 {
    guard max > 0 else { return 0 }
    let needed = (64 - max.leadingZeroBitCount + 7) / 8
    var raw: UInt64 = 0
    var shift: UInt64 = 0
    var taken = 0
    while taken < needed && byteOffset < bytes.count {
      raw |= UInt64(bytes[byteOffset]) << shift
      shift += 8
      taken += 1
      byteOffset += 1
    }
    return max == .max ? raw : raw % (max + 1)
  }

  private func randomValue(upTo max: UInt64, bias: DrawBias) -> UInt64 {
    guard max > 0 else { return 0 }
    switch bias {
    case .uniform:
      return rng.next(upTo: max)
    case .integer:
      let roll = rng.next(upTo: 19)
      if roll < 2 {
        return rng.next(upTo: Swift.min(max, 2))
      }
      if roll < 4 {
        return max - rng.next(upTo: Swift.min(max, 2))
      }
      let width = 64 - max.leadingZeroBitCount
      let bits = rng.next(upTo: UInt64(width))
      let mask: UInt64 = bits >= 64 ? .max : (1 << bits) - 1
      return rng.next(upTo: Swift.min(max, mask))
    }
  }
}
