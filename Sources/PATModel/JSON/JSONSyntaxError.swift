/// Why bytes are not the strict RFC 8259 JSON object the reference accepts, and where.
///
/// This is the detailed, internal layer: the byte offset and the reason. It is mapped to a
/// public ``Violation`` with the stable code `json.malformed`.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The input ended inside a value.
    case unexpectedEnd
    /// A byte that cannot start or continue what was being read.
    case unexpectedByte(UInt8, expected: String)
    /// The input starts with a UTF-8 byte-order mark.
    case byteOrderMark
    /// The top-level value is not an object.
    case notAnObject
    /// Something other than whitespace follows the top-level object.
    case trailingContent
    /// Bytes that are not well-formed UTF-8.
    case invalidUTF8
    /// A raw control character (U+0000 to U+001F) inside a string.
    case controlCharacterInString
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
    case invalidEscape
    /// A `\u` escape of a surrogate that is not part of a high-low pair.
    case loneSurrogate
    /// A number with a leading zero, such as `01`.
    case leadingZero
    /// A number that breaks the grammar (`1.`, `-`, `1e`, `.5`, `+1`...).
    case invalidNumber
    /// A word that is not `true`, `false` or `null` (including `NaN` and `Infinity`).
    case invalidLiteral
    /// A comma directly before `}` or `]`.
    case trailingComma
    /// A comment (`//` or `/*`).
    case comment
    /// Arrays and objects nested deeper than ``JSONParser/maximumDepth``.
    case tooDeep
  }

  /// The byte offset into the payload where the problem was found.
  public var offset: Int
  /// What went wrong.
  public var reason: Reason

  /// Creates an error at a byte offset.
  public init(offset: Int, reason: Reason) {
    self.offset = offset
    self.reason = reason
  }

  public var description: String {
    let what: String
    switch reason {
    case .unexpectedEnd: what = "the payload ends inside a value"
    case .unexpectedByte(let byte, let expected):
      what = "unexpected \(Self.describe(byte)), expected \(expected)"
    case .byteOrderMark: what = "a byte-order mark is not allowed"
    case .notAnObject: what = "the payload is not a JSON object"
    case .trailingContent: what = "content after the top-level object"
    case .invalidUTF8: what = "invalid UTF-8"
    case .controlCharacterInString: what = "a raw control character inside a string"
    case .invalidEscape: what = "an invalid escape sequence"
    case .loneSurrogate: what = "a lone surrogate escape"
    case .leadingZero: what = "a number with a leading zero"
    case .invalidNumber: what = "an invalid number"
    case .invalidLiteral: what = "an invalid literal (only true, false and null exist)"
    case .trailingComma: what = "a trailing comma"
    case .comment: what = "comments are not JSON"
    case .tooDeep: what = "nested deeper than \(JSONParser.maximumDepth) levels"
    }
    return "malformed JSON at byte \(offset): \(what)"
  }

  private static func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F {
      return "'\(Character(Unicode.Scalar(byte)))'"
    }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
  }
}
