/// A generated value together with the choices that produced it.
public struct Generated<Value> {
  /// The value.
  public var value: Value
  /// The recorded choices and spans; replaying them regenerates ``value``.
  public var sequence: ChoiceSequence

  /// Creates a generated value.
  /// - Parameters:
  ///   - value: The value.
  ///   - sequence: The choices that produced it.
  public init(value: Value, sequence: ChoiceSequence) {
    self.value = value
    self.sequence = sequence
  }
}

extension Generated: Sendable where Value: Sendable {}
