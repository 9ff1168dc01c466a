/// How the harness reaches a running service's personal-access-token collection
/// (`/v2025/personal-access-tokens`): one request at a time, answered by one response.
///
/// The harness knows the API, not HTTP: an implementation sends the request to the
/// collection (or, for a `DELETE`, to one token under it) with whatever header fields the
/// service needs (such as `Authorization`), and reads back the status, the body and the two
/// header fields the harness uses, `Date` and `Retry-After`.
public protocol ServiceTransport: Sendable {
  /// Where requests go, for messages (such as the collection's URL).
  var endpoint: String { get }

  /// Sends one request and waits for its response.
  ///
  /// - Parameter request: The request.
  /// - Returns: The response, whatever its status (a 4xx or 5xx is a response).
  /// - Throws: ``ServiceTransportError`` when no complete response arrived.
  func send(_ request: ServiceRequest) throws(ServiceTransportError) -> ServiceResponse
}
