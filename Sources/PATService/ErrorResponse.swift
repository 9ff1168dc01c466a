import PATModel

/// The service's `ErrorResponseDto`: `{detailCode, trackingId, messages: [{locale,
/// localeOrigin, text}], causes: []}`.
public struct ErrorResponse: Sendable {
  /// The `detailCode` of a request that breaks the validation rules.
  public static let badRequestContent = "400.1 Bad request content"
  /// The `detailCode` of a request the HTTP layer cannot read.
  public static let badRequestSyntax = "400.0 Bad request syntax"

  /// A code and short title, such as `400.1 Bad request content`.
  public var detailCode: String
  /// A random id to find the failure in logs (32 hex digits).
  public var trackingId: String
  /// The messages, one per problem; each in locale `en-US`, origin `DEFAULT`.
  public var messages: [String]

  /// Creates an error response with a fresh tracking id.
  ///
  /// - Parameters:
  ///   - detailCode: The detail code.
  ///   - messages: The messages.
  public init(detailCode: String, messages: [String]) {
    self.detailCode = detailCode
    self.trackingId = RandomHex.make(byteCount: 16)
    self.messages = messages
  }

  /// The error response for violations: one message per violation, its text
  /// `"<code>: <message>"` (for example `expirationDate.notFuture: … is not after now (…)`).
  ///
  /// - Parameter violations: The violations, in the model's order.
  /// - Returns: The error response, detail code ``badRequestContent``.
  public static func violations(_ violations: [Violation]) -> ErrorResponse {
    ErrorResponse(
      detailCode: badRequestContent,
      messages: violations.map { "\($0.code.rawValue): \($0.message)" })
  }

  /// The detail code for a status the HTTP layer or the router answers: `400.0 Bad request
  /// syntax` for 400, otherwise the status and its reason phrase (`404 Not Found`).
  ///
  /// - Parameters:
  ///   - status: The status code.
  ///   - reason: The reason phrase.
  /// - Returns: The detail code.
  public static func detailCode(status: Int, reason: String) -> String {
    status == 400 ? badRequestSyntax : "\(status) \(reason)"
  }

  /// The body as a JSON object.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(name: "detailCode", value: .string(detailCode)),
      JSONMember(name: "trackingId", value: .string(trackingId)),
      JSONMember(
        name: "messages",
        value: .array(
          messages.map { text in
            .object([
              JSONMember(name: "locale", value: .string("en-US")),
              JSONMember(name: "localeOrigin", value: .string("DEFAULT")),
              JSONMember(name: "text", value: .string(text)),
            ])
          })),
      JSONMember(name: "causes", value: .array([])),
    ])
  }
}
