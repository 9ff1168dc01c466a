import Foundation
import PATModel

/// The independent oracle: the verdict a generated case must get, derived from the plan the
/// generator followed, written apart from the validator (it never calls it), so a bug in the
/// validator cannot hide in the oracle.
public enum DecisionTable {
  /// What the oracle expects of one case.
  public struct Outcome: Hashable, Sendable, CustomStringConvertible {
    /// Valid or not, and the codes.
    public var expectation: Expectation
    /// The normalized request of a valid case, as the oracle computes it.
    public var normalized: NormalizedRequest?

    public var description: String { expectation.description }
  }

  /// The verdict a case must get, or `nil` when the plan damages the bytes in a way whose
  /// outcome the plan cannot tell (a flipped or inserted byte).
  ///
  /// - Parameter generated: The case.
  /// - Returns: The expected outcome, or `nil`.
  public static func outcome(for generated: GeneratedCase) -> Outcome? {
    let plan = generated.plan
    switch plan.corruption {
    case .truncate?, .trailing?: return invalid([.jsonMalformed])
    case .flip?, .insert?: return nil
    case nil: break
    }
    if case .malformedLiteral = plan.name { return invalid([.jsonMalformed]) }
    if plan.unknownMembers.contains(where: { $0.depth + 1 > 512 }) {
      return invalid([.jsonMalformed])
    }
    let unknownNames = plan.unknownMembers.map { Array($0.name.unicodeScalars) }
    if plan.duplicatedMember != nil || Set(unknownNames).count < unknownNames.count {
      return invalid([.jsonDuplicateKey])
    }

    if hasWrongType(plan) { return invalid([.typeMismatch]) }
    var codes: [ViolationCode] = []
    if generated.strict, !plan.unknownMembers.isEmpty { codes.append(.fieldUnknown) }

    var name: String?
    switch plan.name {
    case .absent, .null: codes.append(.nameRequired)
    case .text(let text, _, _):
      name = text
      if text.unicodeScalars.isEmpty { codes.append(.nameEmpty) }
      if generated.existingNames.contains(where: {
        sameName(text, $0, comparison: generated.nameComparison)
      }) {
        codes.append(.nameDuplicate)
      }
    case .malformedLiteral, .wrongType: break
    }

    var seconds: Int32 = 43200
    switch plan.validity {
    case .value(let value), .literal(_, let value):
      seconds = value
      if value < 15 || value > 43200 { codes.append(.accessTokenValiditySecondsRange) }
    case .absent, .null, .wrongType: break
    }

    var expiration: Timestamp?
    var acknowledged = false
    if case .value(true) = plan.flag { acknowledged = true }
    switch plan.date {
    case .absent, .null, .empty:
      if !acknowledged { codes.append(.neverExpiresNotAcknowledged) }
    case .malformed: codes.append(.expirationDateFormat)
    case .instant(let instant, _):
      let milliseconds = instant.milliseconds(now: generated.now)
      expiration = Timestamp(millisecondsSinceEpoch: milliseconds)
      if milliseconds <= generated.now.millisecondsSinceEpoch {
        codes.append(.expirationDateNotFuture)
      }
    case .wrongType: break
    }

    if generated.existingNames.count >= 10 { codes.append(.ownerTokenLimit) }
    guard codes.isEmpty, let name else { return invalid(codes) }

    var scope = ["sp:scopes:all"]
    if case .items(let items) = plan.scope, !items.isEmpty { scope = items }
    return Outcome(
      expectation: Expectation(valid: true, codes: []),
      normalized: NormalizedRequest(
        name: name, scope: scope, accessTokenValiditySeconds: seconds, expirationDate: expiration,
        userAwareTokenNeverExpires: acknowledged))
  }

  private static func invalid(_ codes: [ViolationCode]) -> Outcome {
    Outcome(expectation: Expectation(valid: false, codes: codes), normalized: nil)
  }

  private static func hasWrongType(_ plan: CasePlan) -> Bool {
    if case .wrongType = plan.name { return true }
    if case .wrongType = plan.scope { return true }
    if case .wrongType = plan.validity { return true }
    if case .wrongType = plan.date { return true }
    if case .wrongType = plan.flag { return true }
    return false
  }

  /// Name equality under a comparison, computed through Unicode normalization forms rather
  /// than Swift's `String` equality.
  static func sameName(_ lhs: String, _ rhs: String, comparison: NameComparison) -> Bool {
    switch comparison {
    case .exact:
      return Array(lhs.unicodeScalars) == Array(rhs.unicodeScalars)
    case .canonical:
      return Array(lhs.precomposedStringWithCanonicalMapping.unicodeScalars)
        == Array(rhs.precomposedStringWithCanonicalMapping.unicodeScalars)
    case .caseInsensitive:
      return Array(lhs.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars)
        == Array(rhs.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars)
    }
  }
}
