/// How the random mode of a ``ChoiceSource`` picks a choice value.
///
/// A bias only shapes the distribution of random choices. It never changes how a choice maps to
/// a value, so replaying and shrinking are unaffected by it.
public enum DrawBias: Sendable, Hashable {
  /// Every value in the bound is equally likely.
  case uniform
  /// Favours zero, small values and values at or next to the bound; otherwise log-uniform.
  ///
  /// About 10% of draws are in `0...2`, about 10% are in `max-2...max`, and the rest pick a
  /// random bit width first and then a uniform value of that width.
  case integer
}
