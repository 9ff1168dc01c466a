import PATModel

/// One request of the line protocol to an external implementation (`docs/sut-protocol.md`).
public struct SUTRequest: Hashable, Sendable {
  /// Identifies the request; the answer carries it back.
  public var id: Int
  /// The payload; only valid UTF-8 payloads are sent.
  public var payload: String
  /// The instant to judge at.
  public var now: Timestamp
  /// The owner's existing token names.
  public var existingNames: [String]

  /// Creates a request.
  public init(id: Int, payload: String, now: Timestamp, existingNames: [String]) {
    self.id = id
    self.payload = payload
    self.now = now
    self.existingNames = existingNames
  }

  /// The request as one line of JSON, newline included:
  /// `{"id": Int, "payload": String, "now": String, "existingNames": [String]}`.
  public var line: [UInt8] {
    var writer = JSONWriter()
    writer.write(
      .object([
        JSONMember(name: "id", value: .number(String(id))),
        JSONMember(name: "payload", value: .string(payload)),
        JSONMember(name: "now", value: .string(now.rfc3339)),
        JSONMember(name: "existingNames", value: .array(existingNames.map(JSONValue.string))),
      ]))
    return writer.bytes + [0x0A]
  }

  /// Reads a request line (as an implementation of the protocol does).
  ///
  /// - Parameter line: One line, without its newline.
  /// - Returns: The request, or `nil` when the line is not one.
  public init?(line: [UInt8]) {
    guard let members = try? JSONParser.parseObject(line) else { return nil }
    var id: Int?
    var payload: String?
    var now: Timestamp?
    var names: [String]?
    for member in members {
      switch (member.name, member.value) {
      case ("id", .number(let literal)): id = Int(literal)
      case ("payload", .string(let text)): payload = text
      case ("now", .string(let text)): now = Timestamp(rfc3339: text)
      case ("existingNames", .array(let elements)):
        names = elements.compactMap { if case .string(let name) = $0 { name } else { nil } }
        if names?.count != elements.count { return nil }
      default: continue
      }
    }
    guard let id, let payload, let now, let names else { return nil }
    self.init(id: id, payload: payload, now: now, existingNames: names)
  }
}

/// One answer of the line protocol: `{"id": Int, "accepted": Bool, "codes": [String]?}`.
public struct SUTAnswer: Hashable, Sendable {
  /// The request's identifier.
  public var id: Int
  /// Whether the implementation accepts the payload.
  public var accepted: Bool
  /// The violation codes the implementation reports, when it reports them.
  public var codes: [String]?

  /// Creates an answer.
  public init(id: Int, accepted: Bool, codes: [String]?) {
    self.id = id
    self.accepted = accepted
    self.codes = codes
  }

  /// Reads an answer line.
  ///
  /// - Parameter line: One line, without its newline.
  /// - Returns: The answer, or why the line is not one.
  public static func parse(_ line: [UInt8]) -> Result<SUTAnswer, SUTProtocolError> {
    let members: [JSONMember]
    do {
      members = try JSONParser.parseObject(line)
    } catch {
      return .failure(.malformedAnswer("not a JSON object: \(error)"))
    }
    var id: Int?
    var accepted: Bool?
    var codes: [String]?
    for member in members {
      switch (member.name, member.value) {
      case ("id", .number(let literal)): id = Int(literal)
      case ("accepted", .bool(let flag)): accepted = flag
      case ("codes", .null): codes = nil
      case ("codes", .array(let elements)):
        let strings = elements.compactMap { if case .string(let code) = $0 { code } else { nil } }
        guard strings.count == elements.count else {
          return .failure(.malformedAnswer("\"codes\" must be an array of strings"))
        }
        codes = strings
      case ("id", _), ("accepted", _), ("codes", _):
        return .failure(.malformedAnswer("\"\(member.name)\" has the wrong type"))
      default: continue
      }
    }
    guard let id else { return .failure(.malformedAnswer("no \"id\"")) }
    guard let accepted else { return .failure(.malformedAnswer("no \"accepted\"")) }
    return .success(SUTAnswer(id: id, accepted: accepted, codes: codes))
  }

  /// The answer as one line of JSON, newline included.
  public var line: [UInt8] {
    var members = [
      JSONMember(name: "id", value: .number(String(id))),
      JSONMember(name: "accepted", value: .bool(accepted)),
    ]
    if let codes {
      members.append(JSONMember(name: "codes", value: .array(codes.map(JSONValue.string))))
    }
    var writer = JSONWriter()
    writer.write(.object(members))
    return writer.bytes + [0x0A]
  }
}

/// What can go wrong talking to an external implementation.
public enum SUTProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The process could not be started.
  case cannotStart(String)
  /// The process exited (or closed its output) before answering.
  case exited(status: Int32?)
  /// No answer within the timeout.
  case timeout(seconds: Double)
  /// The answer is not a protocol answer.
  case malformedAnswer(String)
  /// The answer carries another request's identifier.
  case mismatchedID(expected: Int, got: Int)

  public var description: String {
    switch self {
    case .cannotStart(let reason): "cannot start the implementation: \(reason)"
    case .exited(let status?): "the implementation exited with status \(status) before answering"
    case .exited(nil): "the implementation closed its output before answering"
    case .timeout(let seconds): "no answer within \(seconds) s"
    case .malformedAnswer(let reason): "malformed answer: \(reason)"
    case .mismatchedID(let expected, let got): "answer for id \(got), expected \(expected)"
    }
  }
}
