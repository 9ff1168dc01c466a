extension Gen {
  /// Generates one value from a seed, recording its choices.
  /// - Parameters:
  ///   - seed: The seed of the random source.
  ///   - caseIndex: The case index seen by edge-case catalogs, if any.
  ///   - maxChoices: The limit on the number of choices.
  /// - Returns: The value and its choice sequence.
  /// - Throws: A ``GenerationError`` when the case is invalid.
  public func generate(
    seed: UInt64, caseIndex: Int? = nil, maxChoices: Int = ChoiceSource.defaultMaxChoices
  ) throws -> Generated<Value> {
    try generate(
      using: ChoiceSource(seed: seed, caseIndex: caseIndex, maxChoices: maxChoices))
  }

  /// Generates exactly the value that case `caseIndex` of a run seeded with `runSeed` sees.
  /// - Parameters:
  ///   - runSeed: The seed of the run.
  ///   - caseIndex: The index of the case.
  ///   - maxChoices: The limit on the number of choices.
  /// - Returns: The value and its choice sequence.
  /// - Throws: A ``GenerationError`` when the case is invalid.
  public func generate(
    runSeed: UInt64, caseIndex: Int, maxChoices: Int = ChoiceSource.defaultMaxChoices
  ) throws -> Generated<Value> {
    let seed = PropertySeed.caseSeed(runSeed: runSeed, caseIndex: caseIndex)
    return try generate(seed: seed, caseIndex: caseIndex, maxChoices: maxChoices)
  }

  /// Regenerates a value from recorded choices.
  /// - Parameters:
  ///   - choices: The choices to replay; missing ones read as `0`, larger ones are clamped.
  ///   - maxChoices: The limit on the number of choices.
  /// - Returns: The value and the choices actually used.
  /// - Throws: A ``GenerationError`` when the case is invalid.
  public func generate(
    replaying choices: [UInt64], maxChoices: Int = ChoiceSource.defaultMaxChoices
  ) throws -> Generated<Value> {
    try generate(using: ChoiceSource(replaying: choices, maxChoices: maxChoices))
  }

  /// Generates a value from a fuzzer's input bytes.
  /// - Parameters:
  ///   - bytes: The input; once it runs out every draw takes its simplest value.
  ///   - maxChoices: The limit on the number of choices.
  /// - Returns: The value and the choices decoded from the bytes.
  /// - Throws: A ``GenerationError`` when the case is invalid.
  public func generate(
    fromBytes bytes: some Sequence<UInt8>, maxChoices: Int = ChoiceSource.defaultMaxChoices
  ) throws -> Generated<Value> {
    try generate(using: ChoiceSource(bytes: bytes, maxChoices: maxChoices))
  }

  private func generate(using source: ChoiceSource) throws -> Generated<Value> {
    let value = try generate(from: source)
    return Generated(value: value, sequence: source.sequence)
  }
}
