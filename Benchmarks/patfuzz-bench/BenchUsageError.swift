/// A command line or file the benchmark cannot use; printed with a hint, exit status 64.
struct BenchUsageError: Error, CustomStringConvertible {
  /// What is wrong, for people.
  var message: String

  /// Creates a usage error.
  ///
  /// - Parameter message: What is wrong.
  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
