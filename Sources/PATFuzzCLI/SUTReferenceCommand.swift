import Foundation
import PATHarness
@_spi(PlantedFaults) import PATModel

/// `patfuzz sut-reference`: the reference model behind the line protocol, with optional
/// planted faults. It is the harness's own test implementation and a template for wrapping
/// another implementation.
enum SUTReferenceCommand {
  static let usage = """
    usage: patfuzz sut-reference [--fault NAME]...

    Speaks the line protocol of docs/sut-protocol.md on standard input and output, answering
    with the reference model's verdict. Planted faults, for testing a harness:
      boundary            accepts an expiration date equal to now
      second-precision    compares expiration and now in whole seconds
      case-insensitive    compares names ignoring case
      crash-long-names    exits with status 3 on a name longer than 1000 characters
      hang-empty-name     stops answering on an empty name
      garbage             answers a line that is not JSON on a name of exactly "garbage"

    """

  static let faultNames = [
    "boundary", "second-precision", "case-insensitive", "crash-long-names", "hang-empty-name",
    "garbage",
  ]

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard
      let list = try ArgumentList.parse(
        arguments,
        options: [.init(name: "--fault", takesValue: true)], usage: usage, io: io)
    else {
      return .success
    }
    _ = try list.positionals(atMost: 0)
    let faults = list.allValues("--fault")
    for fault in faults where !faultNames.contains(fault) {
      throw UsageError("unknown fault '\(fault)' (one of \(faultNames.joined(separator: ", ")))")
    }
    serve(faults: Set(faults))
    return .success
  }

  static func serve(faults: Set<String>) {
    var planted: PlantedFaults = []
    if faults.contains("boundary") { planted.insert(.expirationAtNowAccepted) }
    if faults.contains("second-precision") { planted.insert(.secondPrecisionExpiration) }
    if faults.contains("case-insensitive") { planted.insert(.caseInsensitiveNameComparison) }
    while let line = readLine(strippingNewline: true) {
      guard let request = SUTRequest(line: Array(line.utf8)) else {
        FileHandle.standardError.write(
          Data("sut-reference: not a request: \(line.prefix(200))\n".utf8))
        exit(2)
      }
      let payload = Array(request.payload.utf8)
      let name = (try? CreatePersonalAccessTokenRequest(json: payload))?.name.value
      if faults.contains("crash-long-names"), let name, name.count > 1000 { exit(3) }
      if faults.contains("hang-empty-name"), name == "" {
        while true { sleep(1000) }
      }
      if faults.contains("garbage"), name == "garbage" {
        FileHandle.standardOutput.write(Data("this is not JSON\n".utf8))
        continue
      }
      var context = ValidationContext(now: request.now, existingNames: request.existingNames)
      context.plantedFaults = planted
      let verdict = Validator(context: context).validate(json: payload)
      let answer = SUTAnswer(
        id: request.id, accepted: verdict.isValid, codes: verdict.codes.map(\.rawValue))
      FileHandle.standardOutput.write(Data(answer.line))
    }
  }
}
