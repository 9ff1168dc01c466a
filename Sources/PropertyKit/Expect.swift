/// Fails the property unless a condition holds.
/// - Parameters:
///   - condition: The condition the property requires.
///   - message: The explanation used when the condition is false.
///   - fileID: The file of the check (defaults to the caller's).
///   - line: The line of the check (defaults to the caller's).
/// - Throws: ``PropertyFailure`` when the condition is false, or what the condition throws.
public func expect(
  _ condition: @autoclosure () throws -> Bool,
  _ message: @autoclosure () -> String = "expectation failed",
  fileID: StaticString = #fileID,
  line: UInt = #line
) throws {
  if try !condition() {
    throw PropertyFailure(message(), fileID: fileID, line: line)
  }
}

/// Fails the property unless two values are equal.
/// - Parameters:
///   - actual: The value computed by the code under test.
///   - expected: The value it should equal.
///   - fileID: The file of the check (defaults to the caller's).
///   - line: The line of the check (defaults to the caller's).
/// - Throws: ``PropertyFailure`` describing both values when they differ.
public func expectEqual<T: Equatable>(
  _ actual: T, _ expected: T, fileID: StaticString = #fileID, line: UInt = #line
) throws {
  if actual != expected {
    throw PropertyFailure("expected \(expected), got \(actual)", fileID: fileID, line: line)
  }
}
