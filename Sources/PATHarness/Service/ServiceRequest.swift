/// One request the harness sends to a service's personal-access-token collection.
public struct ServiceRequest: Sendable, Hashable {
  /// The methods the harness uses.
  public enum Method: String, Sendable, Hashable {
    /// Lists the owner's tokens.
    case get = "GET"
    /// Creates a token.
    case post = "POST"
    /// Deletes one token.
    case delete = "DELETE"
  }

  /// The method.
  public var method: Method
  /// The token a `DELETE` is for (the target is the collection followed by `/ID`); `nil` for
  /// the collection itself.
  public var tokenID: String?
  /// The body (a `POST`'s JSON payload); empty for the others.
  public var body: [UInt8]

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - method: The method.
  ///   - tokenID: The token a `DELETE` is for.
  ///   - body: The body.
  public init(method: Method, tokenID: String? = nil, body: [UInt8] = []) {
    self.method = method
    self.tokenID = tokenID
    self.body = body
  }

  /// `GET` on the collection: the owner's tokens.
  public static let list = ServiceRequest(method: .get)

  /// `POST` on the collection: creates a token.
  ///
  /// - Parameter body: The payload.
  /// - Returns: The request.
  public static func create(_ body: [UInt8]) -> ServiceRequest {
    ServiceRequest(method: .post, body: body)
  }

  /// `DELETE` on one token.
  ///
  /// - Parameter id: The token's id.
  /// - Returns: The request.
  public static func delete(id: String) -> ServiceRequest {
    ServiceRequest(method: .delete, tokenID: id)
  }
}
