import Testing

/// Hand-picked payloads for the differential tests: every JSON error, in and around each
/// known member; every type mismatch; repeated names, escaped or not; nesting at the limit;
/// invalid UTF-8 and lone surrogates; and well-formed requests with every spelling.
enum TrickyPayloads {
  static let all: [[UInt8]] = texts.map { Array($0.utf8) } + bytes + generated

  /// Every payload, named by its first bytes in test reports.
  static let cases: [Payload] = all.map(Payload.init)

  /// A payload as a test argument.
  struct Payload: CustomTestStringConvertible, Sendable {
    var bytes: [UInt8]

    var testDescription: String {
      let text = FastDecoderTests.describe(Array(bytes.prefix(60)))
      return bytes.count > 60 ? "\(text)... (\(bytes.count) bytes)" : text
    }
  }

  /// Payloads written as text.
  static let texts: [String] = [
    // Well-formed.
    "{}", " {}\n", "\t\r\n {\"name\":\"a\"}\r\n",
    #"{"name":"NodeJS Integration","scope":["demo:personal-access-token-scope:first","#
      + #""demo:personal-access-token-scope:second"],"accessTokenValiditySeconds":36900,"#
      + #""expirationDate":"2026-12-31T23:59:59.999Z","userAwareTokenNeverExpires":false}"#,
    #"{"userAwareTokenNeverExpires":true,"expirationDate":null,"#
      + #""accessTokenValiditySeconds":null,"scope":null,"name":null}"#,
    #"{ "name" : "CI" , "scope" : [ ] , "accessTokenValiditySeconds" : -0 }"#,
    #"{"name":"","scope":[""],"accessTokenValiditySeconds":2147483647,"expirationDate":""}"#,
    #"{"name":" ","accessTokenValiditySeconds":-2147483648,"userAwareTokenNeverExpires":true}"#,
    #"{"n\u0061me":"a","\u0073cope":["\u0061"],"#
      + #""expirationDat\u0065":"2026-12-31T23:59:59.999\u005a"}"#,
    #"{"name":"Cafe\u0301 \ud83d\ude00\n\u0000\/\b\f\r\t\"\\","userAwareTokenNeverExpires":true}"#,
    #"{"name":"Caf\u00e9","userAwareTokenNeverExpires":true}"#,
    "{\"name\":\"Café \u{1F600} \u{10FFFF} \u{7FF}\u{800}\u{FFFF}\","
      + "\"userAwareTokenNeverExpires\":true}",
    #"{"name":"a","expirationDate":"2026-06-15T12:34:56.789999999Z"}"#,
    #"{"name":"a","expirationDate":"2026-06-15T18:04:56.790+05:30"}"#,
    #"{"name":"a","expirationDate":"2026-06-15T12:34:56.79Z"}"#,
    #"{"name":"a","expirationDate":"2028-02-29t00:00:00z"}"#,
    #"{"name":"a","expirationDate":"2026-02-29T00:00:00Z"}"#,
    #"{"name":"a","expirationDate":"2026-12-31T23:59:60Z"}"#,
    #"{"name":"a","expirationDate":"2026-12-31T23:59:59.1234567890Z"}"#,
    #"{"name":"a","expirationDate":"2026-12-31T23:59:59.Z"}"#,
    #"{"name":"a","expirationDate":"2026-12-31T23:59:59\u002b05:30"}"#,
    #"{"name":"a","expirationDate":"\u0032026-12-31T23:59:59Z"}"#,
    #"{"name":"a","expirationDate":"9999-12-31T23:59:59.999-23:59"}"#,
    #"{"name":"a","expirationDate":"2026-12-31T23:59:59+0530"}"#,
    #"{"name":"a","accessTokenValiditySeconds":14,"userAwareTokenNeverExpires":false}"#,
    #"{"name":"a","accessTokenValiditySeconds":43201,"userAwareTokenNeverExpires":true}"#,
    #"{"name":"CI","userAwareTokenNeverExpires":true}"#,
    #"{"Name":"x","nested":{"a":[1e5,true,null,"\u001f"],"a":2},"name":"y"}"#,
    #"{"x":-0.0e+0,"y":1E-9,"z":[[],{}],"":"","name":"a"}"#,
    #"{"accessTokenValiditySecondz":1,"userAwareTokenNeverExpireS":1,"expirationdate":1}"#,
    // Every JSON error, at the top level.
    "", "   ", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":\"x", "{\"a\":[1", "{\"a\":{",
    "[]", "\"name\"", "1", "null", "x", "{} {}", "{}x", "{}\u{0}", "{}}", "{}// c",
    "/* c */{}", "{/**/}", "{\"a\":1 // c\n}", "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\":}",
    "{\"a\":,}", "{'a':1}", "{a:1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":[1 2]}",
    "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":tru}", "{\"a\":nulll}",
    "{\"a\":True}", "{\"a\":truex}", "{\"a\":t", "{\"a\":fals", "{\"a\":n}", "{\"a\":01}",
    "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":1e+}",
    "{\"a\":-}", "{\"a\":-", "{\"a\":1.", "{\"a\":1e", "{\"a\":1.e1}", "{\"a\":1x}",
    "{\"a\":-x}", "{\"a\":\"\u{1}\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":\"tab\there\"}",
    "{\"a\":\"\u{1F}\"}", "{\"a\":\"\u{7F}\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12G4\"}",
    "{\"a\":\"\\'\"}", "{\"a\":\"\\", "{\"a\":\"\\u12", "{\"a\":\"\\U0041\"}",
    "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}",
    "{\"a\":\"\\ud800x\"}", "{\"a\":\"\\ud800\\", "{\"a\":\"\\ud800\\u", "{\"a\":\"\\ud800\\udc0",
    "{\"a\":\"\\ud800\\ud800\"}", "{\"a\":\"\\ud800\\n\"}", "{\"\\ud800\":1}",
    "{\"a\":\"\\udfff\"}",
    "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\uDBFF\\uDFFF\"}",
    // The same errors inside known members.
    #"{"name":"\ud800"}"#, #"{"name":"a\x"}"#, "{\"name\":\"a\u{0}\"}", #"{"name":"a"#,
    #"{"name":nul}"#, #"{"name":nulls}"#, #"{"name":tru}"#, #"{"name":01}"#, #"{"name":}"#,
    #"{"name":"a",}"#, #"{"name" "a"}"#, #"{"name":"a" "scope":[]}"#, #"{"name"#,
    #"{"scope":["a",]}"#, #"{"scope":[,]}"#, #"{"scope":["a" "b"]}"#, #"{"scope":[01]}"#,
    #"{"scope":["a",1.]}"#, #"{"scope":["\ud800"]}"#, #"{"scope":["a""#, #"{"scope":[}"#,
    #"{"scope":["a"}"#, #"{"scope":[1,"a",]}"#, #"{"scope":[{"a":1,}]}"#, #"{"scope":["a"],}"#,
    #"{"accessTokenValiditySeconds":01}"#, #"{"accessTokenValiditySeconds":-01}"#,
    #"{"accessTokenValiditySeconds":-x}"#, #"{"accessTokenValiditySeconds":-}"#,
    #"{"accessTokenValiditySeconds":1.}"#, #"{"accessTokenValiditySeconds":1e}"#,
    #"{"accessTokenValiditySeconds":+1}"#, #"{"accessTokenValiditySeconds":.5}"#,
    #"{"accessTokenValiditySeconds":12a}"#, #"{"accessTokenValiditySeconds":1"#,
    #"{"expirationDate":"2026\u12"}"#, #"{"expirationDate":"\udc00"}"#,
    #"{"userAwareTokenNeverExpires":tru}"#, #"{"userAwareTokenNeverExpires":truex}"#,
    #"{"userAwareTokenNeverExpires":fals}"#, #"{"userAwareTokenNeverExpires":falsey}"#,
    #"{"userAwareTokenNeverExpires":nul}"#, #"{"userAwareTokenNeverExpires":T}"#,
    #"{"userAwareTokenNeverExpires":t"#, #"{"userAwareTokenNeverExpires":"#,
    #"{"userAwareTokenNeverExpires":true,}"#, #"{"userAwareTokenNeverExpires":true"#,
    // Type mismatches that also have errors or repeats later: the first problem class wins.
    #"{"name":1,"a":1,}"#, #"{"name":1,"name":"a"}"#, #"{"name":1,"scope":"x","x":1,"x":2}"#,
    #"{"scope":[1,2,"a",[]],"name":true}"#, #"{"scope":["a",null,{}]}"#,
    #"{"accessTokenValiditySeconds":2147483648,"userAwareTokenNeverExpires":1}"#,
    #"{"accessTokenValiditySeconds":-2147483649}"#, #"{"accessTokenValiditySeconds":99999999999}"#,
    #"{"accessTokenValiditySeconds":36900.0}"#, #"{"accessTokenValiditySeconds":3.69e4}"#,
    #"{"accessTokenValiditySeconds":1E2}"#, #"{"accessTokenValiditySeconds":-0.0}"#,
    #"{"accessTokenValiditySeconds":"36900"}"#, #"{"accessTokenValiditySeconds":[1]}"#,
    #"{"expirationDate":1798761599999}"#, #"{"expirationDate":{}}"#, #"{"expirationDate":[]}"#,
    #"{"userAwareTokenNeverExpires":"true"}"#, #"{"userAwareTokenNeverExpires":1}"#,
    #"{"userAwareTokenNeverExpires":[true]}"#, #"{"name":["a"],"scope":{"a":[1]}}"#,
    #"{"name":-0.5e-3,"scope":"sp:scopes:all","expirationDate":false}"#,
    // Repeated names.
    #"{"name":"a","name":"b"}"#, #"{"name":"a","n\u0061me":"a"}"#,
    #"{"name":"a","x":1,"x":2,"userAwareTokenNeverExpires":true}"#,
    #"{"a":1,"b":1,"a":2,"a":3,"b":2,"name":1}"#, #"{"x":1,"\u0078":2}"#,
    #"{"Caf\u00e9":1,"Cafe\u0301":2,"Name":3,"name":"a"}"#, #"{"é":1,"\u00e9":2}"#,
    #"{"\ud83d\ude00":1,"😀":2}"#, #"{"":1,"":2}"#,
    #"{"scope":[],"scope":null,"scope":1,"name":"a","name":1}"#,
    #"{"name":"a","name":"b",}"#, #"{"name":"a","name":"b","c":[1,]}"#,
    #"{"x":{"a":1,"a":2},"y":[{"b":1,"b":1}]}"#,
  ]

  /// Payloads that are not valid UTF-8 or start with a byte-order mark.
  static let bytes: [[UInt8]] = [
    [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [0xEF, 0xBB, 0x7B, 0x7D], [0xEF, 0xBB, 0xBF],
    [0x20, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [0xFF], [0x7B, 0x7D, 0xFF],
    [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xC1, 0xBF, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xE0, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xF5, 0x80, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xF0, 0x9F, 0x98, 0x22, 0x3A, 0x31, 0x7D],
    [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D], [0x7B, 0x22, 0xE2, 0x82], [0x7B, 0x22, 0xC3],
    [0x7B, 0x22, 0x80, 0x22, 0x3A, 0x31, 0x7D], [0x7B, 0xC3, 0xA9, 0x7D],
    [0x7B, 0x22, 0x61, 0x22, 0x3A, 0xC3, 0xA9, 0x7D],
    Array(#"{"name":""#.utf8) + [0xED, 0xBF, 0xBF] + Array(#""}"#.utf8),
    Array(#"{"name":"ok","scope":[""#.utf8) + [0xE0, 0x9F, 0x80] + Array(#""]}"#.utf8),
    Array(#"{"expirationDate":""#.utf8) + [0xF4, 0x8F, 0xBF, 0xC0] + Array(#""}"#.utf8),
    Array(#"{"n"#.utf8) + [0xC3, 0xA1] + Array(#"me":1,"x":""#.utf8) + [0xF0, 0x90, 0x80],
    Array(#"{"name":"a long plain ASCII run then"#.utf8) + [0x00] + Array(#"x"}"#.utf8),
    Array(#"{"name":"a long plain ASCII run then"#.utf8) + [0x7F, 0x80] + Array(#"x"}"#.utf8),
  ]

  /// Payloads built by code: nesting around the limit, many members, long strings.
  static let generated: [[UInt8]] = {
    var payloads: [String] = []
    for depth in [511, 512, 513] {
      // The top-level object is level 1, so `depth - 1` brackets reach level `depth`.
      let arrays =
        String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
      let objects =
        String(repeating: "{\"a\":", count: depth - 2) + "{}"
        + String(repeating: "}", count: depth - 2)
      payloads.append("{\"x\":\(arrays),\"name\":\"a\"}")
      payloads.append("{\"x\":\(objects)}")
      payloads.append("{\"name\":\(arrays)}")
      payloads.append("{\"scope\":\(arrays)}")
      payloads.append("{\"scope\":[\"a\",\(arrays.dropFirst().dropLast())]}")
    }
    payloads.append("{\"x\":" + String(repeating: "[", count: 100_000))
    payloads.append("{\"x\":" + String(repeating: "[1,", count: 600))
    let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
    payloads.append("{\(many),\"name\":\"a\",\"userAwareTokenNeverExpires\":true}")
    payloads.append("{\(many),\"k7\":1,\"k39\":2,\"k7\":3,\"k0\":4}")
    for count in [7, 8, 9, 12, 17] {
      let scopes = (0..<count).map { "\"s\($0)-\(String(repeating: "x", count: $0))\"" }
      payloads.append("{\"scope\":[\(scopes.joined(separator: ","))]}")
      payloads.append("{\"scope\":[\(scopes.joined(separator: ",")),1,\"z\"]}")
      payloads.append("{\"scope\":[\(scopes.joined(separator: ",")),\"\\ud800\"]}")
      // Valid requests, so the validator builds the scopes too; spaced, every other one escaped.
      let spaced = scopes.indices.map { index in
        index % 2 == 0 ? " \(scopes[index]) " : "\n\"\\u00e9\\n\(index)\"\t"
      }
      payloads.append(
        "{\"name\":\"n\",\"userAwareTokenNeverExpires\":true,\"scope\":[\(spaced.joined(separator: ","))]}"
      )
    }
    let long = String(repeating: "abcdefgh", count: 100)
    payloads.append("{\"name\":\"\(long)\",\"scope\":[\"\(long)\",\"\(long)é\\n\"]}")
    for cut in [1, 7, 8, 9, 15, 16, 17] {
      payloads.append("{\"name\":\"\(long.prefix(cut))\\\"\(long.prefix(cut))\"}")
      payloads.append("{\"name\":\"\(long.prefix(cut))é\"}")
      payloads.append("{\"name\":\"\(long.prefix(cut))")
    }
    return payloads.map { Array($0.utf8) }
  }()
}
