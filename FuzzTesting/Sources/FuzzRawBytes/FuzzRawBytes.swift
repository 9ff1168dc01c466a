import FuzzSupport
import PATHarness

/// libFuzzer's entry point for the raw-bytes target: the input (after an optional context
/// header, see `RawBytesInput`) goes through every decoding path, which must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  FuzzEntry.run(.rawBytes, start, count)
}
