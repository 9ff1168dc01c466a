import Foundation

/// A header field given on the command line (`--header 'Name: value'`), sent with every
/// request to a service.
public struct RequestHeader: Sendable, Hashable {
  /// Fields the HTTP client writes itself, which a command line may not set.
  static let managed = ["host", "content-length", "transfer-encoding", "connection", "expect"]
  /// The characters of an HTTP field name (RFC 9110 `tchar`).
  static let tokenCharacters = Set(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

  /// The field name.
  public var name: String
  /// The field value, without surrounding spaces.
  public var value: String

  /// Reads `Name: value`.
  ///
  /// - Parameter text: The option's value.
  /// - Throws: ``UsageError`` when the name is not an HTTP token, there is no colon, the
  ///   value holds a control character, or the field is one the client writes itself.
  public init(parsing text: String) throws(UsageError) {
    guard let colon = text.firstIndex(of: ":") else {
      throw UsageError("--header needs 'Name: value', got '\(text)'")
    }
    let name = String(text[..<colon])
    guard !name.isEmpty, name.allSatisfy({ Self.tokenCharacters.contains($0) }) else {
      throw UsageError(
        "--header needs a field name of letters, digits and !#$%&'*+-.^_`|~, got '\(name)'")
    }
    guard !Self.managed.contains(name.lowercased()) else {
      throw UsageError("--header cannot set \(name): patfuzz writes it")
    }
    let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: [" ", "\t"])
    let allowed = value.unicodeScalars.allSatisfy {
      $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F)
    }
    guard allowed else {
      throw UsageError("--header '\(name)' has a control character in its value")
    }
    self.name = name
    self.value = value
  }
}
