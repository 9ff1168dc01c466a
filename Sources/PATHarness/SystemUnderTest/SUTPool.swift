import Synchronization

/// Processes of one external implementation, one per concurrent caller: a request takes an
/// idle process (starting a new one when all are busy) and gives it back after the answer.
public final class SUTPool: Sendable {
  /// The shell command.
  public let command: String
  /// Seconds to wait for each answer.
  public let timeout: Double
  private let idle = Mutex<[SUTProcess]>([])
  private let all = Mutex<[SUTProcess]>([])

  /// Prepares a pool; processes start on demand.
  ///
  /// - Parameters:
  ///   - command: The shell command, run with `/bin/sh -c`.
  ///   - timeout: Seconds to wait for each answer.
  public init(command: String, timeout: Double) {
    self.command = command
    self.timeout = timeout
  }

  /// Sends a request to an idle process and waits for its answer.
  ///
  /// - Parameter request: The request.
  /// - Returns: The answer.
  /// - Throws: ``SUTProtocolError``; the process is restarted on its next use.
  public func ask(_ request: SUTRequest) throws(SUTProtocolError) -> SUTAnswer {
    let process = idle.withLock { $0.popLast() } ?? makeProcess()
    defer { idle.withLock { $0.append(process) } }
    return try process.ask(request)
  }

  /// The number of process starts so far (restarts after crashes and timeouts included).
  public var starts: Int {
    all.withLock { $0.reduce(0) { $0 + $1.starts } }
  }

  /// Stops every process.
  public func stopAll() {
    for process in all.withLock({ $0 }) { process.stop() }
  }

  private func makeProcess() -> SUTProcess {
    let process = SUTProcess(command: command, timeout: timeout)
    all.withLock { $0.append(process) }
    return process
  }
}
