extension RequestScan {
  /// Scans a whole payload: the top-level object, each member once, and the end.
  ///
  /// The checks are those of ``JSONParser``, made at the same bytes in the same order, so the
  /// first syntax error is the one the reference decoder reports.
  ///
  /// - Parameter request: Receives the known members that have the right types.
  /// - Throws: ``JSONSyntaxError`` for the first problem.
  mutating func scan(into request: inout CreatePersonalAccessTokenRequest)
    throws(JSONSyntaxError)
  {
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
      try scanMembers(into: &request)
    }
    scanner.skipWhitespace()
    guard scanner.index == scanner.count else {
      if scanner[scanner.index] == UInt8(ascii: "/") { throw scanner.fail(.comment) }
      throw scanner.fail(.trailingContent)
    }
  }

  /// Scans a whole payload, returning its first syntax error instead of throwing it.
  ///
  /// - Parameter request: Receives the known members that have the right types.
  /// - Returns: The first syntax error, or `nil` when the payload is well-formed.
  mutating func syntaxError(scanningInto request: inout CreatePersonalAccessTokenRequest)
    -> JSONSyntaxError?
  {
    do {
      try scan(into: &request)
      return nil
    } catch {
      return error
    }
  }

  /// Scans the members of the top-level object, from the first name to the closing brace.
  private mutating func scanMembers(into request: inout CreatePersonalAccessTokenRequest)
    throws(JSONSyntaxError)
  {
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
      var member = scanner.scanKnownMemberName()
      var unknownName: String?
      if member == nil {
        let nameToken = try scanner.scanString()
        if nameToken.isPlain {
          member = scanner.knownMember(nameToken)
          if member == nil { unknownName = scanner.string(nameToken) }
        } else {
          let name = scanner.string(nameToken)
          member = RequestMember(exactly: name)
          if member == nil { unknownName = name }
        }
      }
      scanner.skipWhitespace()
      guard scanner.next(is: UInt8(ascii: ":")) else { throw scanner.unexpected("':'") }
      scanner.index &+= 1
      scanner.skipWhitespace()

      if let member {
        let bit = member.bit
        if seen & bit == 0 {
          seen |= bit
        } else if reported & bit == 0 {
          reported |= bit
          notes.duplicateNames.append(member.rawValue)
        }
        try scanValue(of: member, into: &request)
      } else if let unknownName {
        let notes = notes
        if !notes.unknownNames.insert(unknownName),
          notes.reportedUnknownNames.insert(unknownName)
        {
          notes.duplicateNames.append(unknownName)
        }
        notes.unknownMembers.append(UnknownMember(name: unknownName, valueStart: scanner.index))
        _ = try scanner.skipValue(depth: 1)
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

  /// Scans the value of a known member and stores it, or notes its type mismatch.
  @inline(__always)
  private mutating func scanValue(
    of member: RequestMember, into request: inout CreatePersonalAccessTokenRequest
  ) throws(JSONSyntaxError) {
    let first: UInt8 = scanner.index < scanner.count ? scanner[scanner.index] : 0
    switch (member, first) {
    case (_, UInt8(ascii: "n")):
      try scanner.scanLiteral("null")
      switch member {
      case .name: request.name = .null
      case .scope: request.scope = .null
      case .accessTokenValiditySeconds: request.accessTokenValiditySeconds = .null
      case .expirationDate: expirationDate = .null
      case .userAwareTokenNeverExpires: request.userAwareTokenNeverExpires = .null
      }
    case (.name, UInt8(ascii: "\"")):
      request.name = .value(scanner.string(try scanner.scanString()))
    case (.expirationDate, UInt8(ascii: "\"")):
      expirationDate = .value(try scanner.scanString())
    case (.scope, UInt8(ascii: "[")):
      request.scope = try scanScope()
    case (.accessTokenValiditySeconds, UInt8(ascii: "-")),
      (.accessTokenValiditySeconds, UInt8(ascii: "0")...UInt8(ascii: "9")):
      let start = scanner.index
      let isInteger = try scanner.scanNumber()
      if isInteger, let value = scanner.int32(from: start, to: scanner.index) {
        request.accessTokenValiditySeconds = .value(value)
      } else {
        notes.mismatches.append(
          TypeMismatch(member: member, found: .number, literal: start..<scanner.index))
      }
    case (.userAwareTokenNeverExpires, UInt8(ascii: "t")):
      try scanner.scanLiteral("true")
      request.userAwareTokenNeverExpires = .value(true)
    case (.userAwareTokenNeverExpires, UInt8(ascii: "f")):
      try scanner.scanLiteral("false")
      request.userAwareTokenNeverExpires = .value(false)
    default:
      let start = scanner.index
      let found = try scanner.skipValue(depth: 1)
      notes.mismatches.append(
        TypeMismatch(
          member: member, found: found, literal: found == .number ? start..<scanner.index : nil))
    }
  }

  /// Scans the `scope` array (level 2) starting at its `[`.
  ///
  /// The elements' tokens are gathered first, so the array is allocated once at its exact
  /// size.
  ///
  /// - Returns: The scopes, or `.absent` when an element is not a string (noted as a
  ///   mismatch).
  private mutating func scanScope() throws(JSONSyntaxError) -> Presence<[String]> {
    scanner.index &+= 1
    scanner.skipWhitespace()
    if scanner.next(is: UInt8(ascii: "]")) {
      scanner.index &+= 1
      return .value([])
    }
    return try withUnsafeTemporaryAllocation(of: StringToken.self, capacity: 8) {
      (tokens) throws(JSONSyntaxError) -> Presence<[String]> in
      var gathered = 0
      var more: [String] = []
      var position = 0
      var mismatched = false
      while true {
        scanner.skipWhitespace()
        if position > 0, scanner.next(is: UInt8(ascii: "]")) {
          throw scanner.fail(.trailingComma)
        }
        if scanner.next(is: UInt8(ascii: "\"")) {
          let token = try scanner.scanString()
          if gathered < tokens.count {
            tokens[gathered] = token
            gathered &+= 1
          } else if !mismatched {
            more.append(scanner.string(token))
          }
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
          var scopes: [String] = []
          scopes.reserveCapacity(gathered + more.count)
          for index in 0..<gathered { scopes.append(scanner.string(tokens[index])) }
          if !more.isEmpty { scopes.append(contentsOf: more) }
          return .value(scopes)
        default: throw scanner.unexpected("',' or ']'")
        }
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
