import PATModel
import PropertyKit

/// One step of the stateful token-store property.
public enum StoreCommand: Hashable, Sendable, CustomStringConvertible {
  /// Create a token with a name from the pool, expiring after some milliseconds or never.
  case create(name: Int, expiresIn: Int64?)
  /// Delete the token at an index (modulo the number of tokens), if any.
  case delete(index: Int)
  /// Move the clock forward.
  case advance(milliseconds: Int64)

  public var description: String {
    switch self {
    case .create(let name, let expiresIn?):
      "create \(TokenStoreModel.namePool[name]) expiring in \(expiresIn) ms"
    case .create(let name, nil): "create \(TokenStoreModel.namePool[name]) never expiring"
    case .delete(let index): "delete #\(index)"
    case .advance(let milliseconds): "advance \(milliseconds) ms"
    }
  }
}

/// The simple model the store is checked against: a list of names with expirations.
struct TokenStoreModel {
  static let namePool = (0..<13).map { "token-\($0)" } + ["Token-0", "token-0 "]

  struct Token {
    var id: String
    var name: String
    var expiration: Int64?
  }

  var tokens: [Token] = []
  var now: Int64

  func isActive(_ token: Token) -> Bool { token.expiration.map { $0 > now } ?? true }

  /// Whether a create is accepted, and the new state.
  mutating func create(name: String, expiresIn: Int64?, id: String) -> Bool {
    let now = self.now
    tokens.removeAll { token in token.expiration.map { $0 <= now } ?? false }
    let accepted =
      !tokens.contains { Array($0.name.unicodeScalars) == Array(name.unicodeScalars) }
      && tokens.count < 10 && (expiresIn.map { $0 > 0 } ?? true)
    if accepted { tokens.append(Token(id: id, name: name, expiration: expiresIn.map { now + $0 })) }
    return accepted
  }
}

extension PATProperties {
  /// The commands of one stateful run: up to 12 creates that fill the store, then 1 to 40
  /// random steps; shrinking deletes steps and empties the prefill.
  static let storeCommands: Gen<[StoreCommand]> = {
    let create = Gen.zip(
      Gen.int(in: 0...TokenStoreModel.namePool.count - 1),
      Gen.frequency([
        (4, Gen.constant(Int64?.none)),
        (1, Gen<Int64>.int64(in: 1_000_000...1_000_000_000).map { Int64?.some($0) }),
        (2, Gen<Int64>.int64(in: -2...60_000).map { Int64?.some($0) }),
      ])
    ).map { StoreCommand.create(name: $0, expiresIn: $1) }
    let command = Gen.frequency([
      (8, create),
      (1, Gen.int(in: 0...15).map { StoreCommand.delete(index: $0) }),
      (2, Gen<Int64>.int64(in: 0...30_000).map { StoreCommand.advance(milliseconds: $0) }),
    ])
    let prefill = Gen.int(in: 0...12).withEdgeCases([10, 9, 12, 11]).map { count in
      (0..<count).map { StoreCommand.create(name: $0, expiresIn: nil) }
    }
    return Gen.zip(prefill, Gen.array(of: command, count: 1...40)).map { $0 + $1 }
  }()

  /// Random create / delete / advance-clock sequences against one owner's token store agree
  /// with a simple model of names, the 10-token limit and expirations.
  public static let tokenStore = PATProperty(
    name: "token-store",
    summary: "the token store agrees with a simple model over create/delete/advance sequences",
    coverage: [
      CoverageRequirement(label: "limit reached", atLeastPercent: 5),
      CoverageRequirement(label: "duplicate rejected", atLeastPercent: 5),
      CoverageRequirement(label: "expired name reused", atLeastPercent: 1),
    ],
    generator: storeCommands
  ) { commands, context in
    let start = Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!
    var store = OwnerTokenStore()
    var model = TokenStoreModel(now: start.millisecondsSinceEpoch)
    var expiredNames = Set<String>()
    for (step, command) in commands.enumerated() {
      let now = Timestamp(millisecondsSinceEpoch: model.now)
      switch command {
      case .create(let nameIndex, let expiresIn):
        let name = TokenStoreModel.namePool[nameIndex]
        let date = expiresIn.flatMap { DateForm.canonical.render(milliseconds: model.now + $0) }
        let payload =
          date.map { #"{"name":"\#(name)","expirationDate":"\#($0)"}"# }
          ?? #"{"name":"\#(name)","userAwareTokenNeverExpires":true}"#
        let id = "t\(step)"
        let activeBefore = model.tokens.filter(model.isActive)
        let expectAccepted = model.create(name: name, expiresIn: expiresIn, id: id)
        let result = store.create(json: Array(payload.utf8), now: now, id: id)
        if activeBefore.count >= 10 { context.label("limit reached") }
        if !expectAccepted, activeBefore.contains(where: { $0.name == name }) {
          context.label("duplicate rejected")
        }
        if expectAccepted, expiredNames.contains(name) { context.label("expired name reused") }
        if case .failure(let rejection) = result, expectAccepted {
          throw PropertyFailure("step \(step) \(command): rejected \(rejection.verdict.codes)")
        }
        if case .success = result, !expectAccepted {
          throw PropertyFailure("step \(step) \(command): accepted, the model rejects it")
        }
      case .delete(let index):
        guard !model.tokens.isEmpty else { continue }
        let id = model.tokens[index % model.tokens.count].id
        model.tokens.removeAll { $0.id == id }
        guard store.delete(id: id) else {
          throw PropertyFailure("step \(step) \(command): \(id) was not in the store")
        }
      case .advance(let milliseconds):
        model.now += milliseconds
        for token in model.tokens where !model.isActive(token) { expiredNames.insert(token.name) }
      }
      let nowAfter = Timestamp(millisecondsSinceEpoch: model.now)
      let storeNames = store.activeTokens(at: nowAfter).map(\.name)
      let modelNames = model.tokens.filter(model.isActive).map(\.name)
      guard storeNames == modelNames else {
        throw PropertyFailure(
          "after step \(step) \(command): store \(storeNames), model \(modelNames)")
      }
    }
  }
}
