import Synchronization

/// Text shared between threads.
final class LockedText: Sendable {
  private let text = Mutex<String?>(nil)

  /// Stores the text.
  func set(_ value: String) { text.withLock { $0 = value } }

  /// The text stored, if any.
  func get() -> String? { text.withLock { $0 } }
}
