// swift-tools-version: 6.2
import PackageDescription

/// The libFuzzer targets. A package of its own, so the main package's `swift build` and
/// `swift test` never see them: they link only when built with the fuzzer sanitizer, which
/// supplies `main` (see `Scripts/libfuzzer.sh` and `docs/libfuzzer.md`).
let package = Package(
  name: "FuzzTesting",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "PATFuzz", path: "..")
  ],
  targets: [
    // What both targets share: reading the environment, reporting and aborting.
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "PATHarness", package: "PATFuzz")]),
    // Raw bytes through every decoding path.
    .executableTarget(
      name: "FuzzRawBytes",
      dependencies: ["FuzzSupport", .product(name: "PATHarness", package: "PATFuzz")]),
    // libFuzzer's bytes as the choice source of the harness's generators and properties.
    .executableTarget(
      name: "FuzzStructured",
      dependencies: ["FuzzSupport", .product(name: "PATHarness", package: "PATFuzz")]),
  ]
)
