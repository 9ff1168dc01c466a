extension Gen where Value == Double {
  /// Generates finite doubles in a range, shrinking toward zero (or the bound nearest to zero).
  ///
  /// For ranges narrower than 2^53 a magnitude is a 53-bit fraction and an integral part, each a
  /// separate choice; the fraction comes first, so failures shrink toward whole numbers
  /// (`x >= 1000` gives exactly `1000.0`, `x >= 1000.5` gives `1001.0`; within `-0.9...0.9`,
  /// `x >= 0.25` gives `0.25`). Wider ranges use one 64-bit fraction of the range.
  /// - Parameters:
  ///   - range: The allowed values; both bounds must be finite.
  /// - Returns: A generator of doubles in `range`.
  public static func double(in range: ClosedRange<Double>) -> Gen<Double> {
    precondition(
      range.lowerBound.isFinite && range.upperBound.isFinite, "double(in:) needs finite bounds")
    let lower = range.lowerBound
    let upper = range.upperBound
    let simplest = lower > 0 ? lower : (upper < 0 ? upper : 0)
    let above = upper - simplest
    let below = simplest - lower
    return Gen { source in
      var negative = below > 0
      if above > 0 && below > 0 {
        negative = try source.draw(upTo: 1) == 1
      }
      let side = negative ? below : above
      if side == 0 { return simplest }
      let magnitude = try drawMagnitude(upTo: side, from: source)
      let value = negative ? simplest - magnitude : simplest + magnitude
      return Swift.min(Swift.max(value, lower), upper)
    }
  }

  private static func drawMagnitude(upTo side: Double, from source: ChoiceSource) throws -> Double {
    let fractionSteps: UInt64 = 1 << 53
    if side < Double(fractionSteps) {
      let fraction = try source.draw(upTo: fractionSteps - 1)
      let whole = try source.draw(upTo: UInt64(side.rounded(.down)), bias: .integer)
      return Swift.min(Double(whole) + Double(fraction) / Double(fractionSteps), side)
    }
    let scaled = try source.draw(upTo: .max, bias: .integer)
    return side * (Double(scaled) / Double(UInt64.max))
  }
}
