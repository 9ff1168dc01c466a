import Foundation
@_spi(PlantedFaults) import PATModel
import PropertyKit

/// The properties of the harness: everything `swift test` and campaigns check.
public enum PATProperties {
  /// Configuration of the properties: which bugs the validator under test has.
  public struct Configuration: Sendable {
    /// Deliberate validator bugs (for proving the harness finds them); none by default.
    @_spi(PlantedFaults) public var plantedFaults: PlantedFaults

    /// The configuration that tests the real validator.
    public static let standard = Configuration(plantedFaults: [])

    /// Creates a configuration whose validator has deliberate bugs.
    @_spi(PlantedFaults) public init(plantedFaults: PlantedFaults) {
      self.plantedFaults = plantedFaults
    }
  }

  /// Every property, in the order campaigns run them.
  ///
  /// - Parameter configuration: The validator under test.
  /// - Returns: The properties.
  public static func all(_ configuration: Configuration = .standard) -> [PATProperty] {
    [
      oracle(configuration), totality(configuration), decodeEncodeFixpoint, modelRoundTrip,
      timestampRoundTrip, dialectInvariance(configuration), foundationAgreement(configuration),
      fastDecoder(configuration), tokenStore,
    ]
  }

  /// The label of a case a property ran but could not judge, such as a service's case whose
  /// reference verdict changes within what the harness knows of the service's `now`.
  /// Campaigns count these apart (``Campaign/Summary/inconclusive``): neither passes nor
  /// findings.
  public static let inconclusiveLabel = "inconclusive"

  /// The labels every default run of the oracle property must reach, and how often.
  public static let requiredCoverage: [CoverageRequirement] =
    [
      CoverageRequirement(label: "valid", atLeastPercent: 20),
      CoverageRequirement(label: "date:null", atLeastPercent: 1),
      CoverageRequirement(label: "date:past", atLeastPercent: 1),
      CoverageRequirement(label: "date:now-1ms", atLeastPercent: 0.3),
      CoverageRequirement(label: "date:now", atLeastPercent: 0.3),
      CoverageRequirement(label: "date:now+1ms", atLeastPercent: 0.3),
      CoverageRequirement(label: "name:duplicate", atLeastPercent: 1),
      CoverageRequirement(label: "name:nearDuplicate", atLeastPercent: 1),
      CoverageRequirement(label: "owner:tokenLimit", atLeastPercent: 1),
      CoverageRequirement(label: "json:malformed", atLeastPercent: 1),
    ]
    + CaseClassifier.validityBoundaries.map {
      CoverageRequirement(label: "validity:\($0)", atLeastPercent: 0.2)
    }
    + ViolationCode.allCases.map {
      CoverageRequirement(label: "code:\($0.rawValue)", atLeastPercent: 0.1)
    }

  /// The validator for a case, with the configuration's planted faults.
  static func validator(for generated: GeneratedCase, _ configuration: Configuration) -> Validator {
    var context = generated.context
    context.plantedFaults = configuration.plantedFaults
    return Validator(context: context)
  }

  static func label(_ generated: GeneratedCase, verdict: Verdict?, _ context: PropertyContext) {
    for label in CaseClassifier.labels(
      payload: generated.payload, context: generated.context, verdict: verdict)
    {
      context.label(label)
    }
  }

  // MARK: The oracle

  /// Validation agrees with the independent decision table on every case whose outcome the
  /// plan determines.
  public static func oracle(_ configuration: Configuration = .standard) -> PATProperty {
    PATProperty(
      name: "oracle",
      summary: "the validator agrees with an independent decision table built from the plan",
      coverage: requiredCoverage, generator: PATGenerators.cases(), asCase: { $0 }
    ) { generated, context in
      let verdict = validator(for: generated, configuration).validate(json: generated.payload)
      label(generated, verdict: nil, context)
      guard let expected = DecisionTable.outcome(for: generated) else { return }
      let actual = Expectation(verdict)
      guard actual == expected.expectation else {
        throw PropertyFailure(
          "validator says \(actual), the decision table says \(expected.expectation): "
            + verdict.violations.map(\.description).joined(separator: "; "))
      }
      guard verdict.normalized == expected.normalized else {
        throw PropertyFailure(
          "normalized \(String(describing: verdict.normalized)), expected \(String(describing: expected.normalized))"
        )
      }
    }
  }

  // MARK: Totality and determinism

