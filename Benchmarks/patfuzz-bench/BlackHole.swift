import PATModel

/// Where every result goes, so the optimizer cannot drop the work that made it.
///
/// Each result is reduced to a number that depends on its contents, and the numbers are
/// accumulated through a function the optimizer may not inline.
final class BlackHole {
  /// The sum of everything consumed; printed at the end so it is observable.
  private(set) var total: UInt64 = 0

  /// Accumulates a value derived from one result.
  ///
  /// - Parameter value: The value.
  @inline(never)
  func consume(_ value: Int) {
    total &+= UInt64(truncatingIfNeeded: value)
  }
}

/// Small numbers that depend on what a decoder produced.
enum Digest {
  /// A number derived from every member of a request.
  ///
  /// - Parameter request: The decoded request.
  /// - Returns: The digest.
  @inline(__always)
  static func of(_ request: CreatePersonalAccessTokenRequest) -> Int {
    var digest = request.name.value?.utf8.count ?? -1
    if let scopes = request.scope.value {
      digest &+= scopes.count
      if let first = scopes.first { digest &+= first.utf8.count }
    }
    digest &+= Int(request.accessTokenValiditySeconds.value ?? -2)
    digest &+= request.expirationDate.value?.utf8.count ?? -3
    digest &+= request.userAwareTokenNeverExpires.value == true ? 5 : 7
    return digest &+ request.additionalMembers.count
  }

  /// A number derived from a decoding error: its violations' count and first code (messages
  /// are built only when read, and a caller deciding on a payload reads codes).
  ///
  /// - Parameter error: The error.
  /// - Returns: The digest.
  @inline(__always)
  static func of(_ error: RequestDecodingError) -> Int {
    error.violations.count &* 31 &+ error.violations[0].code.rawValue.utf8.count
  }

  /// A number derived from a verdict: the normalized request, or the violations' count and
  /// first code.
  ///
  /// - Parameter verdict: The verdict.
  /// - Returns: The digest.
  @inline(__always)
  static func of(_ verdict: Verdict) -> Int {
    guard let normalized = verdict.normalized else {
      return verdict.violations.count &* 31 &+ verdict.violations[0].code.rawValue.utf8.count
    }
    return normalized.name.utf8.count &+ normalized.scope.count
      &+ Int(normalized.accessTokenValiditySeconds)
      &+ Int(truncatingIfNeeded: normalized.expirationDate?.millisecondsSinceEpoch ?? 1)
  }
}
