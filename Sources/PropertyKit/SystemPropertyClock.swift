/// The real monotonic clock, based on `ContinuousClock`.
public struct SystemPropertyClock: PropertyClock {
  private let origin: ContinuousClock.Instant

  /// Creates a clock whose origin is the moment of creation.
  public init() {
    origin = ContinuousClock.now
  }

  /// The time elapsed since the clock was created.
  /// - Returns: The elapsed duration.
  public func now() -> Duration {
    origin.duration(to: ContinuousClock.now)
  }
}
