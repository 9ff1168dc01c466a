import Glibc
import Synchronization

/// One stream socket: a file descriptor with the few blocking operations the server and the
/// client need, each bounded by a deadline on the monotonic clock.
final class Socket: Sendable {
  /// What one read produced.
  enum ReadOutcome: Equatable {
    /// This many bytes were appended to the buffer.
    case read(Int)
    /// The peer closed its side: no more bytes will come.
    case endOfStream
    /// The deadline passed with nothing to read.
    case timedOut
    /// The wake descriptor became readable before any byte arrived.
    case woken
  }

  /// The file descriptor.
  let descriptor: Int32
  private let closed = Atomic<Bool>(false)

  /// Wraps an open descriptor; the socket closes it.
  ///
  /// - Parameter descriptor: An open stream socket descriptor.
  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close()
  }

  /// Opens a listening socket on the first address `host` resolves to.
  ///
  /// - Parameters:
  ///   - host: A numeric address or a host name.
  ///   - port: The port, or 0 for one the system picks.
  ///   - backlog: The length of the queue of pending connections.
  /// - Returns: A listening, non-blocking socket.
  /// - Throws: ``SocketError`` when the address does not resolve or no address can be bound.
  static func listening(host: String, port: Int, backlog: Int32) throws(SocketError) -> Socket {
    var lastError = SocketError.unresolved(host: host, port: port, code: EAI_NONAME)
    for address in try resolve(host: host, port: port, passive: true) {
      let descriptor = socket(
        address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard descriptor >= 0 else {
        lastError = .lastError("socket")
        continue
      }
      let socket = Socket(descriptor: descriptor)
      socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
      let bound = address.storage.withUnsafeBytes { raw in
        bind(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length)
      }
      guard bound == 0 else {
        lastError = .lastError("bind")
        continue
      }
      guard Glibc.listen(descriptor, backlog) == 0 else {
        lastError = .lastError("listen")
        continue
      }
      socket.setNonBlocking(true)
      return socket
    }
    throw lastError
  }

  /// Connects to the first address of `host` that accepts, within a timeout.
  ///
  /// - Parameters:
  ///   - host: A numeric address or a host name.
  ///   - port: The port.
  ///   - timeoutMilliseconds: How long each connection attempt may take.
  /// - Returns: A connected, blocking socket with `TCP_NODELAY` set.
  /// - Throws: ``SocketError`` when no address accepts in time.
  static func connected(host: String, port: Int, timeoutMilliseconds: Int) throws(SocketError)
    -> Socket
  {
    var lastError = SocketError.unresolved(host: host, port: port, code: EAI_NONAME)
    for address in try resolve(host: host, port: port, passive: false) {
      let descriptor = socket(
        address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard descriptor >= 0 else {
        lastError = .lastError("socket")
        continue
      }
      let socket = Socket(descriptor: descriptor)
      socket.setNonBlocking(true)
      let status = address.storage.withUnsafeBytes { raw in
        connect(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length)
      }
      if status != 0 {
        guard errno == EINPROGRESS else {
          lastError = .lastError("connect")
          continue
        }
        let deadline = MonotonicClock.milliseconds() + Int64(timeoutMilliseconds)
        guard socket.poll(events: Int16(POLLOUT), deadline: deadline, wake: nil) == .ready else {
          lastError = .timedOut(operation: "connect")
          continue
        }
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
        guard code == 0 else {
          lastError = .system(operation: "connect", code: code)
          continue
        }
      }
      socket.setNonBlocking(false)
      socket.setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
      return socket
    }
    throw lastError
  }

  /// Accepts one pending connection, if there is one.
  ///
  /// - Returns: The connected, blocking socket with `TCP_NODELAY` set, or `nil` when no
  ///   connection was pending or accepting failed.
  func accept() -> Socket? {
    let accepted = Glibc.accept(descriptor, nil, nil)
    guard accepted >= 0 else { return nil }
    _ = fcntl(accepted, F_SETFD, FD_CLOEXEC)
    let socket = Socket(descriptor: accepted)
    socket.setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
    return socket
  }

  /// The local port the socket is bound to.
  var localPort: Int {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let status = withUnsafeMutablePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    guard status == 0 else { return 0 }
    return withUnsafeBytes(of: storage) { raw in
      switch Int32(storage.ss_family) {
      case AF_INET: Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
      case AF_INET6: Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
      default: 0
      }
    }
  }

  /// Reads what is available, waiting until the deadline or until `wake` becomes readable.
  ///
  /// - Parameters:
  ///   - buffer: Where the bytes are appended.
  ///   - deadline: The monotonic instant (milliseconds) to give up at; `nil` waits forever.
  ///   - wake: A descriptor that ends the wait when it becomes readable, or `nil`.
  /// - Returns: What the read produced.
  /// - Throws: ``SocketError`` when the read fails (a reset connection, for example).
  func read(into buffer: inout [UInt8], deadline: Int64?, wake: Int32?) throws(SocketError)
    -> ReadOutcome
  {
    switch poll(events: Int16(POLLIN), deadline: deadline, wake: wake) {
    case .timedOut: return .timedOut
    case .woken: return .woken
    case .ready: break
    }
    let chunkSize = 16 * 1024
    let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunkSize) { chunk in
      var count: Int
      repeat {
        count = recv(descriptor, chunk.baseAddress, chunkSize, 0)
      } while count < 0 && errno == EINTR
      if count > 0 { buffer.append(contentsOf: chunk[..<count]) }
      return count
    }
    if count > 0 { return .read(count) }
    if count == 0 { return .endOfStream }
    if errno == EAGAIN || errno == EWOULDBLOCK { return .read(0) }
    throw .lastError("recv")
  }

  /// Writes every byte, within the send timeout set by ``setSendTimeout(milliseconds:)``.
  ///
  /// - Parameter bytes: The bytes to write.
  /// - Throws: ``SocketError`` when the peer is gone or the send timeout passes.
  func write(_ bytes: [UInt8]) throws(SocketError) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { raw in
        send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent > 0 {
        offset += sent
      } else if sent < 0 && errno == EINTR {
        continue
      } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        throw .timedOut(operation: "send")
      } else {
        throw .lastError("send")
      }
    }
  }

  /// Bounds how long one blocking send may wait for the peer to read.
  ///
  /// - Parameter milliseconds: The bound.
  func setSendTimeout(milliseconds: Int) {
    var time = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Ends the sending side; the peer reads end-of-stream after what was sent.
  func shutdownWrite() {
    _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
  }

  /// Closes the descriptor; later calls do nothing.
  func close() {
    guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    _ = Glibc.close(descriptor)
  }

  /// The outcome of waiting for a socket.
  enum PollOutcome: Equatable {
    case ready
    case timedOut
    case woken
  }

  /// Waits until the socket has the events, the deadline passes or `wake` is readable.
  ///
  /// - Parameters:
  ///   - events: The `poll` events to wait for.
  ///   - deadline: The monotonic instant (milliseconds) to give up at; `nil` waits forever.
  ///   - wake: A descriptor that ends the wait when it becomes readable, or `nil`.
  /// - Returns: Which happened first; readiness wins over waking.
  func poll(events: Int16, deadline: Int64?, wake: Int32?) -> PollOutcome {
    var descriptors = [pollfd(fd: descriptor, events: events, revents: 0)]
    if let wake { descriptors.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
    while true {
      var timeout: Int32 = -1
      if let deadline {
        let remaining = max(0, deadline - MonotonicClock.milliseconds())
        timeout = Int32(min(remaining, Int64(Int32.max)))
      }
      let status = Glibc.poll(&descriptors, nfds_t(descriptors.count), timeout)
      if status < 0 {
        if errno == EINTR { continue }
        return .timedOut
      }
      if descriptors[0].revents != 0 { return .ready }
      if descriptors.count > 1, descriptors[1].revents != 0 { return .woken }
      if status == 0 { return .timedOut }
    }
  }

  private func setOption(_ level: Int32, _ name: Int32, _ value: Int32) {
    var value = value
    setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
  }

  private func setNonBlocking(_ nonBlocking: Bool) {
    let flags = fcntl(descriptor, F_GETFL)
    _ = fcntl(descriptor, F_SETFL, nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
  }

  /// One resolved socket address.
  private struct Address {
    var family: Int32
    var storage: [UInt8]
    var length: socklen_t
  }

  private static func resolve(host: String, port: Int, passive: Bool) throws(SocketError)
    -> [Address]
  {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &list)
    guard status == 0 else { throw .unresolved(host: host, port: port, code: status) }
    defer { freeaddrinfo(list) }
    var addresses: [Address] = []
    var entry = list
    while let current = entry {
      let info = current.pointee
      if let address = info.ai_addr {
        let bytes = UnsafeRawBufferPointer(start: address, count: Int(info.ai_addrlen))
        addresses.append(
          Address(family: info.ai_family, storage: Array(bytes), length: info.ai_addrlen))
      }
      entry = info.ai_next
    }
    return addresses
  }
}
