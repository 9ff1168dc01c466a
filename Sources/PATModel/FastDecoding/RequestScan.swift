/// The members of one request as a single scan of its payload finds them: known members
/// decoded, unknown members located, repeated names and type mismatches noted.
///
/// Nothing here is reported until the whole payload is known to be well-formed JSON, because
/// a syntax error anywhere wins over every other problem.
struct ScannedRequest {
  /// An unknown member: its name, and where its (checked) value starts.
  struct UnknownMember {
    var name: String
    var valueStart: Int
  }

  /// A known member whose value has the wrong type.
  struct TypeMismatch {
    /// The member.
    var member: RequestMember
    /// The type of the value, or of the first element that is not a string for `scope`.
    var found: JSONValueKind
    /// Where the number literal lies, when the value is a number.
    var literal: Range<Int>?
    /// For a `scope` array, the index of the first element that is not a string.
    var element: Int?
  }

  var name: Presence<String> = .absent
  var scope: Presence<[String]> = .absent
  var accessTokenValiditySeconds: Presence<Int32> = .absent
  /// Where the text of `expirationDate` lies; built into a `String` or parsed as a date later.
  var expirationDate: Presence<StringToken> = .absent
  var userAwareTokenNeverExpires: Presence<Bool> = .absent
  var unknownMembers: [UnknownMember] = []
  /// Each repeated name once, in the order of its second appearance.
  var duplicateNames: [String] = []
  var mismatches: [TypeMismatch] = []

  /// The error the reference decoder reports for a well-formed payload, if any: the repeated
  /// names, else the type mismatches.
  ///
  /// - Parameter scanner: The scanner that read the payload, for number literals.
  /// - Returns: The error, or `nil` when the members decode.
  func decodingError(in scanner: ByteScanner) -> RequestDecodingError? {
    if !duplicateNames.isEmpty {
      return RequestDecodingError(violations: duplicateNames.map(RequestMemberDecoder.duplicateKey))
    }
    guard !mismatches.isEmpty else { return nil }
    return RequestDecodingError(
      violations: mismatches.map { mismatch in
        if let element = mismatch.element {
          return RequestMemberDecoder.scopeElementMismatch(
            position: element, typeName: mismatch.found.typeName)
        }
        let literal = mismatch.literal.map { range in
          String(
            decoding: UnsafeRawBufferPointer(
              start: scanner.base + range.lowerBound, count: range.count),
            as: UTF8.self)
        }
        return RequestMemberDecoder.mismatch(
          field: mismatch.member.rawValue, expected: mismatch.member.expectedType,
          typeName: mismatch.found.typeName, literal: literal)
      })
  }
}
