/// The per-case handle a property uses to label its case, add notes and discard it.
///
/// A context belongs to one invocation of the property on one thread.
public final class PropertyContext {
  /// The index of the case in its run, or `nil` while replaying or shrinking.
  public let caseIndex: Int?
  /// The distinct labels attached to the case, in the order first attached.
  public private(set) var labels: [String] = []
  /// Notes attached to the case; a failure report shows those of the shrunk counterexample.
  public private(set) var notes: [String] = []

  /// Creates a context.
  /// - Parameters:
  ///   - caseIndex: The index of the case, if known.
  public init(caseIndex: Int? = nil) {
    self.caseIndex = caseIndex
  }

  /// Attaches a label to the case, for statistics and coverage requirements.
  /// - Parameters:
  ///   - label: The label; attaching it twice counts once.
  public func label(_ label: String) {
    if !labels.contains(label) { labels.append(label) }
  }

  /// Attaches a label to the case when a condition holds.
  /// - Parameters:
  ///   - condition: Whether the case belongs to the class.
  ///   - label: The label of the class.
  public func classify(_ condition: Bool, _ label: String) {
    if condition { self.label(label) }
  }

  /// Attaches a note, shown with the counterexample if this case is the reported failure.
  /// - Parameters:
  ///   - note: The text of the note.
  public func note(_ note: String) {
    notes.append(note)
  }

  /// Discards the case unless a precondition holds (QuickCheck's `==>`).
  /// - Parameters:
  ///   - condition: The precondition.
  ///   - reason: A description of the precondition, shown if discards become too many.
  /// - Throws: ``GenerationError/rejected(_:)`` when the condition is false.
  public func assume(_ condition: Bool, _ reason: String = "assumption failed") throws {
    if !condition { throw GenerationError.rejected(reason) }
  }
}
