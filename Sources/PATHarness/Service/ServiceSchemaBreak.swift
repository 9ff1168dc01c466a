/// How a service's response body breaks the schema the API documents for it.
public struct ServiceSchemaBreak: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, naming members but no values (so it can be part of a finding class),
  /// such as `"secret" is missing`.
  public var problem: String

  /// Creates a description of a schema break.
  ///
  /// - Parameter problem: What is wrong.
  public init(_ problem: String) {
    self.problem = problem
  }

  public var description: String { problem }
}
