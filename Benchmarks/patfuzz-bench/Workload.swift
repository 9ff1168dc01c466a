import Foundation

/// A named set of payloads, stored back to back in one buffer so a measurement reads memory
/// the way a replay of a JSON Lines file does.
struct Workload {
  /// The name used in reports and filters.
  var name: String
  /// Every payload's bytes, back to back.
  var storage: [UInt8]
  /// Where each payload lies in ``storage``.
  var ranges: [Range<Int>]

  /// Creates a workload from its payloads.
  ///
  /// - Parameters:
  ///   - name: The name used in reports and filters.
  ///   - payloads: The payloads, in order.
  init(name: String, payloads: [[UInt8]]) {
    self.name = name
    storage = []
    storage.reserveCapacity(payloads.reduce(0) { $0 + $1.count })
    ranges = []
    ranges.reserveCapacity(payloads.count)
    for payload in payloads {
      ranges.append(storage.count..<storage.count + payload.count)
      storage.append(contentsOf: payload)
    }
  }

  /// The number of payloads.
  var count: Int { ranges.count }

  /// The total size of the payloads in bytes.
  var byteCount: Int { storage.count }

  /// Each payload as `Data`, for `JSONDecoder`.
  var dataPayloads: [Data] {
    ranges.map { Data(storage[$0]) }
  }

  /// Reads a JSON Lines file: one payload per line; a `\r` before `\n` and empty lines are
  /// dropped.
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The workload, named after the file.
  /// - Throws: ``BenchUsageError`` when the file cannot be read or holds no payload.
  static func jsonLines(path: String) throws(BenchUsageError) -> Workload {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchUsageError("cannot read workload file '\(path)'")
    }
    var payloads: [[UInt8]] = []
    for line in [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    {
      var payload = Array(line)
      if payload.last == UInt8(ascii: "\r") { payload.removeLast() }
      if !payload.isEmpty { payloads.append(payload) }
    }
    guard !payloads.isEmpty else { throw BenchUsageError("workload file '\(path)' has no payload") }
    return Workload(name: URL(fileURLWithPath: path).lastPathComponent, payloads: payloads)
  }

  /// Writes the workload as JSON Lines, one payload per line.
  ///
  /// - Parameter path: The file to write.
  /// - Throws: ``BenchUsageError`` when a payload holds a line feed or the file cannot be
  ///   written.
  func writeJSONLines(to path: String) throws(BenchUsageError) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(storage.count + count)
    for range in ranges {
      guard !storage[range].contains(UInt8(ascii: "\n")) else {
        throw BenchUsageError("workload '\(name)' has a payload with a line feed")
      }
      bytes.append(contentsOf: storage[range])
      bytes.append(UInt8(ascii: "\n"))
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw BenchUsageError("cannot write '\(path)'")
    }
  }
}
