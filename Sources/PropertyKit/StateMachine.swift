/// A model-based (stateful) test: random command sequences checked against a model.
///
/// Commands are generated one at a time from the model state they will run in, each command
/// being an array-element span, so shrinking removes steps and simplifies their arguments;
/// replay regenerates later commands against the state left by the earlier ones, so a shrunk
/// sequence only contains commands the generator allows in their state.
public struct StateMachine<Model: Sendable, Command>: Sendable {
  private let initial: Model
  private let commands: @Sendable (Model) -> Gen<Command>
  private let next: @Sendable (Model, Command) -> Model

  /// Creates a state machine.
  /// - Parameters:
  ///   - initial: The model state before the first command.
  ///   - commands: Returns the generator of commands allowed in a model state.
  ///   - next: Returns the model state after a command.
  public init(
    initial: Model,
    commands: @escaping @Sendable (Model) -> Gen<Command>,
    next: @escaping @Sendable (Model, Command) -> Model
  ) {
    self.initial = initial
    self.commands = commands
    self.next = next
  }

  /// Generates command sequences whose length lies in a range.
  /// - Parameters:
  ///   - count: The allowed numbers of commands.
  /// - Returns: A generator of command sequences that shrinks by removing and simplifying steps.
  public func commandSequence(count: ClosedRange<Int>) -> Gen<[Command]> {
    precondition(count.lowerBound >= 0, "commandSequence(count:) needs a non-negative count")
    let initial = initial
    let commands = commands
    let next = next
    return Gen { source in
      var model = initial
      var result: [Command] = []
      let planned =
        source.plan(upTo: UInt64(count.upperBound - count.lowerBound), bias: .integer)
        .map { Int($0) } ?? 0
      while result.count < count.upperBound {
        source.beginSpan(SpanLabel.element)
        if result.count >= count.lowerBound {
          let extra = result.count - count.lowerBound
          let more = try source.draw(upTo: 1, suggesting: extra < planned ? 1 : 0)
          if more == 0 {
            source.abandonSpan()
            break
          }
        }
        let command = try commands(model).generate(from: source)
        source.endSpan()
        result.append(command)
        model = next(model, command)
      }
      return result
    }
  }

  /// Runs commands against the system under test, checking each step against the model.
  /// - Parameters:
  ///   - commands: The commands to run.
  ///   - context: A property context; when given, each step is added as a note.
  ///   - step: Runs one command on the system and checks the result against the model state
  ///     before the command; it throws on a mismatch.
  /// - Throws: The first error thrown by `step`.
  public func run(
    _ commands: [Command],
    context: PropertyContext? = nil,
    step: (_ command: Command, _ model: Model) throws -> Void
  ) throws {
    var model = initial
    for (index, command) in commands.enumerated() {
      context?.note("step \(index): \(command)")
      try step(command, model)
      model = next(model, command)
    }
  }
}
