import Foundation

/// What the numbers were measured on.
enum Machine {
  /// The processor model, core count and build configuration, on one line.
  static var summary: String {
    var model = "unknown processor"
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last
    {
      model = name.trimmingCharacters(in: .whitespaces)
    }
    #if DEBUG
      let configuration = "debug"
    #else
      let configuration = "release"
    #endif
    return "machine: \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
      + "\(configuration) build"
  }
}
