import Foundation

extension Timestamp {
  /// Milliseconds between the Unix epoch and Foundation's reference date (2001-01-01).
  private static let referenceDateOffset: Int64 = 978_307_200_000

  /// Creates a timestamp from a Foundation `Date`, rounded to the nearest millisecond.
  ///
  /// A `Date` is a `Double` of seconds since 2001, which cannot hold most millisecond
  /// values exactly; truncating it (as many converters do) turns `.999` into `.998` for a few
  /// percent of values. Rounding to the nearest millisecond gives back exactly the timestamp
  /// a `Date` was made from by ``date``.
  ///
  /// - Parameter date: The date to convert.
  /// - Returns: `nil` when the date is not finite or lies beyond ±2^53 milliseconds.
  public init?(_ date: Date) {
    let milliseconds = (date.timeIntervalSinceReferenceDate * 1000).rounded(.toNearestOrEven)
    guard milliseconds.isFinite, abs(milliseconds) < 9_007_199_254_740_992 else { return nil }
    self.init(millisecondsSinceEpoch: Int64(milliseconds) + Self.referenceDateOffset)
  }

  /// The Foundation `Date` nearest to this instant.
  ///
  /// Converting it back with ``init(_:)`` gives this timestamp again, for every millisecond of
  /// the years 0000-9999.
  public var date: Date {
    Date(
      timeIntervalSinceReferenceDate: Double(millisecondsSinceEpoch - Self.referenceDateOffset)
        / 1000)
  }
}
