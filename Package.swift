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
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "PATModel", targets: ["PATModel"]),
    // The engine and the harness, for the fuzz targets of FuzzTesting/ (a package of its own).
    .library(name: "PropertyKit", targets: ["PropertyKit"]),
    .library(name: "PATHarness", targets: ["PATHarness"]),
    .executable(name: "patfuzz", targets: ["patfuzz"]),
  ],
  targets: [
    // The reference model: the request, timestamps, JSON rules and the validator.
    .target(name: "PATModel", swiftSettings: sharedSettings),

    // The generic property engine: generators over a choice source, shrinking, replay,
    // coverage. It knows nothing of tokens.
    .target(name: "PropertyKit", swiftSettings: sharedSettings),
    .target(
      name: "PropertyKitTesting", dependencies: ["PropertyKit"], swiftSettings: sharedSettings),

    // The harness: generators of requests, the oracle, properties, the corpus, decoding paths.
    .target(
      name: "PATHarness", dependencies: ["PATModel", "PropertyKit"],
      swiftSettings: sharedSettings),

    // Command-line front end: the commands as a library, and a thin executable.
    .target(
      name: "PATFuzzCLI", dependencies: ["PATHarness", "PATModel"], swiftSettings: sharedSettings),
    .executableTarget(
      name: "patfuzz", dependencies: ["PATFuzzCLI"], swiftSettings: sharedSettings),

    // Tests.
    .testTarget(
      name: "PropertyKitTests", dependencies: ["PropertyKit", "PropertyKitTesting"],
      swiftSettings: sharedSettings),
    .testTarget(name: "PATModelTests", dependencies: ["PATModel"], swiftSettings: sharedSettings),
    .testTarget(
      name: "PATHarnessTests",
      dependencies: ["PATHarness", "PATModel", "PropertyKit", "PropertyKitTesting"],
      swiftSettings: sharedSettings),
    .testTarget(
      name: "PATFuzzCLITests", dependencies: ["PATFuzzCLI", "PATModel"],
      swiftSettings: sharedSettings),
  ]
)