  /// Validation gives a verdict for any bytes, never traps, and gives the same verdict twice.
  public static func totality(_ configuration: Configuration = .standard) -> PATProperty {
    let bytes = Gen.frequency([
      (3, PATGenerators.cases().map(\.payload)),
      (1, Gen.array(of: Gen<UInt8>.integer(in: 0...255), count: 0...64)),
      (
        1,
        Gen.array(
          of: Gen.element(
            of: Array("{}[]\",:0123456789-.eE+tfnrul \\/ab\u{7F}".utf8) + [0xC3, 0xA9, 0xFF, 0xED]),
          count: 0...64)
      ),
    ])
    let inputs = Gen.zip(bytes, PATGenerators.now)
    return PATProperty(
      name: "totality",
      summary: "validation is total and deterministic on any bytes",
      generator: inputs
    ) { input, context in
      let (payload, now) = input
      var validationContext = ValidationContext(now: now)
      validationContext.plantedFaults = configuration.plantedFaults
      let validator = Validator(context: validationContext)
      let first = validator.validate(json: payload)
      let second = validator.validate(json: payload)
      context.label(first.isValid ? "valid" : "invalid")
      for code in first.codes { context.label("code:\(code.rawValue)") }
      guard first == second else {
        throw PropertyFailure("two validations differ: \(first.violations) / \(second.violations)")
      }
      guard first.isValid == (first.normalized != nil), first.isValid == first.violations.isEmpty
      else {
        throw PropertyFailure("an inconsistent verdict: \(first)")
      }
    }
  }

  // MARK: Encoding

  /// Decoding, encoding and decoding again gives the same request, and the canonical
  /// encoding is byte-stable.
  public static let decodeEncodeFixpoint = PATProperty(
    name: "decode-encode-fixpoint",
    summary: "decode → encode → decode is a fixpoint and canonical encoding is byte-stable",
    generator: PATGenerators.cases(), asCase: { $0 }
  ) { generated, context in
    guard let first = try? CreatePersonalAccessTokenRequest(json: generated.payload) else {
      context.label("undecodable")
      return
    }
    context.label("decodable")
    let encoded = first.canonicalJSON
    let second = try CreatePersonalAccessTokenRequest(json: encoded)
    guard second == first else {
      throw PropertyFailure(
        "decoding the encoding changed the request: \(second.canonicalJSONString)")
    }
    guard second.canonicalJSON == encoded else {
      throw PropertyFailure("the canonical encoding is not stable")
    }
  }

  /// Generated requests encode and decode back to themselves.
  public static let modelRoundTrip = PATProperty(
    name: "model-roundtrip",
    summary: "for generated requests, encode → decode is the identity",
    generator: ModelGenerators.request
  ) { request, context in
    context.classify(request.additionalMembers.isEmpty, "no unknown members")
    let decoded = try CreatePersonalAccessTokenRequest(json: request.canonicalJSON)
    guard decoded == request else {
      throw PropertyFailure("decoded \(decoded.canonicalJSONString)")
    }
  }

  // MARK: Timestamps

  /// Timestamps format and parse back exactly, in any written form, and convert exactly
  /// through Foundation's `Date`.
  public static let timestampRoundTrip = PATProperty(
    name: "timestamp-roundtrip",
    summary: "timestamps round-trip exactly through text, every form, and Date",
    generator: ModelGenerators.writtenInstant
  ) { written, context in
    let (milliseconds, form) = written
    let timestamp = Timestamp(millisecondsSinceEpoch: milliseconds)
    context.classify(milliseconds % 1000 == 999, "ms .999")
    context.classify(form.offsetMinutes != nil, "offset")
    guard Timestamp(rfc3339: timestamp.rfc3339) == timestamp else {
      throw PropertyFailure("\(timestamp.rfc3339) does not parse back")
    }
    guard Timestamp(timestamp.date) == timestamp else {
      throw PropertyFailure("Date conversion of \(timestamp.rfc3339) is off")
    }
    if let text = form.render(milliseconds: milliseconds) {
      guard Timestamp(rfc3339: text) == timestamp else {
        throw PropertyFailure("\(text) parses to \(String(describing: Timestamp(rfc3339: text)))")
      }
    }
  }

  // MARK: Dialects and paths

