/// The stable code of one broken rule, as written in reports, corpus files and error bodies.
///
/// The cases are declared in the order rules are checked: JSON syntax, member types, then the
/// field rules. Raw values never change; new rules get new codes.
public enum ViolationCode: String, CaseIterable, Sendable, Comparable, Codable {
  /// The payload is not one strict RFC 8259 JSON object.
  case jsonMalformed = "json.malformed"
  /// A member name appears twice in the top-level object (compared after unescaping).
  case jsonDuplicateKey = "json.duplicateKey"
  /// A known member has a value of the wrong JSON type.
  case typeMismatch = "type.mismatch"
  /// An unknown member, reported only in strict mode.
  case fieldUnknown = "field.unknown"
  /// `name` is absent or `null`.
  case nameRequired = "name.required"
  /// `name` is `""`.
  case nameEmpty = "name.empty"
  /// `name` equals a name the owner already has.
  case nameDuplicate = "name.duplicate"
  /// `accessTokenValiditySeconds` is outside 15...43200.
  case accessTokenValiditySecondsRange = "accessTokenValiditySeconds.range"
  /// `expirationDate` is not an RFC 3339 date-time.
  case expirationDateFormat = "expirationDate.format"
  /// `expirationDate` is not strictly after `now`.
  case expirationDateNotFuture = "expirationDate.notFuture"
  /// No expiration date, and `userAwareTokenNeverExpires` is not `true`.
  case neverExpiresNotAcknowledged = "neverExpires.notAcknowledged"
  /// The owner already has the maximum number of tokens.
  case ownerTokenLimit = "owner.tokenLimit"

  /// The order of declaration.
  public static func < (lhs: ViolationCode, rhs: ViolationCode) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
