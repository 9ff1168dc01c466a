/// A one-line handle on one failing case: the property, the run seed, the case index and the
/// shrunk choice sequence.
///
/// The text form is `<propertyName>@<seed>:<caseIndex>:<choices>`, where `<choices>` is the
/// choice sequence as LEB128 varints encoded in unpadded base64url. Set it in
/// `PATFUZZ_REPLAY` to run exactly that case before any other.
public struct ReplayToken: Sendable, Hashable, LosslessStringConvertible {
  /// The name of the property the case belongs to.
  public var propertyName: String
  /// The seed of the run that found the case.
  public var seed: UInt64
  /// The index of the case in that run.
  public var caseIndex: Int
  /// The (shrunk) choices that regenerate the failing value.
  public var choices: [UInt64]

  /// Creates a token.
  /// - Parameters:
  ///   - propertyName: The property's name; it may contain any character except newlines.
  ///   - seed: The seed of the run that found the case.
  ///   - caseIndex: The index of the case in that run.
  ///   - choices: The choices that regenerate the failing value.
  public init(propertyName: String, seed: UInt64, caseIndex: Int, choices: [UInt64]) {
    self.propertyName = propertyName
    self.seed = seed
    self.caseIndex = caseIndex
    self.choices = choices
  }

  /// Parses a token from its text form.
  /// - Parameters:
  ///   - description: The text form; surrounding whitespace is not allowed.
  public init?(_ description: String) {
    guard let at = description.lastIndex(of: "@") else { return nil }
    let name = String(description[..<at])
    let fields = description[description.index(after: at)...].split(
      separator: ":", omittingEmptySubsequences: false)
    guard !name.isEmpty, fields.count == 3,
      let seed = UInt64(fields[0]),
      let caseIndex = Int(fields[1]), caseIndex >= 0,
      let bytes = Base64URL.decode(fields[2]),
      let choices = LEB128.decode(bytes)
    else { return nil }
    self.init(propertyName: name, seed: seed, caseIndex: caseIndex, choices: choices)
  }

  /// The text form of the token.
  public var description: String {
    let encoded = Base64URL.encode(LEB128.encode(choices))
    return "\(propertyName)@\(seed):\(caseIndex):\(encoded)"
  }

  /// A shell command line that replays this case.
  /// - Parameters:
  ///   - command: The test command, such as `swift test`.
  ///   - filter: A test filter to add with `--filter`, if any.
  /// - Returns: A line such as `PATFUZZ_REPLAY='p@1:2:AQ' swift test --filter p`.
  public func replayLine(command: String = "swift test", filter: String? = nil) -> String {
    var line = "\(PropertyEnvironment.replayVariable)=\(shellQuoted(description)) \(command)"
    if let filter { line += " --filter \(shellQuoted(filter))" }
    return line
  }

  private func shellQuoted(_ text: String) -> String {
    "'" + text.replacingAll("'", with: "'\\''") + "'"
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
