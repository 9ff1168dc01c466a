import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An external implementation run as a child process (`/bin/sh -c COMMAND`, in a process group
/// of its own), spoken to one JSON line at a time. It is restarted after a crash or a timeout.
public final class SUTProcess: @unchecked Sendable {
  /// The shell command.
  public let command: String
  /// How long to wait for each answer.
  public let timeout: Double

  private let lock = NSLock()
  private var pid: pid_t = 0
  private var input: Int32 = -1
  private var output: Int32 = -1
  private var buffered: [UInt8] = []
  private var startCount = 0

  /// How many times the process was (re)started.
  public var starts: Int {
    lock.lock()
    defer { lock.unlock() }
    return startCount
  }

  /// Prepares to run a command; nothing starts until the first request.
  ///
  /// - Parameters:
  ///   - command: The shell command.
  ///   - timeout: Seconds to wait for each answer.
  public init(command: String, timeout: Double) {
    self.command = command
    self.timeout = timeout
    // A write to an implementation that just crashed must fail with EPIPE, not kill us.
    signal(SIGPIPE, SIG_IGN)
  }

  deinit {
    stopLocked()
  }

  /// Stops the process and everything it started (SIGKILL to its process group).
  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    stopLocked()
  }

  /// Sends one request and waits for its answer line.
  ///
  /// After a crash, a timeout or a malformed answer the process is stopped; the next request
  /// starts it again.
  ///
  /// - Parameter request: The request.
  /// - Returns: The answer.
  /// - Throws: ``SUTProtocolError``.
  public func ask(_ request: SUTRequest) throws(SUTProtocolError) -> SUTAnswer {
    lock.lock()
    defer { lock.unlock() }
    if pid == 0 { try startLocked() }
    do throws(SUTProtocolError) {
      try writeAll(request.line)
      let line = try readLine()
      switch SUTAnswer.parse(line) {
      case .success(let answer):
        guard answer.id == request.id else {
          throw .mismatchedID(expected: request.id, got: answer.id)
        }
        return answer
      case .failure(let error):
        throw error
      }
    } catch {
      stopLocked()
      throw error
    }
  }

  private func startLocked() throws(SUTProtocolError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0 else { throw .cannotStart("pipe: errno \(errno)") }
    guard pipe(&fromChild) == 0 else {
      close(toChild[0])
      close(toChild[1])
      throw .cannotStart("pipe: errno \(errno)")
    }
    // Other children (the pool's other processes) must not inherit these ends, or a crashed
    // implementation's output would never reach end-of-file.
    for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGTERM)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
    let arguments = ["/bin/sh", "-c", command].map { $0.withCString { strdup($0) } } + [nil]
    defer { arguments.forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, arguments, environ)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw .cannotStart("posix_spawn: \(String(cString: strerror(status)))")
    }
    pid = child
    input = toChild[1]
    output = fromChild[0]
    buffered = []
    startCount += 1
  }

  private func stopLocked() {
    guard pid != 0 else { return }
    kill(-pid, SIGKILL)
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    close(input)
    close(output)
    pid = 0
    input = -1
    output = -1
    buffered = []
  }

  private func writeAll(_ bytes: [UInt8]) throws(SUTProtocolError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw .exited(status: exitStatus())
      }
      offset += written
    }
  }

  private func readLine() throws(SUTProtocolError) -> [UInt8] {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      if let newline = buffered.firstIndex(of: 0x0A) {
        let line = Array(buffered[..<newline])
        buffered.removeSubrange(...newline)
        return line
      }
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline else { throw .timeout(seconds: timeout) }
      var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let waitMilliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
      let ready = poll(&descriptor, 1, waitMilliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        throw .exited(status: exitStatus())
      }
      guard ready > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { throw .exited(status: exitStatus()) }
      buffered.append(contentsOf: chunk[..<count])
    }
  }

  /// The exit status of a process that closed its output, waiting briefly for it to exit.
  private func exitStatus() -> Int32? {
    var status: Int32 = 0
    for _ in 0..<100 {
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid {
        pid = 0
        close(input)
        close(output)
        input = -1
        output = -1
        // WIFEXITED / WEXITSTATUS, and 128 + signal for a signal, as shells report it.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
      }
      usleep(2000)
    }
    return nil
  }
}
