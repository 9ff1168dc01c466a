import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into a clean stop: the first one calls the handler; a second
/// SIGINT exits at once with status 130.
/// Dispatch sources are safe to use from any thread.
final class SignalWatcher: @unchecked Sendable {
  private let sources: [any DispatchSourceSignal]

  init(onStop: @escaping @Sendable () -> Void) {
    let queue = DispatchQueue(label: "patfuzz.signals")
    let stopped = Atomic(false)
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        if stopped.exchange(true, ordering: .relaxed), number == SIGINT { exit(130) }
        FileHandle.standardError.write(Data("\npatfuzz: stopping, writing what was found…\n".utf8))
        onStop()
      }
      source.resume()
      return source
    }
  }

  func cancel() {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}
