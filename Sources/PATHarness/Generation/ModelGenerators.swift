import PATModel
import PropertyKit

/// Generators of model values rather than payloads: requests built member by member, JSON
/// values, and instants with the form they are written in.
public enum ModelGenerators {
  /// Any JSON number literal: sign, integer part, optional fraction and exponent.
  public static let numberLiteral: Gen<String> = Gen { source in
    let negative = try Gen.bool.generate(from: source)
    let integer = try Gen<UInt64>.uint64(in: 0...UInt64.max).generate(from: source)
    var text = (negative ? "-" : "") + String(integer)
    if try Gen.oneIn(4).generate(from: source) {
      text += "." + String(try Gen.int(in: 0...999_999).generate(from: source))
    }
    if try Gen.oneIn(4).generate(from: source) {
      text += try Gen.element(of: ["e", "E", "e+", "e-", "E-"]).generate(from: source)
      text += String(try Gen.int(in: 0...400).generate(from: source))
    }
    return text
  }

  /// Strings of any scalars, controls, quotes and backslashes included.
  public static let anyString: Gen<String> = Gen.string(
    ofScalars: Gen.unicodeScalar, length: 0...12)

  /// JSON values nested up to three levels.
  public static let jsonValue: Gen<JSONValue> = Gen.recursive(
    maxDepth: 3,
    base: Gen.frequency([
      (2, Gen.constant(JSONValue.null)),
      (2, Gen.bool.map(JSONValue.bool)),
      (3, numberLiteral.map(JSONValue.number)),
      (3, anyString.map(JSONValue.string)),
    ])
  ) { nested in
    Gen.frequency([
      (1, Gen.array(of: nested, count: 0...3).map(JSONValue.array)),
      (
        1,
        Gen.array(of: Gen.zip(anyString, nested), count: 0...3).map { pairs in
          JSONValue.object(pairs.map { JSONMember(name: $0, value: $1) })
        }
      ),
    ])
  }

  static func presence<T: Sendable>(_ value: Gen<T>) -> Gen<Presence<T>> {
    Gen.frequency([
      (1, Gen.constant(Presence<T>.absent)), (1, .constant(.null)), (4, value.map(Presence.value)),
    ])
  }

  /// Requests with every member in any state and unknown members with any values (their
  /// names made unique and distinct from the known members).
  public static let request: Gen<CreatePersonalAccessTokenRequest> = Gen { source in
    let unknown = try Gen.array(of: Gen.zip(anyString, jsonValue), count: 0...3)
      .generate(from: source)
    return CreatePersonalAccessTokenRequest(
      name: try presence(anyString).generate(from: source),
      scope: try presence(Gen.array(of: anyString, count: 0...4)).generate(from: source),
      accessTokenValiditySeconds: try presence(Gen<Int32>.int32(in: .min ... .max))
        .generate(from: source),
      expirationDate: try presence(anyString).generate(from: source),
      userAwareTokenNeverExpires: try presence(Gen.bool).generate(from: source),
      additionalMembers: unknown.enumerated().map { index, member in
        JSONMember(name: "\(member.0)#\(index)", value: member.1)
      })
  }

  /// An instant anywhere in 0000-9999 (every millisecond, `.999` and the ends first) with a
  /// written form: fraction digits, extra digits, offset, letter case.
  public static let writtenInstant: Gen<(Int64, DateForm)> = {
    let first = HarnessCalendar.milliseconds(year: 0, month: 1, day: 2)
    let last = HarnessCalendar.milliseconds(year: 9999, month: 12, day: 30)
    let milliseconds = Gen<Int64>.int64(in: first...last).withEdgeCases([
      first, last, 0, -1, 999, HarnessCalendar.milliseconds(year: 2026, month: 12, day: 31) - 1,
    ])
    let form = Gen { source in
      let offset = try Gen.frequency([
        (2, Gen.constant(Int?.none)), (3, Gen.int(in: -1439...1439).map { Int?.some($0) }),
      ]).generate(from: source)
      return DateForm(
        fractionDigits: try Gen.int(in: 0...9).generate(from: source),
        extraDigits: try Gen.string(of: Gen.character(from: "0123456789"), length: 6...6)
          .generate(from: source),
        offsetMinutes: offset,
        negativeZeroOffset: try Gen.oneIn(2).generate(from: source) && offset == 0,
        lowercaseT: try Gen.oneIn(8).generate(from: source),
        lowercaseZ: try Gen.oneIn(8).generate(from: source))
    }
    return Gen.zip(milliseconds, form)
  }()
}
