import Foundation
import PATHTTP
import PATModel
import PATService
import Testing

@Suite("patfuzz serve: the token API")
struct TokenServiceTests {
  @Test("a valid request is 200 with a CreatePersonalAccessTokenResponse")
  func createValid() throws {
    try withService { server throws in
      let alice = server.client("alice")
      let response = try alice.create(
        #"{"name":"CI","scope":["sp:scopes:all","x"],"accessTokenValiditySeconds":900,"#
          + #""expirationDate":"2026-12-31T23:59:59.9999+00:00"}"#)
      #expect(response.status == 200)
      #expect(response.headers["Content-Type"] == "application/json;charset=utf-8")
      #expect(response.headers["Date"] == "Mon, 15 Jun 2026 12:34:56 GMT")
      let keys = try JSONParser.parseObject(response.body).map(\.name)
      #expect(
        keys == [
          "id", "secret", "scope", "name", "owner", "created", "accessTokenValiditySeconds",
          "expirationDate", "userAwareTokenNeverExpires",
        ])
      let body = response.object
      #expect(isHex(body["id"], length: 32))
      #expect(isHex(body["secret"], length: 64))
      #expect(body["scope"] as? [String] == ["sp:scopes:all", "x"])
      #expect(body["name"] as? String == "CI")
      let owner = body["owner"] as? [String: String]
      #expect(owner?["type"] == "IDENTITY")
      #expect(owner?["name"] == "alice")
      #expect(owner?["id"] == TokenOwner(bearerToken: "alice").id)
      #expect(body["created"] as? String == "2026-06-15T12:34:56.789Z")
      #expect(body["accessTokenValiditySeconds"] as? Int == 900)
      #expect(body["expirationDate"] as? String == "2026-12-31T23:59:59.999Z")
      #expect(body["userAwareTokenNeverExpires"] as? Bool == false)
    }
  }

