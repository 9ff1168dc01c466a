/// How many requests one client (one bearer token) may make in a sliding window.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
  /// The documented limit of the real service: 100 requests per 10 seconds.
  public static let documented = RateLimit(requests: 100, windowMilliseconds: 10_000)

  /// The most requests admitted within any window.
  public var requests: Int
  /// The window length in milliseconds.
  public var windowMilliseconds: Int64

  /// Creates a limit.
  ///
  /// - Parameters:
  ///   - requests: The most requests admitted within any window (at least 1).
  ///   - windowMilliseconds: The window length (at least 1 ms).
  public init(requests: Int, windowMilliseconds: Int64) {
    self.requests = max(1, requests)
    self.windowMilliseconds = max(1, windowMilliseconds)
  }

  /// Parses `N/S`: N requests per S seconds (both positive integers).
  ///
  /// - Parameter specification: The text, such as `100/10`.
  /// - Throws: ``ServiceConfigurationError`` of kind
  ///   ``ServiceConfigurationError/Kind/rateLimit`` for anything else.
  public init(specification: String) throws(ServiceConfigurationError) {
    let parts = specification.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let requests = Int(parts[0]), let seconds = Int64(parts[1]),
      (1...1_000_000).contains(requests), (1...86_400).contains(seconds)
    else {
      throw ServiceConfigurationError(
        kind: .rateLimit,
        message:
          "a rate limit is REQUESTS/SECONDS (1...1000000 per 1...86400 s), got '\(specification)'"
      )
    }
    self.init(requests: requests, windowMilliseconds: seconds * 1000)
  }

  /// The limit for people, such as `100 requests per 10 s`.
  public var summary: String {
    windowMilliseconds % 1000 == 0
      ? "\(requests) requests per \(windowMilliseconds / 1000) s"
      : "\(requests) requests per \(windowMilliseconds) ms"
  }

  /// The limit as a specification, such as `100/10`.
  public var description: String {
    windowMilliseconds % 1000 == 0
      ? "\(requests)/\(windowMilliseconds / 1000)" : "\(requests) per \(windowMilliseconds) ms"
  }
}
