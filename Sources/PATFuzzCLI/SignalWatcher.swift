import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into a clean stop: the first one calls the handlers; a second
/// SIGINT exits at once with status 130.
///
/// One watcher should cover a whole command, made before any other thread starts: on Linux
/// the signals reach the watcher only from threads that block them, which threads started
/// after the first watcher inherit; with a second watcher made later, a signal can land on
/// another thread and be ignored there. Later stages add handlers with ``alsoOnStop(_:)``.
/// Dispatch sources are safe to use from any thread.
final class SignalWatcher: @unchecked Sendable {
  private let sources: [any DispatchSourceSignal]
  private let handlers: Handlers

  /// The handlers to call, added over time.
  private final class Handlers: Sendable {
    let list = Mutex<[@Sendable () -> Void]>([])
  }

  init(onStop: @escaping @Sendable () -> Void) {
    let queue = DispatchQueue(label: "patfuzz.signals")
    let stopped = Atomic(false)
    let handlers = Handlers()
    handlers.list.withLock { $0.append(onStop) }
    self.handlers = handlers
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        if stopped.exchange(true, ordering: .relaxed), number == SIGINT { exit(130) }
        FileHandle.standardError.write(Data("\npatfuzz: stopping, writing what was found…\n".utf8))
        for handler in handlers.list.withLock({ $0 }) { handler() }
      }
      source.resume()
      return source
    }
  }

  /// Adds a handler, called on the first SIGINT or SIGTERM from now on.
  ///
  /// - Parameter handler: The handler.
  func alsoOnStop(_ handler: @escaping @Sendable () -> Void) {
    handlers.list.withLock { $0.append(handler) }
  }

  func cancel() {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}
