/// The exit statuses of `patfuzz`, following the BSD `sysexits` convention where one applies.
public enum ExitCode: Int32, Sendable {
  /// Everything held: the payload is valid, every case passed, no finding.
  case success = 0
  /// The tool ran and found something: an invalid payload, a failing case, a finding.
  case failure = 1
  /// The command line or an input file could not be used (`EX_USAGE`).
  case usage = 64
  /// An external implementation could not be started at all (`EX_SOFTWARE`).
  case software = 70
}
