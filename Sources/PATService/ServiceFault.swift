@_spi(PlantedFaults) import PATModel

/// A deliberate bug the service can be started with (`patfuzz serve --fault NAME`), so the
/// harness's own tests can prove that a campaign finds it. Never use one otherwise.
public enum ServiceFault: String, CaseIterable, Sendable, Hashable {
  /// Accepts an expiration date equal to the server's `now` (the model's `>=` fault).
  case boundary
  /// Compares expiration and `now` in whole seconds.
  case secondPrecision = "second-precision"
  /// Compares names with canonical equivalence: an NFD name duplicates its NFC form.
  case duplicateCanonical = "duplicate-canonical"
  /// Compares names ignoring case: `ci` duplicates `CI`.
  case duplicateCaseInsensitive = "duplicate-case-insensitive"
  /// Lets `accessTokenValiditySeconds: 0` through.
  case zeroValidity = "zero-validity"
  /// Answers 500 with a plain-text (non-JSON) body when the name is longer than
  /// ``ServiceFault/longNameThreshold`` UTF-8 bytes.
  case longName500 = "long-name-500"
  /// Sends no `Date` header.
  case noDateHeader = "no-date-header"

  /// The name length (UTF-8 bytes) above which ``longName500`` fails.
  public static let longNameThreshold = 256

  /// Parses a fault name.
  ///
  /// - Parameter name: The name, such as `boundary`.
  /// - Throws: ``ServiceConfigurationError`` of kind ``ServiceConfigurationError/Kind/fault``
  ///   for an unknown name, listing the known ones.
  public init(name: String) throws(ServiceConfigurationError) {
    guard let fault = ServiceFault(rawValue: name) else {
      throw ServiceConfigurationError(
        kind: .fault,
        message:
          "unknown fault '\(name)'; known: \(Self.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    self = fault
  }

  /// What the fault does, for people.
  public var summary: String {
    switch self {
    case .boundary: "accepts an expiration date equal to now"
    case .secondPrecision: "compares expiration dates with now in whole seconds"
    case .duplicateCanonical: "compares names by canonical equivalence (NFC = NFD)"
    case .duplicateCaseInsensitive: "compares names ignoring case"
    case .zeroValidity: "accepts accessTokenValiditySeconds 0"
    case .longName500:
      "answers 500 with a non-JSON body for names over \(Self.longNameThreshold) UTF-8 bytes"
    case .noDateHeader: "sends no Date header"
    }
  }

  /// The reference model's planted faults a set of service faults turns on.
  ///
  /// - Parameter faults: The service faults.
  /// - Returns: The model faults.
  static func modelFaults(_ faults: Set<ServiceFault>) -> PlantedFaults {
    var planted: PlantedFaults = []
    if faults.contains(.boundary) { planted.insert(.expirationAtNowAccepted) }
    if faults.contains(.secondPrecision) { planted.insert(.secondPrecisionExpiration) }
    if faults.contains(.duplicateCanonical) { planted.insert(.canonicalNameComparison) }
    if faults.contains(.duplicateCaseInsensitive) { planted.insert(.caseInsensitiveNameComparison) }
    if faults.contains(.zeroValidity) { planted.insert(.zeroValidityAccepted) }
    return planted
  }
}
