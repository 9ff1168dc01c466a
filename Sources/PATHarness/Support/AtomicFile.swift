import Foundation

/// Writes files so that readers see either the old content or the whole new content, never a
/// part: the bytes go to a hidden temporary file in the same folder, which is then renamed.
enum AtomicFile {
  /// The prefix of temporary files; loaders skip names that start with a dot.
  static let temporaryPrefix = ".tmp-"

  /// Writes bytes to a path atomically, creating the folder if needed.
  ///
  /// - Parameters:
  ///   - bytes: The new content.
  ///   - path: The destination.
  ///   - interruptAfter: For tests: stop after writing this many bytes, as a crash would.
  /// - Throws: A Foundation error when the folder or file cannot be written.
  static func write(_ bytes: [UInt8], to path: String, interruptAfter: Int? = nil) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      "\(temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))-\(url.lastPathComponent)"
    )
    if let limit = interruptAfter {
      try Data(bytes.prefix(limit)).write(to: temporary)
      throw CocoaError(.fileWriteUnknown)
    }
    do {
      try Data(bytes).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
