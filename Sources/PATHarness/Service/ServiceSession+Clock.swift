import Foundation
import PATModel

extension ServiceSession {
  /// The best guess of the `now` the service will read for a request sent now: from the
  /// clock readings so far (``ServiceClockEstimator/estimate(at:)``), half a round trip
  /// ahead; the harness's wall clock when the service gave no reading at all.
  ///
  /// - Returns: The guess.
  public func estimatedNow() -> Timestamp {
    lock.lock()
    defer { lock.unlock() }
    let instant = configuration.monotonicNanoseconds() + lastRoundTrip / 2
    return estimator.estimate(at: instant) ?? configuration.wallClock()
  }

  /// Sends a generated payload (`POST`), waiting out 429 answers. A token it creates is
  /// deleted at once, after its `created` time is recorded as a clock reading; when the
  /// response leaves in doubt whether a token was created, the owner's tokens are listed
  /// before the next case.
  ///
  /// - Parameter payload: The payload.
  /// - Returns: The outcome, with when it was sent and received.
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  public func submit(_ payload: [UInt8]) throws(ServiceSessionError) -> ServiceSubmission {
    lock.lock()
    defer { lock.unlock() }
    try checkUsable()
    let (result, sent, received) = try exchange(.create(payload), interruptible: true)
    let outcome: ServiceSubmission.Outcome
    var creation: Result<ServiceCreatedToken, ServiceSchemaBreak>?
    switch result {
    case .failure(let error):
      outcome = .failed(error)
      held = nil
    case .success(let response):
      outcome = .response(response)
      if (200..<300).contains(response.status) {
        creation = ServiceResponseSchema.creation(response.body)
        if case .success(let created)? = creation {
          estimator.record(
            ServiceClockReading(
              .exact(created.created.millisecondsSinceEpoch), sent: sent, received: received))
          held?.append(created.token)
          try delete(created.token)
        } else {
          held = nil
        }
      } else if response.status != 400 {
        held = nil
      }
    }
    return ServiceSubmission(
      outcome: outcome, sent: sent, received: received, creation: creation)
  }

  /// Bounds the `now` the service validated a submission against: exactly its `created`
  /// time when it created a token, else what the clock readings allow.
  ///
  /// - Parameter submission: The submission.
  /// - Returns: The interval, or `nil` when the readings contradict each other (the readings
  ///   are then forgotten, as after the clock was set).
  public func interval(for submission: ServiceSubmission) -> ServiceNowInterval? {
    lock.lock()
    defer { lock.unlock() }
    return intervalLocked(for: submission)
  }

  /// Reads the service's clock exactly once more (a token created and deleted), then bounds
  /// the submission's `now` again: a reading taken just after it bounds it from above, and
  /// from below by the time in between.
  ///
  /// - Parameter submission: The submission.
  /// - Returns: The interval, or `nil` when the readings contradict each other.
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  public func refine(_ submission: ServiceSubmission) throws(ServiceSessionError)
    -> ServiceNowInterval?
  {
    lock.lock()
    defer { lock.unlock() }
    try checkUsable()
    _ = try readClockExactly()
    return intervalLocked(for: submission)
  }

  /// ``interval(for:)`` with the lock held.
  ///
  /// - Parameter submission: The submission.
  /// - Returns: The interval, or `nil` when the readings contradict each other.
  private func intervalLocked(for submission: ServiceSubmission) -> ServiceNowInterval? {
    let bounds = estimator.interval(sent: submission.sent, received: submission.received)
    if case .success(let created)? = submission.creation {
      let instant = created.created.millisecondsSinceEpoch
      guard let bounds, bounds.earliest <= instant, instant <= bounds.latest else {
        estimator.reset()
        return nil
      }
      return ServiceNowInterval(earliest: instant, latest: instant)
    }
    guard let bounds else {
      estimator.reset()
      return nil
    }
    return bounds
  }

  /// Creates a token named ``Configuration/anchorName`` and deletes it, to read the clock
  /// exactly; makes room first by deleting one of the session's tokens when the owner is at
  /// the limit.
  ///
  /// - Returns: Whether a reading was taken (not when the owner's own tokens fill it up, or
  ///   the service refused the token).
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  func readClockExactly() throws(ServiceSessionError) -> Bool {
    try list(unexpected: .stateUnmanageable)
    let own = Set(preexisting?.map(\.id) ?? [])
    if let tokens = held, tokens.count >= configuration.tokenLimit {
      guard let spare = tokens.last(where: { !own.contains($0.id) }) else { return false }
      try delete(spare)
    }
    guard let token = try create(name: configuration.anchorName) else { return false }
    countAnchor()
    try delete(token)
    return true
  }
}
