/// One reading of a service's clock, with when the request that carried it was sent and its
/// response received, on the harness's monotonic clock.
public struct ServiceClockReading: Sendable, Hashable {
  /// What the service said its clock read.
  public enum Value: Sendable, Hashable {
    /// An exact reading in epoch milliseconds: the `created` time of a token.
    case exact(Int64)
    /// A `Date` header: the clock to the second, as the epoch milliseconds of that second.
    case second(Int64)
  }

  /// The reading.
  public var value: Value
  /// When the request was sent, in monotonic nanoseconds.
  public var sent: Int64
  /// When its whole response had arrived, in monotonic nanoseconds.
  public var received: Int64

  /// Creates a reading.
  ///
  /// - Parameters:
  ///   - value: The reading.
  ///   - sent: When the request was sent (monotonic nanoseconds).
  ///   - received: When its response had arrived (monotonic nanoseconds).
  public init(_ value: Value, sent: Int64, received: Int64) {
    self.value = value
    self.sent = sent
    self.received = received
  }

  /// The lowest millisecond the service's clock can have read.
  var lowest: Int64 {
    switch value {
    case .exact(let milliseconds): milliseconds
    case .second(let milliseconds): milliseconds
    }
  }

  /// The highest millisecond the service's clock can have read.
  var highest: Int64 {
    switch value {
    case .exact(let milliseconds): milliseconds
    case .second(let milliseconds): milliseconds + 999
    }
  }

  /// The middle of the exchange, the best guess of when the reading was taken.
  var middle: Int64 { sent + (received - sent) / 2 }
}
