import PATHTTP
import PATModel

/// Where the service reads `now`: the instant expiration dates must be after, the `created`
/// time of new tokens and the `Date` header of every response.
///
/// Three kinds, named by a specification string (`patfuzz serve --clock`):
/// - `system`: the system's wall clock;
/// - `fixed:RFC3339`: always the same instant, such as `fixed:2026-06-15T12:34:56.789Z`;
/// - `offset:MILLISECONDS`: the system clock moved by a signed number of milliseconds, such
///   as `offset:-1500`.
public struct ServiceClock: Sendable, CustomStringConvertible {
  /// Reads the clock.
  public let now: @Sendable () -> Timestamp
  /// The specification the clock was made from, or a name for a custom clock.
  public let description: String

  /// Creates a clock from any source, for tests.
  ///
  /// - Parameters:
  ///   - description: A name for messages.
  ///   - now: Reads the clock.
  public init(description: String, now: @escaping @Sendable () -> Timestamp) {
    self.description = description
    self.now = now
  }

  /// The system's wall clock, to the millisecond.
  public static let system = ServiceClock(description: "system") {
    Timestamp(millisecondsSinceEpoch: WallClock.milliseconds())
  }

  /// A clock that always reads the same instant.
  ///
  /// - Parameter instant: The instant.
  /// - Returns: The clock.
  public static func fixed(_ instant: Timestamp) -> ServiceClock {
    ServiceClock(description: "fixed:\(instant.rfc3339)") { instant }
  }

  /// The system clock moved by an offset.
  ///
  /// - Parameter milliseconds: The signed offset.
  /// - Returns: The clock.
  public static func offset(milliseconds: Int64) -> ServiceClock {
    ServiceClock(description: "offset:\(milliseconds)") {
      Timestamp(millisecondsSinceEpoch: WallClock.milliseconds() + milliseconds)
    }
  }

  /// Creates a clock from its specification: `system`, `fixed:RFC3339` or
  /// `offset:MILLISECONDS`.
  ///
  /// - Parameter specification: The specification.
  /// - Throws: ``ServiceConfigurationError`` of kind ``ServiceConfigurationError/Kind/clock``
  ///   for anything else.
  public init(specification: String) throws(ServiceConfigurationError) {
    if specification == "system" {
      self = .system
    } else if specification.hasPrefix("fixed:") {
      let text = specification.dropFirst("fixed:".count)
      guard let instant = Timestamp(rfc3339: text) else {
        throw ServiceConfigurationError(
          kind: .clock, message: "a fixed clock needs an RFC 3339 date-time, got '\(text)'")
      }
      self = .fixed(instant)
    } else if specification.hasPrefix("offset:") {
      let text = specification.dropFirst("offset:".count)
      guard let milliseconds = Int64(text), abs(milliseconds) <= 315_576_000_000_000 else {
        throw ServiceConfigurationError(
          kind: .clock, message: "an offset clock needs signed milliseconds, got '\(text)'")
      }
      self = .offset(milliseconds: milliseconds)
    } else {
      throw ServiceConfigurationError(
        kind: .clock,
        message:
          "the clock is system, fixed:RFC3339 or offset:MILLISECONDS, got '\(specification)'")
    }
  }
}
