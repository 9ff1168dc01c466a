import Glibc

/// Reads the system's wall clock.
public enum WallClock {
  /// The wall-clock reading in whole milliseconds since 1970-01-01T00:00:00Z.
  ///
  /// - Returns: Milliseconds since the Unix epoch.
  @Sendable public static func milliseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
  }
}
