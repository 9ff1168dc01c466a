import Dispatch
import PATHarness
import PropertyKit
import Synchronization

/// Prints a campaign's progress: a live line on a terminal (every half second), plain lines
/// every ten seconds otherwise.
/// Dispatch sources are safe to use from any thread; the rest is immutable or atomic.
final class ProgressPrinter: @unchecked Sendable {
  private let campaign: Campaign
  private let clock: any PropertyClock
  private let io: CommandIO
  private let quiet: Bool
  private let timer: (any DispatchSourceTimer)?
  private let startTime: Duration
  private let lineShown = Atomic(false)

  init(campaign: Campaign, clock: any PropertyClock, io: CommandIO, quiet: Bool) {
    self.campaign = campaign
    self.clock = clock
    self.io = io
    self.quiet = quiet
    self.startTime = clock.now()
    self.timer =
      quiet ? nil : DispatchSource.makeTimerSource(queue: DispatchQueue(label: "patfuzz.progress"))
  }

  func start() {
    guard let timer else { return }
    let interval: DispatchTimeInterval = io.errorIsTerminal ? .milliseconds(500) : .seconds(10)
    timer.schedule(deadline: .now() + interval, repeating: interval)
    timer.setEventHandler { [self] in printLine() }
    timer.resume()
  }

  func stop() {
    guard let timer else { return }
    timer.cancel()
    clearLine()
  }

  /// Erases the live line so other output starts on a clean line.
  func clearLine() {
    if io.errorIsTerminal, lineShown.exchange(false, ordering: .relaxed) {
      io.writeError("\r\u{1B}[K")
    }
  }

  private func printLine() {
    let (seconds, attoseconds) = (clock.now() - startTime).components
    let elapsed = Double(seconds) + Double(attoseconds) / 1e18
    let progress = campaign.progress(elapsed: elapsed)
    let rate = elapsed > 0 ? Int(Double(progress.cases) / elapsed) : 0
    let text =
      "fuzz: \(progress.cases) cases, \(rate)/s, \(Int(elapsed)) s, "
      + "\(progress.labelsSeen) classes covered, \(progress.findings) finding(s)"
    if io.errorIsTerminal {
      lineShown.store(true, ordering: .relaxed)
      io.writeError("\r\u{1B}[K" + text)
    } else {
      io.writeError(text + "\n")
    }
  }
}
