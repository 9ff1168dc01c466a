import Foundation
import PATModel

extension ServiceSession {
  /// Starts the session: lists the owner's tokens (the ones it holds now are never touched)
  /// and reads the service's clock exactly twice, a few milliseconds apart, by creating and
  /// deleting a token.
  ///
  /// - Returns: The owner's tokens and what is known of the clock.
  /// - Throws: ``ServiceSessionError`` when the service cannot be reached, refuses the
  ///   credentials or does not answer like the personal-access-token collection.
  public func start() throws(ServiceSessionError) -> Start {
    lock.lock()
    defer { lock.unlock() }
    held = nil
    try list(unexpected: .notTheAPI)
    let tokens = held ?? []
    preexisting = tokens
    for round in 0..<2 {
      if round > 0 { configuration.sleep(3) }
      _ = try readClockExactly()
    }
    return Start(preexisting: tokens, clock: clockSummary)
  }

  /// Makes the owner's names those a case wants, as far as the service allows: deletes the
  /// tokens the session created that the case does not want, then creates the missing names
  /// as never-expiring tokens while the owner has room (``Configuration/tokenLimit``).
  ///
  /// Names are compared exactly (scalar by scalar). The owner's own tokens stay, so their
  /// names are always among the result; a wanted name the service refuses to create (400) is
  /// left out, and so is a repeated name and every name past the limit.
  ///
  /// - Parameter wanted: The names the case wants the owner to have.
  /// - Returns: The names the owner has now: its own tokens' names, then the session's, in the
  ///   order wanted.
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  public func prepare(existingNames wanted: [String]) throws(ServiceSessionError) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    try checkUsable()
    try list(unexpected: .stateUnmanageable)
    let own = Set(preexisting?.map(\.id) ?? [])
    let ownNames = Set((held ?? []).filter { own.contains($0.id) }.map(\.name.exact))
    var wantedNames: [String] = []
    var wantedKeys = Set<[Unicode.Scalar]>()
    for name in wanted where wantedKeys.insert(name.exact).inserted {
      wantedNames.append(name)
    }
    var kept = Set<[Unicode.Scalar]>()
    for token in held ?? [] where !own.contains(token.id) {
      let key = token.name.exact
      if wantedKeys.contains(key), !ownNames.contains(key), kept.insert(key).inserted {
        continue
      }
      try delete(token)
    }
    var room = configuration.tokenLimit - (held?.count ?? 0)
    for name in wantedNames where !ownNames.contains(name.exact) && !kept.contains(name.exact) {
      guard room > 0, held != nil else { break }
      if try create(name: name) != nil {
        kept.insert(name.exact)
        room -= 1
      }
    }
    try list(unexpected: .stateUnmanageable)
    let tokens = held ?? []
    let order = Dictionary(
      wantedNames.enumerated().map { ($1.exact, $0) }, uniquingKeysWith: { first, _ in first })
    let mine = tokens.filter { !own.contains($0.id) }
      .sorted { order[$0.name.exact, default: .max] < order[$1.name.exact, default: .max] }
    return tokens.filter { own.contains($0.id) }.map(\.name) + mine.map(\.name)
  }

  /// Deletes every token the session created (whatever happened before, interruptions
  /// included), leaving the owner's own tokens.
  ///
  /// - Returns: What was deleted and what could not be.
  public func finish() -> Cleanup {
    lock.lock()
    defer { lock.unlock() }
    guard let preexisting else {
      return Cleanup(deleted: 0, left: [], preexisting: 0, error: nil)
    }
    let own = Set(preexisting.map(\.id))
    var deleted = 0
    var cleanupError: ServiceSessionError?
    do throws(ServiceSessionError) {
      held = nil
      try list(unexpected: .stateUnmanageable, interruptible: false)
      for token in held ?? [] where !own.contains(token.id) {
        try delete(token, interruptible: false)
        deleted += 1
      }
    } catch {
      cleanupError = error
    }
    let left = held.map { $0.filter { !own.contains($0.id) } } ?? []
    let kept = held.map { $0.filter { own.contains($0.id) }.count } ?? 0
    return Cleanup(deleted: deleted, left: left, preexisting: kept, error: cleanupError)
  }

  /// What is known of the service's clock, for people.
  var clockSummary: String {
    let now = configuration.monotonicNanoseconds()
    guard let estimate = estimator.estimate(at: now) else {
      return "unknown (no Date header and no token created): dates near now are inconclusive"
    }
    if estimator.appearsFixed { return "fixed at \(estimate.rfc3339)" }
    if estimator.exactReadings.isEmpty { return "about \(estimate.rfc3339), to the second" }
    return "running, now about \(estimate.rfc3339)"
  }

  /// Lists the owner's tokens into ``held`` unless they are known.
  ///
  /// - Parameters:
  ///   - unexpected: The kind of error for a response that is not a listing.
  ///   - interruptible: Whether ``interrupt()`` ends a wait.
  /// - Throws: ``ServiceSessionError`` when the listing cannot be read.
  func list(unexpected: ServiceSessionError.Kind, interruptible: Bool = true)
    throws(ServiceSessionError)
  {
    guard held == nil else { return }
    let (result, _, _) = try exchange(.list, interruptible: interruptible)
    switch result {
    case .failure(let error):
      throw fail(.unreachable, "listing the owner's tokens failed: \(error)")
    case .success(let response):
      guard response.status == 200, let tokens = ServiceResponseSchema.listing(response.body)
      else {
        throw fail(
          unexpected,
          "GET \(transport.endpoint) answered \(response.status), not a listing of tokens: "
            + String(decoding: response.body.prefix(200), as: UTF8.self))
      }
      held = tokens
    }
  }

  /// Deletes one token; a token already gone (404) counts as deleted.
  ///
  /// - Parameters:
  ///   - token: The token.
  ///   - interruptible: Whether ``interrupt()`` ends a wait.
  /// - Throws: ``ServiceSessionError`` when the service does not delete it.
  func delete(_ token: ServiceToken, interruptible: Bool = true) throws(ServiceSessionError) {
    let (result, _, _) = try exchange(.delete(id: token.id), interruptible: interruptible)
    switch result {
    case .success(let response)
    where (200..<300).contains(response.status) || response.status == 404:
      held?.removeAll { $0.id == token.id }
    case .success(let response):
      throw fail(
        .stateUnmanageable,
        "deleting token \(token.id) answered \(response.status): "
          + String(decoding: response.body.prefix(200), as: UTF8.self))
    case .failure(let error):
      throw fail(.stateUnmanageable, "deleting token \(token.id) failed: \(error)")
    }
  }

  /// Creates a never-expiring token; records its `created` time as a clock reading.
  ///
  /// - Parameter name: The name.
  /// - Returns: The token, or `nil` when the service refused it (400); on any other answer
  ///   the owner's tokens are listed again before the next use.
  /// - Throws: ``ServiceSessionError`` when the session cannot go on.
  func create(name: String) throws(ServiceSessionError) -> ServiceToken? {
    var writer = JSONWriter()
    writer.write(
      .object([
        JSONMember(name: "name", value: .string(name)),
        JSONMember(name: "userAwareTokenNeverExpires", value: .bool(true)),
      ]))
    let (result, sent, received) = try exchange(.create(writer.bytes), interruptible: true)
    guard case .success(let response) = result, (200..<300).contains(response.status) else {
      if case .success(let response) = result, response.status == 400 { return nil }
      held = nil
      return nil
    }
    guard case .success(let created) = ServiceResponseSchema.creation(response.body) else {
      held = nil
      return nil
    }
    estimator.record(
      ServiceClockReading(
        .exact(created.created.millisecondsSinceEpoch), sent: sent, received: received))
    held?.append(created.token)
    return created.token
  }
}

extension String {
  /// The name as its exact sequence of scalars, for comparing names as the service does.
  var exact: [Unicode.Scalar] { Array(unicodeScalars) }
}
