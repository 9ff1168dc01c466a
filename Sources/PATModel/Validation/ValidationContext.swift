/// Everything a verdict depends on besides the payload: the clock reading, the owner's tokens,
/// and the options. The validator never reads the clock itself.
public struct ValidationContext: Sendable {
  /// The most tokens one owner may have.
  public static let maximumTokensPerOwner = 10

  /// The current instant; an expiration date must be strictly after it.
  public var now: Timestamp
  /// The names of the tokens the owner already has; their count is the owner's token count.
  public var existingNames: [String]
  /// How names are compared for `name.duplicate`.
  public var nameComparison: NameComparison
  /// Whether unknown members are reported as `field.unknown`.
  public var strict: Bool
  /// Deliberate bugs, for proving that a test harness catches them. Never set in production.
  @_spi(PlantedFaults) public var plantedFaults: PlantedFaults = []

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - now: The current instant.
  ///   - existingNames: The names of the owner's tokens.
  ///   - nameComparison: How names are compared; `.exact` by default.
  ///   - strict: Whether unknown members are violations; `false` by default.
  public init(
    now: Timestamp, existingNames: [String] = [], nameComparison: NameComparison = .exact,
    strict: Bool = false
  ) {
    self.now = now
    self.existingNames = existingNames
    self.nameComparison = nameComparison
    self.strict = strict
  }
}

/// Deliberate bugs the validator can be told to have, so tests can prove the harness finds
/// each of them.
@_spi(PlantedFaults)
public struct PlantedFaults: OptionSet, Sendable, Hashable {
  public let rawValue: Int

  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// Accepts an expiration date equal to `now` (`>=` instead of `>`).
  public static let expirationAtNowAccepted = PlantedFaults(rawValue: 1 << 0)
  /// Compares expiration and `now` in whole seconds.
  public static let secondPrecisionExpiration = PlantedFaults(rawValue: 1 << 1)
  /// Compares names with Swift's `==` (canonical equivalence) whatever the option says.
  public static let canonicalNameComparison = PlantedFaults(rawValue: 1 << 2)
  /// Compares names ignoring case whatever the option says.
  public static let caseInsensitiveNameComparison = PlantedFaults(rawValue: 1 << 3)
  /// Lets `accessTokenValiditySeconds: 0` through, as a "falsy means unset" check does.
  public static let zeroValidityAccepted = PlantedFaults(rawValue: 1 << 4)
  /// Rejects the upper bound 43200 (`<` instead of `<=`).
  public static let validityUpperBoundExclusive = PlantedFaults(rawValue: 1 << 5)
}
