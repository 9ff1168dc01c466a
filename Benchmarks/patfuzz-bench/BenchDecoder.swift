import Foundation
import PATModel

/// The decoders measured side by side.
enum BenchDecoder: String, CaseIterable {
  /// ``FastRequestDecoder/decode(_:)-(UnsafeRawBufferPointer)``.
  case fast
  /// ``FastRequestDecoder/validate(_:context:)-(UnsafeRawBufferPointer,_)``: decode and
  /// validate in one pass.
  case fastValidate = "fast+validate"
  /// The model's reference decoder, `CreatePersonalAccessTokenRequest(json:)`.
  case reference
  /// Foundation's `JSONDecoder` into the `Codable` conformance.
  case foundation

  /// The context `fast+validate` validates in: a fixed `now`, no existing tokens.
  static let context = ValidationContext(
    now: Timestamp(rfc3339: "2026-01-01T00:00:00Z")!)

  /// A function that decodes every payload of a workload once, feeding each result to a
  /// black hole.
  ///
  /// - Parameters:
  ///   - workload: The payloads.
  ///   - blackHole: Where results go.
  /// - Returns: The pass; it returns how many payloads failed to decode.
  func pass(over workload: Workload, into blackHole: BlackHole) -> () -> Int {
    switch self {
    case .fast:
      return {
        workload.storage.withUnsafeBytes { all in
          var failures = 0
          for range in workload.ranges {
            do throws(RequestDecodingError) {
              blackHole.consume(
                Digest.of(
                  try FastRequestDecoder.decode(UnsafeRawBufferPointer(rebasing: all[range]))))
            } catch {
              failures += 1
              blackHole.consume(Digest.of(error))
            }
          }
          return failures
        }
      }
    case .fastValidate:
      let context = Self.context
      return {
        workload.storage.withUnsafeBytes { all in
          var failures = 0
          for range in workload.ranges {
            let verdict = FastRequestDecoder.validate(
              UnsafeRawBufferPointer(rebasing: all[range]), context: context)
            if !verdict.isValid { failures += 1 }
            blackHole.consume(Digest.of(verdict))
          }
          return failures
        }
      }
    case .reference:
      return {
        workload.storage.withUnsafeBytes { all in
          var failures = 0
          for range in workload.ranges {
            do throws(RequestDecodingError) {
              blackHole.consume(
                Digest.of(
                  try CreatePersonalAccessTokenRequest(
                    json: UnsafeRawBufferPointer(rebasing: all[range]))))
            } catch {
              failures += 1
              blackHole.consume(Digest.of(error))
            }
          }
          return failures
        }
      }
    case .foundation:
      let payloads = workload.dataPayloads
      let decoder = JSONDecoder()
      return {
        var failures = 0
        for payload in payloads {
          do {
            blackHole.consume(
              Digest.of(try decoder.decode(CreatePersonalAccessTokenRequest.self, from: payload)))
          } catch {
            failures += 1
            blackHole.consume(1)
          }
        }
        return failures
      }
    }
  }
}
