import Foundation
import PATModel
import PropertyKit

/// One case of the differential property against a running service: sets up the owner's
/// tokens, renders the payload against the service's estimated `now`, sends it, and judges
/// the response by the reference over what the harness knows of the service's `now`.
struct ServiceCaseCheck: Sendable {
  /// The session with the service.
  let session: ServiceSession
  /// Whether a different code set is a finding.
  let compareCodes: Bool

  /// Runs one case.
  ///
  /// - Parameters:
  ///   - generated: The generated case; its `now` is a placeholder and its existing names
  ///     what the case would like the owner to have.
  ///   - context: Labels the case.
  /// - Throws: ``SUTFinding`` for a finding; `GenerationError` (a discarded case) when the
  ///   session cannot go on, so the case is not counted.
  func run(_ generated: GeneratedCase, _ context: PropertyContext) throws {
    let names: [String]
    do {
      names = try session.prepare(existingNames: generated.existingNames)
    } catch {
      throw GenerationError.rejected("not run: \(error)")
    }
    if !names.elementsEqual(generated.existingNames, by: { $0.exact == $1.exact }) {
      context.label("context:adapted")
    }
    let estimate = session.estimatedNow()
    var judged = generated.rendered(now: estimate, existingNames: names)
    guard CorpusCase.isText(judged.payload) else {
      context.label("not sent (not UTF-8)")
      return
    }
    for label in CaseClassifier.labels(payload: judged.payload, context: judged.context) {
      context.label(label)
    }
    let submission: ServiceSubmission
    do {
      submission = try session.submit(judged.payload)
    } catch {
      throw GenerationError.rejected("not run: \(error)")
    }
    switch submission.outcome {
    case .failed(let error):
      judged.now = (session.interval(for: submission) ?? .unknown).clamped(estimate)
      let kind: SUTFinding.Kind
      let classDetail: String?
      switch error.kind {
      case .timedOut: (kind, classDetail) = (.timeout, nil)
      case .connectionClosed, .cannotConnect: (kind, classDetail) = (.crash, "connection closed")
      case .malformedResponse: (kind, classDetail) = (.protocol, "malformed HTTP response")
      }
      throw finding(kind, judged, detail: error.message, classDetail: classDetail)
    case .response(let response):
      try judge(response, of: submission, judged: judged, estimate: estimate, context: context)
    }
  }

  /// Judges a response: a finding when the service's answer is not the reference's, or
  /// breaks the API's schemas or statuses.
  ///
  /// - Parameters:
  ///   - response: The response.
  ///   - submission: The submission it answered.
  ///   - judged: The case as sent, in the owner's real context.
  ///   - estimate: The guess of the service's `now` the payload was built against.
  ///   - context: Labels the case.
  /// - Throws: ``SUTFinding`` for a finding; `GenerationError` when the session cannot go on.
  private func judge(
    _ response: ServiceResponse, of submission: ServiceSubmission, judged: GeneratedCase,
    estimate: Timestamp, context: PropertyContext
  ) throws {
    var judged = judged
    let status = response.status
    switch status {
    case 200..<300:
      if case .failure(let problem)? = submission.creation {
        judged.now = (session.interval(for: submission) ?? .unknown).clamped(estimate)
        throw finding(
          .protocol, judged, status: status,
          detail: "the \(status) body breaks the CreatePersonalAccessTokenResponse schema: "
            + "\(problem): \(Self.excerpt(response.body))",
          classDetail: "\(status) body: \(problem)")
      }
      guard let now = try settle(submission, judged: judged, estimate: estimate, context) else {
        return
      }
      judged.now = now
      let answer = SUTAnswer(id: 0, accepted: true, codes: nil)
      let expected = Self.expectation(judged)
      if !expected.valid {
        throw SUTFinding(
          kind: .disagreement, expected: expected, actual: answer, status: status,
          judgedCase: judged)
      }
    case 400:
      let codes: [String]?
      switch ServiceResponseSchema.errorCodes(response.body) {
      case .failure(let problem):
        judged.now = (session.interval(for: submission) ?? .unknown).clamped(estimate)
        throw finding(
          .protocol, judged, status: status,
          detail: "the 400 body is not an ErrorResponseDto: \(problem): "
            + Self.excerpt(response.body),
          classDetail: "400 body: \(problem)")
      case .success(let read):
        codes = read
      }
      guard let now = try settle(submission, judged: judged, estimate: estimate, context) else {
        return
      }
      judged.now = now
      let answer = SUTAnswer(id: 0, accepted: false, codes: codes)
      let expected = Self.expectation(judged)
      let codesDiffer =
        compareCodes && Set(codes ?? []) != Set(expected.codes.map(\.rawValue))
      if expected.valid || codesDiffer {
        throw SUTFinding(
          kind: .disagreement, expected: expected, actual: answer, status: status,
          judgedCase: judged)
      }
    case 413:
      // A body over the service's size limit is refused before it is read: an operational
      // limit, not a verdict on the payload (the semantics set no size limit).
      context.label("not judged (413: body over the service's limit)")
    case 500..<600:
      judged.now = (session.interval(for: submission) ?? .unknown).clamped(estimate)
      throw finding(
        .serverError, judged, status: status,
        detail: "the service answered \(status): \(Self.excerpt(response.body))",
        classDetail: "status \(status)")
    default:
      judged.now = (session.interval(for: submission) ?? .unknown).clamped(estimate)
      throw finding(
        .protocol, judged, status: status,
        detail: "the service answered \(status), a status the API does not use for a create: "
          + Self.excerpt(response.body),
        classDetail: "status \(status)")
    }
  }

