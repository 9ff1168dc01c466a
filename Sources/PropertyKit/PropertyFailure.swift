/// A plain property failure with a message and the place it was raised.
public struct PropertyFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The explanation of the failure.
  public var message: String
  /// The file that raised the failure.
  public var fileID: String
  /// The line that raised the failure.
  public var line: Int

  /// Creates a failure.
  /// - Parameters:
  ///   - message: The explanation.
  ///   - fileID: The file raising it (defaults to the caller's).
  ///   - line: The line raising it (defaults to the caller's).
  public init(_ message: String, fileID: StaticString = #fileID, line: UInt = #line) {
    self.message = message
    self.fileID = "\(fileID)"
    self.line = Int(line)
  }

  /// The message followed by its location.
  public var description: String {
    "\(message) (\(fileID):\(line))"
  }
}
