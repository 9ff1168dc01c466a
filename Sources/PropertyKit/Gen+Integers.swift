extension Gen where Value: FixedWidthInteger & Sendable {
  /// Generates integers in a range, shrinking toward zero (or the bound nearest to zero).
  ///
  /// A value is drawn as a sign choice (only when the range extends to both sides of the
  /// simplest value) and a magnitude choice relative to the simplest value, so shrinking a
  /// magnitude is monotone: a property failing for `x >= 1000` shrinks to exactly `1000`.
  /// Random mode favours zero, small values and the ends of the range (``DrawBias/integer``).
  /// - Parameters:
  ///   - range: The allowed values; the type must be at most 64 bits wide.
  /// - Returns: A generator of integers in `range`.
  public static func integer(in range: ClosedRange<Value>) -> Gen<Value> {
    precondition(Value.bitWidth <= 64, "integer(in:) supports types of at most 64 bits")
    let lower = range.lowerBound
    let upper = range.upperBound
    let simplest: Value = lower > 0 ? lower : (upper < 0 ? upper : 0)
    let above = UInt64(Value.Magnitude(truncatingIfNeeded: upper &- simplest))
    let below = UInt64(Value.Magnitude(truncatingIfNeeded: simplest &- lower))
    return Gen { source in
      if above == 0 && below == 0 { return simplest }
      var negative = below > 0
      if above > 0 && below > 0 {
        negative = try source.draw(upTo: 1) == 1
      }
      let magnitude = try source.draw(upTo: negative ? below : above, bias: .integer)
      let delta = Value(truncatingIfNeeded: magnitude)
      return negative ? simplest &- delta : simplest &+ delta
    }
  }

  /// Generates integers over the whole range of the type.
  public static var anyInteger: Gen<Value> {
    integer(in: Value.min...Value.max)
  }
}

extension Gen where Value == Int {
  /// Generates `Int` values in a range; see ``Gen/integer(in:)``.
  /// - Parameters:
  ///   - range: The allowed values.
  /// - Returns: A generator of integers in `range`.
  public static func int(in range: ClosedRange<Int>) -> Gen<Int> {
    integer(in: range)
  }
}

extension Gen where Value == Int32 {
  /// Generates `Int32` values in a range; see ``Gen/integer(in:)``.
  /// - Parameters:
  ///   - range: The allowed values.
  /// - Returns: A generator of integers in `range`.
  public static func int32(in range: ClosedRange<Int32>) -> Gen<Int32> {
    integer(in: range)
  }
}

extension Gen where Value == Int64 {
  /// Generates `Int64` values in a range; see ``Gen/integer(in:)``.
  /// - Parameters:
  ///   - range: The allowed values.
  /// - Returns: A generator of integers in `range`.
  public static func int64(in range: ClosedRange<Int64>) -> Gen<Int64> {
    integer(in: range)
  }
}

extension Gen where Value == UInt64 {
  /// Generates `UInt64` values in a range; see ``Gen/integer(in:)``.
  /// - Parameters:
  ///   - range: The allowed values.
  /// - Returns: A generator of integers in `range`.
  public static func uint64(in range: ClosedRange<UInt64>) -> Gen<UInt64> {
    integer(in: range)
  }
}
