import Synchronization

/// A clock that only moves when told to, for deterministic tests of time budgets.
public final class ManualPropertyClock: PropertyClock {
  private let state: Mutex<Duration>
  private let tick: Duration

  /// Creates a manual clock.
  /// - Parameters:
  ///   - start: The initial reading.
  ///   - tick: How far every reading advances the clock afterwards (zero keeps it still).
  public init(start: Duration = .zero, tick: Duration = .zero) {
    state = Mutex(start)
    self.tick = tick
  }

  /// Reads the clock, then advances it by its tick.
  /// - Returns: The reading before the tick.
  public func now() -> Duration {
    state.withLock { current in
      let reading = current
      current += tick
      return reading
    }
  }

  /// Moves the clock forward.
  /// - Parameters:
  ///   - duration: How far to move it.
  public func advance(by duration: Duration) {
    state.withLock { $0 += duration }
  }
}
