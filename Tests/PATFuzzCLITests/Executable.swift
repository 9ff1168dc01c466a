import Foundation

/// The built `patfuzz` executable, next to the test bundle (the test target depends on it, so
/// it is built first).
enum Executable {
  static let patfuzz: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent().appendingPathComponent("patfuzz").path
    if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/patfuzz").path
  }()

  /// A shell command running the reference implementation of the line protocol.
  static func sutReference(faults: [String] = []) -> String {
    ([patfuzz, "sut-reference"] + faults.flatMap { ["--fault", $0] }).joined(separator: " ")
  }
}
