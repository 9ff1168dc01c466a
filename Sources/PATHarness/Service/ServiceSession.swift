import Dispatch
import Foundation
import PATModel
import Synchronization

/// The harness's conversation with one owner's tokens on a running service: it sends the
/// requests (waiting out 429 answers), keeps the owner's tokens what each case needs, reads the
/// service's clock from the responses, and deletes everything it created at the end.
///
/// Tokens the owner held when the session started are never deleted. The session assumes no
/// one else changes the owner's tokens while it runs: after each exchange it knows what the
/// owner holds, and lists the tokens again (`GET`) only when a response left that in doubt.
///
/// One case at a time: the owner's tokens are one state, so the operations are serialized.
public final class ServiceSession: @unchecked Sendable {
  /// Limits, names and clocks of a session.
  public struct Configuration: Sendable {
    /// The longest single wait for a 429's `Retry-After`, in milliseconds (a longer one is
    /// cut to it): 60 s.
    public var longestWait: Int64 = 60_000
    /// The longest the session waits in all for one request answered 429 again and again, in
    /// milliseconds, before it gives up: 300 s.
    public var totalWaitLimit: Int64 = 300_000
    /// The wait after a 429 without a usable `Retry-After`, in milliseconds: 1 s.
    public var defaultWait: Int64 = 1_000
    /// The shortest wait after a 429, in milliseconds (`Retry-After: 0` included): 100 ms.
    public var shortestWait: Int64 = 100
    /// How many tokens an owner may hold (the service limit behind `owner.tokenLimit`).
    public var tokenLimit = 10
    /// The name of the tokens the session creates to read the service's clock: random, so
    /// it is no case's name.
    public var anchorName = "patfuzz clock " + String(UInt32.random(in: .min ... .max), radix: 16)
    /// The harness's monotonic clock, in nanoseconds.
    public var monotonicNanoseconds: @Sendable () -> Int64 = {
      Int64(DispatchTime.now().uptimeNanoseconds)
    }
    /// Waits a number of milliseconds (the session waits in slices of at most 100 ms, so it
    /// can stop while it waits).
    public var sleep: @Sendable (Int64) -> Void = { milliseconds in
      Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
    }
    /// The harness's wall clock: the guess of the service's `now` when the service gave no
    /// reading of its clock at all.
    public var wallClock: @Sendable () -> Timestamp = {
      Timestamp(Date()) ?? Timestamp(millisecondsSinceEpoch: 0)
    }

    /// Creates the default configuration.
    public init() {}
  }

  /// Counts of what the session did.
  public struct Statistics: Sendable, Hashable {
    /// Requests sent, 429 answers and retries included.
    public var requests = 0
    /// Responses with status 429.
    public var rateLimited = 0
    /// Milliseconds waited for `Retry-After`.
    public var waitedMilliseconds: Int64 = 0
    /// Tokens created only to read the clock exactly.
    public var clockAnchors = 0
  }

  /// What the session found when it started.
  public struct Start: Sendable {
    /// The tokens the owner already held; they are left alone.
    public var preexisting: [ServiceToken]
    /// What the session knows of the service's clock, for people.
    public var clock: String
  }

  /// The outcome of deleting what the session created.
  public struct Cleanup: Sendable {
    /// Tokens deleted.
    public var deleted: Int
    /// Tokens the session created that it could not delete.
    public var left: [ServiceToken]
    /// The tokens the owner holds afterwards that it held before the session.
    public var preexisting: Int
    /// Why the cleanup could not finish, if it could not.
    public var error: ServiceSessionError?
  }

  /// How requests reach the service.
  public let transport: any ServiceTransport
  /// Limits, names and clocks.
  public let configuration: Configuration

  /// Serializes the operations; guards the state below.
  let lock = NSLock()
  var estimator = ServiceClockEstimator()
  /// The tokens the owner held at the start (`nil` before a successful start).
  var preexisting: [ServiceToken]?
  /// The tokens the owner holds now, or `nil` when a response left that in doubt.
  var held: [ServiceToken]?
  /// The round trip of the last exchange, in nanoseconds.
  var lastRoundTrip: Int64 = 0

  private let stopping = Atomic<Bool>(false)
  private let failureState = Mutex<ServiceSessionError?>(nil)
  private let counters = Mutex(Statistics())

  /// Creates a session; nothing is sent until ``start()``.
  ///
  /// - Parameters:
  ///   - transport: How requests reach the service.
  ///   - configuration: Limits, names and clocks.
  public init(transport: any ServiceTransport, configuration: Configuration = Configuration()) {
    self.transport = transport
    self.configuration = configuration
  }

