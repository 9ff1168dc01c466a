/// An instant on the UTC time line, held as whole milliseconds since 1970-01-01T00:00:00Z.
///
/// `Timestamp` never goes through Foundation's `Date` or a floating-point number, so it is
/// exact for every millisecond of the years 0000 to 9999 that RFC 3339 can express.
/// Parse one with ``init(rfc3339:)`` and print it with ``rfc3339``.
public struct Timestamp: Hashable, Comparable, Sendable {
  /// The whole milliseconds since 1970-01-01T00:00:00.000Z; negative before it.
  public var millisecondsSinceEpoch: Int64

  /// Creates a timestamp from whole milliseconds since the Unix epoch.
  ///
  /// - Parameter millisecondsSinceEpoch: Milliseconds since 1970-01-01T00:00:00.000Z.
  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }

  /// Returns this instant moved by a number of milliseconds.
  ///
  /// - Parameter milliseconds: The signed distance to move.
  /// - Returns: The moved timestamp.
  public func adding(milliseconds: Int64) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
  }

  /// The earliest instant an RFC 3339 date-time can name: `0000-01-01T00:00:00.000+23:59`.
  public static let earliestRFC3339 = Timestamp(millisecondsSinceEpoch: -62_167_305_540_000)

  /// The latest instant an RFC 3339 date-time can name: `9999-12-31T23:59:59.999-23:59`.
  public static let latestRFC3339 = Timestamp(millisecondsSinceEpoch: 253_402_387_139_999)
}

extension Timestamp: CustomStringConvertible {
  /// The canonical form, `yyyy-MM-ddTHH:mm:ss.SSSZ`.
  public var description: String { rfc3339 }
}
