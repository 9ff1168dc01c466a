/// How a new token name is compared with the owner's existing names for `name.duplicate`.
public enum NameComparison: String, CaseIterable, Sendable {
  /// The same sequence of Unicode scalars (the default): `"Cafe\u{301}"` is not `"Caf\u{E9}"`,
  /// and case matters.
  case exact
  /// Canonical equivalence, as Swift's `==` on `String` does: NFC and NFD forms match.
  case canonical
  /// Canonical equivalence after Swift's `lowercased()` of both names.
  case caseInsensitive

  /// Whether two names count as the same under this comparison.
  ///
  /// - Parameters:
  ///   - lhs: One name.
  ///   - rhs: The other name.
  /// - Returns: `true` when they are the same.
  public func matches(_ lhs: String, _ rhs: String) -> Bool {
    switch self {
    case .exact: lhs.utf8.elementsEqual(rhs.utf8)
    case .canonical: lhs == rhs
    case .caseInsensitive: lhs.lowercased() == rhs.lowercased()
    }
  }
}