  /// Counts of what the session did so far (safe from any thread).
  public var statistics: Statistics { counters.withLock { $0 } }

  /// The problem that ended the session, if one did (safe from any thread).
  public var failure: ServiceSessionError? { failureState.withLock { $0 } }

  /// Whether no more cases can run: the session failed or was told to stop.
  public var isStopped: Bool { stopping.load(ordering: .relaxed) || failure != nil }

  /// Tells the session to stop (safe from any thread, such as a signal handler's): waits for
  /// `Retry-After` end at once and no more cases run. ``finish()`` still cleans up.
  public func interrupt() {
    stopping.store(true, ordering: .relaxed)
  }

  /// Records the problem that ends the session (the first one is kept) and returns it.
  ///
  /// - Parameters:
  ///   - kind: The kind of problem.
  ///   - message: What went wrong.
  /// - Returns: The error, to throw.
  func fail(_ kind: ServiceSessionError.Kind, _ message: String) -> ServiceSessionError {
    let error = ServiceSessionError(kind: kind, message: message)
    return failureState.withLock { state in
      if state == nil { state = error }
      return error
    }
  }

  /// Throws when no more cases can run.
  ///
  /// - Throws: The session's failure, or an interruption.
  func checkUsable() throws(ServiceSessionError) {
    if let failure { throw failure }
    if stopping.load(ordering: .relaxed) {
      throw ServiceSessionError(kind: .interrupted, message: "the campaign is stopping")
    }
  }

  /// Counts a clock reading taken by creating a token.
  func countAnchor() {
    counters.withLock { $0.clockAnchors += 1 }
  }

  /// One exchange: sends a request, records the `Date` reading, waits out 429 answers and
  /// sends again. 401 and 403 end the session, and so does a service that cannot be reached.
  ///
  /// - Parameters:
  ///   - request: The request.
  ///   - interruptible: Whether ``interrupt()`` ends a wait (not while cleaning up).
  /// - Returns: The response or the transport's error, and when the answered attempt was sent
  ///   and received.
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  func exchange(_ request: ServiceRequest, interruptible: Bool) throws(ServiceSessionError)
    -> (result: Result<ServiceResponse, ServiceTransportError>, sent: Int64, received: Int64)
  {
    var waited: Int64 = 0
    while true {
      let sent = configuration.monotonicNanoseconds()
      let result: Result<ServiceResponse, ServiceTransportError>
      do throws(ServiceTransportError) {
        result = .success(try transport.send(request))
      } catch {
        result = .failure(error)
      }
      let received = configuration.monotonicNanoseconds()
      counters.withLock { $0.requests += 1 }
      lastRoundTrip = received - sent
      switch result {
      case .failure(let error) where error.kind == .cannotConnect:
        throw fail(.unreachable, "the service at \(transport.endpoint) cannot be reached: \(error)")
      case .failure:
        return (result, sent, received)
      case .success(let response):
        if let date = response.date {
          estimator.record(ServiceClockReading(.second(date), sent: sent, received: received))
        }
        switch response.status {
        case 401, 403:
          throw fail(
            .refused,
            "the service refused the request (\(response.status)"
              + (response.status == 401 ? " Unauthorized" : " Forbidden")
              + "): check the credentials given with --header")
        case 429:
          let wait = min(
            max(
              response.retryAfterMilliseconds ?? configuration.defaultWait,
              configuration.shortestWait),
            configuration.longestWait)
          counters.withLock { $0.rateLimited += 1 }
          guard waited + wait <= configuration.totalWaitLimit else {
            throw fail(
              .rateLimited,
              "the service answered 429 (Too Many Requests) for \(waited / 1000) s; "
                + "the harness waits at most \(configuration.totalWaitLimit / 1000) s per request")
          }
          try pause(milliseconds: wait, interruptible: interruptible)
          waited += wait
          counters.withLock { $0.waitedMilliseconds += wait }
        default:
          return (result, sent, received)
        }
      }
    }
  }

  /// Waits, in slices of at most 100 ms.
  ///
  /// - Parameters:
  ///   - milliseconds: How long.
  ///   - interruptible: Whether ``interrupt()`` ends the wait.
  /// - Throws: ``ServiceSessionError`` of kind ``ServiceSessionError/Kind/interrupted``.
  private func pause(milliseconds: Int64, interruptible: Bool) throws(ServiceSessionError) {
    var left = milliseconds
    while left > 0 {
      if interruptible, stopping.load(ordering: .relaxed) {
        throw ServiceSessionError(kind: .interrupted, message: "stopped while waiting for 429")
      }
      let slice = min(left, 100)
      configuration.sleep(slice)
      left -= slice
    }
  }
}
