import PATModel
import PATService
import Testing

/// The service's store keeps the reference model's owner rules: expiry frees a name and a
/// place under the 10-token limit.
@Suite("Token store")
struct TokenStoreTests {
  static let now = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!
  static let alice = TokenOwner(bearerToken: "alice")

  static func request(_ name: String, expiresIn milliseconds: Int64?)
    -> CreatePersonalAccessTokenRequest
  {
    CreatePersonalAccessTokenRequest(
      name: .value(name),
      expirationDate: milliseconds.map { .value(now.adding(milliseconds: $0).rfc3339) } ?? .absent,
      userAwareTokenNeverExpires: milliseconds == nil ? .value(true) : .absent)
  }

  @Test("an expired token is no longer listed, and its name can be used again")
  func expiry() {
    let store = TokenStore()
    guard
      case .created = store.create(
        Self.request("a", expiresIn: 1), owner: Self.alice, now: Self.now)
    else {
      Issue.record("not created")
      return
    }
    guard
      case .rejected(let violations) = store.create(
        Self.request("a", expiresIn: nil), owner: Self.alice, now: Self.now)
    else {
      Issue.record("a duplicate was created")
      return
    }
    #expect(violations.map(\.code) == [.nameDuplicate])
    let later = Self.now.adding(milliseconds: 1)
    #expect(store.tokens(of: Self.alice, at: Self.now).map(\.name) == ["a"])
    #expect(store.tokens(of: Self.alice, at: later).isEmpty)
    guard
      case .created = store.create(Self.request("a", expiresIn: nil), owner: Self.alice, now: later)
    else {
      Issue.record("the expired name was not reusable")
      return
    }
    #expect(store.tokens(of: Self.alice, at: later).map(\.name) == ["a"])
  }

  @Test("the limit counts active tokens only, per owner")
  func limit() {
    let store = TokenStore()
    for index in 0..<9 {
      _ = store.create(Self.request("n\(index)", expiresIn: nil), owner: Self.alice, now: Self.now)
    }
    _ = store.create(Self.request("short", expiresIn: 10), owner: Self.alice, now: Self.now)
    guard
      case .rejected(let violations) = store.create(
        Self.request("eleventh", expiresIn: nil), owner: Self.alice, now: Self.now)
    else {
      Issue.record("an eleventh token was created")
      return
    }
    #expect(violations.map(\.code) == [.ownerTokenLimit])
    guard
      case .created = store.create(
        Self.request("eleventh", expiresIn: nil), owner: Self.alice,
        now: Self.now.adding(milliseconds: 10))
    else {
      Issue.record("the expired token still counted")
      return
    }
    let bob = TokenOwner(bearerToken: "bob")
    guard
      case .created = store.create(Self.request("n0", expiresIn: nil), owner: bob, now: Self.now)
    else {
      Issue.record("another owner's names counted")
      return
    }
  }
}
