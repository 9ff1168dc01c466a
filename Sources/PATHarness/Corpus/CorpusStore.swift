import Foundation
import PATModel

/// A corpus folder: one case file per case, in sub-folders by theme.
public struct CorpusStore: Sendable {
  /// One case read from a file, with where it lives.
  public struct Entry: Hashable, Sendable {
    /// The file's path relative to the corpus root (for example `dates/0a1b2c3d4e5f6071.json`).
    public var relativePath: String
    /// The case.
    public var corpusCase: CorpusCase

    /// Creates an entry.
    public init(relativePath: String, corpusCase: CorpusCase) {
      self.relativePath = relativePath
      self.corpusCase = corpusCase
    }
  }

  /// The root folder.
  public var root: String

  /// A corpus at a folder.
  ///
  /// - Parameter root: The corpus root folder.
  public init(root: String) {
    self.root = root
  }

  /// The relative paths of every case file, sorted: files ending in `.json` whose names do
  /// not start with a dot, in any sub-folder.
  ///
  /// - Throws: ``CorpusFileError`` when the root is not a readable folder.
  public func casePaths() throws(CorpusFileError) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw CorpusFileError(path: root, message: "not a corpus folder")
    }
    guard let walker = FileManager.default.enumerator(atPath: root) else {
      throw CorpusFileError(path: root, message: "cannot list the folder")
    }
    var paths: [String] = []
    while let path = walker.nextObject() as? String {
      let name = (path as NSString).lastPathComponent
      guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
      paths.append(path)
    }
    return paths.sorted()
  }

  /// Reads one case file.
  ///
  /// - Parameter relativePath: The file's path relative to the root.
  /// - Returns: The case.
  /// - Throws: ``CorpusFileError`` naming the file and the problem.
  public func read(_ relativePath: String) throws(CorpusFileError) -> CorpusCase {
    let path = (root as NSString).appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CorpusFileError(path: path, message: "cannot read the file")
    }
    return try CorpusCase(fileBytes: [UInt8](data), path: path)
  }

  /// Reads every case, collecting the files that cannot be read instead of stopping.
  ///
  /// - Returns: The readable cases and the errors of the others.
  /// - Throws: ``CorpusFileError`` when the root is not a readable folder.
  public func readAll() throws(CorpusFileError) -> (entries: [Entry], errors: [CorpusFileError]) {
    var entries: [Entry] = []
    var errors: [CorpusFileError] = []
    for path in try casePaths() {
      do {
        entries.append(Entry(relativePath: path, corpusCase: try read(path)))
      } catch {
        errors.append(error)
      }
    }
    return (entries, errors)
  }

  /// Writes a case atomically into a theme sub-folder, under its content-addressed name.
  ///
  /// - Parameters:
  ///   - corpusCase: The case.
  ///   - theme: The sub-folder (`dates`, `names`, `findings`...).
  /// - Returns: The relative path written, and whether a file of that name already existed
  ///   (the same input was already in the corpus; its file is left as it was).
  /// - Throws: A file-system error.
  @discardableResult
  public func write(_ corpusCase: CorpusCase, theme: String) throws -> (
    relativePath: String, existed: Bool
  ) {
    let relativePath = (theme as NSString).appendingPathComponent(corpusCase.fileName)
    let path = (root as NSString).appendingPathComponent(relativePath)
    if FileManager.default.fileExists(atPath: path) { return (relativePath, true) }
    try AtomicFile.write(corpusCase.fileBytes, to: path)
    return (relativePath, false)
  }

  /// Deletes a case file.
  ///
  /// - Parameter relativePath: The file's path relative to the root.
  /// - Throws: A file-system error.
  public func remove(_ relativePath: String) throws {
    try FileManager.default.removeItem(
      atPath: (root as NSString).appendingPathComponent(relativePath))
  }
}
