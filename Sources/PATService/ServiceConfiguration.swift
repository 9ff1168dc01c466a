import PATHTTP
import PATModel

/// How the token service behaves: its clock, rate limit, validation options and faults.
public struct ServiceConfiguration: Sendable {
  /// Where `now` comes from (validation, `created`, the `Date` header).
  public var clock = ServiceClock.system
  /// The per-client rate limit, or `nil` for none.
  public var rateLimit: RateLimit? = .documented
  /// The monotonic clock (milliseconds) the rate limiter measures windows with; independent
  /// of ``clock`` so a fixed service clock does not freeze the windows.
  public var rateLimitClock: @Sendable () -> Int64 = MonotonicClock.milliseconds
  /// How `name.duplicate` compares names.
  public var nameComparison = NameComparison.exact
  /// Whether unknown members are violations.
  public var strict = false
  /// Planted faults, for the harness's own tests.
  public var faults: Set<ServiceFault> = []

  /// Creates the default configuration: system clock, 100 requests per 10 s per client,
  /// exact name comparison, unknown members allowed, no faults.
  public init() {}
}
