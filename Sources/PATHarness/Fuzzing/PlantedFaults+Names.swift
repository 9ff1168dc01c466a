@_spi(PlantedFaults) import PATModel

@_spi(PlantedFaults)
extension PlantedFaults {
  /// Every planted fault by the name the `PATFUZZ_PLANTED_FAULT` switch uses.
  public static let byName: [(name: String, fault: PlantedFaults)] = [
    ("expirationAtNowAccepted", .expirationAtNowAccepted),
    ("secondPrecisionExpiration", .secondPrecisionExpiration),
    ("canonicalNameComparison", .canonicalNameComparison),
    ("caseInsensitiveNameComparison", .caseInsensitiveNameComparison),
    ("zeroValidityAccepted", .zeroValidityAccepted),
    ("validityUpperBoundExclusive", .validityUpperBoundExclusive),
  ]

  /// The faults a comma-separated list of names gives.
  ///
  /// - Parameter list: Names from ``byName``, separated by commas; empty for none.
  /// - Returns: The faults, or `nil` when a name is unknown.
  public init?(names list: String) {
    self = []
    for name in list.split(separator: ",") {
      let trimmed = name.trimmingWhitespace
      guard let entry = Self.byName.first(where: { $0.name == trimmed }) else { return nil }
      insert(entry.fault)
    }
  }

  /// The names of the faults in the set, in ``byName`` order.
  public var names: [String] {
    Self.byName.filter { contains($0.fault) }.map(\.name)
  }
}

extension Substring {
  fileprivate var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
