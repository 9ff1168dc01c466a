import FuzzSupport
import PATHarness

/// libFuzzer's entry point for the structure-aware target: the first byte picks a property of
/// the harness, the rest drive its generators, and the property must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzEntry.run(.structured, start, count)
}
