/// The timed rounds of one decoder on one workload, and the rates derived from their median.
struct Measurement {
  /// The decoder's name.
  var decoder: String
  /// The workload's name.
  var workload: String
  /// Payloads in one pass over the workload.
  var payloadsPerPass: Int
  /// Payloads decoded in one round.
  var payloadsPerRound: Int
  /// Bytes decoded in one round.
  var bytesPerRound: Int
  /// The duration of each timed round, in seconds.
  var roundSeconds: [Double]
  /// How many payloads of one pass failed to decode (or were invalid, for a validator).
  var failuresPerPass: Int

  /// The median round duration in seconds.
  var medianSeconds: Double {
    let sorted = roundSeconds.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The spread of the rounds: (slowest - fastest) / median.
  var spread: Double {
    guard let low = roundSeconds.min(), let high = roundSeconds.max() else { return 0 }
    return (high - low) / medianSeconds
  }

  /// Payloads per second, from the median round.
  var payloadsPerSecond: Double { Double(payloadsPerRound) / medianSeconds }
  /// Bytes per second, from the median round.
  var bytesPerSecond: Double { Double(bytesPerRound) / medianSeconds }
  /// Nanoseconds per payload, from the median round.
  var nsPerPayload: Double { medianSeconds * 1e9 / Double(payloadsPerRound) }

  /// Runs a pass over a workload: warm-up (which also sizes the rounds), then timed rounds.
  ///
  /// - Parameters:
  ///   - decoder: The decoder's name.
  ///   - workload: The workload.
  ///   - rounds: The number of timed rounds.
  ///   - roundTarget: The duration a round should last, in seconds.
  ///   - clock: What the rounds are timed with.
  ///   - pass: Decodes every payload of the workload once; returns the failures.
  /// - Returns: The measurement.
  static func run(
    decoder: String, workload: Workload, rounds: Int, roundTarget: Double, clock: BenchClock,
    pass: () -> Int
  ) -> Measurement {
    // Warm-up: at least one pass and at least half a round, to size the rounds.
    var failures = 0
    var warmPasses = 0
    let warmStart = clock.seconds()
    repeat {
      failures = pass()
      warmPasses += 1
    } while clock.seconds() - warmStart < roundTarget / 2
    let perPass = (clock.seconds() - warmStart) / Double(warmPasses)
    let passesPerRound = max(1, Int((roundTarget / perPass).rounded(.up)))

    var roundSeconds: [Double] = []
    for _ in 0..<rounds {
      let start = clock.seconds()
      for _ in 0..<passesPerRound { _ = pass() }
      roundSeconds.append(clock.seconds() - start)
    }
    return Measurement(
      decoder: decoder, workload: workload.name, payloadsPerPass: workload.count,
      payloadsPerRound: workload.count * passesPerRound,
      bytesPerRound: workload.byteCount * passesPerRound, roundSeconds: roundSeconds,
      failuresPerPass: failures)
  }
}
