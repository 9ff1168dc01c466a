import Synchronization

/// Admits or refuses each client's requests under a ``RateLimit``, over a sliding window: a
/// request is admitted when the client had fewer than `requests` admitted requests in the
/// last `windowMilliseconds`. Refused requests do not count, so a client that waits for
/// `Retry-After` always gets through.
public final class RateLimiter: Sendable {
  /// The decision for one request.
  public enum Decision: Sendable, Equatable {
    /// The request may proceed.
    case admitted
    /// The client must wait this many whole seconds (at least 1) before a request is
    /// admitted again.
    case limited(retryAfterSeconds: Int)
  }

  /// The limit applied to every client.
  public let limit: RateLimit
  private let clock: @Sendable () -> Int64
  private let state = Mutex<State>(State())

  private struct State {
    /// Each client's admitted request times, oldest first, at most `limit.requests`.
    var admitted: [String: [Int64]] = [:]
    var decisionsSincePruning = 0
  }

  /// Creates a limiter.
  ///
  /// - Parameters:
  ///   - limit: The limit.
  ///   - clock: A monotonic clock in milliseconds (injectable for tests).
  public init(limit: RateLimit, clock: @escaping @Sendable () -> Int64) {
    self.limit = limit
    self.clock = clock
  }

  /// Decides one request and records it when admitted.
  ///
  /// - Parameter client: The client's identity (its bearer token).
  /// - Returns: The decision.
  public func admit(_ client: String) -> Decision {
    let now = clock()
    let window = limit.windowMilliseconds
    return state.withLock { state in
      state.decisionsSincePruning += 1
      if state.decisionsSincePruning >= 4096 {
        state.decisionsSincePruning = 0
        state.admitted = state.admitted.filter { ($0.value.last ?? now) + window > now }
      }
      var times = state.admitted[client] ?? []
      let expired = times.prefix { $0 + window <= now }.count
      times.removeFirst(expired)
      guard times.count < limit.requests else {
        let waitMilliseconds = times[0] + window - now
        state.admitted[client] = times
        return .limited(retryAfterSeconds: max(1, Int((waitMilliseconds + 999) / 1000)))
      }
      times.append(now)
      state.admitted[client] = times
      return .admitted
    }
  }
}
