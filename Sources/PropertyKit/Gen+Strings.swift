extension Gen where Value == String {
  /// Generates strings of characters whose number of drawn characters lies in a range.
  ///
  /// Strings shrink like arrays: characters are deleted and simplified, so the simplest string
  /// of length `n` is `n` copies of the character generator's simplest character (`"a"` for
  /// the built-in character generators). Drawn characters can merge into fewer grapheme
  /// clusters (for example a combining mark after a letter).
  /// - Parameters:
  ///   - character: The generator of characters.
  ///   - length: The allowed numbers of drawn characters.
  /// - Returns: A generator of strings.
  public static func string(of character: Gen<Character>, length: ClosedRange<Int>) -> Gen<String> {
    Gen<[Character]>.array(of: character, count: length).map { String($0) }
  }

  /// Generates strings of Unicode scalars whose scalar count lies in a range.
  /// - Parameters:
  ///   - scalar: The generator of scalars.
  ///   - length: The allowed numbers of scalars.
  /// - Returns: A generator of strings with exactly the drawn scalars.
  public static func string(
    ofScalars scalar: Gen<Unicode.Scalar>, length: ClosedRange<Int>
  ) -> Gen<String> {
    Gen<[Unicode.Scalar]>.array(of: scalar, count: length).map {
      String(String.UnicodeScalarView($0))
    }
  }
}
