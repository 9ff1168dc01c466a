import PATModel

/// The identity a request acts for: named by its bearer token.
///
/// The local service has no identity provider: the bearer token's text *is* the owner's name
/// (`Authorization: Bearer alice` acts for `alice`), and the owner's id is derived from it
/// deterministically (32 lowercase hex digits, as identity ids look), so the same token
/// always names the same owner, across restarts too.
public struct TokenOwner: Sendable, Hashable {
  /// The owner's identity id: 32 lowercase hex digits derived from the name.
  public var id: String
  /// The owner's name: the bearer token.
  public var name: String

  /// Creates the owner a bearer token names.
  ///
  /// - Parameter bearerToken: The token text.
  public init(bearerToken: String) {
    self.name = bearerToken
    self.id = Self.identifier(for: bearerToken)
  }

  /// The owner named by an `Authorization` header value, `Bearer TOKEN`.
  ///
  /// The scheme is matched ignoring case; the token must be an RFC 6750 `b64token`
  /// (letters, digits, `-._~+/`, then optional `=` padding).
  ///
  /// - Parameter authorization: The header value, or `nil` when the header is absent.
  /// - Returns: The owner, or `nil` when there is no usable bearer token.
  public init?(authorization: String?) {
    guard let authorization else { return nil }
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].drop { $0 == " " }
    guard Self.isBearerToken(token) else { return nil }
    self.init(bearerToken: String(token))
  }

  /// The owner as the `owner` member of a token response:
  /// `{"type":"IDENTITY","id":…,"name":…}`.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(name: "type", value: .string("IDENTITY")),
      JSONMember(name: "id", value: .string(id)),
      JSONMember(name: "name", value: .string(name)),
    ])
  }

  private static func isBearerToken(_ token: Substring) -> Bool {
    let bytes = Array(token.utf8)
    let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
    let body = bytes.dropLast(padding)
    return !body.isEmpty
      && body.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "A")...UInt8(ascii: "Z"):
          true
        default: Array("-._~+/".utf8).contains(byte)
        }
      }
  }

  /// Two 64-bit FNV-1a hashes of the name with different offset bases, as 32 hex digits.
  private static func identifier(for name: String) -> String {
    func fnv1a(_ basis: UInt64) -> UInt64 {
      var hash = basis
      for byte in name.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
      return hash
    }
    return hex(fnv1a(0xCBF2_9CE4_8422_2325)) + hex(fnv1a(0x84222325_CBF29CE4))
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
