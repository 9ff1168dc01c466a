/// One scan of a request payload: what each known member holds (where its strings lie, its
/// scalars), and, for the payloads that have them, unknown members, repeated names and type
/// mismatches.
///
/// No `String` is built for `name`, `scope` or `expirationDate` during the scan: the caller
/// builds the ones it needs once the payload is known to decode (a decoder builds them all, a
/// validator only those of a valid request). Nothing here is reported until the whole
/// payload is known to be well-formed JSON, because a syntax error anywhere wins over every
/// other problem.
struct RequestScan {
  /// Where the elements of a `scope` array of strings lie.
  struct ScopeElements {
    /// The offset of the array's `[`.
    var start: Int
    /// The number of elements; the tokens of the first ones are in the scan's
    /// ``scopeTokens``.
    var count = 0
  }

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
  /// Where the text of `name` lies.
  var name: Presence<StringToken> = .absent
  /// Room for the tokens of `scope`'s first elements, owned by the caller; an array with more
  /// elements is read again when it is built.
  let scopeTokens: UnsafeMutableBufferPointer<StringToken>
  /// The elements of `scope`; `.absent` also when an element is not a string (a mismatch).
  var scope: Presence<ScopeElements> = .absent
  /// `accessTokenValiditySeconds`, when it is an integer that fits in 32 bits or `null`.
  var accessTokenValiditySeconds: Presence<Int32> = .absent
  /// Where the text of `expirationDate` lies; built into a `String` or parsed as a date later.
  var expirationDate: Presence<StringToken> = .absent
  /// `userAwareTokenNeverExpires`, when it is a boolean or `null`.
  var userAwareTokenNeverExpires: Presence<Bool> = .absent
  /// Unknown members, repeated names and type mismatches, once there is one.
  var findings: Findings?

  /// Creates a scan at the start of a payload.
  ///
  /// - Parameters:
  ///   - scanner: A scanner at the start of the payload.
  ///   - scopeTokens: Room for the tokens of `scope`'s first elements, for as long as the
  ///     scan is used; an array with more elements is read again when it is built.
  init(_ scanner: ByteScanner, scopeTokens: UnsafeMutableBufferPointer<StringToken>) {
    self.scanner = scanner
    self.scopeTokens = scopeTokens
  }

  /// Calls a function with a scan at the start of a payload, with room for the tokens of
  /// eight `scope` elements on the stack.
  ///
  /// - Parameters:
  ///   - bytes: The payload; not empty.
  ///   - body: Receives the scan; it must not keep it.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws.
  @inline(__always)
  static func withScan<Result, Failure: Error>(
    of bytes: UnsafeRawBufferPointer,
    _ body: (inout RequestScan) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try withUnsafeTemporaryAllocation(of: StringToken.self, capacity: 8) {
      (tokens) throws(Failure) -> Result in
      var scan = RequestScan(ByteScanner(nonEmpty: bytes), scopeTokens: tokens)
      return try body(&scan)
    }
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

  /// Fills a request from a scan of a payload that decodes.
  ///
  /// Filling a request the caller owns, rather than returning one, lets the caller return it
  /// without a copy.
  ///
  /// - Parameter request: A request with every member absent; receives the members.
  @inline(__always)
  func fill(_ request: inout CreatePersonalAccessTokenRequest) {
    switch name {
    case .absent: break
    case .null: request.name = .null
    case .value(let token): request.name = .value(scanner.string(token))
    }
    switch scope {
    case .absent: break
    case .null: request.scope = .null
    case .value(let elements): request.scope = .value(strings(of: elements))
    }
    request.accessTokenValiditySeconds = accessTokenValiditySeconds
    switch expirationDate {
    case .absent: break
    case .null: request.expirationDate = .null
    case .value(let token): request.expirationDate = .value(scanner.string(token))
    }
    request.userAwareTokenNeverExpires = userAwareTokenNeverExpires
    if findings != nil, !unknownMembers.isEmpty {
      request.additionalMembers = additionalMembers()
    }
  }

  /// Builds the elements of a `scope` array.
  ///
  /// - Parameter elements: The elements, from this scan.
  /// - Returns: Their texts, in order, in an array allocated once at its exact size.
  @inline(__always)
  func strings(of elements: ScopeElements) -> [String] {
    guard elements.count <= scopeTokens.count else { return stringsReadAgain(elements) }
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for index in 0..<elements.count { strings.append(scanner.string(scopeTokens[index])) }
    return strings
  }

  /// Builds the elements of a `scope` array that has more elements than ``scopeTokens``
  /// holds, reading the checked array again.
  ///
  /// - Parameter elements: The elements, from this scan.
  /// - Returns: Their texts, in order.
  @inline(never)
  private func stringsReadAgain(_ elements: ScopeElements) -> [String] {
    var reader = scanner
    reader.index = elements.start &+ 1
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for _ in 0..<elements.count {
      reader.skipWhitespace()
      strings.append(reader.string(reader.readCheckedString()))
      reader.skipWhitespace()
      reader.index &+= 1  // ',' or ']'
    }
    return strings
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
