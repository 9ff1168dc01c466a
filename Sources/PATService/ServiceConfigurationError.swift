/// A service option that cannot be used: a clock, rate limit or fault specification that does
/// not parse.
public struct ServiceConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Which option is wrong, stable across versions.
  public enum Kind: Sendable, Equatable {
    /// The clock specification.
    case clock
    /// The rate limit specification.
    case rateLimit
    /// A fault name.
    case fault
  }

  /// Which option is wrong.
  public var kind: Kind
  /// What is wrong, for people.
  public var message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: Which option is wrong.
  ///   - message: What is wrong.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
