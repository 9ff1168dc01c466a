import Dispatch
import Foundation
import PATHarness
import PATModel
import PropertyKit
import Synchronization

/// `patfuzz fuzz`: a fuzzing campaign, in-process against the reference model, or against an
/// external implementation.
enum FuzzCommand {
  static let usage = """
    usage: patfuzz fuzz [--seconds S | --cases N] [--seed N] [--jobs J] [--corpus DIR | --no-corpus]
                        [--report FILE] [--junit FILE] [--max-findings K] [--quiet]
                        [--sut-command CMD [--sut-timeout S] [--compare-codes]]
                        [--sut-url URL [--header 'Name: value']... [--sut-timeout S]
                         [--compare-codes]]
                        [--replay TOKEN]

    Runs every property of the harness against the reference model and every decoding path
    (or, with --sut-command, the differential property against an external implementation;
    with --sut-url, against a running service) until the budget is spent or K distinct
    findings are collected. Findings are shrunk, de-duplicated by class, printed, and written
    to DIR/findings as corpus cases.

      --seconds S        time budget (default 60 unless --cases is given)
      --cases N          case budget, across all workers
      --seed N           campaign seed, decimal or 0x-hex (default: random, always printed)
      --jobs J           workers with disjoint derived seeds (default: the number of cores)
      --corpus DIR       where findings are written (default: corpus)
      --no-corpus        write no findings
      --report FILE      JSON report (docs/cli.md)
      --junit FILE       JUnit XML report, one test case per property and finding class
      --max-findings K   stop after K distinct findings (default: no limit)
      --quiet            no progress lines
      --sut-command CMD  fuzz an external implementation (line protocol: docs/sut-protocol.md)
      --sut-url URL      fuzz a running service: POST each payload to the collection at URL
                         (http://host[:port][/path]; no path: /v2025/personal-access-tokens)
      --header 'N: V'    a header field for every request to the service (repeatable), such
                         as 'Authorization: Bearer alice'
      --sut-timeout S    seconds to wait for each answer (default 5)
      --compare-codes    a different violation code set is a finding too
      --replay TOKEN     re-run one shrunk finding (the token a finding prints) and exit
      --shrink-seconds S time limit for shrinking one finding (default 60)
      --property NAME    run only this property (repeatable)
      --batch N          cases per property batch (default 500; 100 with --sut-command, 10
                         with --sut-url, so progress lines move against a rate limit)

    Exit status: 0 no finding, 1 findings, 64 usage error, 70 the implementation could not be
    started at all (or the service could not be reached, refused the credentials, or could
    not be left as it was found). Ctrl-C or SIGTERM stops cleanly: the summary, the reports
    and every finding so far are written, and a service gets back the tokens it had.

    """

  static let options: [ArgumentList.Option] = [
    .init(name: "--seconds", takesValue: true), .init(name: "--cases", takesValue: true),
    .init(name: "--seed", takesValue: true), .init(name: "--jobs", takesValue: true),
    .init(name: "--corpus", takesValue: true), .init(name: "--no-corpus", takesValue: false),
    .init(name: "--report", takesValue: true), .init(name: "--junit", takesValue: true),
    .init(name: "--max-findings", takesValue: true), .init(name: "--quiet", takesValue: false),
    .init(name: "--sut-command", takesValue: true), .init(name: "--sut-timeout", takesValue: true),
    .init(name: "--compare-codes", takesValue: false), .init(name: "--replay", takesValue: true),
    .init(name: "--shrink-seconds", takesValue: true), .init(name: "--batch", takesValue: true),
    .init(name: "--property", takesValue: true), .init(name: "--sut-url", takesValue: true),
    .init(name: "--header", takesValue: true),
  ]

