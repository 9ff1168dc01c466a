import Foundation

/// Ways to make a name that looks like another but is a different sequence of scalars.
public enum NearDuplicate: String, CaseIterable, Sendable {
  /// Upper case becomes lower and lower becomes upper.
  case swapCase
  /// The other normalization form: NFD of a composed name, NFC of a decomposed one.
  case otherNormalization
  /// A trailing space.
  case trailingSpace
  /// A leading space.
  case leadingSpace
  /// A zero-width space after the first character.
  case zeroWidthSpace
  /// A leading byte-order mark character (U+FEFF).
  case byteOrderMark

  /// The look-alike of a name; always differs from it scalar by scalar.
  ///
  /// - Parameter name: The original name.
  /// - Returns: The look-alike (a trailing space is added when the transformation alone would
  ///   not change the name, as for a name without letters or without decomposable characters).
  public func apply(to name: String) -> String {
    var result: String
    switch self {
    case .swapCase:
      result = name.map { $0.isUppercase ? $0.lowercased() : $0.uppercased() }.joined()
    case .otherNormalization:
      let decomposed = name.decomposedStringWithCanonicalMapping
      result =
        Array(decomposed.unicodeScalars) != Array(name.unicodeScalars)
        ? decomposed : name.precomposedStringWithCanonicalMapping
    case .trailingSpace: result = name + " "
    case .leadingSpace: result = " " + name
    case .zeroWidthSpace:
      result = name.isEmpty ? "\u{200B}" : String(name.prefix(1)) + "\u{200B}" + name.dropFirst()
    case .byteOrderMark: result = "\u{FEFF}" + name
    }
    if Array(result.unicodeScalars) == Array(name.unicodeScalars) { result = name + " " }
    return result
  }
}
