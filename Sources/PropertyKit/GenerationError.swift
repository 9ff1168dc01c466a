/// An error that makes a generated case invalid rather than failing.
///
/// The runner counts these as discards, and the shrinker treats such candidates as
/// uninteresting.
public enum GenerationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The generator drew more choices than the source allows.
  case overrun(limit: Int)
  /// A `filter` rejected every attempt within its local budget.
  case filterExhausted(attempts: Int)
  /// A generator or a property assumption rejected the case.
  case rejected(String)

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .overrun(let limit):
      return "generation drew more than \(limit) choices"
    case .filterExhausted(let attempts):
      return "filter rejected \(attempts) consecutive attempts"
    case .rejected(let reason):
      return "case rejected: \(reason)"
    }
  }
}