  @Test("defaults are applied: default scope and validity, a token that never expires")
  func createDefaults() throws {
    try withService { server throws in
      let response = try server.client("alice").create(
        #"{"name":"forever","scope":[],"userAwareTokenNeverExpires":true}"#)
      #expect(response.status == 200)
      let body = response.object
      #expect(body["scope"] as? [String] == ["sp:scopes:all"])
      #expect(body["accessTokenValiditySeconds"] as? Int == 43200)
      #expect(body["expirationDate"] is NSNull)
      #expect(body["userAwareTokenNeverExpires"] as? Bool == true)
    }
  }

  @Test("secrets and ids are fresh for every token")
  func freshSecrets() throws {
    try withService { server throws in
      let alice = server.client("alice")
      let first = try alice.create(name: "a").object
      let second = try alice.create(name: "b").object
      #expect(first["secret"] as? String != second["secret"] as? String)
      #expect(first["id"] as? String != second["id"] as? String)
    }
  }

  @Test("an invalid request is 400 with an ErrorResponseDto carrying every violation code")
  func createInvalid() throws {
    try withService { server throws in
      let response = try server.client("alice").create(
        #"{"name":"","accessTokenValiditySeconds":14,"expirationDate":"2026-06-15T12:34:56.789Z"}"#
      )
      #expect(response.status == 400)
      let body = response.object
      #expect(body["detailCode"] as? String == "400.1 Bad request content")
      #expect(isHex(body["trackingId"], length: 32))
      #expect((body["causes"] as? [Any])?.isEmpty == true)
      #expect(
        response.violationCodes == [
          "name.empty", "accessTokenValiditySeconds.range", "expirationDate.notFuture",
        ])
      #expect(
        response.messageTexts.last
          == "expirationDate.notFuture: 2026-06-15T12:34:56.789Z is not after now "
          + "(2026-06-15T12:34:56.789Z)")
      let message = (body["messages"] as? [[String: String]])?.first
      #expect(message?["locale"] == "en-US")
      #expect(message?["localeOrigin"] == "DEFAULT")
      #expect(try server.client("alice").list().json as? [Any] != nil)
      #expect(server.service.store.count == 0)
    }
  }

  @Test(
    "payloads the decoder refuses are 400 with their code",
    arguments: [
      ("{\"name\":\"a\",}", "json.malformed"),
      ("", "json.malformed"),
      (#"{"name":"a","name":"b"}"#, "json.duplicateKey"),
      (#"{"name":1,"scope":"x"}"#, "type.mismatch"),
    ])
  func decodingErrors(payload: String, code: String) throws {
    try withService { server throws in
      let response = try server.client("alice").create(payload)
      #expect(response.status == 400)
      #expect(response.violationCodes.first == code)
    }
  }

  @Test("512 levels of nesting in an unknown member are accepted, 513 are json.malformed")
  func deepNesting() throws {
    func payload(depth: Int) -> String {
      #"{"name":"deep","userAwareTokenNeverExpires":true,"x":"#
        + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        + "}"
    }
    try withService { server throws in
      let alice = server.client("alice")
      #expect(try alice.create(payload(depth: 512)).status == 200)
      let refused = try alice.create(payload(depth: 513))
      #expect(refused.status == 400)
      #expect(refused.violationCodes == ["json.malformed"])
    }
  }

  @Test("names are unique per owner, compared exactly")
  func duplicates() throws {
    try withService { server throws in
      let alice = server.client("alice")
      #expect(try alice.create(name: "CI").status == 200)
      let again = try alice.create(name: "CI")
      #expect(again.status == 400)
      #expect(again.violationCodes == ["name.duplicate"])
      #expect(try alice.create(name: "ci").status == 200)
      #expect(try alice.create(name: "Cafe\u{301}").status == 200)
      #expect(try alice.create(name: "Caf\u{E9}").status == 200)
      #expect(try server.client("bob").create(name: "CI").status == 200)
    }
  }

  @Test("an owner holds at most 10 tokens; deleting one makes room")
  func tokenLimit() throws {
    try withService { server throws in
      let alice = server.client("alice")
      var ids: [String] = []
      for index in 0..<10 {
        let response = try alice.create(name: "token \(index)")
        #expect(response.status == 200)
        ids.append(response.object["id"] as? String ?? "")
      }
      let eleventh = try alice.create(name: "token 10")
      #expect(eleventh.status == 400)
      #expect(eleventh.violationCodes == ["owner.tokenLimit"])
      #expect(try server.client("bob").create(name: "token 10").status == 200)
      #expect(try alice.delete(ids[3]).status == 204)
      #expect(try alice.create(name: "token 10").status == 200)
    }
  }

  @Test("list shows the caller's tokens in creation order; delete removes one")
  func listAndDelete() throws {
    try withService { server throws in
      let alice = server.client("alice")
      let bob = server.client("bob")
      let first = try alice.create(name: "first").object
      _ = try alice.create(name: "second")
      _ = try bob.create(name: "bob's")
      let listing = try alice.list()
      #expect(listing.status == 200)
      let tokens = try #require(listing.json as? [[String: Any]])
      #expect(tokens.map { $0["name"] as? String } == ["first", "second"])
      #expect(tokens[0]["id"] as? String == first["id"] as? String)
      #expect(tokens[0]["secret"] == nil)
      #expect(tokens[0]["lastUsed"] is NSNull)
      #expect(tokens[0]["managed"] as? Bool == false)
      #expect(tokens[0]["created"] as? String == "2026-06-15T12:34:56.789Z")

      let ownID = TokenOwner(bearerToken: "alice").id
      #expect((try alice.list(query: "?owner-id=\(ownID)").json as? [Any])?.count == 2)
      let forbidden = try alice.list(query: "?owner-id=\(TokenOwner(bearerToken: "bob").id)")
      #expect(forbidden.status == 403)
      #expect(forbidden.object["detailCode"] as? String == "403 Forbidden")

      let id = try #require(first["id"] as? String)
      #expect(try bob.delete(id).status == 404)
      let deleted = try alice.delete(id)
      #expect(deleted.status == 204)
      #expect(deleted.body.isEmpty)
      #expect(deleted.headers["Content-Length"] == nil)
      let gone = try alice.delete(id)
      #expect(gone.status == 404)
      #expect(gone.object["detailCode"] as? String == "404 Not found")
      #expect(
        (try alice.list().json as? [[String: Any]])?.map { $0["name"] as? String } == ["second"])
    }
  }

  @Test(
    "requests without a usable bearer token are 401 {error}",
    arguments: [nil, "Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer ", "Bearer a b", "Bearer é"]
      as [String?])
  func unauthorized(authorization: String?) throws {
    try withService { server throws in
      var headers: HTTPHeaders = [:]
      if let authorization { headers.add("Authorization", authorization) }
      let client = HTTPClient(host: "127.0.0.1", port: server.port)
      let response = try client.post(
        TokenService.collectionPath, body: Array("{}".utf8), headers: headers)
      #expect(response.status == 401)
      #expect(response.headers["WWW-Authenticate"] == "Bearer")
      #expect(try JSONParser.parseObject(response.body).map(\.name) == ["error"])
      #expect(server.service.store.count == 0)
    }
  }

  @Test("other paths are 404 and other methods 405 with Allow")
  func routing() throws {
    try withService { server throws in
      let alice = server.client("alice")
      #expect(try alice.send("GET", "/v2024/personal-access-tokens").status == 404)
      #expect(try alice.send("GET", "/v2025/personal-access-tokens/a/b").status == 404)
      let put = try alice.send("PUT", "/v2025/personal-access-tokens")
      #expect(put.status == 405)
      #expect(put.headers["Allow"] == "GET, POST")
      let patch = try alice.send("PATCH", "/v2025/personal-access-tokens/abc")
      #expect(patch.status == 405)
      #expect(patch.headers["Allow"] == "DELETE")
      #expect(patch.object["detailCode"] as? String == "405 Method not allowed")
    }
  }

  @Test("requests over the rate limit are 429 {message} with Retry-After, per client")
  func rateLimit() throws {
    let clock = ManualClock()
    try withService(rateLimit: RateLimit(requests: 3, windowMilliseconds: 10_000), rateClock: clock)
    { server throws in
      let alice = server.client("alice")
      for _ in 0..<3 { #expect(try alice.list().status == 200) }
      let limited = try alice.create(name: "x")
      #expect(limited.status == 429)
      #expect(limited.headers["Retry-After"] == "10")
      #expect(limited.bodyText.contains("at most 3 requests per 10 s per client"))
      #expect(try JSONParser.parseObject(limited.body).map(\.name) == ["message"])
      #expect(server.service.store.count == 0)
      #expect(try server.client("bob").list().status == 200)
      clock.advance(by: 4_001)
      #expect(try alice.list().headers["Retry-After"] == "6")
      clock.advance(by: 5_999)
      for _ in 0..<3 { #expect(try alice.list().status == 200) }
      #expect(try alice.list().status == 429)
    }
  }

  @Test("a body over --max-body is 413 with an ErrorResponseDto")
  func oversized() throws {
    try withService(configureHTTP: { $0.maximumBodyBytes = 1024 }) { server throws in
      let alice = server.client("alice")
      let name = String(repeating: "n", count: 2000)
      let response = try alice.create(name: name)
      #expect(response.status == 413)
      #expect(response.object["detailCode"] as? String == "413 Content Too Large")
      #expect(response.messageTexts.first?.contains("at most 1024") == true)
      #expect(try alice.create(name: "small").status == 200)
    }
  }

  @Test("malformed HTTP gets an ErrorResponseDto too")
  func transportErrors() throws {
    try withService { server throws in
      let response = try HTTPClient(host: "127.0.0.1", port: server.port).send(
        HTTPRequest(method: "GET", target: "/", headers: ["Host": "a", "X": "\u{7}"]))
      #expect(response.status == 400)
      #expect(response.object["detailCode"] as? String == "400.0 Bad request syntax")
    }
  }

  @Test("one connection carries many requests")
  func keepAlive() throws {
    try withService { server throws in
      let alice = server.client("alice")
      for index in 0..<5 { #expect(try alice.create(name: "k\(index)").status == 200) }
      #expect(try alice.list().status == 200)
      #expect(alice.client.connectionsOpened == 1)
      #expect(server.http.connectionsAccepted == 1)
    }
  }
}
