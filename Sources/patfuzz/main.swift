import Foundation
import PATFuzzCLI

exit(PATFuzzCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process).rawValue)
