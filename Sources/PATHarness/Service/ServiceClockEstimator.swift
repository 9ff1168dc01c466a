import PATModel

/// What the harness knows of a service's clock, from the readings its responses carry: the
/// `created` time of each token it creates (exact) and the `Date` header of every response
/// (to the second), each with when its request was sent and its response received.
///
/// It bounds the `now` the service validated a request against, on two assumptions about the
/// service's clock:
/// 1. it never goes back, so a reading taken before the request is a lower bound and one
///    taken after it an upper bound;
/// 2. it runs no faster than real time (allowing 0.1 %), so it moves by at most the time
///    between two readings: a reading taken before the request bounds it from above too, and
///    one taken after it from below. A fixed clock, which does not move at all, fits.
///
/// The harness's clock is monotonic, so only durations on it matter, never its origin.
public struct ServiceClockEstimator: Sendable {
  /// How many of the most recent exact readings, and of the most recent `Date` readings, are
  /// kept: the most recent ones give the tightest bounds.
  public static let keptReadings = 6

  /// The most recent exact readings, oldest first.
  public private(set) var exactReadings: [ServiceClockReading] = []
  /// The most recent `Date` readings, oldest first.
  public private(set) var dateReadings: [ServiceClockReading] = []

  /// Creates an estimator that knows nothing yet.
  public init() {}

  /// Adds a reading.
  ///
  /// - Parameter reading: The reading.
  public mutating func record(_ reading: ServiceClockReading) {
    switch reading.value {
    case .exact:
      exactReadings.append(reading)
      if exactReadings.count > Self.keptReadings { exactReadings.removeFirst() }
    case .second:
      dateReadings.append(reading)
      if dateReadings.count > Self.keptReadings { dateReadings.removeFirst() }
    }
  }

  /// Forgets every reading (after the readings contradicted each other: the clock was set).
  public mutating func reset() {
    exactReadings = []
    dateReadings = []
  }

  /// Bounds the `now` the service read while handling one request.
  ///
  /// - Parameters:
  ///   - sent: When the request was sent (monotonic nanoseconds).
  ///   - received: When its response had arrived (monotonic nanoseconds).
  ///   - excluding: A reading to leave out (the request's own, when it is judged apart).
  /// - Returns: The interval (``ServiceNowInterval/unknown`` without readings), or `nil` when
  ///   the readings contradict the assumptions.
  public func interval(sent: Int64, received: Int64, excluding: ServiceClockReading? = nil)
    -> ServiceNowInterval?
  {
    var earliest = ServiceNowInterval.unknown.earliest
    var latest = ServiceNowInterval.unknown.latest
    for reading in exactReadings + dateReadings where reading != excluding {
      // How long after the request's `now` the reading can have been taken, and how long
      // before it.
      let readingAfter = reading.received - sent
      let readingBefore = received - reading.sent
      let low = reading.lowest - (readingAfter > 0 ? Self.milliseconds(readingAfter) : 0)
      let high = reading.highest + (readingBefore > 0 ? Self.milliseconds(readingBefore) : 0)
      earliest = max(earliest, low)
      latest = min(latest, high)
    }
    guard earliest <= latest else { return nil }
    return ServiceNowInterval(earliest: earliest, latest: latest)
  }

  /// Whether the clock seems to stand still: the oldest and the newest exact readings kept
  /// are equal although at least 2 ms passed between them (a service started with a fixed
  /// clock, as `patfuzz serve --clock fixed:…`).
  public var appearsFixed: Bool {
    guard let first = exactReadings.first, let last = exactReadings.last else { return false }
    return first.value == last.value && last.sent - first.received >= 2_000_000
  }

  /// The best guess of the service's `now` at an instant, for building dates relative to it:
  /// the newest exact reading, moved on by the time since it was taken unless the clock
  /// appears fixed; without exact readings, the middle of the newest `Date` second, moved on.
  ///
  /// - Parameter instant: The instant (monotonic nanoseconds).
  /// - Returns: The guess, or `nil` without any reading.
  public func estimate(at instant: Int64) -> Timestamp? {
    if let newest = exactReadings.last {
      let elapsed = appearsFixed ? 0 : Self.roundedMilliseconds(instant - newest.middle)
      return Timestamp(millisecondsSinceEpoch: newest.lowest + elapsed)
    }
    if let newest = dateReadings.last {
      let elapsed = Self.roundedMilliseconds(instant - newest.middle)
      return Timestamp(millisecondsSinceEpoch: newest.lowest + 500 + elapsed)
    }
    return nil
  }

  /// Nanoseconds as whole milliseconds, rounded up, with 0.1 % added for a clock that runs a
  /// little fast.
  ///
  /// - Parameter nanoseconds: A duration, not negative.
  /// - Returns: The milliseconds the service's clock can have moved in it.
  static func milliseconds(_ nanoseconds: Int64) -> Int64 {
    let allowed = nanoseconds + nanoseconds / 1000
    return (allowed + 999_999) / 1_000_000
  }

  /// Nanoseconds as the nearest whole milliseconds.
  ///
  /// - Parameter nanoseconds: A duration.
  /// - Returns: The milliseconds.
  static func roundedMilliseconds(_ nanoseconds: Int64) -> Int64 {
    let half: Int64 = nanoseconds >= 0 ? 500_000 : -500_000
    return (nanoseconds + half) / 1_000_000
  }
}
