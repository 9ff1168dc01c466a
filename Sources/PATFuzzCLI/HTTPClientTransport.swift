import Foundation
import PATHTTP
import PATHarness

/// The harness's ``ServiceTransport`` over an ``HTTPClient``: requests go to the
/// personal-access-token collection of a service given by URL, with the header fields given
/// on the command line (such as `Authorization`), over one kept-alive connection.
public struct HTTPClientTransport: ServiceTransport {
  /// The collection's path on a service whose URL has no path.
  public static let defaultCollectionPath = "/v2025/personal-access-tokens"

  /// The collection's URL.
  public let endpoint: String
  private let client: HTTPClient
  private let collectionPath: String
  private let headers: HTTPHeaders

  /// Creates a transport; nothing is sent until the first request.
  ///
  /// - Parameters:
  ///   - url: `http://host[:port][/path]`: the collection's URL, or the service's root (no
  ///     path), to which ``defaultCollectionPath`` is added.
  ///   - headers: Header fields sent with every request, in order.
  ///   - timeoutSeconds: How long each exchange may take.
  /// - Throws: ``HTTPClientError`` of kind ``HTTPClientError/Kind/invalidURL`` for a URL
  ///   that is not `http://host[:port][/path]`.
  public init(url: String, headers: [RequestHeader], timeoutSeconds: Double)
    throws(HTTPClientError)
  {
    var configuration = HTTPClient.Configuration()
    configuration.requestTimeoutMilliseconds = max(1, Int((timeoutSeconds * 1000).rounded()))
    configuration.connectTimeoutMilliseconds = min(5_000, configuration.requestTimeoutMilliseconds)
    client = try HTTPClient(url: url, configuration: configuration)
    collectionPath = client.basePath.isEmpty ? Self.defaultCollectionPath : ""
    var fields = HTTPHeaders()
    for header in headers { fields.add(header.name, header.value) }
    if !fields.contains("Accept") { fields.add("Accept", "application/json") }
    self.headers = fields
    let host = client.host.contains(":") ? "[\(client.host)]" : client.host
    endpoint = "http://\(host):\(client.port)\(client.basePath)\(collectionPath)"
  }

  /// Sends one request to the collection (or, for a `DELETE`, to `COLLECTION/ID`, the id
  /// percent-encoded).
  ///
  /// - Parameter request: The request.
  /// - Returns: The response with its `Date` and `Retry-After` fields read.
  /// - Throws: ``ServiceTransportError`` when no complete response arrived.
  public func send(_ request: ServiceRequest) throws(ServiceTransportError) -> ServiceResponse {
    var fields = headers
    var target = collectionPath
    if let id = request.tokenID { target += "/" + Self.percentEncoded(id) }
    if request.method == .post, !fields.contains("Content-Type") {
      fields.add("Content-Type", "application/json")
    }
    let response: HTTPResponse
    do throws(HTTPClientError) {
      response = try client.send(
        HTTPRequest(
          method: request.method.rawValue, target: target, headers: fields, body: request.body))
    } catch {
      let kind: ServiceTransportError.Kind
      switch error.kind {
      case .invalidURL, .cannotConnect: kind = .cannotConnect
      case .timedOut: kind = .timedOut
      case .connectionClosed: kind = .connectionClosed
      case .malformedResponse, .responseTooLarge: kind = .malformedResponse
      }
      throw ServiceTransportError(kind: kind, message: error.message)
    }
    let date = response.headers["Date"].flatMap(HTTPDate.parse)
    return ServiceResponse(
      status: response.status, body: response.body, contentType: response.headers["Content-Type"],
      date: date,
      retryAfterMilliseconds: Self.retryAfter(response.headers["Retry-After"], date: date))
  }

  /// Reads `Retry-After`: delay seconds, or an HTTP date taken relative to the `Date` field.
  ///
  /// - Parameters:
  ///   - value: The field's value.
  ///   - date: The response's `Date`, in epoch milliseconds.
  /// - Returns: The wait in milliseconds, or `nil` when the field is absent or unusable.
  static func retryAfter(_ value: String?, date: Int64?) -> Int64? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    if value.allSatisfy({ ("0"..."9").contains($0) }) {
      return Int64(value.prefix(9)).map { $0 * 1000 }
    }
    guard let instant = HTTPDate.parse(value), let date else { return nil }
    return max(0, instant - date)
  }

  /// A path segment with everything but unreserved characters percent-encoded.
  ///
  /// - Parameter segment: The segment, such as a token id.
  /// - Returns: The encoded segment.
  static func percentEncoded(_ segment: String) -> String {
    var text = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        text.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        text += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return text
  }
}
