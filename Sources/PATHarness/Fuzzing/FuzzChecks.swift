@_spi(PlantedFaults) import PATModel

/// The checks the fuzz targets run on each input, with everything they reuse across inputs
/// built once: the properties and the contexts.
///
/// The fuzz executables make one value at start-up (``init(environment:)``) and call
/// ``check(_:_:)`` for every input; a non-`nil` result is a finding, which they print and
/// abort on so libFuzzer records the input.
public struct FuzzChecks: Sendable {
  /// The environment variable that plants validator faults in the targets (test-only): a
  /// comma-separated list of names from `PlantedFaults.byName`, such as
  /// `expirationAtNowAccepted`.
  public static let plantedFaultVariable = "PATFUZZ_PLANTED_FAULT"

  /// Why the environment cannot configure the checks.
  public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    public var description: String { message }
  }

  /// Why a fuzzer input cannot be turned into a corpus case.
  public struct NoCaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    public var description: String { message }
  }

  /// The faults planted in the validator under test; empty for the real validator.
  @_spi(PlantedFaults) public let plantedFaults: PlantedFaults
  /// The properties the structured target picks from, by the input's first byte.
  public let properties: [PATProperty]
  private let fixedContext: ValidationContext
  private let headerContexts: [ValidationContext]

  /// Checks of the real validator.
  public init() {
    self.init(faults: [])
  }

  /// Checks of a validator with deliberate faults.
  ///
  /// - Parameter plantedFaults: The faults.
  @_spi(PlantedFaults) public init(plantedFaults: PlantedFaults) {
    self.init(faults: plantedFaults)
  }

  /// Checks configured by the environment: ``plantedFaultVariable`` plants faults.
  ///
  /// - Parameter environment: The environment variables.
  /// - Throws: ``ConfigurationError`` when a fault name is unknown.
  public init(environment: [String: String]) throws(ConfigurationError) {
    guard let list = environment[Self.plantedFaultVariable] else {
      self.init(faults: [])
      return
    }
    guard let faults = PlantedFaults(names: list) else {
      throw ConfigurationError(
        message: "\(Self.plantedFaultVariable)=\(list): known faults are "
          + PlantedFaults.byName.map(\.name).joined(separator: ", "))
    }
    self.init(faults: faults)
  }

  private init(faults: PlantedFaults) {
    self.plantedFaults = faults
    self.properties = PATProperties.all(PATProperties.Configuration(plantedFaults: faults))
    func planted(_ context: ValidationContext) -> ValidationContext {
      var context = context
      context.plantedFaults = faults
      return context
    }
    self.fixedContext = planted(RawBytesInput.fixedContext)
    self.headerContexts = (0..<RawBytesInput.headerContextCount).map {
      planted(RawBytesInput.context(index: $0))
    }
  }

  /// The names of the planted faults, for reports; empty for the real validator.
  public var plantedFaultNames: [String] { plantedFaults.names }

  /// Runs a target's check on one input.
  ///
  /// - Parameters:
  ///   - target: The target.
  ///   - bytes: The fuzzer's input.
  /// - Returns: The finding, or `nil` when the input holds.
  public func check(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzFailure? {
    switch target {
    case .rawBytes: return checkRawBytes(bytes)
    case .structured: return checkStructured(bytes)
    }
  }

  // MARK: Raw bytes

  /// The raw-bytes check: every decoding path that applies gives the reference's validity,
  /// codes and normalized form, and the reference verdict is consistent.
  ///
  /// - Parameter bytes: The fuzzer's input (see ``RawBytesInput`` for the optional header).
  /// - Returns: The finding, or `nil`.
  public func checkRawBytes(_ bytes: [UInt8]) -> FuzzFailure? {
    let context: ValidationContext
    let payload: [UInt8]
    if bytes.count >= RawBytesInput.headerLength, bytes[0] == RawBytesInput.headerMarker {
      context = headerContexts[RawBytesInput.contextIndex(header: (bytes[1], bytes[2], bytes[3]))]
      payload = Array(bytes[RawBytesInput.headerLength...])
    } else {
      context = fixedContext
      payload = bytes
    }
    let verdicts = DecodingPath.verdicts(for: payload, context: context)
    func failure(_ summary: String) -> FuzzFailure {
      FuzzFailure(
        target: .rawBytes, summary: summary,
        details: [
          "payload \(Self.render(payload))", "context \(Self.render(context))",
        ]
          + verdicts.map { "\($0.path.rawValue): \(Self.render($0.verdict))" }
          + plantedFaultLines)
    }
    guard let reference = verdicts.first(where: { $0.path == .reference })?.verdict else {
      return failure("the reference path gave no verdict")
    }
    guard reference.isValid == (reference.normalized != nil) else {
      return failure("the reference verdict is inconsistent: valid but not normalized, or back")
    }
    let expected = Expectation(reference)
    for (path, verdict) in verdicts where path != .reference {
      let actual = Expectation(verdict)
      guard actual == expected else {
        return failure("\(path.rawValue) gives \(actual), the reference \(expected)")
      }
      guard verdict.normalized == reference.normalized else {
        return failure("\(path.rawValue) normalizes differently from the reference")
      }
    }
    return nil
  }

  // MARK: Structured

  /// The property a structured input checks: its first byte, modulo the number of
  /// properties, picks one.
  ///
  /// - Parameter bytes: The fuzzer's input.
  /// - Returns: The property.
  public func property(forStructuredInput bytes: [UInt8]) -> PATProperty {
    properties[Int(bytes.first ?? 0) % properties.count]
  }

  /// The structured check: the first byte picks a property, the rest of the bytes generate
  /// its input through the byte-buffer choice source, and the property must hold.
  ///
  /// - Parameter bytes: The fuzzer's input.
  /// - Returns: The finding, or `nil`.
  public func checkStructured(_ bytes: [UInt8]) -> FuzzFailure? {
    let property = property(forStructuredInput: bytes)
    let choices = Array(bytes.dropFirst())
    do {
      try property.check(fuzzerInput: choices)
      return nil
    } catch {
      var details = ["property \(property.name): \(property.summary)"]
      details += "\(error)".split(separator: "\n").map { "failure: \($0)" }
      if let generated = property.generatedCase(fuzzerInput: choices) {
        details += [
          "payload \(Self.render(generated.payload))", "context \(Self.render(generated.context))",
          "reference: \(Self.render(Validator(context: generated.context).validate(json: generated.payload)))",
        ]
        if !plantedFaults.isEmpty {
          var planted = generated.context
          planted.plantedFaults = plantedFaults
          details.append(
            "under test: \(Self.render(Validator(context: planted).validate(json: generated.payload)))"
          )
        }
      }
      return FuzzFailure(
        target: .structured, summary: "\(property.name): \(error)",
        details: details + plantedFaultLines)
    }
  }

  // MARK: Corpus cases

  /// The payload and context a target judged for an input: what a crash input becomes as a
  /// corpus case. The context has no planted faults: the case's expectation is the
  /// reference verdict.
  ///
  /// - Parameters:
  ///   - target: The target the input is for.
  ///   - bytes: The input.
  /// - Returns: The payload and its context.
  /// - Throws: ``NoCaseError`` when the structured input is for a property whose inputs are
  ///   not payloads.
  public func caseInput(for target: FuzzTarget, bytes: [UInt8]) throws(NoCaseError) -> (
    payload: [UInt8], context: ValidationContext
  ) {
    switch target {
    case .rawBytes:
      let input = RawBytesInput(fuzzerInput: bytes)
      return (input.payload, input.context)
    case .structured:
      let property = property(forStructuredInput: bytes)
      guard let generated = property.generatedCase(fuzzerInput: Array(bytes.dropFirst())) else {
        throw NoCaseError(
          message: "the input checks property '\(property.name)', whose inputs are not payloads")
      }
      return (generated.payload, generated.context)
    }
  }

  // MARK: Rendering

  private var plantedFaultLines: [String] {
    plantedFaults.isEmpty ? [] : ["planted faults: \(plantedFaultNames.joined(separator: ", "))"]
  }

  /// A payload for a report: its text, escaped, when it is UTF-8, else its bytes in hex;
  /// long payloads are cut.
  static func render(_ payload: [UInt8]) -> String {
    let limit = 2000
    let shown = Array(payload.prefix(limit))
    let cut = payload.count > limit ? " …(\(payload.count) bytes)" : ""
    if CorpusCase.isText(shown) {
      return String(decoding: shown, as: UTF8.self).debugDescription + cut
    }
    return "bytes " + shown.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + cut
  }

  static func render(_ context: ValidationContext) -> String {
    "now \(context.now.rfc3339), existing names \(context.existingNames), "
      + "names \(context.nameComparison.rawValue)\(context.strict ? ", strict" : "")"
  }

  static func render(_ verdict: Verdict) -> String {
    guard verdict.isValid else {
      return "invalid " + verdict.violations.map(\.description).joined(separator: "; ")
    }
    return "valid " + JSONWriter.text(of: verdict.normalized?.jsonValue ?? .null)
  }
}
