import Foundation

/// Where the package's files are, found from this source file (not through a resource bundle),
/// so a case added to `corpus/` is replayed without any code change.
enum PackageLocation {
  /// The package root.
  static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// The regression corpus.
  static let corpus: String = (root as NSString).appendingPathComponent("corpus")

  /// A fresh empty temporary folder.
  static func temporaryFolder(_ name: String = #function) -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "patfuzz-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    )
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
