import PATHTTP
import PATModel
import PATService
import Testing

@Suite("patfuzz serve: planted faults")
struct ServiceFaultTests {
  private let atNow = "2026-06-15T12:34:56.789Z"

  @Test("boundary: an expiration date equal to now is accepted")
  func boundary() throws {
    try withService { server throws in
      let refused = try server.client("alice").create(name: "a", expirationDate: atNow)
      #expect(refused.violationCodes == ["expirationDate.notFuture"])
    }
    try withService(faults: [.boundary]) { server throws in
      let alice = server.client("alice")
      #expect(try alice.create(name: "a", expirationDate: atNow).status == 200)
      let before = try alice.create(name: "b", expirationDate: "2026-06-15T12:34:56.788Z")
      #expect(before.violationCodes == ["expirationDate.notFuture"])
    }
  }

  @Test("second-precision: a date earlier in the same second is refused only without it")
  func secondPrecision() throws {
    let sameSecond = "2026-06-15T12:34:56.999Z"
    try withService { server throws in
      #expect(try server.client("a").create(name: "x", expirationDate: sameSecond).status == 200)
    }
    try withService(faults: [.secondPrecision]) { server throws in
      let response = try server.client("a").create(name: "x", expirationDate: sameSecond)
      #expect(response.violationCodes == ["expirationDate.notFuture"])
    }
  }

  @Test(
    "duplicate comparison faults: NFD duplicates NFC, or case is ignored",
    arguments: [
      (ServiceFault.duplicateCanonical, "Caf\u{E9}", "Cafe\u{301}"),
      (ServiceFault.duplicateCaseInsensitive, "CI", "ci"),
    ])
  func duplicates(fault: ServiceFault, existing: String, candidate: String) throws {
    try withService { server throws in
      let alice = server.client("alice")
      #expect(try alice.create(name: existing).status == 200)
      #expect(try alice.create(name: candidate).status == 200)
    }
    try withService(faults: [fault]) { server throws in
      let alice = server.client("alice")
      #expect(try alice.create(name: existing).status == 200)
      #expect(try alice.create(name: candidate).violationCodes == ["name.duplicate"])
    }
  }

  @Test("zero-validity: accessTokenValiditySeconds 0 is accepted")
  func zeroValidity() throws {
    let payload =
      #"{"name":"z","accessTokenValiditySeconds":0,"userAwareTokenNeverExpires":true}"#
    try withService { server throws in
      let response = try server.client("a").create(payload)
      #expect(response.violationCodes == ["accessTokenValiditySeconds.range"])
    }
    try withService(faults: [.zeroValidity]) { server throws in
      #expect(try server.client("a").create(payload).status == 200)
    }
  }

  @Test("long-name-500: a name over 256 UTF-8 bytes is a 500 with a non-JSON body")
  func longName() throws {
    let long = String(repeating: "é", count: 129)  // 258 bytes
    let limit = String(repeating: "n", count: 256)
    try withService { server throws in
      #expect(try server.client("a").create(name: long).status == 200)
    }
    try withService(faults: [.longName500]) { server throws in
      let alice = server.client("a")
      let failed = try alice.create(name: long)
      #expect(failed.status == 500)
      #expect(failed.headers["Content-Type"] == "text/plain; charset=utf-8")
      #expect(throws: (any Error).self) { try JSONParser.parseObject(failed.body) }
      #expect(try alice.create(name: limit).status == 200)
      #expect(server.service.store.count == 1)
    }
  }

  @Test("no-date-header: responses carry no Date header")
  func noDate() throws {
    try withService { server throws in
      #expect(try server.client("a").list().headers["Date"] == "Mon, 15 Jun 2026 12:34:56 GMT")
    }
    try withService(faults: [.noDateHeader]) { server throws in
      let alice = server.client("a")
      #expect(try alice.list().headers["Date"] == nil)
      #expect(try server.client(nil).list().headers["Date"] == nil)
    }
  }

  @Test("fault names parse; unknown ones list the known")
  func names() throws {
    for fault in ServiceFault.allCases {
      #expect(try ServiceFault(name: fault.rawValue) == fault)
    }
    let error = #expect(throws: ServiceConfigurationError.self) {
      try ServiceFault(name: "boundry")
    }
    #expect(error?.kind == .fault)
    #expect(error?.message.contains("long-name-500") == true)
  }
}
