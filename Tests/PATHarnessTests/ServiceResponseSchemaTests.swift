import Foundation
import PATHarness
import PATModel
import Testing

@Suite("Service response schemas")
struct ServiceResponseSchemaTests {
  /// A create response as `patfuzz serve` writes it.
  static let created = """
    {"id":"5b0fb0704195e45de759aaa98a97b537","secret":"da4c4e5c54b315a7","scope":["sp:scopes:all"],\
    "name":"NodeJS Integration","owner":{"type":"IDENTITY","id":"508b2abb","name":"alice"},\
    "created":"2026-06-15T12:34:56.789Z","accessTokenValiditySeconds":43200,\
    "expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}
    """

  static func replacing(_ old: String, with new: String) -> [UInt8] {
    Array(created.replacingOccurrences(of: old, with: new).utf8)
  }

  @Test("a well-formed create response gives the token and its created time")
  func wellFormed() throws {
    let result = ServiceResponseSchema.creation(Array(Self.created.utf8))
    let token = try result.get()
    #expect(
      token.token
        == ServiceToken(id: "5b0fb0704195e45de759aaa98a97b537", name: "NodeJS Integration"))
    #expect(token.created == Timestamp(rfc3339: "2026-06-15T12:34:56.789Z"))
    let never = Self.replacing(#""2026-12-31T23:59:59.999Z""#, with: "null")
    #expect((try? ServiceResponseSchema.creation(never).get()) != nil)
    let withoutFlag = Self.replacing(#","userAwareTokenNeverExpires":false"#, with: "")
    #expect((try? ServiceResponseSchema.creation(withoutFlag).get()) != nil)
  }

  @Test(
    "each way of breaking the create response schema is named",
    arguments: [
      (#""secret":"da4c4e5c54b315a7","#, "", #""secret" is missing"#),
      (#""id":"5b0fb0704195e45de759aaa98a97b537""#, #""id":7"#, #""id" is not a string"#),
      (#"["sp:scopes:all"]"#, #"["sp:scopes:all",1]"#, #""scope" is not an array of strings"#),
      (#""IDENTITY""#, "1", #""owner.type" is not a string"#),
      (
        #""created":"2026-06-15T12:34:56.789Z""#, #""created":"yesterday""#,
        #""created" is not an RFC 3339 date-time"#
      ),
      ("43200", "43200.0", #""accessTokenValiditySeconds" is not an integer"#),
      ("43200", "\"43200\"", #""accessTokenValiditySeconds" is not an integer"#),
      (#","expirationDate":"2026-12-31T23:59:59.999Z""#, "", #""expirationDate" is missing"#),
      ("false}", #""false"}"#, #""userAwareTokenNeverExpires" is not a boolean"#),
      ("{", #"{"name":"twice","#, #""name" appears more than once"#),
      ("{", "[", "the body is not a JSON object"),
    ] as [(String, String, String)])
  func schemaBreaks(old: String, new: String, problem: String) {
    let result = ServiceResponseSchema.creation(Self.replacing(old, with: new))
    guard case .failure(let schemaBreak) = result else {
      Issue.record("accepted: \(new)")
      return
    }
    #expect(schemaBreak.problem == problem)
  }

  @Test("a listing gives ids and names; anything else gives nothing")
  func listing() {
    let body = #"[{"id":"a1","name":"CI","managed":false},{"id":"b2","name":"Café"}]"#
    #expect(
      ServiceResponseSchema.listing(Array(body.utf8))
        == [ServiceToken(id: "a1", name: "CI"), ServiceToken(id: "b2", name: "Café")])
    #expect(ServiceResponseSchema.listing(Array("[]".utf8)) == [])
    #expect(ServiceResponseSchema.listing(Array(" [ ] ".utf8)) == [])
    #expect(ServiceResponseSchema.listing(Array(#"[{"id":1,"name":"CI"}]"#.utf8)) == nil)
    #expect(ServiceResponseSchema.listing(Array(#"{"v":[]}"#.utf8)) == nil)
    #expect(ServiceResponseSchema.listing(Array(#"[], "w": 1"#.utf8)) == nil)
    #expect(ServiceResponseSchema.listing(Array("[] } {".utf8)) == nil)
  }

  @Test("error codes are the message texts up to the first colon")
  func errorCodes() throws {
    let body = """
      {"detailCode":"400.1 Bad request content","messages":[\
      {"locale":"en-US","text":"name.duplicate: the owner already has a token with this name"},\
      {"locale":"en-US","text":"expirationDate.notFuture: 2026-06-15T12:34:56.789Z is not after"}]}
      """
    #expect(
      try ServiceResponseSchema.errorCodes(Array(body.utf8)).get()
        == ["name.duplicate", "expirationDate.notFuture"])
    #expect(try ServiceResponseSchema.errorCodes(Array(#"{"error":"no"}"#.utf8)).get() == nil)
    #expect(try ServiceResponseSchema.errorCodes(Array(#"{"messages":[]}"#.utf8)).get() == [])
    let plain = ServiceResponseSchema.errorCodes(Array("Bad Request\n".utf8))
    guard case .failure(let problem) = plain else {
      Issue.record("a plain-text body read as an ErrorResponseDto")
      return
    }
    #expect(problem.description == "the body is not a JSON object")
  }
}
