/// How the generator built the `name` member.
public enum NamePlan: Hashable, Sendable {
  case absent
  case null
  /// A string, written with the given escaping.
  case text(String, kind: NameKind, escaping: StringEscaping)
  /// A string that breaks the JSON rules (a lone surrogate escape or a raw control character),
  /// as the exact literal text to write, quotes included.
  case malformedLiteral(String)
  /// A JSON value of the wrong type, as literal text.
  case wrongType(String)
}

/// What a generated name is meant to be, for labels and the oracle's notes.
public enum NameKind: String, Hashable, Sendable {
  /// An exact copy of one of the owner's names.
  case duplicate
  /// A name that looks like one of the owner's names but is a different sequence of scalars.
  case nearDuplicate
  /// Any other name.
  case fresh
}

/// How a string is written in JSON: all three spell the same scalars.
public enum StringEscaping: String, Hashable, Sendable, CaseIterable {
  /// Only `"`, `\` and control characters escaped.
  case minimal
  /// Every non-ASCII scalar as `\uXXXX` (astral ones as surrogate pairs).
  case nonASCII
  /// Every scalar as `\uXXXX`.
  case all
}

/// How the generator built `accessTokenValiditySeconds`.
public enum ValidityPlan: Hashable, Sendable {
  case absent
  case null
  /// An integer that fits Int32, written plainly.
  case value(Int32)
  /// An integer literal with its value: `-0` (0).
  case literal(String, value: Int32)
  /// A JSON value that is not an Int32 literal: `2147483648`, `36900.0`, `3.69e4`, `"36900"`,
  /// `true`...
  case wrongType(String)
}

/// How the generator built `scope`.
public enum ScopePlan: Hashable, Sendable {
  case absent
  case null
  /// An array of strings (maybe empty, maybe with duplicates).
  case items([String])
  /// A JSON value of the wrong type, as literal text (a bare string, an array with a number).
  case wrongType(String)
}

/// How the generator built `userAwareTokenNeverExpires`.
public enum FlagPlan: Hashable, Sendable {
  case absent
  case null
  case value(Bool)
  /// A JSON value of the wrong type: `"true"`, `1`.
  case wrongType(String)
}

/// A member with a name the request does not know.
public struct UnknownMember: Hashable, Sendable {
  /// The member name (written with minimal escaping).
  public var name: String
  /// The value as JSON literal text.
  public var valueText: String
  /// How deeply the value nests arrays and objects (0 for a scalar).
  public var depth: Int
}

/// Where and how a payload is damaged after rendering.
public enum Corruption: Hashable, Sendable {
  /// Cut the payload before its closing brace, keeping this many bytes (at least one).
  case truncate(keeping: Int)
  /// Append text after the object.
  case trailing(String)
  /// Replace the byte at a position with another value.
  case flip(position: Int, byte: UInt8)
  /// Insert bytes at a position.
  case insert(position: Int, bytes: [UInt8])
}

/// The wire habits of one of SailPoint's SDKs.
public enum Dialect: String, Hashable, Sendable, CaseIterable {
  /// As the generator planned it.
  case plain
  /// Python (pydantic `to_dict`): absent optional members sent as `null`; dates with
  /// microseconds (none when zero) and `+00:00`.
  case python
  /// PowerShell: `null` members dropped; dates in .NET's round-trip form, 7 fraction digits, `Z`.
  case powershell
  /// Go: `null` kept; dates in `RFC3339Nano` (trailing zeros of the nanoseconds dropped).
  case go
}
