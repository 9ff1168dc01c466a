/// Checks payloads against the reference semantics of `CreatePersonalAccessTokenRequest`.
///
/// The rules, their order and their codes are specified in `docs/semantics.md`. Validation is
/// total (any bytes give a verdict, never a trap) and deterministic: it depends only on the
/// payload and the ``ValidationContext``, and never reads the clock.
public struct Validator: Sendable {
  /// Smallest accepted `accessTokenValiditySeconds`.
  public static let minimumValiditySeconds: Int32 = 15
  /// Largest accepted `accessTokenValiditySeconds`.
  public static let maximumValiditySeconds: Int32 = 43200

  /// The clock reading, the owner's tokens and the options.
  public var context: ValidationContext

  /// Creates a validator for one context.
  ///
  /// - Parameter context: The clock reading, the owner's tokens and the options.
  public init(context: ValidationContext) {
    self.context = context
  }

  /// Validates a payload: decodes it with the reference decoder, then applies the field rules.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The verdict.
  public func validate(json bytes: UnsafeRawBufferPointer) -> Verdict {
    do {
      return validate(try CreatePersonalAccessTokenRequest(json: bytes))
    } catch {
      return Verdict(violations: error.violations, normalized: nil)
    }
  }

  /// Validates a payload.
  ///
  /// - Parameter bytes: The payload.
  /// - Returns: The verdict.
  public func validate(json bytes: [UInt8]) -> Verdict {
    bytes.withUnsafeBytes { validate(json: $0) }
  }

  /// Validates a payload given as text.
  ///
  /// - Parameter text: The payload.
  /// - Returns: The verdict.
  public func validate(json text: String) -> Verdict {
    validate(json: Array(text.utf8))
  }

  /// Applies the field rules (and, in strict mode, the unknown-member rule) to a decoded
  /// request.
  ///
  /// - Parameter request: A request whose members have the right types.
  /// - Returns: The verdict, with every violation that applies.
  public func validate(_ request: CreatePersonalAccessTokenRequest) -> Verdict {
    var violations: [Violation] = []
    if context.strict {
      for member in request.additionalMembers {
        violations.append(
          Violation(
            code: .fieldUnknown, field: member.name,
            message: "unknown member \"\(member.name)\""))
      }
    }
    checkName(request.name, into: &violations)
    checkValidity(request.accessTokenValiditySeconds, into: &violations)
    let expiration = checkExpiration(request, into: &violations)
    if context.existingNames.count >= ValidationContext.maximumTokensPerOwner {
      violations.append(
        Violation(
          code: .ownerTokenLimit, field: nil,
          message:
            "the owner already has \(context.existingNames.count) tokens (at most \(ValidationContext.maximumTokensPerOwner))"
        ))
    }
    guard violations.isEmpty, let name = request.name.value else {
      return Verdict(violations: violations, normalized: nil)
    }
    let scope = request.scope.value ?? []
    return Verdict(
      violations: [],
      normalized: NormalizedRequest(
        name: name,
        scope: scope.isEmpty ? NormalizedRequest.defaultScope : scope,
        accessTokenValiditySeconds: request.accessTokenValiditySeconds.value
          ?? NormalizedRequest.defaultAccessTokenValiditySeconds,
        expirationDate: expiration,
        userAwareTokenNeverExpires: request.userAwareTokenNeverExpires.value ?? false))
  }

  private func checkName(_ name: Presence<String>, into violations: inout [Violation]) {
    guard let name = name.value else {
      violations.append(
        Violation(code: .nameRequired, field: "name", message: "name is required"))
      return
    }
    if name.utf8.isEmpty {
      violations.append(Violation(code: .nameEmpty, field: "name", message: "name is empty"))
    }
    var comparison = context.nameComparison
    if context.plantedFaults.contains(.canonicalNameComparison) { comparison = .canonical }
    if context.plantedFaults.contains(.caseInsensitiveNameComparison) {
      comparison = .caseInsensitive
    }
    if context.existingNames.contains(where: { comparison.matches(name, $0) }) {
      violations.append(
        Violation(
          code: .nameDuplicate, field: "name",
          message: "the owner already has a token with this name"))
    }
  }

  private func checkValidity(_ validity: Presence<Int32>, into violations: inout [Violation]) {
    guard let seconds = validity.value else { return }
    var accepted = Self.minimumValiditySeconds...Self.maximumValiditySeconds
    if context.plantedFaults.contains(.validityUpperBoundExclusive) {
      accepted = Self.minimumValiditySeconds...Self.maximumValiditySeconds - 1
    }
    if accepted.contains(seconds) { return }
    if seconds == 0, context.plantedFaults.contains(.zeroValidityAccepted) { return }
    violations.append(
      Violation(
        code: .accessTokenValiditySecondsRange, field: "accessTokenValiditySeconds",
        message:
          "\(seconds) is outside \(Self.minimumValiditySeconds)...\(Self.maximumValiditySeconds)"
      ))
  }

  /// Checks the expiration date and the acknowledgement, and returns the expiration instant.
  private func checkExpiration(
    _ request: CreatePersonalAccessTokenRequest, into violations: inout [Violation]
  ) -> Timestamp? {
    guard let text = request.expirationDate.value, !text.utf8.isEmpty else {
      if request.userAwareTokenNeverExpires.value != true {
        violations.append(
          Violation(
            code: .neverExpiresNotAcknowledged, field: "userAwareTokenNeverExpires",
            message:
              "without an expiration date, userAwareTokenNeverExpires must be true"))
      }
      return nil
    }
    var utf8 = text
    let parsed = utf8.withUTF8 { Timestamp.parseRFC3339(UnsafeRawBufferPointer($0)) }
    switch parsed {
    case .failure(let error):
      violations.append(
        Violation(code: .expirationDateFormat, field: "expirationDate", message: error.description))
      return nil
    case .success(let expiration):
      if !isFuture(expiration) {
        violations.append(
          Violation(
            code: .expirationDateNotFuture, field: "expirationDate",
            message: "\(expiration.rfc3339) is not after now (\(context.now.rfc3339))"))
      }
      return expiration
    }
  }

  private func isFuture(_ expiration: Timestamp) -> Bool {
    let faults = context.plantedFaults
    if faults.contains(.secondPrecisionExpiration) {
      let seconds = Timestamp.floorDivide(expiration.millisecondsSinceEpoch, by: 1000).quotient
      let nowSeconds = Timestamp.floorDivide(context.now.millisecondsSinceEpoch, by: 1000).quotient
      return seconds > nowSeconds
    }
    if faults.contains(.expirationAtNowAccepted) { return expiration >= context.now }
    return expiration > context.now
  }
}
