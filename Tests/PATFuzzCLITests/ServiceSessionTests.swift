import Foundation
import PATFuzzCLI
import PATHarness
import PATModel
import PATService
import PropertyKit
import Testing

/// The session with a service, in-process against the reference service: the owner's tokens,
/// 429 answers (on a rate limiter clock that the session's waits move, so nothing sleeps),
/// and stopping.
@Suite("Service session", .serialized)
struct ServiceSessionTests {
  /// A session for `alice` whose waits move a hand clock instead of sleeping.
  static func session(
    _ server: PATServer, waits: HandClock? = nil,
    configure: (inout ServiceSession.Configuration) -> Void = { _ in }
  ) throws -> ServiceSession {
    let transport = try HTTPClientTransport(
      url: server.url, headers: [try RequestHeader(parsing: "Authorization: Bearer alice")],
      timeoutSeconds: 5)
    var configuration = ServiceSession.Configuration()
    if let waits { configuration.sleep = { milliseconds in waits.advance(by: milliseconds) } }
    configure(&configuration)
    return ServiceSession(transport: transport, configuration: configuration)
  }

  /// A short campaign of the differential property through a session.
  static func campaign(_ session: ServiceSession, cases: Int, seed: UInt64) -> Campaign {
    Campaign(
      properties: [PATProperties.differentialHTTP(session, compareCodes: true)],
      configuration: CampaignConfiguration(
        budget: .cases(cases), seed: seed, batchSize: 50, runName: "test",
        shouldStop: { session.isStopped }))
  }

  @Test("the owner gets the names a case wants, within the limit and compared exactly")
  func prepare() throws {
    try withTestService(clock: .fixed(fixedNow)) { server in
      let own = try server.createToken("mine", owner: "alice")
      let session = try Self.session(server)
      _ = try session.start()
      let names = try session.prepare(existingNames: [
        "Caf\u{E9}", "Cafe\u{301}", "CI", "CI", "mine", "a", "b", "c", "d", "e", "f", "g", "h",
      ])
      #expect(
        names.map { Array($0.unicodeScalars) }
          == ["mine", "Caf\u{E9}", "Cafe\u{301}", "CI", "a", "b", "c", "d", "e", "f"].map {
            Array($0.unicodeScalars)
          })
      #expect(server.tokens(of: "alice").count == 10)
      let fewer = try session.prepare(existingNames: ["b", "CI"])
      #expect(fewer == ["mine", "b", "CI"])
      #expect(Set(server.tokens(of: "alice").map(\.name)) == ["mine", "CI", "b"])
      let cleanup = session.finish()
      #expect(cleanup.deleted == 2)
      #expect(cleanup.error == nil)
      #expect(server.tokens(of: "alice").map(\.id) == [own])
    }
  }

  @Test("a 429 storm is waited out: no finding, every case run, nothing left behind")
  func rateLimitStorm() throws {
    let rateClock = HandClock()
    try withTestService(
      clock: .fixed(fixedNow), rateLimit: RateLimit(requests: 30, windowMilliseconds: 2_000),
      rateClock: rateClock
    ) { server in
      let session = try Self.session(server, waits: rateClock)
      _ = try session.start()
      let summary = Self.campaign(session, cases: 150, seed: 8).run()
      #expect(summary.findings.isEmpty, "\(summary.findings.map(\.message))")
      #expect(summary.cases == 150)
      #expect(summary.stopReason == .budget)
      let statistics = session.statistics
      #expect(statistics.rateLimited > 10)
      #expect(statistics.waitedMilliseconds >= 2_000 * Int64(statistics.rateLimited) / 2)
      #expect(session.finish().error == nil)
      #expect(server.tokens(of: "alice").isEmpty)
    }
  }

  @Test("a service that answers 429 for longer than the harness waits stops the session")
  func rateLimitedTooLong() throws {
    let rateClock = HandClock()
    try withTestService(
      rateLimit: RateLimit(requests: 3, windowMilliseconds: 3_600_000), rateClock: rateClock
    ) { server in
      let session = try Self.session(server, waits: rateClock) { $0.totalWaitLimit = 120_000 }
      #expect(throws: ServiceSessionError.self) { _ = try session.start() }
      #expect(session.failure?.kind == .rateLimited)
      #expect(session.isStopped)
    }
  }

  @Test("an interrupted campaign stops within its batch and the session deletes its tokens")
  func interrupted() throws {
    try withTestService(clock: .fixed(fixedNow)) { server in
      let session = try Self.session(server)
      _ = try session.start()
      let campaign = Self.campaign(session, cases: 100_000, seed: 6)
      // Interrupted from another thread once two batches of 50 cases are done, as the signal
      // handler of `patfuzz fuzz` does.
      let watcher = Thread {
        while campaign.progress(elapsed: 0).cases < 100 { usleep(1_000) }
        campaign.interrupt()
        session.interrupt()
      }
      watcher.start()
      let stopped = campaign.run()
      #expect(stopped.stopReason == .interrupted)
      #expect(stopped.cases >= 100 && stopped.cases < 150)
      #expect(session.isStopped)
      #expect(throws: ServiceSessionError.self) { _ = try session.prepare(existingNames: []) }
      let cleanup = session.finish()
      #expect(cleanup.error == nil)
      #expect(server.tokens(of: "alice").isEmpty)
    }
  }
}
