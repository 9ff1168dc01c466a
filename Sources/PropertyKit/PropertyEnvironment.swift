import Foundation

/// The environment variables a runner reads, injectable so tests never touch the process.
public struct PropertyEnvironment: Sendable, Hashable {
  /// The variable holding a replay token (``ReplayToken``) to run before anything else.
  public static let replayVariable = "PATFUZZ_REPLAY"
  /// The variable overriding the seed of every run.
  public static let seedVariable = "PATFUZZ_SEED"

  /// The variables, by name.
  public var values: [String: String]

  /// Creates an environment from explicit values.
  /// - Parameters:
  ///   - values: The variables, by name.
  public init(_ values: [String: String] = [:]) {
    self.values = values
  }

  /// A snapshot of the current process environment.
  public static var process: PropertyEnvironment {
    PropertyEnvironment(ProcessInfo.processInfo.environment)
  }

  /// Reads a variable, treating empty values as unset.
  /// - Parameters:
  ///   - name: The variable name.
  /// - Returns: The value, or `nil` if unset or empty.
  public subscript(name: String) -> String? {
    guard let value = values[name], !value.isEmpty else { return nil }
    return value
  }
}
