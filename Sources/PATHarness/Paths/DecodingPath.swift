import Foundation
import PATModel

/// One of the ways the package turns payload bytes into a verdict. Every corpus case and every
/// property runs through all of them, so a case guards each path.
public enum DecodingPath: String, CaseIterable, Sendable {
  /// The model's own strict decoder, then the validator: the reference.
  case reference
  /// Foundation's `JSONDecoder` into the `Codable` model, then the validator.
  case foundation
  /// The fast byte-level decoder and validator (`FastRequestDecoder`).
  case fast

  /// The verdict this path gives, or `nil` where the path cannot express the case.
  ///
  /// The Foundation path does not apply in strict mode (it drops unknown members), nor to
  /// payloads it cannot tell apart by design: malformed JSON or repeated names (which
  /// `JSONDecoder` does not report as such), or an `accessTokenValiditySeconds` number that is
  /// not an integer literal fitting Int32 (`JSONDecoder` reads `36900.0` as an integer, and
  /// reports `2147483648` or `36900.5` as invalid JSON with no member named).
  ///
  /// - Parameters:
  ///   - payload: The payload bytes.
  ///   - context: The validation context.
  /// - Returns: The verdict, or `nil` when the path does not apply.
  public func verdict(for payload: [UInt8], context: ValidationContext) -> Verdict? {
    switch self {
    case .reference:
      return Validator(context: context).validate(json: payload)
    case .foundation:
      guard Self.foundationApplies(to: payload, context: context) else { return nil }
      return Self.foundationVerdict(for: payload, context: context)
    case .fast:
      return FastRequestDecoder.validate(payload, context: context)
    }
  }

  /// The paths that apply to a case, with their verdicts.
  public static func verdicts(for payload: [UInt8], context: ValidationContext) -> [(
    path: DecodingPath, verdict: Verdict
  )] {
    allCases.compactMap { path in
      path.verdict(for: payload, context: context).map { (path, $0) }
    }
  }

  static func foundationApplies(to payload: [UInt8], context: ValidationContext) -> Bool {
    guard !context.strict, let members = try? JSONParser.parseObject(payload) else {
      return false
    }
    var seen = Set<[UInt8]>()
    for member in members {
      guard seen.insert(Array(member.name.utf8)).inserted else { return false }
      if RequestMember(exactly: member.name) == .accessTokenValiditySeconds,
        case .number(let literal) = member.value, Int32(literal) == nil
      {
        return false
      }
    }
    return true
  }

  static func foundationVerdict(for payload: [UInt8], context: ValidationContext) -> Verdict {
    do {
      let request = try JSONDecoder().decode(
        CreatePersonalAccessTokenRequest.self, from: Data(payload))
      return Validator(context: context).validate(request)
    } catch let DecodingError.typeMismatch(_, detail), let DecodingError.dataCorrupted(detail),
      let DecodingError.valueNotFound(_, detail)
    {
      let field = detail.codingPath.first?.stringValue
      let violation = Violation(
        code: field == nil ? .jsonMalformed : .typeMismatch, field: field,
        message: detail.debugDescription)
      return Verdict(violations: [violation], normalized: nil)
    } catch {
      let violation = Violation(code: .jsonMalformed, field: nil, message: "\(error)")
      return Verdict(violations: [violation], normalized: nil)
    }
  }
}
