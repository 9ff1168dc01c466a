/// The span labels used by the built-in generators.
///
/// Spans labelled ``edgeCase``, ``oneOf`` or ``recursive`` start with a selector choice that
/// picks an alternative for the choices after it; the shrinker first tries setting that selector
/// to `0` while keeping the rest. Custom generators may use these labels for the same effect.
public enum SpanLabel {
  /// One array element, including its continuation flag.
  public static let element = "element"
  /// The inner value of `map`.
  public static let map = "map"
  /// The first value of `flatMap`.
  public static let bind = "bind"
  /// The second value of `flatMap`.
  public static let bound = "bound"
  /// One attempt of `filter`.
  public static let filter = "filter"
  /// The present value of `optional`.
  public static let some = "some"
  /// A one-of selector and its branch.
  public static let oneOf = "oneOf"
  /// An edge-case selector and the normally generated value after it.
  public static let edgeCase = "edgeCase"
  /// A recursion-level selector and its value.
  public static let recursive = "recursive"

  /// The labels of spans whose first choice selects among alternatives.
  public static let selectors: Set<String> = [oneOf, edgeCase, recursive]
}