  /// The same logical request as each SDK writes it gets the same verdict and normal form.
  public static func dialectInvariance(_ configuration: Configuration = .standard) -> PATProperty {
    let plans = Gen { source in
      let now = try PATGenerators.now.generate(from: source)
      let existing = try PATGenerators.existingNames.generate(from: source)
      let plan = try PATGenerators.plan(now: now, existing: existing, options: .wellFormed)
        .generate(from: source)
      return GeneratedCase(plan: plan, now: now, existingNames: existing)
    }
    return PATProperty(
      name: "dialect-invariance",
      summary: "each SDK dialect of a request gets the same verdict and normalized form",
      generator: plans, asCase: { $0 }
    ) { generated, context in
      let plain = validator(for: generated, configuration).validate(json: generated.payload)
      context.label(plain.isValid ? "valid" : "invalid")
      for dialect in Dialect.allCases where dialect != .plain {
        var plan = generated.plan
        plan.dialect = dialect
        let variant = GeneratedCase(
          plan: plan, now: generated.now, existingNames: generated.existingNames)
        let verdict = validator(for: variant, configuration).validate(json: variant.payload)
        guard Expectation(verdict) == Expectation(plain), verdict.normalized == plain.normalized
        else {
          throw PropertyFailure(
            "\(dialect.rawValue) dialect \(String(decoding: variant.payload, as: UTF8.self)) gets \(Expectation(verdict)), plain gets \(Expectation(plain))"
          )
        }
      }
    }
  }

  /// The fast decoder gives exactly the reference decoder's result on every payload: the same
  /// request, or the same violations (codes, fields and messages); and the fast validator the
  /// same verdict.
  public static func fastDecoder(_ configuration: Configuration = .standard) -> PATProperty {
    let cases = Gen.frequency([
      (4, PATGenerators.cases()),
      (
        1,
        Gen.zip(PATGenerators.cases(), Gen.array(of: Gen<UInt8>.integer(in: 0...255), count: 1...8))
          .map { generated, noise in
            var mutated = generated
            let position = Int(noise[0]) * max(generated.payload.count, 1) / 256
            mutated.payload.replaceSubrange(
              position..<min(position + noise.count - 1, generated.payload.count),
              with: noise.dropFirst())
            return mutated
          }
      ),
    ])
    return PATProperty(
      name: "fast-decoder",
      summary: "the fast decoder and validator agree exactly with the reference",
      generator: cases, asCase: { $0 }
    ) { generated, context in
      let reference = Result { () throws(RequestDecodingError) in
        try CreatePersonalAccessTokenRequest(json: generated.payload)
      }
      let fast = Result { () throws(RequestDecodingError) in
        try FastRequestDecoder.decode(generated.payload)
      }
      switch (reference, fast) {
      case (.success(let expected), .success(let actual)):
        context.label("decodable")
        guard expected == actual else {
          throw PropertyFailure(
            "fast decoded \(actual.canonicalJSONString), reference \(expected.canonicalJSONString)")
        }
      case (.failure(let expected), .failure(let actual)):
        context.label(expected.code.rawValue)
        guard expected == actual else {
          throw PropertyFailure("fast failed with \(actual), reference with \(expected)")
        }
      default:
        throw PropertyFailure("fast gave \(fast), reference \(reference)")
      }
      var validationContext = generated.context
      validationContext.plantedFaults = configuration.plantedFaults
      let expected = Validator(context: validationContext).validate(json: generated.payload)
      let actual = FastRequestDecoder.validate(generated.payload, context: validationContext)
      guard expected == actual else {
        throw PropertyFailure("fast verdict \(actual.violations), reference \(expected.violations)")
      }
    }
  }

  /// The Foundation path and the reference decoder agree wherever Foundation can express the
  /// case.
  public static func foundationAgreement(_ configuration: Configuration = .standard) -> PATProperty
  {
    PATProperty(
      name: "foundation-agreement",
      summary: "JSONDecoder into the Codable model agrees with the reference decoder",
      generator: PATGenerators.cases(), asCase: { $0 }
    ) { generated, context in
      var validationContext = generated.context
      validationContext.plantedFaults = configuration.plantedFaults
      guard
        let foundation = DecodingPath.foundation.verdict(
          for: generated.payload, context: validationContext)
      else {
        context.label("not applicable")
        return
      }
      context.label("applicable")
      let reference = Validator(context: validationContext).validate(json: generated.payload)
      guard Expectation(foundation) == Expectation(reference),
        foundation.normalized == reference.normalized
      else {
        throw PropertyFailure(
          "foundation gives \(Expectation(foundation)), the reference \(Expectation(reference))")
      }
    }
  }
}
