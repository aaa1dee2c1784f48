/// What reading a store asks of it, whoever keeps it: the list and its counts, one call or SMS
/// and its messages, the statistics, and whether its diagnoses are those of the rules in use.
///
/// `CallStore` (SQLite, `Store/SQLite/`) is the one implementation so far; the commands, the
/// terminal UI and `InputDiagnoser` read through this, so a second backend (PostgreSQL, for a
/// team) implements it without touching them.
public protocol CallStoreReading: Sendable {
  /// Where the store is, for messages: a file path, or a connection's name.
  var path: String { get }
  func calls(matching query: CallQuery) throws(StoreError) -> [CallSummary]
  func count(matching query: CallQuery) throws(StoreError) -> Int
  func page(
    matching query: CallQuery, countingUpTo limit: Int
  ) throws(StoreError) -> (rows: [CallSummary], total: Int, totalIsLowerBound: Bool)
  func counts() throws(StoreError) -> StoreCounts
  func messageCounts() throws(StoreError) -> MessageCounts
  /// The newest call with this session id.
  func call(sessionId: String) throws(StoreError) -> Call?
  /// Every call with this session id (a reused id names several), newest first.
  func calls(sessionId: String) throws(StoreError) -> [Call]
  func call(rowId: Int64) throws(StoreError) -> Call?
  /// The session ids starting with a prefix (see `CallStore.sessionIds(startingWith:limit:)`).
  func sessionIds(startingWith prefix: String, limit: Int) throws(StoreError) -> [String]
  func rawMessages(rowId: Int64) throws(StoreError) -> [RawMessage]
  func smsNotifications(matching query: SMSQuery) throws(StoreError) -> (rows: [SMSSummary], total: Int)
  func sms(id: Int64) throws(StoreError) -> (notification: SMSNotification, raw: String)?
  func failureStatistics() throws(StoreError) -> FailureStatistics
  func diagnosisStatus(knowledge: KnowledgeBase) throws(StoreError) -> (knowledgeChanged: Bool, pending: Int)
  /// A value that changes whenever anyone commits to the store, cheap enough to ask every
  /// second: how a browser notices new data without a key press.
  func changeToken() -> Int
  /// `call` diagnosed with its stored neighbours for the pattern rules, and `receiver` (what
  /// the live receiver saw of its pushes, from `pushes(sessionId:)`) for the delivery rules.
  func diagnose(_ call: Call, engine: DiagnosisEngine, receiver: ReceiverObservation?) throws(StoreError) -> Diagnosis
  /// What the live receiver (`serve`) took: a report from `sinceMs` on, its state now, and
  /// the pushes that carried one call's messages.
  func receiverReport(sinceMs: Int64?) throws(StoreError) -> ReceiverReport
  func receiverPulse(nowMs: Int64) throws(StoreError) -> ReceiverPulse
  func pushes(sessionId: String) throws(StoreError) -> [ReceiverReport.Push]
}
