import Foundation
import PATModel
import Testing

@testable import PATHarness

@Suite("Corpus files")
struct CorpusFileTests {
  static let sample = CorpusCase(
    referenceVerdictFor: Array(#"{"name":"a","expirationDate":"2026-01-01T00:00:00.001Z"}"#.utf8),
    context: ValidationContext(now: CorpusCase.defaultNow, existingNames: ["b"]),
    note: "now + 1 ms", origin: "hand")

  @Test("a case survives writing and reading, text and binary payloads alike")
  func roundTrip() throws {
    var binary = Self.sample
    binary.payload = [0x7B, 0xFF, 0x7D]
    binary.strict = true
    binary.nameComparison = .caseInsensitive
    for corpusCase in [Self.sample, binary] {
      let read = try CorpusCase(fileBytes: corpusCase.fileBytes, path: "x.json")
      #expect(read == corpusCase)
    }
    #expect(String(decoding: binary.fileBytes, as: UTF8.self).contains(#""payloadBase64": "e/99""#))
  }

  @Test("file names address the input, not the note or the expectation")
  func contentAddressed() {
    var renoted = Self.sample
    renoted.note = "another note"
    renoted.expectation = Expectation(valid: false, codes: [.nameEmpty])
    #expect(renoted.fileName == Self.sample.fileName)
    var moved = Self.sample
    moved.now = moved.now.adding(milliseconds: 1)
    #expect(moved.fileName != Self.sample.fileName)
    #expect(Self.sample.fileName.count == 16 + 5)
  }

  @Test("optional context fields take their documented defaults")
  func defaults() throws {
    let text =
      #"{"payload":"{}","expect":{"valid":false,"codes":["name.required","neverExpires.notAcknowledged"]},"note":"n","origin":"hand"}"#
    let corpusCase = try CorpusCase(fileBytes: Array(text.utf8), path: "d.json")
    #expect(corpusCase.now == CorpusCase.defaultNow)
    #expect(corpusCase.existingNames.isEmpty)
    #expect(corpusCase.nameComparison == .exact)
    #expect(corpusCase.strict == false)
  }

  @Test(
    "a malformed case file gives a clear error naming the file",
    arguments: [
      ("{", "not a JSON object"),
      (#"{"expect":{"valid":true,"codes":[]},"note":"n","origin":"hand"}"#, "missing \"payload\""),
      (#"{"payload":"{}","note":"n","origin":"hand"}"#, "missing \"expect\""),
      (#"{"payload":"{}","expect":{"valid":true,"codes":[]},"origin":"hand"}"#, "missing \"note\""),
      (
        #"{"payload":"{}","expect":{"valid":false,"codes":["name.typo"]},"note":"n","origin":"h"}"#,
        "unknown violation code \"name.typo\""
      ),
      (
        #"{"payload":"{}","expect":{"valid":true,"codes":["name.empty"]},"note":"n","origin":"h"}"#,
        "a valid case lists codes"
      ),
      (
        #"{"payload":"{}","now":"yesterday","expect":{"valid":true,"codes":[]},"note":"n","origin":"h"}"#,
        "\"now\" must be an RFC 3339 date-time"
      ),
      (
        #"{"payload":"{}","exitingNames":[],"expect":{"valid":true,"codes":[]},"note":"n","origin":"h"}"#,
        "unknown member \"exitingNames\""
      ),
      (
        #"{"payloadBase64":"***","expect":{"valid":true,"codes":[]},"note":"n","origin":"h"}"#,
        "\"payloadBase64\" is not base64"
      ),
    ])
  func malformedFile(text: String, message: String) {
    #expect {
      try CorpusCase(fileBytes: Array(text.utf8), path: "corpus/names/bad.json")
    } throws: { error in
      let fileError = error as? CorpusFileError
      return fileError?.path == "corpus/names/bad.json"
        && (fileError?.message.contains(message) ?? false)
    }
  }

  @Test("the store writes content-addressed files into theme folders and reads them back")
  func store() throws {
    let store = CorpusStore(root: PackageLocation.temporaryFolder())
    let written = try store.write(Self.sample, theme: "dates")
    #expect(written.relativePath == "dates/\(Self.sample.fileName)")
    #expect(written.existed == false)
    #expect(try store.write(Self.sample, theme: "dates").existed)
    #expect(try store.casePaths() == [written.relativePath])
    #expect(try store.read(written.relativePath) == Self.sample)
  }

  @Test("an interrupted write leaves no partial case behind")
  func interruptedWrite() throws {
    let root = PackageLocation.temporaryFolder()
    let store = CorpusStore(root: root)
    let path = (root as NSString).appendingPathComponent("findings/\(Self.sample.fileName)")
    #expect(throws: (any Error).self) {
      try AtomicFile.write(Self.sample.fileBytes, to: path, interruptAfter: 17)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(try store.casePaths().isEmpty)
    let loaded = try store.readAll()
    #expect(loaded.entries.isEmpty && loaded.errors.isEmpty)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: (root as NSString).appendingPathComponent("findings"))
    #expect(leftovers.count == 1 && leftovers[0].hasPrefix(".tmp-"))
  }

  @Test("a replayed folder reports unreadable files without stopping")
  func unreadableFiles() throws {
    let root = PackageLocation.temporaryFolder()
    let store = CorpusStore(root: root)
    try store.write(Self.sample, theme: "dates")
    try FileManager.default.createDirectory(
      atPath: root + "/broken", withIntermediateDirectories: true)
    try Data("{\"payload\":".utf8).write(to: URL(fileURLWithPath: root + "/broken/b.json"))
    let loaded = try store.readAll()
    #expect(loaded.entries.count == 1)
    #expect(loaded.errors.map(\.path) == [root + "/broken/b.json"])
  }
}
