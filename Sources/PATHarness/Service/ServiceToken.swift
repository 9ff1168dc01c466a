/// A token an owner holds on a service, as the listing (`GET`) shows it: what the harness
/// needs to recreate the owner's names and to delete what it created.
public struct ServiceToken: Sendable, Hashable {
  /// The token's id.
  public var id: String
  /// The token's name.
  public var name: String

  /// Creates a token description.
  ///
  /// - Parameters:
  ///   - id: The id.
  ///   - name: The name.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
