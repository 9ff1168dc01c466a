/// One scan of a request payload: known members are decoded straight into a request, and
/// what the request cannot hold yet is noted here: where the expiration date's text lies,
/// and, for the payloads that have them, unknown members, repeated names and type
/// mismatches.
///
/// Nothing here is reported until the whole payload is known to be well-formed JSON, because
/// a syntax error anywhere wins over every other problem.
struct RequestScan {
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

  /// What a payload of only known, well-typed, distinct members does not need: kept apart
  /// and created on first use, so the common payload neither builds nor destroys it.
  final class Findings {
    /// The unknown members, in document order.
    var unknownMembers: [UnknownMember] = []
    /// The unknown members' names seen so far.
    var unknownNames = MemberNameSet()
    /// The unknown names already reported as repeated.
    var reportedUnknownNames = MemberNameSet()
    /// Each repeated name once, in the order of its second appearance.
    var duplicateNames: [String] = []
    /// The known members whose values have the wrong type, in document order.
    var mismatches: [TypeMismatch] = []
  }

  /// The reader of the payload.
  var scanner: ByteScanner
  /// Where the text of `expirationDate` lies; built into a `String` or parsed as a date later.
  var expirationDate: Presence<StringToken> = .absent
  /// Unknown members, repeated names and type mismatches, once there is one.
  var findings: Findings?

  /// Creates a scan at the start of a payload.
  ///
  /// - Parameter scanner: A scanner at the start of the payload.
  init(_ scanner: ByteScanner) {
    self.scanner = scanner
  }

  /// The findings, created on first use.
  var notes: Findings {
    mutating get {
      if let findings { return findings }
      let created = Findings()
      findings = created
      return created
    }
  }

  /// The unknown members, in document order.
  var unknownMembers: [UnknownMember] { findings?.unknownMembers ?? [] }

  /// The names of the unknown members, in document order, gathered only when iterated.
  var unknownMemberNames: UnknownMemberNames { UnknownMemberNames(findings: findings) }

  /// The names of a scan's unknown members, gathered only when iterated (in strict mode), so
  /// a validation that does not report unknown members does not touch them.
  struct UnknownMemberNames: Sequence {
    let findings: Findings?

    /// An iterator over the names.
    ///
    /// - Returns: The iterator.
    func makeIterator() -> IndexingIterator<[String]> {
      (findings?.unknownMembers.map(\.name) ?? []).makeIterator()
    }
  }

  /// Whether the payload has repeated names or type mismatches.
  var hasDecodingError: Bool {
    guard let findings else { return false }
    return !findings.duplicateNames.isEmpty || !findings.mismatches.isEmpty
  }

  /// The error the reference decoder reports for a well-formed payload, if any: the repeated
  /// names, else the type mismatches.
  ///
  /// - Returns: The error, or `nil` when the members decode.
  @inline(never)
  func decodingError() -> RequestDecodingError? {
    guard let findings else { return nil }
    if !findings.duplicateNames.isEmpty {
      return RequestDecodingError(
        violations: findings.duplicateNames.map(RequestMemberDecoder.duplicateKey))
    }
    guard !findings.mismatches.isEmpty else { return nil }
    return RequestDecodingError(
      violations: findings.mismatches.map { mismatch in
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

  /// Builds the unknown members from their checked values.
  ///
  /// - Returns: The members, in document order, as ``JSONParser`` builds them.
  func additionalMembers() -> [JSONMember] {
    var reader = scanner
    return unknownMembers.map { member in
      reader.index = member.valueStart
      return JSONMember(name: member.name, value: reader.readCheckedValue())
    }
  }
}
