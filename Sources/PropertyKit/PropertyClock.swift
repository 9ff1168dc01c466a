/// A monotonic clock used for time budgets and health checks, injectable for tests.
public protocol PropertyClock: Sendable {
  /// The time elapsed since an arbitrary, fixed origin.
  /// - Returns: A monotonically non-decreasing duration.
  func now() -> Duration
}