  /// The parsed command line.
  struct Settings {
    var configuration: CampaignConfiguration
    var sutCommand: String?
    var service: ServiceTarget?
    var sutTimeout: Double
    var compareCodes: Bool
    var replay: ReplayToken?
    var reportPath: String?
    var junitPath: String?
    var quiet: Bool
  }

  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard let list = try ArgumentList.parse(arguments, options: options, usage: usage, io: io)
    else {
      return .success
    }
    _ = try list.positionals(atMost: 0)
    let settings = try parse(list, io: io)
    if let service = settings.service {
      try checkChosen(list.allValues("--property"), known: ["differential-http"])
      return runService(service, settings: settings, io: io)
    }
    var pool: SUTPool?
    if let command = settings.sutCommand {
      let sut = SUTPool(command: command, timeout: settings.sutTimeout)
      if let failure = probe(sut) {
        io.writeError("patfuzz: the implementation could not be started: \(failure)\n")
        return .software
      }
      pool = sut
    }
    defer { pool?.stopAll() }
    var properties =
      pool.map { [PATProperties.differential($0, compareCodes: settings.compareCodes)] }
      ?? PATProperties.all()
    let chosen = list.allValues("--property")
    if !chosen.isEmpty {
      try checkChosen(chosen, known: properties.map(\.name))
      properties = properties.filter { chosen.contains($0.name) }
    }
    if let token = settings.replay {
      return replay(token, properties: properties, io: io)
    }
    return campaign(settings, properties: properties, io: io)
  }

  /// Checks that every `--property` names a property of the mode.
  ///
  /// - Parameters:
  ///   - chosen: The names given.
  ///   - known: The properties of the mode.
  /// - Throws: ``UsageError`` for a name that is not one of them.
  static func checkChosen(_ chosen: [String], known: [String]) throws(UsageError) {
    for name in chosen where !known.contains(name) {
      throw UsageError("unknown property '\(name)' (one of \(known.joined(separator: ", ")))")
    }
  }

  static func parse(_ list: ArgumentList, io: CommandIO) throws(UsageError) -> Settings {
    if list.value("--seconds") != nil, list.value("--cases") != nil {
      throw UsageError("give --seconds or --cases, not both")
    }
    let budget: CampaignConfiguration.Budget
    if let cases = try list.integer("--cases", in: 1...Int.max) {
      budget = .cases(cases)
    } else {
      budget = .seconds(try positiveNumber(list, "--seconds") ?? 60)
    }
    var seed = PropertySeed.random()
    if let text = list.value("--seed") {
      guard let parsed = PropertySeed.parse(text) else {
        throw UsageError("--seed needs a number (decimal or 0x-hex), got '\(text)'")
      }
      seed = parsed
    }
    var replay: ReplayToken?
    if let text = list.value("--replay") {
      guard let token = ReplayToken(text) else {
        throw UsageError("--replay needs a token as a finding prints it, got '\(text)'")
      }
      replay = token
    }
    if list.has("--no-corpus"), list.value("--corpus") != nil {
      throw UsageError("give --corpus or --no-corpus, not both")
    }
    if list.value("--sut-command") == nil, list.value("--sut-url") == nil,
      list.has("--compare-codes") || list.value("--sut-timeout") != nil
    {
      throw UsageError("--compare-codes and --sut-timeout need --sut-command or --sut-url")
    }
    let sutCommand = list.value("--sut-command")
    let sutTimeout = try positiveNumber(list, "--sut-timeout") ?? 5
    let service = try serviceTarget(list, timeout: sutTimeout)
    let jobs =
      try list.integer("--jobs", in: 1...256)
      ?? (service == nil ? ProcessInfo.processInfo.activeProcessorCount : 1)
    if service != nil, jobs != 1 {
      throw UsageError("--sut-url runs one job: the owner's tokens are one state")
    }
    let shrinkSeconds = try positiveNumber(list, "--shrink-seconds") ?? 60
    var replayCommand = "patfuzz fuzz"
    if let sutCommand {
      replayCommand += " --sut-command '\(sutCommand)'"
    } else if let service {
      replayCommand += " --sut-url '\(service.url)'"
      for header in service.headers { replayCommand += " --header '\(header.name): …'" }
    }
    if list.has("--compare-codes") { replayCommand += " --compare-codes" }
    let configuration = CampaignConfiguration(
      budget: budget, seed: seed, jobs: jobs,
      maxFindings: try list.integer("--max-findings", in: 1...Int.max),
      batchSize: try list.integer("--batch", in: 1...1_000_000)
        ?? (service != nil ? 10 : sutCommand != nil ? 100 : 500),
      corpus: list.has("--no-corpus") ? nil : CorpusStore(root: list.value("--corpus") ?? "corpus"),
      runName: "seed \(seed)", replayCommand: replayCommand,
      shrinkTimeBudget: .milliseconds(Int64(shrinkSeconds * 1000)))
    return Settings(
      configuration: configuration, sutCommand: sutCommand, service: service,
      sutTimeout: sutTimeout,
      compareCodes: list.has("--compare-codes"), replay: replay,
      reportPath: list.value("--report"), junitPath: list.value("--junit"),
      quiet: list.has("--quiet"))
  }

  static func positiveNumber(_ list: ArgumentList, _ name: String) throws(UsageError) -> Double? {
    guard let text = list.value(name) else { return nil }
    guard let number = Double(text), number > 0, number.isFinite else {
      throw UsageError("\(name) needs a positive number, got '\(text)'")
    }
    return number
  }

  /// Sends one valid request; returns why the implementation cannot run, or `nil`.
  static func probe(_ sut: SUTPool) -> SUTProtocolError? {
    let request = SUTRequest(
      id: 0, payload: #"{"name":"probe","userAwareTokenNeverExpires":true}"#,
      now: CorpusCase.defaultNow, existingNames: [])
    do {
      _ = try sut.ask(request)
      return nil
    } catch {
      switch error {
      case .cannotStart, .exited: return error
      case .timeout, .malformedAnswer, .mismatchedID: return nil
      }
    }
  }

  static func replay(_ token: ReplayToken, properties: [PATProperty], io: CommandIO) -> ExitCode {
    guard let property = properties.first(where: { $0.name == token.propertyName }) else {
      io.writeError(
        "patfuzz: no property named '\(token.propertyName)' here "
          + "(try with or without --sut-command or --sut-url)\n")
      return .usage
    }
    var settings = PropertyConfiguration()
    settings.cases = 1
    settings.seed = token.seed
    settings.environment = PropertyEnvironment([
      PropertyEnvironment.replayVariable: token.description
    ])
    settings.replayCommand = "patfuzz fuzz"
    settings.log = { line in io.writeError(line + "\n") }
    let outcome = property.run(settings)
    guard let counterexample = outcome.result.counterexample, counterexample.isReplay else {
      io.writeOutput("the case of \(token) no longer fails\n")
      return .success
    }
    let value =
      (counterexample.error as? SUTFinding)?.judgedCase?.description ?? counterexample.value
    let indented = value.replacingOccurrences(of: "\n", with: "\n  ")
    io.writeOutput("\(token.propertyName) fails:\n  \(indented)\n  \(counterexample.error)\n")
    return .failure
  }

  static func campaign(
    _ settings: Settings, properties: [PATProperty], io: CommandIO,
    service: ServiceSession? = nil, signals: SignalWatcher? = nil
  ) -> ExitCode {
    var configuration = settings.configuration
    if let service { configuration.shouldStop = { service.isStopped } }
    let campaign = Campaign(properties: properties, configuration: configuration)
    let budget: String
    switch configuration.budget {
    case .cases(let cases): budget = "\(cases) cases"
    case .seconds(let seconds): budget = "\(CampaignReport.format(seconds)) s"
    }
    // One watcher for the whole command (a service's run has one already), installed before
    // the campaign is announced, so a signal right after the announcement is handled.
    let watcher: SignalWatcher
    if let signals {
      watcher = signals
      watcher.alsoOnStop { campaign.interrupt() }
    } else {
      watcher = SignalWatcher { campaign.interrupt() }
    }
    defer { if signals == nil { watcher.cancel() } }
    io.writeError(
      "patfuzz fuzz: seed \(configuration.seed), \(configuration.jobs) job(s), budget \(budget)"
        + (settings.sutCommand.map { ", implementation: \($0)" } ?? "")
        + (service.map { ", service: \($0.transport.endpoint)" } ?? "") + "\n")
    let progress = ProgressPrinter(
      campaign: campaign, clock: configuration.clock, io: io, quiet: settings.quiet)
    progress.start()
    let summary = campaign.run { finding in
      progress.clearLine()
      io.writeOutput("FINDING " + CampaignReport.findingText(finding))
    }
    progress.stop()
    io.writeOutput(summaryText(summary))
    var status: ExitCode = summary.findings.isEmpty ? .success : .failure
    if let service {
      io.writeOutput(serviceText(service.statistics))
      if let failure = service.failure {
        io.writeError("patfuzz: the campaign stopped: \(failure)\n")
        status = .software
      }
    }
    do {
      if let path = settings.reportPath {
        try writeText(CampaignReport.json(summary).prettyText, to: path)
      }
      if let path = settings.junitPath {
        try writeText(CampaignReport.junit(summary), to: path)
      }
    } catch {
      io.writeError("patfuzz: cannot write a report: \(error)\n")
      status = .usage
    }
    return status
  }

  static func writeText(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  static func summaryText(_ summary: Campaign.Summary) -> String {
    var text = "\n"
    text +=
      "patfuzz fuzz: \(summary.cases) cases in \(CampaignReport.format(summary.seconds)) s "
      + "(\(Int(summary.casesPerSecondPerJob.rounded())) cases/s per job, \(summary.jobs) job(s)), "
      + "seed \(summary.seed), stopped by \(summary.stopReason.rawValue)\n"
    for property in summary.properties {
      let found = summary.findings.filter { $0.property == property.name }.count
      let cases = summary.casesPerProperty[property.name] ?? 0
      let padded = property.name.padding(toLength: 24, withPad: " ", startingAt: 0)
      text += "  \(padded) \(String(cases).leftPadded(10)) cases  "
      text += found == 0 ? "ok" : "\(found) finding(s)"
      if let problem = summary.problems[property.name] { text += "  (\(problem))" }
      text += "\n"
    }
    if let main = summary.properties.first(where: { !$0.coverage.isEmpty }),
      let statistics = summary.statistics[main.name]
    {
      text += "coverage of \(main.name):\n" + statistics.table(requirements: main.coverage)
      if !text.hasSuffix("\n") { text += "\n" }
    }
    if summary.inconclusive > 0 {
      text +=
        "\(summary.inconclusive) inconclusive case(s): the verdict depends on where the service's "
        + "now lies within what the harness knows of it (counted in the cases, not findings)\n"
    }
    text += "\(summary.findings.count) finding(s)\n"
    return text
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
