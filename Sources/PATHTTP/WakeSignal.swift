import Glibc
import Synchronization

/// A one-shot signal a blocked `poll` can wait on: a pipe whose read end becomes readable, and
/// stays readable, once ``fire()`` is called.
final class WakeSignal: Sendable {
  /// The descriptor to poll for readability.
  let descriptor: Int32
  private let writeDescriptor: Int32
  private let fired = Atomic<Bool>(false)

  /// Creates an unfired signal.
  init() {
    var descriptors: [Int32] = [-1, -1]
    if pipe(&descriptors) != 0 { descriptors = [-1, -1] }
    for descriptor in descriptors where descriptor >= 0 {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    self.descriptor = descriptors[0]
    self.writeDescriptor = descriptors[1]
  }

  deinit {
    _ = close(descriptor)
    _ = close(writeDescriptor)
  }

  /// Whether ``fire()`` has been called.
  var hasFired: Bool { fired.load(ordering: .acquiring) }

  /// Fires the signal; later calls do nothing.
  ///
  /// - Returns: `true` for the call that fired it.
  @discardableResult
  func fire() -> Bool {
    guard !fired.exchange(true, ordering: .acquiringAndReleasing) else { return false }
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
    return true
  }
}
