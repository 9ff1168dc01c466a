import Foundation
import PATModel
import Testing

@Suite("Request decoding and encoding")
struct RequestCodingTests {
  @Test("absent, null and value stay apart and encode back exactly")
  func threeStates() throws {
    let text =
      #"{"name":"a","scope":null,"expirationDate":"","userAwareTokenNeverExpires":null,"x":[1.50,{"y":-0}]}"#
    let request = try CreatePersonalAccessTokenRequest(json: text)
    #expect(request.name == .value("a"))
    #expect(request.scope == .null)
    #expect(request.accessTokenValiditySeconds == .absent)
    #expect(request.expirationDate == .value(""))
    #expect(request.userAwareTokenNeverExpires == .null)
    #expect(request.canonicalJSONString == text)
  }

  @Test("encoding uses the canonical member order whatever the input order")
  func canonicalOrder() throws {
    let text =
      #" {"x":1, "userAwareTokenNeverExpires":true , "name":"a" ,"accessTokenValiditySeconds":15} "#
    let request = try CreatePersonalAccessTokenRequest(json: text)
    #expect(
      request.canonicalJSONString
        == #"{"name":"a","accessTokenValiditySeconds":15,"userAwareTokenNeverExpires":true,"x":1}"#)
  }

  @Test(
    "decode, encode, decode is a fixpoint",
    arguments: [
      #"{"name":"Cafe\u0301 \ud83d\ude00\n\u0000","scope":["a","a",""]}"#,
      #"{"name":"x","accessTokenValiditySeconds":-0,"expirationDate":"2026-02-30"}"#,
      #"{"Name":"x","nested":{"a":[1e5,true,null,"\u001f"],"a":2}}"#,
    ])
  func fixpoint(text: String) throws {
    let first = try CreatePersonalAccessTokenRequest(json: text)
    let second = try CreatePersonalAccessTokenRequest(json: first.canonicalJSON)
    #expect(first == second)
    #expect(first.canonicalJSON == second.canonicalJSON)
  }

  @Test("equality is exact: names that are canonically equivalent differ")
  func exactEquality() {
    let nfc = CreatePersonalAccessTokenRequest(name: .value("Caf\u{E9}"))
    let nfd = CreatePersonalAccessTokenRequest(name: .value("Cafe\u{301}"))
    #expect(nfc != nfd)
    #expect(Set([nfc, nfd]).count == 2)
  }

  @Test("decoding errors carry the public codes")
  func decodingErrors() {
    #expect(throws: RequestDecodingError.self) { try CreatePersonalAccessTokenRequest(json: "[") }
    do {
      _ = try CreatePersonalAccessTokenRequest(json: #"{"name":1}"#)
      Issue.record("decoded")
    } catch {
      #expect(error.code == .typeMismatch)
      #expect(error.violations.map(\.field) == ["name"])
    }
  }

  @Test("Codable keeps absent and null apart")
  func codable() throws {
    let text = #"{"name":"a","scope":null,"accessTokenValiditySeconds":36900}"#
    let decoded = try JSONDecoder().decode(
      CreatePersonalAccessTokenRequest.self, from: Data(text.utf8))
    #expect(decoded == (try CreatePersonalAccessTokenRequest(json: text)))
    let encoded = try JSONEncoder().encode(decoded)
    let again = try CreatePersonalAccessTokenRequest(json: [UInt8](encoded))
    #expect(again == decoded)
    #expect(again.scope == .null)
    #expect(again.expirationDate == .absent)
  }

  @Test("Codable rejects mismatched types")
  func codableTypes() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(
        CreatePersonalAccessTokenRequest.self,
        from: Data(#"{"name":"a","userAwareTokenNeverExpires":1}"#.utf8))
    }
  }
}
