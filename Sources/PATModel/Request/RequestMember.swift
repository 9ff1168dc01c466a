/// The five known members of the request, matched on their exact bytes (member names are
/// case-sensitive and are not normalized: `"Name"` and `"K\u{212A}"`-style look-alikes are
/// unknown members).
public enum RequestMember: String, CaseIterable, Sendable {
  case name
  case scope
  case accessTokenValiditySeconds
  case expirationDate
  case userAwareTokenNeverExpires

  /// The member whose wire name has exactly these UTF-8 bytes, if any.
  ///
  /// - Parameter name: An unescaped member name.
  public init?(exactly name: String) {
    guard let member = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(name.utf8) })
    else { return nil }
    self = member
  }

  /// What the member accepts besides `null`, as `type.mismatch` messages word it.
  var expectedType: String {
    switch self {
    case .name, .expirationDate: "a string"
    case .scope: "an array of strings or null"
    case .accessTokenValiditySeconds: "an integer that fits in 32 bits"
    case .userAwareTokenNeverExpires: "a boolean"
    }
  }
}
