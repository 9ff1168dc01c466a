import PATHTTP
import PATModel
import PATService
import Testing

@Suite("patfuzz serve: clocks, rate limits and owners")
struct ServiceOptionsTests {
  @Test("clock specifications: system, fixed and offset")
  func clocks() throws {
    let fixed = try ServiceClock(specification: "fixed:2026-06-15T18:04:56.789+05:30")
    #expect(fixed.now() == Timestamp(rfc3339: "2026-06-15T12:34:56.789Z"))
    #expect(fixed.description == "fixed:2026-06-15T12:34:56.789Z")

    let offset = try ServiceClock(specification: "offset:-1500")
    let before = WallClock.milliseconds()
    let reading = offset.now().millisecondsSinceEpoch
    let after = WallClock.milliseconds()
    #expect((before - 1500...after - 1500).contains(reading))

    let system = try ServiceClock(specification: "system")
    let start = WallClock.milliseconds()
    let now = system.now().millisecondsSinceEpoch
    #expect((start...WallClock.milliseconds()).contains(now))
  }

  @Test(
    "bad clock specifications are clock errors",
    arguments: [
      "", "now", "fixed:", "fixed:2026-02-30T00:00:00Z", "offset:", "offset:1.5", "SYSTEM",
    ])
  func badClocks(specification: String) {
    let error = #expect(throws: ServiceConfigurationError.self) {
      try ServiceClock(specification: specification)
    }
    #expect(error?.kind == .clock)
  }

  @Test("rate limit specifications are N/S")
  func rateLimits() throws {
    #expect(try RateLimit(specification: "100/10") == .documented)
    #expect(try RateLimit(specification: "3/1") == RateLimit(requests: 3, windowMilliseconds: 1000))
    for bad in ["0/10", "5/0", "5", "5/", "/5", "a/b", "5/10/2", "-1/10"] {
      #expect(throws: ServiceConfigurationError.self, "\(bad)") {
        try RateLimit(specification: bad)
      }
    }
  }

  @Test("the limiter uses a sliding window and does not count refused requests")
  func slidingWindow() {
    let clock = ManualClock()
    let limiter = RateLimiter(
      limit: RateLimit(requests: 2, windowMilliseconds: 1000), clock: { clock.read() })
    #expect(limiter.admit("a") == .admitted)
    clock.advance(by: 600)
    #expect(limiter.admit("a") == .admitted)
    #expect(limiter.admit("a") == .limited(retryAfterSeconds: 1))
    #expect(limiter.admit("b") == .admitted)
    clock.advance(by: 400)
    #expect(limiter.admit("a") == .admitted)
    #expect(limiter.admit("a") == .limited(retryAfterSeconds: 1))
    clock.advance(by: 599)
    #expect(limiter.admit("a") == .limited(retryAfterSeconds: 1))
    clock.advance(by: 1)
    #expect(limiter.admit("a") == .admitted)
  }

  @Test("the bearer token names the owner; the id is stable 32-digit hex")
  func owners() throws {
    let alice = try #require(TokenOwner(authorization: "bearer alice"))
    #expect(alice.name == "alice")
    #expect(alice == TokenOwner(bearerToken: "alice"))
    #expect(alice.id == "508b2abb65a03907dbdd4fa868cd6534")
    #expect(TokenOwner(bearerToken: "bob").id != alice.id)
    #expect(TokenOwner(authorization: "Bearer abc-._~+/==")?.name == "abc-._~+/==")
    for bad in [nil, "", "Bearer", "Bearer ==", "Bearer a=b", "Token alice"] as [String?] {
      #expect(TokenOwner(authorization: bad) == nil, "\(bad ?? "nil")")
    }
  }
}
