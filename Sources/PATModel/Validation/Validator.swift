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
    let expiration: ExpirationDateInput
    if var text = request.expirationDate.value, !text.utf8.isEmpty {
      expiration = text.withUTF8 { ExpirationDateInput(parsing: UnsafeRawBufferPointer($0)) }
    } else {
      expiration = .missing
    }
    let name: NameFacts
    if case .value(let text) = request.name {
      name = .present(isEmpty: text.utf8.isEmpty, isOwners: Self.isOwnersName(text, context))
    } else {
      name = .missing
    }
    var violations: [Violation] = []
    let expirationDate = Self.check(
      in: context, unknownMemberNames: request.additionalMembers.lazy.map { $0.name },
      name: name, validity: request.accessTokenValiditySeconds, expiration: expiration,
      neverExpires: request.userAwareTokenNeverExpires, into: &violations)
    guard violations.isEmpty, case .value(let text) = request.name else {
      return Verdict(violations: violations, normalized: nil)
    }
    return Verdict(
      violations: [],
      normalized: Self.normalized(
        name: text, scope: request.scope.value, validity: request.accessTokenValiditySeconds,
        expirationDate: expirationDate, neverExpires: request.userAwareTokenNeverExpires))
  }

  /// What the name rules need to know of `name`.
  enum NameFacts {
    /// `name` is absent or `null`.
    case missing
    /// `name` is a string: whether it is empty, and whether the owner already has a token
    /// with this name.
    case present(isEmpty: Bool, isOwners: Bool)
  }

  /// The expiration date as the field rules see it.
  enum ExpirationDateInput {
    /// `expirationDate` is absent, `null` or `""`.
    case missing
    /// An RFC 3339 date-time.
    case instant(Timestamp)
    /// Text that is not an RFC 3339 date-time.
    case malformed(RFC3339Error)

    /// Parses the text of a present, non-empty `expirationDate`.
    ///
    /// - Parameter text: The UTF-8 bytes of the date-time.
    @inline(__always)
    init(parsing text: UnsafeRawBufferPointer) {
      if let instant = Timestamp.parseCommonRFC3339(text) {
        self = .instant(instant)
        return
      }
      switch Timestamp.parseRFC3339(text) {
      case .success(let instant): self = .instant(instant)
      case .failure(let error): self = .malformed(error)
      }
    }
  }

  /// Applies the field rules (and, in strict mode, the unknown-member rule) to the members of
  /// a decoded request; every decoder shares this, so verdicts agree.
  ///
  /// - Parameters:
  ///   - context: The clock reading, the owner's tokens and the options.
  ///   - unknownMemberNames: The names of the unknown members, in document order.
  ///   - name: What the name rules need to know of `name`.
  ///   - validity: `accessTokenValiditySeconds`.
  ///   - expiration: `expirationDate`, parsed.
  ///   - neverExpires: `userAwareTokenNeverExpires`.
  ///   - violations: Receives every violation that applies, in the order of the rules.
  /// - Returns: The expiration instant, when there is a valid one.
  @inline(__always)
  static func check(
    in context: ValidationContext, unknownMemberNames: some Sequence<String>, name: NameFacts,
    validity: Presence<Int32>, expiration: ExpirationDateInput, neverExpires: Presence<Bool>,
    into violations: inout [Violation]
  ) -> Timestamp? {
    if context.strict {
      for unknownName in unknownMemberNames {
        violations.append(
          Violation(
            code: .fieldUnknown, field: unknownName,
            message: "unknown member \"\(unknownName)\""))
      }
    }
    checkName(name, into: &violations)
    checkValidity(validity, context, into: &violations)
    let expirationDate = checkExpiration(expiration, neverExpires, context, into: &violations)
    if context.existingNames.count >= ValidationContext.maximumTokensPerOwner {
      violations.append(
        Violation(
          code: .ownerTokenLimit, field: nil, detail: .tokenLimit(context.existingNames.count)))
    }
    return expirationDate
  }

  /// The normalized form of a valid request: its members with every default applied.
  ///
  /// - Parameters:
  ///   - name: `name`.
  ///   - scope: `scope`, or `nil` when absent or `null`.
  ///   - validity: `accessTokenValiditySeconds`.
  ///   - expirationDate: The expiration instant, when there is one.
  ///   - neverExpires: `userAwareTokenNeverExpires`.
  /// - Returns: The normalized request.
  @inline(__always)
  static func normalized(
    name: consuming String, scope: consuming [String]?, validity: Presence<Int32>,
    expirationDate: Timestamp?, neverExpires: Presence<Bool>
  ) -> NormalizedRequest {
    let scopes: [String]
    if let sent = consume scope, !sent.isEmpty {
      scopes = sent
    } else {
      scopes = NormalizedRequest.defaultScope
    }
    return NormalizedRequest(
      name: name,
      scope: scopes,
      accessTokenValiditySeconds: validity.value
        ?? NormalizedRequest.defaultAccessTokenValiditySeconds,
      expirationDate: expirationDate,
      userAwareTokenNeverExpires: neverExpires.value ?? false)
  }

  /// Checks `name`: required, not empty, not one of the owner's names.
  ///
  /// - Parameters:
  ///   - name: What the name rules need to know of `name`.
  ///   - violations: Receives the violations found.
  @inline(__always)
  private static func checkName(_ name: NameFacts, into violations: inout [Violation]) {
    switch name {
    case .missing:
      violations.append(
        Violation(code: .nameRequired, field: "name", message: "name is required"))
    case .present(let isEmpty, let isOwners):
      if isEmpty {
        violations.append(Violation(code: .nameEmpty, field: "name", message: "name is empty"))
      }
      if isOwners {
        violations.append(
          Violation(
            code: .nameDuplicate, field: "name",
            message: "the owner already has a token with this name"))
      }
    }
  }

  /// Whether the owner already has a token with a name, as the context compares names.
  ///
  /// - Parameters:
  ///   - name: The name sent.
  ///   - context: The owner's names and the comparison.
  /// - Returns: `true` when one of the owner's names matches.
  @inline(__always)
  static func isOwnersName(_ name: String, _ context: ValidationContext) -> Bool {
    !context.existingNames.isEmpty && matchesOwnersName(name, context)
  }

  /// Whether a name matches one of the owner's names, as the context compares names.
  ///
  /// - Parameters:
  ///   - name: The name sent.
  ///   - context: The owner's names (at least one) and the comparison.
  /// - Returns: `true` when the owner already has a token with this name.
  private static func matchesOwnersName(_ name: String, _ context: ValidationContext) -> Bool {
    var comparison = context.nameComparison
    if context.plantedFaults.contains(.canonicalNameComparison) { comparison = .canonical }
    if context.plantedFaults.contains(.caseInsensitiveNameComparison) {
      comparison = .caseInsensitive
    }
    return context.existingNames.contains(where: { comparison.matches(name, $0) })
  }

  /// Checks `accessTokenValiditySeconds` against its range, when present.
  ///
  /// - Parameters:
  ///   - validity: `accessTokenValiditySeconds`.
  ///   - context: The planted faults, if any.
  ///   - violations: Receives the violation found.
  @inline(__always)
  private static func checkValidity(
    _ validity: Presence<Int32>, _ context: ValidationContext, into violations: inout [Violation]
  ) {
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
        detail: .validityRange(seconds)))
  }

  /// Checks the expiration date and the acknowledgement, and returns the expiration instant.
  ///
  /// - Parameters:
  ///   - expiration: `expirationDate`, parsed.
  ///   - neverExpires: `userAwareTokenNeverExpires`.
  ///   - context: The clock reading.
  ///   - violations: Receives the violations found.
  /// - Returns: The expiration instant, when there is a valid one.
  @inline(__always)
  private static func checkExpiration(
    _ expiration: ExpirationDateInput, _ neverExpires: Presence<Bool>,
    _ context: ValidationContext, into violations: inout [Violation]
  ) -> Timestamp? {
    switch expiration {
    case .missing:
      if neverExpires.value != true {
        violations.append(
          Violation(
            code: .neverExpiresNotAcknowledged, field: "userAwareTokenNeverExpires",
            message:
              "without an expiration date, userAwareTokenNeverExpires must be true"))
      }
      return nil
    case .malformed(let error):
      violations.append(
        Violation(code: .expirationDateFormat, field: "expirationDate", detail: .dateFormat(error)))
      return nil
    case .instant(let expiration):
      if !isFuture(expiration, context) {
        violations.append(
          Violation(
            code: .expirationDateNotFuture, field: "expirationDate",
            detail: .notFuture(expiration: expiration, now: context.now)))
      }
      return expiration
    }
  }

  /// Whether an expiration instant is strictly after `now`.
  ///
  /// - Parameters:
  ///   - expiration: The instant.
  ///   - context: The clock reading and the planted faults.
  /// - Returns: `true` when the instant is in the future.
  @inline(__always)
  private static func isFuture(_ expiration: Timestamp, _ context: ValidationContext) -> Bool {
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
