import PATModel
import PropertyKit

/// A disagreement between an external implementation (a process behind the line protocol, or
/// a running service) and the reference, thrown by the differential properties and reported
/// as a finding.
public struct SUTFinding: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of finding.
  public enum Kind: String, Hashable, Sendable {
    /// A different `accepted` (or, with code comparison, a different code set).
    case disagreement
    /// The process exited, or the service closed the connection, before answering.
    case crash
    /// No answer in time.
    case timeout
    /// An answer that breaks the protocol: malformed, for another request, a response body
    /// that breaks its schema, a status the API does not use.
    case `protocol`
    /// A service answered with a 5xx status.
    case serverError
  }

  /// The kind.
  public var kind: Kind
  /// The reference verdict.
  public var expected: Expectation
  /// The implementation's answer, when it gave one.
  public var actual: SUTAnswer?
  /// The protocol error, for crashes, timeouts and protocol findings of the line protocol.
  public var error: SUTProtocolError?
  /// The HTTP status of a service's response, when there was one.
  public var status: Int?
  /// What went wrong, for people, when ``error`` does not say it (a service's findings).
  public var detail: String?
  /// A stable part of ``detail`` that belongs in the finding class (such as `status 500` or
  /// `non-JSON error body`), without the varying parts.
  public var classDetail: String?
  /// The case as it was judged, when it differs from the generated one: a service's findings
  /// are judged against the service's clock and the tokens it actually holds.
  public var judgedCase: GeneratedCase?

  /// Creates a finding.
  ///
  /// - Parameters:
  ///   - kind: The kind.
  ///   - expected: The reference verdict.
  ///   - actual: The implementation's answer, if it gave one.
  ///   - error: The line-protocol error, if there was one.
  ///   - status: The HTTP status, if there was a response.
  ///   - detail: What went wrong, for people.
  ///   - classDetail: The stable part of `detail` for the finding class.
  ///   - judgedCase: The case as judged, when it is not the generated one.
  public init(
    kind: Kind, expected: Expectation, actual: SUTAnswer?, error: SUTProtocolError? = nil,
    status: Int? = nil, detail: String? = nil, classDetail: String? = nil,
    judgedCase: GeneratedCase? = nil
  ) {
    self.kind = kind
    self.expected = expected
    self.actual = actual
    self.error = error
    self.status = status
    self.detail = detail
    self.classDetail = classDetail
    self.judgedCase = judgedCase
  }

  /// The class findings are de-duplicated by: the kind, its stable detail, the
  /// implementation's verdict and the reference verdict.
  public var findingClass: String {
    var text = kind.rawValue
    if let classDetail { text += " (\(classDetail))" }
    text += " expected \(expected)"
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
      let by = status.map { " (HTTP \($0))" } ?? ""
      return "the implementation \(answer ?? "answered")\(by), the reference says \(expected)"
    case .crash, .timeout, .protocol, .serverError:
      let what = detail ?? error.map(\.description) ?? kind.rawValue
      return "\(what) (the reference says \(expected))"
    }
  }
}
