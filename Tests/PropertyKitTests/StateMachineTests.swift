import PropertyKit
import Testing

/// A stack that silently drops pushes beyond three elements: the bug the model finds.
struct LossyStack {
  private var storage: [Int] = []

  mutating func push(_ value: Int) {
    if storage.count < 3 { storage.append(value) }
  }

  mutating func pop() -> Int? {
    storage.popLast()
  }
}

/// The commands of the stack model.
enum StackCommand: Equatable, Sendable, CustomStringConvertible {
  case push(Int)
  case pop

  var description: String {
    switch self {
    case .push(let value): return "push(\(value))"
    case .pop: return "pop"
    }
  }
}

@Suite("Stateful testing")
struct StateMachineTests {
  let machine = StateMachine<[Int], StackCommand>(
    initial: [],
    commands: { model in
      let push = Gen.int(in: -100...100).map { StackCommand.push($0) }
      return model.isEmpty ? push : Gen.oneOf(push, Gen.constant(StackCommand.pop))
    },
    next: { model, command in
      switch command {
      case .push(let value): return model + [value]
      case .pop: return Array(model.dropLast())
      }
    })

  @Test("a stateful bug shrinks to the shortest command sequence", arguments: shrinkSeeds)
  func lossyStack(seed: UInt64) throws {
    let generator = machine.commandSequence(count: 0...30)
    let (commands, counterexample) = try shrunkValue(generator, seed: seed) { commands in
      var stack = LossyStack()
      try machine.run(commands) { command, model in
        switch command {
        case .push(let value): stack.push(value)
        case .pop: try expectEqual(stack.pop(), model.last)
        }
      }
    }
    #expect(commands == [.push(0), .push(0), .push(0), .push(1), .pop])
    #expect(counterexample.shrinkEvaluations < shrinkEvaluationBound)
  }

  @Test("generated sequences respect the model: no pop on an empty stack")
  func commandsRespectModel() throws {
    let generator = machine.commandSequence(count: 0...30)
    for seed in 0..<200 as Range<UInt64> {
      var depth = 0
      for command in try generator.generate(seed: seed).value {
        if command == .pop {
          #expect(depth > 0)
          depth -= 1
        } else {
          depth += 1
        }
      }
    }
  }

  @Test("steps are added as notes to the failing case")
  func stepsAsNotes() throws {
    let result = PropertyRunner(configuration: testConfiguration(seed: 5))
      .check("notes", machine.commandSequence(count: 0...30)) { commands, context in
        var stack = LossyStack()
        try machine.run(commands, context: context) { command, model in
          if case .pop = command { try expectEqual(stack.pop(), model.last) }
          if case .push(let value) = command { stack.push(value) }
        }
      }
    let counterexample = try requireCounterexample(result)
    #expect(counterexample.notes.first == "step 0: push(0)")
    #expect(counterexample.notes.last == "step 4: pop")
  }
}
