import Dispatch
import Glibc
import PATHTTP
import PATModel
import PATService

/// `patfuzz serve`: runs the local reference service until SIGTERM or SIGINT.
enum ServeCommand {
  static let usage = """
    usage: patfuzz serve [--host HOST] [--port PORT] [--clock CLOCK] [--fault NAME]...
                         [--rate-limit N/S | --rate-limit N --rate-window S | --rate-limit off]
                         [--max-connections N] [--max-body BYTES]

    Serves POST, GET /v2025/personal-access-tokens and DELETE …/{id} from memory, validating
    with the reference model. The first line on standard output is
      listening on http://HOST:PORT
    SIGTERM or SIGINT stops accepting, lets requests in flight finish, and exits 0.
    Exit status: 0 stopped by a signal, 64 usage error, 70 the address cannot be bound.

      --host HOST           address to bind (default 127.0.0.1)
      --port PORT           port (default 0: the system picks one; read it from the first line)
      --clock CLOCK         system (default), fixed:RFC3339 or offset:MILLISECONDS
      --fault NAME          plant a fault (repeatable), for the harness's own tests:
    \(faultList)
      --rate-limit N/S      at most N requests per client (bearer token) in any S seconds
                            (default 100/10); 'off' for no limit
      --rate-window S       the window in seconds when --rate-limit is a bare N (default 10)
      --max-connections N   connections served at once; more get 503 (default 128)
      --max-body BYTES      largest request body; larger is 413 (default 1048576)

    """

  private static var faultList: String {
    ServiceFault.allCases.map { fault in
      let padding = String(repeating: " ", count: max(1, 28 - fault.rawValue.count))
      return "      \(fault.rawValue)\(padding)\(fault.summary)"
    }.joined(separator: "\n")
  }

  static let options: [ArgumentList.Option] = [
    .init(name: "--host", takesValue: true),
    .init(name: "--port", takesValue: true),
    .init(name: "--clock", takesValue: true),
    .init(name: "--fault", takesValue: true),
    .init(name: "--rate-limit", takesValue: true),
    .init(name: "--rate-window", takesValue: true),
    .init(name: "--max-connections", takesValue: true),
    .init(name: "--max-body", takesValue: true),
  ]

  /// Runs `patfuzz serve` until a signal stops it.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `serve`.
  ///   - io: Where the listening line and messages go.
  /// - Returns: 0 after SIGTERM or SIGINT, 70 when the address cannot be bound.
  /// - Throws: ``UsageError`` for options that cannot be used.
  static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> ExitCode {
    guard let list = try ArgumentList.parse(arguments, options: options, usage: usage, io: io)
    else {
      return .success
    }
    _ = try list.positionals(atMost: 0)
    let (service, http) = try configurations(list)
    return serve(service, http: http, io: io)
  }

  /// The service and HTTP configurations the options give.
  ///
  /// - Parameter list: The parsed options.
  /// - Returns: The configurations.
  /// - Throws: ``UsageError`` for an option value that cannot be used.
  static func configurations(_ list: ArgumentList) throws(UsageError)
    -> (ServiceConfiguration, HTTPServer.Configuration)
  {
    var service = ServiceConfiguration()
    var http = HTTPServer.Configuration()
    do throws(ServiceConfigurationError) {
      if let text = list.value("--clock") { service.clock = try ServiceClock(specification: text) }
      service.faults = Set(
        try list.allValues("--fault").map { name throws(ServiceConfigurationError) in
          try ServiceFault(name: name)
        })
      service.rateLimit = try rateLimit(list)
    } catch {
      throw UsageError("serve: \(error.message)")
    }
    if let host = list.value("--host") {
      guard !host.isEmpty else { throw UsageError("option '--host' needs an address") }
      http.host = host
    }
    http.port = try list.integer("--port", in: 0...65535) ?? 0
    http.maximumConnections = try list.integer("--max-connections", in: 1...10_000) ?? 128
    http.maximumBodyBytes = try list.integer("--max-body", in: 0...(256 << 20)) ?? (1 << 20)
    return (service, http)
  }

  private static func rateLimit(_ list: ArgumentList) throws(ServiceConfigurationError)
    -> RateLimit?
  {
    let text = list.value("--rate-limit")
    let window = list.value("--rate-window")
    if text == "off" {
      guard window == nil else {
        throw ServiceConfigurationError(
          kind: .rateLimit, message: "--rate-window makes no sense with --rate-limit off")
      }
      return nil
    }
    guard let text else {
      return try window.map { window throws(ServiceConfigurationError) in
        try RateLimit(specification: "\(RateLimit.documented.requests)/\(window)")
      } ?? .documented
    }
    if text.contains("/") {
      guard window == nil else {
        throw ServiceConfigurationError(
          kind: .rateLimit, message: "give the window either in --rate-limit N/S or --rate-window")
      }
      return try RateLimit(specification: text)
    }
    return try RateLimit(specification: "\(text)/\(window ?? "10")")
  }

  /// Starts the service, prints where it listens, and blocks until SIGTERM or SIGINT.
  ///
  /// - Parameters:
  ///   - configuration: The service configuration.
  ///   - http: Where to listen and the HTTP limits.
  ///   - io: Where the listening line and messages go.
  /// - Returns: 0 once stopped, 70 when the address cannot be bound.
  private static func serve(
    _ configuration: ServiceConfiguration, http: HTTPServer.Configuration, io: CommandIO
  ) -> ExitCode {
    signal(SIGPIPE, SIG_IGN)
    let server: PATServer
    do {
      server = try PATServer.start(configuration, http: http)
    } catch {
      io.writeError("patfuzz serve: \(error.message)\n")
      return .software
    }
    let sources = [SIGTERM, SIGINT].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { server.shutdown() }
      source.resume()
      return source
    }
    io.writeOutput("listening on \(server.url)\n")
    let faults = configuration.faults.map(\.rawValue).sorted()
    io.writeError(
      "patfuzz serve: clock \(configuration.clock), rate limit "
        + "\(configuration.rateLimit.map { "\($0)" } ?? "off")"
        + (faults.isEmpty ? "" : ", planted faults: \(faults.joined(separator: ", "))") + "\n")
    server.wait()
    for source in sources { source.cancel() }
    io.writeError("patfuzz serve: stopped\n")
    return .success
  }
}
