import PATModel
import PropertyKit
import Synchronization

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
