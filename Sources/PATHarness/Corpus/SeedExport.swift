import Foundation

/// Writes the payloads of corpus cases as a libFuzzer seed corpus: one file per distinct
/// payload, holding exactly its bytes.
public enum SeedExport {
  /// The file name of a payload's seed: the first 16 hex digits of its SHA-256.
  ///
  /// - Parameter payload: The payload bytes.
  /// - Returns: The file name.
  public static func fileName(for payload: [UInt8]) -> String {
    String(SHA256.hexDigest(payload).prefix(16))
  }

  /// Writes the distinct payloads of cases into a folder, creating it if needed. A seed file
  /// already there is left as it is.
  ///
  /// - Parameters:
  ///   - cases: The cases.
  ///   - folder: The output folder.
  /// - Returns: The number of distinct payloads.
  /// - Throws: A file-system error.
  @discardableResult
  public static func write(_ cases: [CorpusCase], to folder: String) throws -> Int {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var names = Set<String>()
    for corpusCase in cases {
      let name = fileName(for: corpusCase.payload)
      guard names.insert(name).inserted else { continue }
      let path = (folder as NSString).appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: path) { continue }
      try AtomicFile.write(corpusCase.payload, to: path)
    }
    return names.count
  }
}
