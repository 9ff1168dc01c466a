/// Why the harness cannot go on with a service: not a finding about the service, but a reason
/// to stop the campaign (and, at its start, to exit 70).
public struct ServiceSessionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem.
  public enum Kind: String, Hashable, Sendable {
    /// No connection could be made, or the service did not answer the harness's own requests
    /// in time.
    case unreachable
    /// 401 or 403: the credentials (`--header`) are missing, wrong or not allowed.
    case refused
    /// The URL does not answer like the personal-access-token collection (404, 405, or a
    /// listing that is not one).
    case notTheAPI
    /// A request the harness needs to set up or clean up the owner's tokens failed.
    case stateUnmanageable
    /// The service kept answering 429 for longer than the harness waits.
    case rateLimited
    /// The session was told to stop while it waited.
    case interrupted
  }

  /// The kind of problem.
  public var kind: Kind
  /// What went wrong, for people.
  public var message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: The kind of problem.
  ///   - message: What went wrong.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
