import Foundation
import GRDB

/// Writes what the live receiver took, a group of pushes per transaction (a group commit): each
/// push's messages go to their calls as an import's do (a re-push counts one more delivery of
/// the same message, never a second message), and the push itself is recorded with what became
/// of it, so that a push answered 200 is committed before its answer is sent.
///
/// Used from one thread (the receiver's committer); a store has one writer at a time anyway.
public final class PushWriter {
  public let store: CallStore
  public let engine: DiagnosisEngine?
  /// The status answered to a push with nothing readable in it (200 by default: the platform
  /// would only push the same bytes again; 400 when the customer prefers to see it refused).
  public let unreadableStatus: Int
  /// The source row the receiver's messages are recorded as first read from.
  private var sourceId: Int64?

  public init(store: CallStore, engine: DiagnosisEngine?, unreadableStatus: Int = 200) {
    self.store = store
    self.engine = engine
    self.unreadableStatus = unreadableStatus
  }

  /// The status a push is answered with, given what became of it.
  public func status(for push: ReceivedPush) -> Int {
    // In tap mode the platform gets what the customer's receiver answered, but for what the
    // receiver itself refused (too large, signature required).
    if let upstream = push.upstream, push.refusal != .tooLarge, push.refusal != .signatureRefused {
      return upstream.relayedStatus
    }
    switch push.disposition {
    case .wrongMethod: return 405
    case .tooLarge: return 413
    case .signatureRefused: return 401
    case .stored, .partlyRead, .unreadable:
      return push.disposition == .unreadable ? unreadableStatus : 200
    }
  }

  /// Stores `pushes` in one transaction and returns, in order, what became of each.
  /// - Throws: `StoreError` when the store fails: nothing of the group is stored, and none of
  ///   its pushes may be answered 200.
  public func write(_ pushes: [ReceivedPush]) throws(StoreError) -> [PushReceipt] {
    do {
      let (receipts, source) = try store.writer.write { db in try self.write(pushes, in: db) }
      // Kept only once committed: a rolled-back group leaves no source row behind.
      sourceId = source
      return receipts
    } catch let error as StoreError {
      throw error
    } catch {
      throw CallStore.translate(error, path: store.path)
    }
  }

  private func write(_ pushes: [ReceivedPush], in db: Database) throws -> ([PushReceipt], Int64) {
    let source = try sourceId ?? receiverSource(in: db)
    let codec = BundleCodec(db: db, shared: store.dictionaries, verifying: true)
    let diagnoser = engine.map { StoreDiagnoser(engine: $0, db: db, codec: codec) }
    let calls = CallWriter(db: db, codec: codec, diagnoser: diagnoser)
    let others = MessageWriter(db: db, sourceId: source, diagnoser: diagnoser)
    let insert = try db.cachedStatement(
      sql: "INSERT INTO push (\(PushSchema.written.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: PushSchema.written.count).joined(separator: ", ") + ")")
    let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO push_session (session_hash, push_id) VALUES (?, ?)")
    let count = try db.cachedStatement(sql: "UPDATE push SET new_records = ? WHERE id = ?")
    var receipts: [PushReceipt] = []
    for push in pushes {
      let disposition = push.disposition
      let status = status(for: push)
      // The body is kept when the store would otherwise not hold all of it: refused, or with
      // something in it that could not be read.
      let keepBody = disposition != .stored
      try insert.execute(
        arguments: [
          push.receivedMs, push.method, push.path, PushSchema.kindValue(push.kinds), push.records.count, 0,
          push.issues.reduce(0) { $0 + $1.rejections }, disposition.rawValue, push.signature.rawValue, push.appKey,
          status, push.reason, keepBody ? Data(push.body) : nil, push.bodyBytes, push.upstream?.status,
          push.upstream?.microseconds, push.upstream?.error,
        ])
      let pushId = db.lastInsertedRowID
      var receipt = PushReceipt(pushId: pushId, disposition: disposition, status: status, newRecords: 0, duplicates: 0)
      var repeats = PushRepeats()
      for record in push.records {
        // A stored message's "line" is its push's number: where it came from.
        let stored = try RecordRouting.store(
          record, calls: calls, others: others, repeats: &repeats, sourceId: source, line: Int(pushId))
        if stored { receipt.newRecords += 1 } else { receipt.duplicates += 1 }
        if let sessionId = record.message.sessionId {
          try link.execute(arguments: [WorkingCall.hash(sessionId: sessionId), pushId])
        }
      }
      if receipt.newRecords > 0 { try count.execute(arguments: [receipt.newRecords, pushId]) }
      receipts.append(receipt)
    }
    try others.finish()
    let written = try calls.finish()
    if let engine, let span = written.span, engine.knowledge.neighbourWindow > 0 {
      // Calls nearby whose diagnosis looked at their neighbours are marked for diagnosis, as an
      // import's batch marks them: the next command that opens the store to write does it.
      try StoreImporter.markNeighbourDiagnoses(
        around: span, window: Int64(engine.knowledge.neighbourWindow * 1000), in: db)
    }
    return (receipts, source)
  }

  /// The source the receiver's messages are recorded as read from: one per writer (a run of
  /// `serve`), named so that `import` never takes a file for it.
  private func receiverSource(in db: Database) throws -> Int64 {
    let name = "pnsdoctor serve \(UUID().uuidString)"
    return try SourceRegistry.source(head: Array("\u{0}\(name)".utf8), name: "serve", in: db).id
  }
}
