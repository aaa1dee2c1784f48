import Foundation

/// Diagnoses whatever an engineer hands over: an input (one record or many, in any form `import`
/// reads) or a stored call. The service that wires the reader, the engine and the store (the
/// engine itself knows no store: neighbours reach it through `NeighbourCounting`). With a store, a call's stored events and CDR are joined to what was
/// given, and its neighbouring calls feed the pattern rules.
public struct InputDiagnoser: Sendable {
  /// One subject and its diagnosis.
  public struct Result: Sendable {
    public var subject: DiagnosisSubject
    public var diagnosis: Diagnosis
  }

  public let engine: DiagnosisEngine
  public let store: (any CallStoreReading)?
  /// The moment of a diagnosis, for the receiver's delivery rules (a re-push still to come, a
  /// CDR overdue): the clock, or a test's fixed time.
  public let now: @Sendable () -> Timestamp

  public init(
    knowledge: KnowledgeBase, store: (any CallStoreReading)?,
    now: @escaping @Sendable () -> Timestamp = { Timestamp.now }
  ) {
    engine = DiagnosisEngine(knowledge: knowledge)
    self.store = store
    self.now = now
  }

  /// Reads `source` to its end and diagnoses every call, SMS and API response in it.
  /// - Returns: the results in input order, the records that could not be read, and how many
  ///   messages were read.
  public func diagnose<Source: ByteSource>(
    _ source: Source
  ) throws(StoreError) -> (results: [Result], issues: [ReadIssue], messagesRead: Int) {
    var reader = InputReader(source: source)
    let (records, issues) = reader.readAll()
    let messages = records.map(\.message)
    var results: [Result] = []
    for subject in DiagnosisSubject.subjects(from: messages) {
      results.append(try diagnose(subject))
    }
    return (results, issues, messages.count)
  }

  /// Diagnoses the newest stored call with this session id, or returns `nil` when the store
  /// has none.
  public func diagnose(sessionId: String) throws(StoreError) -> Result? {
    guard let store, let call = try store.call(sessionId: sessionId) else { return nil }
    return try diagnose(.call(call), alreadyFromStore: true)
  }

  /// Diagnoses every stored call with this session id (a reused id names several), newest
  /// first.
  public func diagnoseAll(sessionId: String) throws(StoreError) -> [Result] {
    guard let store else { return [] }
    var results: [Result] = []
    for call in try store.calls(sessionId: sessionId) {
      results.append(try diagnose(.call(call), alreadyFromStore: true))
    }
    return results
  }

  /// Diagnoses the stored call in row `rowId` (`CallSummary.rowId`), or returns `nil` when the
  /// store has none there.
  public func diagnose(rowId: Int64) throws(StoreError) -> Result? {
    guard let store, let call = try store.call(rowId: rowId) else { return nil }
    return try diagnose(.call(call), alreadyFromStore: true)
  }

  /// Diagnoses one subject, completing a call from the store first.
  public func diagnose(_ subject: DiagnosisSubject) throws(StoreError) -> Result {
    try diagnose(subject, alreadyFromStore: false)
  }

  private func diagnose(_ subject: DiagnosisSubject, alreadyFromStore: Bool) throws(StoreError) -> Result {
    guard case .call(let given) = subject, let store else {
      return Result(subject: subject, diagnosis: engine.diagnose(subject))
    }
    var call = given
    if !alreadyFromStore, let stored = try store.call(sessionId: given.sessionId) {
      call = Call(
        sessionId: given.sessionId, events: DiagnosisSubject.unique(given.events + stored.events),
        detailRecord: given.detailRecord ?? stored.detailRecord,
        detailRecordDeliveries: max(given.detailRecordDeliveries, stored.detailRecordDeliveries))
    }
    // What the live receiver saw of this call's pushes, for the delivery rules beside the causes.
    let pushes = try store.pushes(sessionId: call.sessionId)
    let receiver = pushes.isEmpty ? nil : ReceiverObservation(pushes: pushes, now: now())
    return Result(subject: .call(call), diagnosis: try store.diagnose(call, engine: engine, receiver: receiver))
  }
}
