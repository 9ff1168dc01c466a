import PATModel
import PropertyKit

extension PATProperties {
  /// The differential property against a running service: each generated UTF-8 payload,
  /// sent as a `POST` body, gets the reference's verdict from the service (2xx when valid,
  /// 400 when not, with the same codes when asked), with a well-formed body.
  ///
  /// Each case first makes the owner's names those it wants
  /// (``ServiceSession/prepare(existingNames:)``), renders its dates against the service's
  /// estimated `now`, and is judged against what the
  /// harness knows of that `now`: exactly the `created` time of a token it created, else an
  /// interval from the clock readings; a case whose verdict changes within the interval is
  /// labelled ``inconclusiveLabel``. Shrinking sends candidates to the service again and keeps
  /// only those with the same finding class.
  ///
  /// - Parameters:
  ///   - session: The started session with the service.
  ///   - compareCodes: Whether a different code set is a finding.
  /// - Returns: The property, named `differential-http`.
  public static func differentialHTTP(_ session: ServiceSession, compareCodes: Bool)
    -> PATProperty
  {
    let check = ServiceCaseCheck(session: session, compareCodes: compareCodes)
    return PATProperty(
      name: "differential-http",
      summary: "a running service answers every payload as the reference does",
      generator: PATGenerators.cases(.protocolContext, now: .constant(CorpusCase.defaultNow)),
      asCase: { $0 },
      isSameFailure: { original, candidate in
        (original as? SUTFinding)?.findingClass == (candidate as? SUTFinding)?.findingClass
      }
    ) { generated, context in
      try check.run(generated, context)
    }
  }
}
