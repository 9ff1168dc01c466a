import Foundation

/// One row of the `--json` file.
struct ResultRecord: Codable {
  var decoder: String
  var workload: String
  var payloadsPerSecond: Double
  var bytesPerSecond: Double
  var nsPerPayload: Double

  /// The record of a measurement.
  ///
  /// - Parameter measurement: The measurement.
  init(_ measurement: Measurement) {
    decoder = measurement.decoder
    workload = measurement.workload
    payloadsPerSecond = measurement.payloadsPerSecond
    bytesPerSecond = measurement.bytesPerSecond
    nsPerPayload = measurement.nsPerPayload
  }
}

/// The `--json` file: `{"results": [...]}`.
struct ResultFile: Codable {
  var results: [ResultRecord]
}

/// Prints and writes results.
enum Report {
  /// The results as a table: one row per measurement, with the ratio to `foundation` on the
  /// same workload when it was measured.
  ///
  /// - Parameter measurements: The measurements, in run order.
  /// - Returns: The table's text.
  static func table(_ measurements: [Measurement]) -> String {
    let header = [
      "decoder", "workload", "payloads/s", "MB/s", "ns/payload", "spread", "vs foundation",
      "failed",
    ]
    var rows: [[String]] = []
    for measurement in measurements {
      let foundation = measurements.first {
        $0.workload == measurement.workload && $0.decoder == BenchDecoder.foundation.rawValue
      }
      let ratio = foundation.map {
        format(measurement.payloadsPerSecond / $0.payloadsPerSecond, 1) + "x"
      }
      rows.append([
        measurement.decoder, measurement.workload, grouped(measurement.payloadsPerSecond),
        format(measurement.bytesPerSecond / 1e6, 1), format(measurement.nsPerPayload, 1),
        format(measurement.spread * 100, 1) + "%", ratio ?? "-",
        "\(measurement.failuresPerPass)/\(measurement.payloadsPerPass)",
      ])
    }
    return layout(header: header, rows: rows)
  }

  /// Lays out rows in columns: the first two left-aligned, the others right-aligned.
  ///
  /// - Parameters:
  ///   - header: The column titles.
  ///   - rows: The rows, each with one cell per column.
  /// - Returns: The lines of the table.
  static func layout(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - row[column].count)
        return column < 2 ? row[column] + padding : padding + row[column]
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  /// The change of each result against a baseline file.
  ///
  /// - Parameters:
  ///   - measurements: This run's measurements.
  ///   - baseline: The baseline's results.
  /// - Returns: The comparison's text.
  static func comparison(_ measurements: [Measurement], baseline: ResultFile) -> String {
    var rows: [[String]] = []
    for measurement in measurements {
      guard
        let old = baseline.results.first(where: {
          $0.decoder == measurement.decoder && $0.workload == measurement.workload
        })
      else {
        rows.append([
          measurement.decoder, measurement.workload, "-", grouped(measurement.payloadsPerSecond),
          "new",
        ])
        continue
      }
      let change = (measurement.payloadsPerSecond / old.payloadsPerSecond - 1) * 100
      rows.append([
        measurement.decoder, measurement.workload, grouped(old.payloadsPerSecond),
        grouped(measurement.payloadsPerSecond), (change >= 0 ? "+" : "") + format(change, 1) + "%",
      ])
    }
    return layout(header: ["decoder", "workload", "baseline/s", "now/s", "change"], rows: rows)
  }

  /// A number with a fixed count of decimals.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - decimals: How many digits after the point.
  /// - Returns: The text.
  static func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// A whole number with thousands separators.
  ///
  /// - Parameter value: The number, rounded to a whole one.
  /// - Returns: The text, such as `3,651,535`.
  static func grouped(_ value: Double) -> String {
    let digits = Array(String(Int(value.rounded())))
    var text = ""
    for (position, digit) in digits.enumerated() {
      if position > 0, (digits.count - position) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
