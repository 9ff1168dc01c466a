// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares: Swift 6 language mode (strict concurrency) is the default for
/// this tools version; these add the checks the project holds itself to.
let sharedSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "PATFuzz",
  products: [
    .library(name: "PATModel", targets: ["PATModel"]),
    .executable(name: "patfuzz", targets: ["patfuzz"]),
    .executable(name: "patfuzz-bench", targets: ["patfuzz-bench"]),
  ],
  targets: [
    // The reference model: the request, timestamps, JSON rules and the validator.
    .target(name: "PATModel", swiftSettings: sharedSettings),

    // Command-line front end: the commands as a library, and a thin executable.
    .target(name: "PATFuzzCLI", dependencies: ["PATModel"], swiftSettings: sharedSettings),
    .executableTarget(
      name: "patfuzz", dependencies: ["PATFuzzCLI"], swiftSettings: sharedSettings),

    // Benchmarks.
    .executableTarget(
      name: "patfuzz-bench", dependencies: ["PATModel"], path: "Benchmarks/patfuzz-bench",
      swiftSettings: sharedSettings),

    // Tests.
    .testTarget(name: "PATModelTests", dependencies: ["PATModel"], swiftSettings: sharedSettings),
    .testTarget(
      name: "PATFuzzCLITests", dependencies: ["PATFuzzCLI", "PATModel"],
      swiftSettings: sharedSettings),
  ]
)
