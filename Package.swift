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
    .library(name: "PATHTTP", targets: ["PATHTTP"]),
    .library(name: "PATService", targets: ["PATService"]),
    // The engine and the harness, for the fuzz targets of FuzzTesting/ (a package of its own).
    .library(name: "PropertyKit", targets: ["PropertyKit"]),
    .library(name: "PATHarness", targets: ["PATHarness"]),
    .executable(name: "patfuzz", targets: ["patfuzz"]),
    .executable(name: "patfuzz-bench", targets: ["patfuzz-bench"]),
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

    // HTTP/1.1 over POSIX sockets: the server engine and the client (no PAT knowledge).
    .target(name: "PATHTTP", swiftSettings: sharedSettings),

    // The local reference service behind `patfuzz serve`: token store, routes, rate limit.
    .target(
      name: "PATService", dependencies: ["PATModel", "PATHTTP"], swiftSettings: sharedSettings),

    // Command-line front end: the commands as a library, and a thin executable.
    .target(
      name: "PATFuzzCLI", dependencies: ["PATHarness", "PATModel", "PATHTTP", "PATService"],
      swiftSettings: sharedSettings),
    .executableTarget(
      name: "patfuzz", dependencies: ["PATFuzzCLI"], swiftSettings: sharedSettings),

    // Benchmarks.
    .executableTarget(
      name: "patfuzz-bench", dependencies: ["PATModel", "PropertyKit"],
      path: "Benchmarks/patfuzz-bench",
      swiftSettings: sharedSettings),

    // Tests.
    .testTarget(
      name: "PropertyKitTests", dependencies: ["PropertyKit", "PropertyKitTesting"],
      swiftSettings: sharedSettings),
    .testTarget(
      name: "PATModelTests", dependencies: ["PATModel", "PropertyKit"],
      swiftSettings: sharedSettings),
    .testTarget(name: "PATHTTPTests", dependencies: ["PATHTTP"], swiftSettings: sharedSettings),
    .testTarget(
      name: "PATHarnessTests",
      dependencies: ["PATHarness", "PATModel", "PropertyKit", "PropertyKitTesting"],
      swiftSettings: sharedSettings),
    .testTarget(
      name: "PATServiceTests", dependencies: ["PATService", "PATHTTP", "PATModel"],
      swiftSettings: sharedSettings),
    .testTarget(
      name: "PATFuzzCLITests",
      dependencies: ["PATFuzzCLI", "PATHarness", "PATModel", "PATHTTP", "PATService", "patfuzz"],
      swiftSettings: sharedSettings),
  ]
)
