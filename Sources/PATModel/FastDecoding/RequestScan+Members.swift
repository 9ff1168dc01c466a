extension RequestScan {
  /// Scans a whole payload: the top-level object, each member once, and the end.
  ///
  /// The checks are those of ``JSONParser``, made at the same bytes in the same order, so the
  /// first syntax error is the one the reference decoder reports.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  mutating func scan() throws(JSONSyntaxError) {
    if scanner.count >= 3, scanner[0] == 0xEF, scanner[1] == 0xBB, scanner[2] == 0xBF {
      throw JSONSyntaxError(offset: 0, reason: .byteOrderMark)
    }
    scanner.skipWhitespace()
    guard scanner.index < scanner.count else { throw scanner.fail(.unexpectedEnd) }
    guard scanner[scanner.index] == UInt8(ascii: "{") else {
      if scanner[scanner.index] == UInt8(ascii: "/") { throw scanner.fail(.comment) }
      throw scanner.fail(.notAnObject)
    }
    scanner.index &+= 1
    scanner.skipWhitespace()
    if scanner.next(is: UInt8(ascii: "}")) {
      scanner.index &+= 1
    } else {
      try scanMembers()
    }
    scanner.skipWhitespace()
    guard scanner.index == scanner.count else {
      if scanner[scanner.index] == UInt8(ascii: "/") { throw scanner.fail(.comment) }
      throw scanner.fail(.trailingContent)
    }
  }

  /// Scans a whole payload, returning its first syntax error instead of throwing it.
  ///
  /// - Returns: The first syntax error, or `nil` when the payload is well-formed.
  mutating func syntaxError() -> JSONSyntaxError? {
    do {
      try scan()
      return nil
    } catch {
      return error
    }
  }

  /// Scans the members of the top-level object, from the first name to the closing brace.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  private mutating func scanMembers() throws(JSONSyntaxError) {
    var seen: UInt8 = 0
    var reported: UInt8 = 0
    var first = true
    while true {
      scanner.skipWhitespace()
      guard scanner.next(is: UInt8(ascii: "\"")) else {
        if !first, scanner.next(is: UInt8(ascii: "}")) { throw scanner.fail(.trailingComma) }
        throw scanner.unexpected("a member name")
      }
      first = false
      // The common case: a known name written without escapes, matched where it stands, and
      // its value read right away, so one branch on the name's first letter picks both.
      let nameStart = scanner.index &+ 1
      switch nameStart < scanner.count ? scanner[nameStart] : 0 {
      case UInt8(ascii: "n") where scanner.bytes(at: nameStart, equal: "name\""):
        scanner.index = nameStart &+ 5
        try scanner.skipColon()
        note(.name, seen: &seen, reported: &reported)
        try scanName()
      case UInt8(ascii: "s") where scanner.bytes(at: nameStart, equal: "scope\""):
        scanner.index = nameStart &+ 6
        try scanner.skipColon()
        note(.scope, seen: &seen, reported: &reported)
        try scanScopeMember()
      case UInt8(ascii: "a")
      where scanner.bytes(at: nameStart, equal: "accessTokenValiditySeconds\""):
        scanner.index = nameStart &+ 27
        try scanner.skipColon()
        note(.accessTokenValiditySeconds, seen: &seen, reported: &reported)
        try scanValidity()
      case UInt8(ascii: "e") where scanner.bytes(at: nameStart, equal: "expirationDate\""):
        scanner.index = nameStart &+ 15
        try scanner.skipColon()
        note(.expirationDate, seen: &seen, reported: &reported)
        try scanExpirationDate()
      case UInt8(ascii: "u")
      where scanner.bytes(at: nameStart, equal: "userAwareTokenNeverExpires\""):
        scanner.index = nameStart &+ 27
        try scanner.skipColon()
        note(.userAwareTokenNeverExpires, seen: &seen, reported: &reported)
        try scanNeverExpires()
      default:
        try scanOtherMember(seen: &seen, reported: &reported)
      }

      scanner.skipWhitespace()
      guard scanner.index < scanner.count else { throw scanner.fail(.unexpectedEnd) }
      switch scanner[scanner.index] {
      case UInt8(ascii: ","): scanner.index &+= 1
      case UInt8(ascii: "}"):
        scanner.index &+= 1
        return
      default: throw scanner.unexpected("',' or '}'")
      }
    }
  }

  /// Scans a member whose name is not one of the known names written plainly: a known name
  /// with escapes, or an unknown member.
  ///
  /// - Parameters:
  ///   - seen: The known members seen so far, one bit each.
  ///   - reported: The known members already reported as repeated.
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  @inline(never)
  private mutating func scanOtherMember(seen: inout UInt8, reported: inout UInt8)
    throws(JSONSyntaxError)
  {
    let nameToken = try scanner.scanString()
    let name = scanner.string(nameToken)
    let member = nameToken.isPlain ? scanner.knownMember(nameToken) : RequestMember(exactly: name)
    try scanner.skipColon()
    if let member {
      note(member, seen: &seen, reported: &reported)
      switch member {
      case .name: try scanName()
      case .scope: try scanScopeMember()
      case .accessTokenValiditySeconds: try scanValidity()
      case .expirationDate: try scanExpirationDate()
      case .userAwareTokenNeverExpires: try scanNeverExpires()
      }
      return
    }
    let notes = notes
    if !notes.unknownNames.insert(name), notes.reportedUnknownNames.insert(name) {
      notes.duplicateNames.append(name)
    }
    notes.unknownMembers.append(UnknownMember(name: name, valueStart: scanner.index))
    _ = try scanner.skipValue(depth: 1)
  }

  /// Notes that a known member was seen, and a repeat the first time it repeats.
  ///
  /// - Parameters:
  ///   - member: The member.
  ///   - seen: The known members seen so far, one bit each.
  ///   - reported: The known members already reported as repeated.
  @inline(__always)
  private mutating func note(_ member: RequestMember, seen: inout UInt8, reported: inout UInt8) {
    let bit = member.bit
    if seen & bit == 0 {
      seen |= bit
    } else if reported & bit == 0 {
      reported |= bit
      notes.duplicateNames.append(member.rawValue)
    }
  }

  /// The first byte of the value at the current offset, or 0 at the end.
  @inline(__always)
  private var valueStart: UInt8 {
    scanner.index < scanner.count ? scanner[scanner.index] : 0
  }

  /// Notes that a known member's value has the wrong type, checking the value completely.
  ///
  /// - Parameter member: The member.
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(never)
  private mutating func mismatch(_ member: RequestMember) throws(JSONSyntaxError) {
    let start = scanner.index
    let found = try scanner.skipValue(depth: 1)
    notes.mismatches.append(
      TypeMismatch(
        member: member, found: found, literal: found == .number ? start..<scanner.index : nil))
  }

  /// Scans the value of `name`: a string (kept as a token) or `null`.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(__always)
  private mutating func scanName() throws(JSONSyntaxError) {
    switch valueStart {
    case UInt8(ascii: "\""): name = .value(try scanner.scanString())
    case UInt8(ascii: "n"):
      try scanner.scanLiteral("null")
      name = .null
    default: try mismatch(.name)
    }
  }

  /// Scans the value of `scope`: an array of strings or `null`.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(__always)
  private mutating func scanScopeMember() throws(JSONSyntaxError) {
    switch valueStart {
    case UInt8(ascii: "["): scope = try scanScope()
    case UInt8(ascii: "n"):
      try scanner.scanLiteral("null")
      scope = .null
    default: try mismatch(.scope)
    }
  }

  /// Scans the value of `accessTokenValiditySeconds`: an integer that fits in 32 bits or
  /// `null`.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(__always)
  private mutating func scanValidity() throws(JSONSyntaxError) {
    switch valueStart {
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = scanner.index
      let isInteger = try scanner.scanNumber()
      if isInteger, let value = scanner.int32(from: start, to: scanner.index) {
        accessTokenValiditySeconds = .value(value)
      } else {
        notes.mismatches.append(
          TypeMismatch(
            member: .accessTokenValiditySeconds, found: .number, literal: start..<scanner.index))
      }
    case UInt8(ascii: "n"):
      try scanner.scanLiteral("null")
      accessTokenValiditySeconds = .null
    default: try mismatch(.accessTokenValiditySeconds)
    }
  }

  /// Scans the value of `expirationDate`: a string (kept as a token) or `null`.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(__always)
  private mutating func scanExpirationDate() throws(JSONSyntaxError) {
    switch valueStart {
    case UInt8(ascii: "\""): expirationDate = .value(try scanner.scanString())
    case UInt8(ascii: "n"):
      try scanner.scanLiteral("null")
      expirationDate = .null
    default: try mismatch(.expirationDate)
    }
  }

  /// Scans the value of `userAwareTokenNeverExpires`: a boolean or `null`.
  ///
  /// - Throws: ``JSONSyntaxError`` for the first problem in the value.
  @inline(__always)
  private mutating func scanNeverExpires() throws(JSONSyntaxError) {
    switch valueStart {
    case UInt8(ascii: "t"):
      try scanner.scanLiteral("true")
      userAwareTokenNeverExpires = .value(true)
    case UInt8(ascii: "f"):
      try scanner.scanLiteral("false")
      userAwareTokenNeverExpires = .value(false)
    case UInt8(ascii: "n"):
      try scanner.scanLiteral("null")
      userAwareTokenNeverExpires = .null
    default: try mismatch(.userAwareTokenNeverExpires)
    }
  }

  /// Scans the `scope` array (level 2) starting at its `[`.
  ///
  /// The first elements are kept as tokens in ``scopeTokens``, to be built later.
  ///
  /// - Returns: The elements, or `.absent` when an element is not a string (noted as a
  ///   mismatch).
  /// - Throws: ``JSONSyntaxError`` for the first problem in the array.
  private mutating func scanScope() throws(JSONSyntaxError) -> Presence<ScopeElements> {
    var elements = ScopeElements(start: scanner.index)
    scanner.index &+= 1
    scanner.skipWhitespace()
    if scanner.next(is: UInt8(ascii: "]")) {
      scanner.index &+= 1
      return .value(elements)
    }
    var position = 0
    var mismatched = false
    while true {
      scanner.skipWhitespace()
      if position > 0, scanner.next(is: UInt8(ascii: "]")) {
        throw scanner.fail(.trailingComma)
      }
      if scanner.next(is: UInt8(ascii: "\"")) {
        let token = try scanner.scanString()
        if position < scopeTokens.count { scopeTokens[position] = token }
      } else {
        let found = try scanner.skipValue(depth: 2)
        if !mismatched {
          mismatched = true
          notes.mismatches.append(
            TypeMismatch(member: .scope, found: found, literal: nil, element: position))
        }
      }
      position &+= 1
      scanner.skipWhitespace()
      guard scanner.index < scanner.count else { throw scanner.fail(.unexpectedEnd) }
      switch scanner[scanner.index] {
      case UInt8(ascii: ","): scanner.index &+= 1
      case UInt8(ascii: "]"):
        scanner.index &+= 1
        if mismatched { return .absent }
        elements.count = position
        return .value(elements)
      default: throw scanner.unexpected("',' or ']'")
      }
    }
  }
}

extension RequestMember {
  /// A distinct bit per member, for noting which members a payload has.
  var bit: UInt8 {
    switch self {
    case .name: 1
    case .scope: 2
    case .accessTokenValiditySeconds: 4
    case .expirationDate: 8
    case .userAwareTokenNeverExpires: 16
    }
  }
}

extension ByteScanner {
  /// The value of a checked integer literal (`-?(0|[1-9][0-9]*)`) when it fits in `Int32`.
  ///
  /// - Parameters:
  ///   - start: The offset of the literal's first byte.
  ///   - end: The offset just past it.
  /// - Returns: The value, or `nil` when it does not fit.
  @inline(__always)
  func int32(from start: Int, to end: Int) -> Int32? {
    var offset = start
    let negative = self[offset] == UInt8(ascii: "-")
    if negative { offset &+= 1 }
    guard end &- offset <= 10 else { return nil }
    var magnitude: Int64 = 0
    while offset < end {
      magnitude = magnitude &* 10 &+ Int64(self[offset] &- UInt8(ascii: "0"))
      offset &+= 1
    }
    return Int32(exactly: negative ? -magnitude : magnitude)
  }
}
