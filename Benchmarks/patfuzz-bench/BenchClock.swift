#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a measurement times: elapsed time, or the processor time of the measuring thread.
enum BenchClock: String, CaseIterable {
  /// Elapsed (monotonic) time: what a user waits for.
  case wall
  /// The measuring thread's processor time: steadier on a shared machine, because time the
  /// thread spends descheduled while other processes run is not counted.
  case cpu

  /// The current reading in seconds, from an arbitrary origin.
  ///
  /// - Returns: The reading.
  func seconds() -> Double {
    var time = timespec()
    clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
