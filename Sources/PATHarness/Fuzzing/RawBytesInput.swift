import PATModel

/// How the raw-bytes target reads its input: a payload, judged in a fixed context, or in a
/// context chosen by a four-byte header.
///
/// An input whose first byte is `0x00` (which never starts a JSON text) and that has at least
/// four bytes starts with a header:
///
/// | byte | meaning |
/// |---|---|
/// | 0 | `0x00`, the header marker |
/// | 1 | `now`: an index (modulo their count) into ``instants`` |
/// | 2 | the owner's token count (modulo 12): that many names from ``names`` |
/// | 3 | bit 0 strict; bits 1 and up (modulo 3): exact, canonical, caseInsensitive |
///
/// and the payload is the rest. Any other input is the payload itself, judged in
/// ``fixedContext``. The corpus's payloads are therefore seeds as they are, and libFuzzer
/// reaches other contexts by mutating a leading `0x00` in.
public struct RawBytesInput: Sendable {
  /// The first byte of an input that starts with a context header.
  public static let headerMarker: UInt8 = 0x00
  /// The length of the context header.
  public static let headerLength = 4

  /// The context of an input without a header: the corpus's default `now`, one existing name.
  public static let fixedContext = ValidationContext(
    now: CorpusCase.defaultNow, existingNames: ["CI"])

  /// The instants a header can choose as `now`: round and `.999` instants, a leap day, and
  /// the first and last instants an RFC 3339 date-time can write.
  public static let instants: [Timestamp] = [
    CorpusCase.defaultNow,
    Timestamp(rfc3339: "2026-06-15T12:34:56.789Z")!,
    Timestamp(rfc3339: "2026-12-31T23:59:59.999Z")!,
    Timestamp(rfc3339: "2028-02-29T00:00:00.000Z")!,
    Timestamp(rfc3339: "1970-01-01T00:00:00.000Z")!,
    Timestamp.earliestRFC3339,
    Timestamp.latestRFC3339,
  ]

  /// The most names a header can give the owner: one past the token limit.
  public static let maximumExistingNames = ValidationContext.maximumTokensPerOwner + 1

  /// The names a header gives the owner, in order: the harness's pool (accented, astral,
  /// case-changing), so duplicates and near-duplicates are one dictionary word away.
  public static let names: [String] = Array(PATGenerators.namePool.prefix(maximumExistingNames))

  /// The context the payload is judged in.
  public var context: ValidationContext
  /// The payload bytes.
  public var payload: [UInt8]
  /// Whether the input started with a context header.
  public var hasHeader: Bool

  /// Reads a fuzzer input.
  ///
  /// - Parameter bytes: The input.
  public init(fuzzerInput bytes: [UInt8]) {
    guard bytes.count >= Self.headerLength, bytes[0] == Self.headerMarker else {
      self.init(context: Self.fixedContext, payload: bytes, hasHeader: false)
      return
    }
    self.init(
      context: Self.context(header: (bytes[1], bytes[2], bytes[3])),
      payload: Array(bytes[Self.headerLength...]), hasHeader: true)
  }

  /// Creates an input from its parts.
  ///
  /// - Parameters:
  ///   - context: The context.
  ///   - payload: The payload.
  ///   - hasHeader: Whether it came with a header.
  public init(context: ValidationContext, payload: [UInt8], hasHeader: Bool) {
    self.context = context
    self.payload = payload
    self.hasHeader = hasHeader
  }

  /// The number of distinct contexts a header can choose.
  public static let headerContextCount = instants.count * (maximumExistingNames + 1) * 2 * 3

  /// The index, in `0..<headerContextCount`, of the context a header chooses.
  ///
  /// - Parameter header: Bytes 1, 2 and 3 of the input.
  /// - Returns: The index.
  public static func contextIndex(header: (UInt8, UInt8, UInt8)) -> Int {
    let instant = Int(header.0) % instants.count
    let count = Int(header.1) % (maximumExistingNames + 1)
    let strict = Int(header.2 & 1)
    let comparison = Int(header.2 >> 1) % 3
    return ((instant * (maximumExistingNames + 1) + count) * 2 + strict) * 3 + comparison
  }

  /// The context a header chooses.
  ///
  /// - Parameter header: Bytes 1, 2 and 3 of the input.
  /// - Returns: The context.
  public static func context(header: (UInt8, UInt8, UInt8)) -> ValidationContext {
    context(index: contextIndex(header: header))
  }

  /// The context with an index from ``contextIndex(header:)``.
  ///
  /// - Parameter index: The index, in `0..<headerContextCount`.
  /// - Returns: The context.
  public static func context(index: Int) -> ValidationContext {
    let comparison = [NameComparison.exact, .canonical, .caseInsensitive][index % 3]
    let strict = (index / 3) % 2 == 1
    let count = (index / 6) % (maximumExistingNames + 1)
    let instant = index / (6 * (maximumExistingNames + 1))
    return ValidationContext(
      now: instants[instant], existingNames: Array(names.prefix(count)),
      nameComparison: comparison, strict: strict)
  }
}
