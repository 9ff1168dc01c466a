import PATModel

/// What the harness knows of the `now` a service validated one request against: an instant
/// between ``earliest`` and ``latest``, both included, in epoch milliseconds.
public struct ServiceNowInterval: Sendable, Hashable, CustomStringConvertible {
  /// The earliest the service's `now` can have been.
  public var earliest: Int64
  /// The latest the service's `now` can have been.
  public var latest: Int64

  /// Creates an interval.
  ///
  /// - Parameters:
  ///   - earliest: The earliest instant.
  ///   - latest: The latest instant, not before `earliest`.
  public init(earliest: Int64, latest: Int64) {
    precondition(earliest <= latest, "an interval ends after it starts")
    self.earliest = earliest
    self.latest = latest
  }

  /// Knowing nothing: from before the year 0000 to after 9999, so every date a payload can
  /// hold is inside and the validator never sees an instant it cannot print.
  public static let unknown = ServiceNowInterval(
    earliest: -62_167_219_200_000 - 7 * 86_400_000, latest: 253_402_300_800_000 + 7 * 86_400_000)

  /// Whether the instant is known to the millisecond.
  public var isExact: Bool { earliest == latest }

  /// The instant of the interval nearest to a guess.
  ///
  /// - Parameter guess: The guess.
  /// - Returns: The guess when it is inside, else the nearer end.
  public func clamped(_ guess: Timestamp) -> Timestamp {
    Timestamp(
      millisecondsSinceEpoch: min(max(guess.millisecondsSinceEpoch, earliest), latest))
  }

  public var description: String {
    if self == .unknown { return "unknown" }
    let start = Timestamp(millisecondsSinceEpoch: earliest).rfc3339
    return isExact ? start : "\(start) … \(Timestamp(millisecondsSinceEpoch: latest).rfc3339)"
  }
}
