import PATModel
import PropertyKit
import Synchronization

/// A disagreement between an external implementation and the reference, thrown by the
/// differential property and reported as a finding.
public struct SUTFinding: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of finding.
  public enum Kind: String, Hashable, Sendable {
    /// A different `accepted` (or, with code comparison, a different code set).
    case disagreement
    /// The process exited before answering.
    case crash
    /// No answer in time.
    case timeout
    /// An answer that breaks the protocol (malformed, or for another request).
    case `protocol`
  }

  /// The kind.
  public var kind: Kind
  /// The reference verdict.
  public var expected: Expectation
  /// The implementation's answer, when it gave one.
  public var actual: SUTAnswer?
  /// The protocol error, for crashes, timeouts and protocol findings.
  public var error: SUTProtocolError?

  /// The class findings are de-duplicated by: the kind, the implementation's verdict and the
  /// reference verdict.
  public var findingClass: String {
    var text = "\(kind.rawValue) expected \(expected)"
    if let actual {
      text += " actual " + (actual.accepted ? "accepted" : "rejected")
      if let codes = actual.codes, kind == .disagreement, !actual.accepted {
        text += " [" + codes.sorted().joined(separator: ", ") + "]"
      }
    }
    return text
  }

  public var description: String {
    switch kind {
    case .disagreement:
      let answer = actual.map { answer in
        (answer.accepted ? "accepted" : "rejected")
          + (answer.codes.flatMap { $0.isEmpty ? nil : " [" + $0.joined(separator: ", ") + "]" }
            ?? "")
      }
      return "the implementation \(answer ?? "answered"), the reference says \(expected)"
    case .crash, .timeout, .protocol:
      return "\(error.map(\.description) ?? kind.rawValue) (the reference says \(expected))"
    }
  }
}

extension PATProperties {
  /// The differential property: each generated UTF-8 payload gets the same `accepted` from an
  /// external implementation as from the reference (and the same codes, when asked).
  ///
  /// Shrinking re-runs candidates through the implementation and keeps only candidates with
  /// the same finding class, so a crash shrinks as a crash and a disagreement as itself.
  ///
  /// - Parameters:
  ///   - sut: The implementation.
  ///   - compareCodes: Whether a different code set is a finding.
  /// - Returns: The property, named `differential`.
  public static func differential(_ sut: SUTPool, compareCodes: Bool) -> PATProperty {
    let requests = IDCounter()
    return PATProperty(
      name: "differential",
      summary: "an external implementation agrees with the reference on every payload",
      generator: PATGenerators.cases(.protocolContext), asCase: { $0 },
      isSameFailure: { original, candidate in
        (original as? SUTFinding)?.findingClass == (candidate as? SUTFinding)?.findingClass
      }
    ) { generated, context in
      guard CorpusCase.isText(generated.payload) else {
        context.label("not sent (not UTF-8)")
        return
      }
      let verdict = Validator(context: generated.context).validate(json: generated.payload)
      for label in CaseClassifier.labels(
        payload: generated.payload, context: generated.context, verdict: verdict)
      {
        context.label(label)
      }
      let expected = Expectation(verdict)
      let request = SUTRequest(
        id: requests.next(), payload: String(decoding: generated.payload, as: UTF8.self),
        now: generated.now, existingNames: generated.existingNames)
      let answer: SUTAnswer
      do throws(SUTProtocolError) {
        answer = try sut.ask(request)
      } catch {
        let kind: SUTFinding.Kind
        switch error {
        case .exited, .cannotStart: kind = .crash
        case .timeout: kind = .timeout
        case .malformedAnswer, .mismatchedID: kind = .protocol
        }
        throw SUTFinding(kind: kind, expected: expected, actual: nil, error: error)
      }
      let codesDiffer =
        compareCodes && !answer.accepted
        && Set(answer.codes ?? []) != Set(expected.codes.map(\.rawValue))
      if answer.accepted != expected.valid || codesDiffer {
        throw SUTFinding(kind: .disagreement, expected: expected, actual: answer, error: nil)
      }
    }
  }
}

/// Hands out increasing request identifiers across threads.
final class IDCounter: Sendable {
  private let value = Mutex(0)

  func next() -> Int {
    value.withLock { current in
      current += 1
      return current
    }
  }
}
