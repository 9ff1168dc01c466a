/// A small command-line reader: `--name value`, `--name=value`, repeatable options, flags,
/// positional arguments, and `--` to end options. Unknown options are usage errors.
struct ArgumentList {
  /// One option a command accepts.
  struct Option {
    var name: String
    var takesValue: Bool
  }

  private(set) var values: [String: [String]] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// Reads arguments against the options a command accepts.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the command name.
  ///   - options: The accepted options, names with their leading `--`.
  /// - Throws: ``UsageError`` for an unknown option or a missing value.
  init(_ arguments: [String], options: [Option]) throws(UsageError) {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        positionals.append(contentsOf: rest)
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        positionals.append(argument)
        continue
      }
      let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      guard let option = (options + [Self.help]).first(where: { $0.name == name }) else {
        throw UsageError("unknown option '\(name)'")
      }
      if option.takesValue {
        let value: String
        if parts.count == 2 {
          value = String(parts[1])
        } else if let next = rest.popFirst() {
          value = next
        } else {
          throw UsageError("option '\(name)' needs a value")
        }
        values[name, default: []].append(value)
      } else {
        guard parts.count == 1 else { throw UsageError("option '\(name)' takes no value") }
        flags.insert(name)
      }
    }
  }

  /// `--help`, which every command accepts.
  static let help = Option(name: "--help", takesValue: false)

  /// Reads a command's arguments, or prints its usage when they ask for `--help`.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the command name.
  ///   - options: The accepted options (`--help` is always accepted).
  ///   - usage: The command's usage text.
  ///   - io: Where the usage goes.
  /// - Returns: The arguments, or `nil` when the usage was printed and the command is done.
  /// - Throws: ``UsageError`` for an unknown option or a missing value.
  static func parse(
    _ arguments: [String], options: [Option], usage: String, io: CommandIO
  ) throws(UsageError) -> ArgumentList? {
    let list = try ArgumentList(arguments, options: options)
    guard !list.has(help.name) else {
      io.writeOutput(usage)
      return nil
    }
    return list
  }

  /// The last value given for an option, if any.
  func value(_ name: String) -> String? { values[name]?.last }

  /// Every value given for a repeatable option, in order.
  func allValues(_ name: String) -> [String] { values[name] ?? [] }

  /// Whether a flag was given.
  func has(_ name: String) -> Bool { flags.contains(name) }

  /// The value of an integer option within bounds.
  ///
  /// - Throws: ``UsageError`` when it is not an integer in `range`.
  func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError(
        "option '\(name)' needs an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'"
      )
    }
    return number
  }

  /// At most `count` positional arguments.
  ///
  /// - Throws: ``UsageError`` when there are more.
  func positionals(atMost count: Int) throws(UsageError) -> [String] {
    guard positionals.count <= count else {
      throw UsageError("unexpected argument '\(positionals[count])'")
    }
    return positionals
  }
}
