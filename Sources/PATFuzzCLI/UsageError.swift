/// A command line or input that cannot be used; `patfuzz` prints it and exits with 64.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, for people.
  public var message: String

  /// Creates a usage error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
