/// A byte-level decoder specialized to `CreatePersonalAccessTokenRequest`: one pass over the
/// payload, member names matched on their bytes, and strings built only for the values the
/// request keeps.
///
/// It gives exactly what the reference decoder
/// ``CreatePersonalAccessTokenRequest/init(json:)-([UInt8])`` gives for every input: an equal
/// request, or an equal ``RequestDecodingError`` (the same
/// violations in the same order, with the same codes, fields and messages; a `json.malformed`
/// names the same first byte and reason as ``JSONParser``). Unknown members' values are checked
/// in the pass and built only once the payload is known to decode.
public enum FastRequestDecoder {
  /// Decodes a payload.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The request, as the reference decoder builds it.
  /// - Throws: ``RequestDecodingError`` with one `json.malformed` violation, or the
  ///   `json.duplicateKey` violations, or the `type.mismatch` violations.
  public static func decode(_ bytes: UnsafeRawBufferPointer) throws(RequestDecodingError)
    -> CreatePersonalAccessTokenRequest
  {
    guard !bytes.isEmpty else {
      throw malformed(JSONSyntaxError(offset: 0, reason: .unexpectedEnd))
    }
    return try RequestScan.withScan(of: bytes) {
      (scan) throws(RequestDecodingError) -> CreatePersonalAccessTokenRequest in
      if let error = scan.syntaxError() { throw malformed(error) }
      if scan.hasDecodingError, let error = scan.decodingError() { throw error }
      var request = CreatePersonalAccessTokenRequest()
      scan.fill(&request)
      return request
    }
  }

  /// Decodes a payload.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The request, as the reference decoder builds it.
  /// - Throws: ``RequestDecodingError``, as the reference decoder reports it.
  public static func decode(_ bytes: [UInt8]) throws(RequestDecodingError)
    -> CreatePersonalAccessTokenRequest
  {
    let result: Result<CreatePersonalAccessTokenRequest, RequestDecodingError> =
      bytes.withUnsafeBytes { buffer in
        Result { () throws(RequestDecodingError) in try decode(buffer) }
      }
    return try result.get()
  }

  /// Decodes and validates a payload in one pass, building only what the verdict keeps: the
  /// expiration date is parsed from the payload's bytes, unknown members' values are only
  /// checked, and `name` and `scope` are built only for a valid request (or to compare the
  /// name with the owner's).
  ///
  /// - Parameters:
  ///   - bytes: The payload.
  ///   - context: The clock reading, the owner's tokens and the options.
  /// - Returns: The verdict ``Validator/validate(json:)-([UInt8])`` gives in the same context.
  public static func validate(_ bytes: UnsafeRawBufferPointer, context: ValidationContext)
    -> Verdict
  {
    guard !bytes.isEmpty else {
      return failure(malformed(JSONSyntaxError(offset: 0, reason: .unexpectedEnd)))
    }
    return RequestScan.withScan(of: bytes) { scan in verdict(of: &scan, context: context) }
  }

  /// Validates a scanned payload.
  ///
  /// - Parameters:
  ///   - scan: A scan at the start of the payload.
  ///   - context: The clock reading, the owner's tokens and the options.
  /// - Returns: The verdict ``Validator/validate(json:)-([UInt8])`` gives in the same context.
  @inline(__always)
  private static func verdict(of scan: inout RequestScan, context: ValidationContext) -> Verdict {
    if let error = scan.syntaxError() { return failure(malformed(error)) }
    if scan.hasDecodingError, let error = scan.decodingError() { return failure(error) }
    let expiration: Validator.ExpirationDateInput
    if case .value(let token) = scan.expirationDate, token.length > 0 {
      expiration = scan.scanner.parseExpirationDate(token)
    } else {
      expiration = .missing
    }
    // The name is built here only when the owner's names must be compared with it.
    var builtName: String?
    let name: Validator.NameFacts
    if case .value(let token) = scan.name {
      if !context.existingNames.isEmpty {
        let text = scan.scanner.string(token)
        builtName = text
        name = .present(isEmpty: token.length == 0, isOwners: Validator.isOwnersName(text, context))
      } else {
        name = .present(isEmpty: token.length == 0, isOwners: false)
      }
    } else {
      name = .missing
    }
    var violations: [Violation] = []
    let expirationDate = Validator.check(
      in: context, unknownMemberNames: scan.unknownMemberNames, name: name,
      validity: scan.accessTokenValiditySeconds, expiration: expiration,
      neverExpires: scan.userAwareTokenNeverExpires, into: &violations)
    guard violations.isEmpty, case .value(let token) = scan.name else {
      return Verdict(violations: violations, normalized: nil)
    }
    let text = builtName.take() ?? scan.scanner.string(token)
    let scopes: [String]?
    if case .value(let elements) = scan.scope {
      scopes = scan.strings(of: elements)
    } else {
      scopes = nil
    }
    return Verdict(
      violations: [],
      normalized: Validator.normalized(
        name: text, scope: scopes, validity: scan.accessTokenValiditySeconds,
        expirationDate: expirationDate, neverExpires: scan.userAwareTokenNeverExpires))
  }

  /// The verdict for a payload that does not decode.
  ///
  /// - Parameter error: Why the payload does not decode.
  /// - Returns: A verdict with the error's violations.
  @inline(never)
  private static func failure(_ error: RequestDecodingError) -> Verdict {
    Verdict(violations: error.violations, normalized: nil)
  }

  /// Decodes and validates a payload in one pass.
  ///
  /// - Parameters:
  ///   - bytes: The payload.
  ///   - context: The clock reading, the owner's tokens and the options.
  /// - Returns: The verdict ``Validator/validate(json:)-([UInt8])`` gives in the same context.
  public static func validate(_ bytes: [UInt8], context: ValidationContext) -> Verdict {
    bytes.withUnsafeBytes { validate($0, context: context) }
  }

  /// The error for a payload that is not well-formed JSON.
  ///
  /// - Parameter error: The first syntax error.
  /// - Returns: The `json.malformed` error the reference decoder reports.
  private static func malformed(_ error: JSONSyntaxError) -> RequestDecodingError {
    RequestDecodingError(violations: [
      Violation(code: .jsonMalformed, field: nil, detail: .syntax(error))
    ])
  }
}

extension Validator {
  /// Validates a payload with ``FastRequestDecoder``: the same verdict as
  /// ``validate(json:)-([UInt8])``, in one pass.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The verdict.
  public func validateFast(json bytes: UnsafeRawBufferPointer) -> Verdict {
    FastRequestDecoder.validate(bytes, context: context)
  }

  /// Validates a payload with ``FastRequestDecoder``, in one pass.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The verdict ``validate(json:)-([UInt8])`` gives.
  public func validateFast(json bytes: [UInt8]) -> Verdict {
    FastRequestDecoder.validate(bytes, context: context)
  }
}

extension ByteScanner {
  /// Parses the text of a checked string literal as an RFC 3339 date-time, unescaping it
  /// first only when it has escapes.
  ///
  /// - Parameter token: A token returned by ``scanString()`` on this payload; not empty.
  /// - Returns: The instant, or the first problem in the unescaped text.
  @inline(__always)
  func parseExpirationDate(_ token: StringToken) -> Validator.ExpirationDateInput {
    if token.isPlain {
      return Validator.ExpirationDateInput(parsing: plainText(token))
    }
    return withUnescapedText(token) { Validator.ExpirationDateInput(parsing: $0) }
  }
}