  /// The instant to judge a response at, when the reference's verdict is the same wherever
  /// the service's `now` lies within what the harness knows of it; else `nil`, and the case
  /// is labelled inconclusive. A first interval too wide to settle the verdict is narrowed by
  /// reading the clock once more.
  ///
  /// - Parameters:
  ///   - submission: The submission.
  ///   - judged: The case as sent.
  ///   - estimate: The guess of the service's `now`.
  ///   - context: Labels the case.
  /// - Returns: The guess moved into the interval, or `nil` for an inconclusive case.
  /// - Throws: `GenerationError` when the session cannot go on.
  private func settle(
    _ submission: ServiceSubmission, judged: GeneratedCase, estimate: Timestamp,
    _ context: PropertyContext
  ) throws -> Timestamp? {
    var interval = session.interval(for: submission)
    if interval.map({ settles(judged, over: $0) }) != true, interval?.isExact != true {
      context.label("clock:refined")
      do {
        interval = try session.refine(submission)
      } catch {
        throw GenerationError.rejected("not run: \(error)")
      }
    }
    guard let interval, settles(judged, over: interval) else {
      context.label(PATProperties.inconclusiveLabel)
      return nil
    }
    return interval.clamped(estimate)
  }

  /// Whether the reference gives the same verdict (acceptance, and codes when they are
  /// compared) at both ends of an interval; it does then everywhere between, as only
  /// `expirationDate.notFuture` depends on `now`, and monotonically.
  ///
  /// - Parameters:
  ///   - judged: The case.
  ///   - interval: The interval of `now`.
  /// - Returns: Whether the verdict is settled.
  private func settles(_ judged: GeneratedCase, over interval: ServiceNowInterval) -> Bool {
    var early = judged
    early.now = Timestamp(millisecondsSinceEpoch: interval.earliest)
    var late = judged
    late.now = Timestamp(millisecondsSinceEpoch: interval.latest)
    let first = Self.expectation(early)
    let last = Self.expectation(late)
    return first.valid == last.valid && (!compareCodes || first.codes == last.codes)
  }

  /// A finding with the reference verdict of the judged case.
  ///
  /// - Parameters:
  ///   - kind: The kind.
  ///   - judged: The case as judged.
  ///   - status: The HTTP status, if there was a response.
  ///   - detail: What went wrong, for people.
  ///   - classDetail: The stable part of `detail` for the finding class.
  /// - Returns: The finding.
  private func finding(
    _ kind: SUTFinding.Kind, _ judged: GeneratedCase, status: Int? = nil, detail: String,
    classDetail: String?
  ) -> SUTFinding {
    SUTFinding(
      kind: kind, expected: Self.expectation(judged), actual: nil, status: status,
      detail: detail, classDetail: classDetail, judgedCase: judged)
  }

  /// The reference verdict of a case in its context.
  ///
  /// - Parameter judged: The case.
  /// - Returns: The verdict as an expectation.
  private static func expectation(_ judged: GeneratedCase) -> Expectation {
    Expectation(Validator(context: judged.context).validate(json: judged.payload))
  }

  /// The start of a body, for messages.
  ///
  /// - Parameter body: The body.
  /// - Returns: Its first 200 bytes as text, on one line.
  private static func excerpt(_ body: [UInt8]) -> String {
    let text = String(decoding: body.prefix(200), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ")
    return body.count > 200 ? text + "…" : text
  }
}
