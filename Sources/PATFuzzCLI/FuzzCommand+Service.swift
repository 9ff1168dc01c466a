import PATHTTP
import PATHarness

extension FuzzCommand {
  /// A running service to fuzz (`--sut-url`), with the header fields for its requests.
  struct ServiceTarget {
    /// The URL as given.
    var url: String
    /// The header fields, in order.
    var headers: [RequestHeader]
    /// How the harness reaches it.
    var transport: HTTPClientTransport
  }

  /// Reads `--sut-url` and `--header`.
  ///
  /// - Parameters:
  ///   - list: The command line.
  ///   - timeout: Seconds each exchange may take.
  /// - Returns: The target, or `nil` without `--sut-url`.
  /// - Throws: ``UsageError`` for a bad URL or header, `--sut-url` with `--sut-command`, or
  ///   `--header` without `--sut-url`.
  static func serviceTarget(_ list: ArgumentList, timeout: Double) throws(UsageError)
    -> ServiceTarget?
  {
    guard let url = list.value("--sut-url") else {
      if !list.allValues("--header").isEmpty { throw UsageError("--header needs --sut-url") }
      return nil
    }
    if list.value("--sut-command") != nil {
      throw UsageError("give --sut-command or --sut-url, not both")
    }
    if list.allValues("--sut-url").count > 1 { throw UsageError("give --sut-url once") }
    var headers: [RequestHeader] = []
    for text in list.allValues("--header") { headers.append(try RequestHeader(parsing: text)) }
    if url.hasPrefix("https://") {
      throw UsageError(
        "--sut-url speaks plain HTTP only (put a TLS proxy in front of an https service), "
          + "got '\(url)'")
    }
    do throws(HTTPClientError) {
      let transport = try HTTPClientTransport(url: url, headers: headers, timeoutSeconds: timeout)
      return ServiceTarget(url: url, headers: headers, transport: transport)
    } catch {
      throw UsageError("--sut-url needs an http://host[:port][/path] URL, got '\(url)'")
    }
  }

  /// Runs a campaign (or a replay) against a running service: starts the session (exit 70
  /// when the service cannot be used), runs, then deletes every token the campaign created.
  ///
  /// - Parameters:
  ///   - target: The service.
  ///   - settings: The parsed command line.
  ///   - io: Where output goes.
  /// - Returns: The exit status.
  static func runService(_ target: ServiceTarget, settings: Settings, io: CommandIO) -> ExitCode {
    let session = ServiceSession(transport: target.transport)
    let start: ServiceSession.Start
    // Ctrl-C or SIGTERM ends the session's waits and stops the campaign (or the replay); the
    // cleanup still runs.
    let signals = SignalWatcher { session.interrupt() }
    defer { signals.cancel() }
    do throws(ServiceSessionError) {
      start = try session.start()
    } catch {
      io.writeError("patfuzz: the service could not be used: \(error)\n")
      reportCleanup(session.finish(), io: io)
      return .software
    }
    io.writeError(
      "patfuzz fuzz: service \(target.transport.endpoint): the owner holds "
        + "\(start.preexisting.count) token(s), left untouched; clock \(start.clock)\n")
    if start.preexisting.count >= session.configuration.tokenLimit {
      io.writeError(
        "patfuzz fuzz: warning: the owner's own tokens fill its limit, so every payload is "
          + "refused for owner.tokenLimit; use an owner with fewer tokens\n")
    }
    let properties = [
      PATProperties.differentialHTTP(session, compareCodes: settings.compareCodes)
    ]
    var status: ExitCode
    if let token = settings.replay {
      status = replay(token, properties: properties, io: io)
      if session.isStopped {
        let reason = session.failure?.description ?? "interrupted"
        io.writeError("patfuzz: the replay stopped: \(reason)\n")
        status = .software
      }
    } else {
      status = campaign(
        settings, properties: properties, io: io, service: session, signals: signals)
    }
    if session.isStopped, session.failure == nil {
      io.writeError(
        "patfuzz fuzz: deleting the tokens the campaign created (Ctrl-C again leaves them)\n")
    }
    if !reportCleanup(session.finish(), io: io) { status = .software }
    return status
  }

  /// Prints what the cleanup did.
  ///
  /// - Parameters:
  ///   - cleanup: The cleanup's outcome.
  ///   - io: Where messages go.
  /// - Returns: Whether the service was left as it was found.
  @discardableResult
  static func reportCleanup(_ cleanup: ServiceSession.Cleanup, io: CommandIO) -> Bool {
    if let error = cleanup.error {
      let ids = cleanup.left.map(\.id).joined(separator: ", ")
      io.writeError(
        "patfuzz: could not delete the tokens the campaign created: \(error)"
          + (ids.isEmpty ? "" : "; left: \(ids)") + "\n")
      return false
    }
    if cleanup.deleted > 0 {
      io.writeError("patfuzz fuzz: deleted \(cleanup.deleted) token(s) the campaign created\n")
    }
    return true
  }

  /// The service's part of the summary: requests, 429 answers and waits, clock readings.
  ///
  /// - Parameter statistics: The session's counts.
  /// - Returns: One line.
  static func serviceText(_ statistics: ServiceSession.Statistics) -> String {
    "service: \(statistics.requests) request(s), \(statistics.rateLimited) answered 429 "
      + "(waited \(CampaignReport.format(Double(statistics.waitedMilliseconds) / 1000)) s), "
      + "\(statistics.clockAnchors) clock reading(s) by a created token\n"
  }
}
