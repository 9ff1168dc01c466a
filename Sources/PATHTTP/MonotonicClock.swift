import Glibc

/// Reads the system's monotonic clock, which never jumps with wall-clock changes.
public enum MonotonicClock {
  /// The monotonic clock reading in whole milliseconds (from an arbitrary origin).
  ///
  /// - Returns: Milliseconds since an unspecified fixed point in the past.
  @Sendable public static func milliseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
  }
}
