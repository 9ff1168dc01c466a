/// The header fields of an HTTP message, in order, with case-insensitive lookup by name.
///
/// Repeated names are kept as separate fields, in the order they were added or received.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// One header field.
  public struct Field: Sendable, Hashable {
    /// The field name as written (compare it case-insensitively).
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The field value.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Every field, in order.
  public private(set) var fields: [Field]

  /// Creates headers from name-value pairs, in order.
  ///
  /// - Parameter fields: The fields.
  public init(_ fields: [(String, String)] = []) {
    self.fields = fields.map { Field(name: $0.0, value: $0.1) }
  }

  public init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// The value of the first field with a name, compared case-insensitively.
  ///
  /// - Parameter name: The field name.
  /// - Returns: The value, or `nil` when no field has that name.
  public subscript(name: String) -> String? {
    fields.first { Self.sameName($0.name, name) }?.value
  }

  /// The values of every field with a name, in order.
  ///
  /// - Parameter name: The field name.
  /// - Returns: The values; empty when no field has that name.
  public func values(_ name: String) -> [String] {
    fields.filter { Self.sameName($0.name, name) }.map(\.value)
  }

  /// Whether a field with a name is present.
  ///
  /// - Parameter name: The field name.
  /// - Returns: `true` when at least one field has that name.
  public func contains(_ name: String) -> Bool {
    fields.contains { Self.sameName($0.name, name) }
  }

  /// Appends a field, keeping any others of the same name.
  ///
  /// - Parameters:
  ///   - name: The field name.
  ///   - value: The field value.
  public mutating func add(_ name: String, _ value: String) {
    fields.append(Field(name: name, value: value))
  }

  /// Replaces every field of a name with one field.
  ///
  /// - Parameters:
  ///   - name: The field name.
  ///   - value: The field value.
  public mutating func set(_ name: String, _ value: String) {
    remove(name)
    add(name, value)
  }

  /// Removes every field of a name.
  ///
  /// - Parameter name: The field name.
  public mutating func remove(_ name: String) {
    fields.removeAll { Self.sameName($0.name, name) }
  }

  /// Whether a comma-separated field contains a token, compared case-insensitively (as in
  /// `Connection: keep-alive, Upgrade`).
  ///
  /// - Parameters:
  ///   - name: The field name.
  ///   - token: The token to look for.
  /// - Returns: `true` when some field of that name lists the token.
  public func containsToken(_ name: String, _ token: String) -> Bool {
    values(name).contains { value in
      value.split(separator: ",").contains { element in
        Self.sameName(String(element).trimmingHTTPWhitespace, token)
      }
    }
  }

  public func makeIterator() -> IndexingIterator<[Field]> {
    fields.makeIterator()
  }

  /// Compares two ASCII field names ignoring case.
  static func sameName(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count
      && zip(lhs.utf8, rhs.utf8).allSatisfy { asciiLowercase($0) == asciiLowercase($1) }
  }

  private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }
}

extension String {
  /// The text without leading and trailing spaces and horizontal tabs (HTTP's `OWS`).
  var trimmingHTTPWhitespace: String {
    let bytes = Array(utf8)
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
