/// A set of member names compared by their exact UTF-8 bytes, cheap for the few names a
/// request usually has and still linear-time for payloads with thousands of members.
struct MemberNameSet {
  /// Above this many names, a hash set takes over from a linear search.
  private static let linearLimit = 16

  private var few: [String] = []
  private var many: Set<ExactString>?

  /// Adds a name.
  ///
  /// - Parameter name: The unescaped member name.
  /// - Returns: `true` when the name was not in the set yet.
  mutating func insert(_ name: String) -> Bool {
    if many != nil { return many!.insert(ExactString(name)).inserted }
    if few.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { return false }
    few.append(name)
    if few.count > Self.linearLimit {
      many = Set(few.map(ExactString.init))
      few = []
    }
    return true
  }
}
