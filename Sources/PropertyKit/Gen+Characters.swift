/// The printable ASCII characters in simplicity order: lowercase letters first, so `"a"` is
/// the simplest character, then uppercase letters, digits, space and punctuation.
let printableASCIIOrder: [Unicode.Scalar] = {
  let groups = [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
  ]
  return groups.flatMap { $0.unicodeScalars }
}()

/// The number of Unicode scalar values (all code points except surrogates).
let unicodeScalarCount: UInt64 = 0x11_0000 - 0x800

/// Maps a choice to a Unicode scalar so that choice `0` is `"a"` and printable ASCII comes
/// first (in ``printableASCIIOrder``), followed by every other scalar in code-point order.
func unicodeScalar(forChoice choice: UInt64) -> Unicode.Scalar {
  let asciiCount = UInt64(printableASCIIOrder.count)
  if choice < asciiCount { return printableASCIIOrder[Int(choice)] }
  var rest = choice - asciiCount
  if rest < 0x20 { return Unicode.Scalar(UInt8(rest)) }
  rest -= 0x20
  let bmpLowCount: UInt64 = 0xD800 - 0x7F
  let codePoint = rest < bmpLowCount ? 0x7F + rest : 0xE000 + (rest - bmpLowCount)
  return Unicode.Scalar(UInt32(codePoint))!
}

extension Gen where Value == Unicode.Scalar {
  /// Generates any Unicode scalar, including astral-plane scalars; `"a"` is the simplest.
  ///
  /// Printable ASCII comes first in simplicity order, then control characters and every other
  /// scalar by code point. Random mode favours the first choices and the top of the range.
  public static var unicodeScalar: Gen<Unicode.Scalar> {
    Gen { source in
      PropertyKit.unicodeScalar(
        forChoice: try source.draw(upTo: unicodeScalarCount - 1, bias: .integer))
    }
  }

  /// Generates printable ASCII scalars (space to tilde); `"a"` is the simplest.
  public static var asciiPrintableScalar: Gen<Unicode.Scalar> {
    Gen { source in
      printableASCIIOrder[Int(try source.draw(upTo: UInt64(printableASCIIOrder.count - 1)))]
    }
  }
}

extension Gen where Value == Character {
  /// Generates printable ASCII characters (space to tilde); `"a"` is the simplest.
  public static var asciiPrintable: Gen<Character> {
    Gen<Unicode.Scalar>.asciiPrintableScalar.map { Character($0) }
  }

  /// Generates ASCII letters and digits; `"a"` is the simplest.
  public static var alphanumeric: Gen<Character> {
    character(from: String(String.UnicodeScalarView(printableASCIIOrder.prefix(62))))
  }

  /// Generates characters made of one Unicode scalar of any plane; `"a"` is the simplest.
  public static var unicode: Gen<Character> {
    Gen<Unicode.Scalar>.unicodeScalar.map { Character($0) }
  }

  /// Picks one character of a string; its first character is the simplest.
  /// - Parameters:
  ///   - alphabet: The characters to choose from, at least one.
  /// - Returns: A generator of the alphabet's characters.
  public static func character(from alphabet: String) -> Gen<Character> {
    element(of: Array(alphabet))
  }
}
