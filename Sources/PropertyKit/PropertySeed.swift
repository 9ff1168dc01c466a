/// Seed derivation and parsing shared by runners, replays and fuzzing campaigns.
public enum PropertySeed {
  /// Derives the seed of one case from the run seed, so any case can be regenerated alone.
  /// - Parameters:
  ///   - runSeed: The seed of the run.
  ///   - caseIndex: The zero-based index of the case.
  /// - Returns: The seed of the random source for that case.
  public static func caseSeed(runSeed: UInt64, caseIndex: Int) -> UInt64 {
    var mixer = SplitMix64(seed: SplitMix64.mix(runSeed) ^ UInt64(truncatingIfNeeded: caseIndex))
    return mixer.next()
  }

  /// Derives independent run seeds for parallel workers from one campaign seed.
  /// - Parameters:
  ///   - campaignSeed: The seed of the whole campaign.
  ///   - worker: The index of the worker.
  /// - Returns: A run seed for that worker; distinct workers get distinct seeds.
  public static func workerSeed(campaignSeed: UInt64, worker: Int) -> UInt64 {
    let stream = SplitMix64.mix(UInt64(truncatingIfNeeded: worker) &+ 0x632B_E59B_D9B4_E019)
    return SplitMix64.mix(SplitMix64.mix(campaignSeed) &+ stream)
  }

  /// Picks a fresh run seed from the system's random generator (only to start a run).
  /// - Returns: A random seed, which the runner always prints.
  public static func random() -> UInt64 {
    var system = SystemRandomNumberGenerator()
    return system.next()
  }

  /// Parses a seed written in decimal or as `0x`-prefixed hexadecimal.
  /// - Parameters:
  ///   - text: The text to parse; surrounding whitespace is ignored.
  /// - Returns: The seed, or `nil` if the text is not a valid 64-bit unsigned number.
  public static func parse(_ text: String) -> UInt64? {
    let trimmed = Substring(text).drop(while: \.isWhitespace).reversed()
      .drop(while: \.isWhitespace).reversed()
    let body = String(trimmed)
    if body.hasPrefix("0x") || body.hasPrefix("0X") {
      return UInt64(body.dropFirst(2), radix: 16)
    }
    return UInt64(body)
  }
}
