/// The three states of an optional member on the wire: absent, `null`, or a value.
///
/// The request keeps them apart so that encoding writes back exactly what was decoded.
public enum Presence<Wrapped> {
  /// The member is not in the object.
  case absent
  /// The member is there with the value `null`.
  case null
  /// The member is there with a value.
  case value(Wrapped)

  /// The value, or `nil` when absent or `null`.
  public var value: Wrapped? {
    if case .value(let wrapped) = self { wrapped } else { nil }
  }

  /// Whether the member is absent.
  public var isAbsent: Bool {
    if case .absent = self { true } else { false }
  }

  /// Whether the member is there with the value `null`.
  public var isNull: Bool {
    if case .null = self { true } else { false }
  }

  /// Returns the same state with the value transformed.
  ///
  /// - Parameter transform: Applied to the value, when there is one.
  /// - Returns: `.absent` and `.null` unchanged, or the transformed value.
  public func map<T>(_ transform: (Wrapped) throws -> T) rethrows -> Presence<T> {
    switch self {
    case .absent: .absent
    case .null: .null
    case .value(let wrapped): .value(try transform(wrapped))
    }
  }
}

extension Presence: Sendable where Wrapped: Sendable {}
extension Presence: Equatable where Wrapped: Equatable {}
extension Presence: Hashable where Wrapped: Hashable {}
