import PATModel
import PropertyKit

/// One distinct way the code under test disagrees with the reference, found, shrunk and
/// de-duplicated by class.
public struct CampaignFinding: Sendable {
  /// `property` for an in-process property; `disagreement`, `crash`, `timeout` or `protocol`
  /// for an external implementation.
  public var kind: String
  /// The property that failed.
  public var property: String
  /// The class findings are de-duplicated by.
  public var findingClass: String
  /// The shrunk payload, for findings on payloads.
  public var payload: [UInt8]?
  /// The instant of the shrunk case.
  public var now: Timestamp?
  /// The owner's names of the shrunk case.
  public var existingNames: [String]
  /// The reference verdict of the shrunk case.
  public var expected: Expectation?
  /// What the implementation answered, for external implementations.
  public var actual: SUTAnswer?
  /// The HTTP status a service answered with, for services.
  public var status: Int?
  /// The failure message.
  public var message: String
  /// The shrunk value as the property describes it.
  public var counterexample: String
  /// Accepted shrink steps.
  public var shrinkSteps: Int
  /// The replay token of the shrunk case.
  public var replayToken: String
  /// The command line that replays the shrunk case.
  public var replay: String
  /// Where the case was written in the corpus, if it was.
  public var corpusPath: String?
  /// How many times the class was found (the first one is the one reported).
  public var occurrences: Int
}

extension CampaignFinding {
  /// A finding from a failed property run.
  init?(_ outcome: PATPropertyOutcome, replayCommand: String) {
    guard let counterexample = outcome.result.counterexample else { return nil }
    let failing = outcome.failingCase
    var expected: Expectation?
    if let failing {
      expected = Expectation(Validator(context: failing.context).validate(json: failing.payload))
    }
    let sutFinding = counterexample.error as? SUTFinding
    kind = sutFinding?.kind.rawValue ?? "property"
    property = outcome.property
    if let sutFinding {
      findingClass = sutFinding.findingClass
      expected = sutFinding.expected
    } else {
      findingClass = "property \(outcome.property) expected \(expected.map(\.description) ?? "n/a")"
    }
    self.expected = expected
    payload = failing?.payload
    now = failing?.now
    existingNames = failing?.existingNames ?? []
    actual = sutFinding?.actual
    status = sutFinding?.status
    message = "\(counterexample.error)"
    self.counterexample = sutFinding?.judgedCase?.description ?? counterexample.value
    shrinkSteps = counterexample.shrinkSteps
    replayToken = counterexample.replayToken.description
    replay = "\(replayCommand) --replay '\(counterexample.replayToken)'"
    corpusPath = nil
    occurrences = 1
  }
}
