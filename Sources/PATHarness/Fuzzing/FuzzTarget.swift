/// The libFuzzer targets of `FuzzTesting/`, and what each does with its input.
///
/// The checks live here, in the harness, so `swift test` covers them and `patfuzz corpus add
/// --fuzz-target` reads a crash input exactly as the target read it; the fuzz executables only
/// hand libFuzzer's bytes to ``FuzzChecks``.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// Raw bytes as a payload (after an optional context header, see ``RawBytesInput``): every
  /// decoding path must agree, and validation must not trap.
  case rawBytes = "FuzzRawBytes"
  /// Structure-aware: the first byte picks a property of the harness, the rest drive its
  /// generators through the byte-buffer choice source.
  case structured = "FuzzStructured"

  /// The target named `name` (its executable's name, such as `FuzzRawBytes`).
  ///
  /// - Parameter name: The name.
  public init?(named name: String) {
    self.init(rawValue: name)
  }
}
