import Foundation
import GRDB

/// Brings calls up to date inside one write transaction: each message is given to the call it
/// belongs to (see `WorkingCall`), then every call touched is written once, its row and its
/// compressed bundle, with its diagnosis when a diagnoser is given.
final class CallWriter {
  /// What writing the touched calls did.
  struct Outcome {
    var callsWritten = 0
    var callsCreated = 0
    /// Earliest and latest start (ms since 1970) of the calls written.
    var span: ClosedRange<Int64>?
  }

  private let db: Database
  private let codec: BundleCodec
  private let diagnoser: StoreDiagnoser?
  /// The calls of each session id met in this write, stored ones read back when first met.
  private var calls: [String: [WorkingCall]] = [:]
  /// Session ids in the order first met, so calls are created in input order.
  private var order: [String] = []

  init(db: Database, codec: BundleCodec, diagnoser: StoreDiagnoser?) {
    self.db = db
    self.codec = codec
    self.diagnoser = diagnoser
  }

  /// Gives `message` (an event or a CDR) to its call; returns whether it was new to the store
  /// (false: a re-delivery of a message with the same bytes).
  @discardableResult
  func add(_ message: Message, stored: StoredMessage) throws -> Bool {
    guard let sessionId = message.sessionId else { return false }
    if calls[sessionId] == nil {
      calls[sessionId] = try CallReader.workingCalls(sessionId: sessionId, in: db, codec: codec)
      order.append(sessionId)
    }
    var candidates = calls[sessionId] ?? []
    var best: (index: Int, distance: Int64)?
    for (index, candidate) in candidates.enumerated() {
      guard let distance = candidate.distance(to: message) else { continue }
      if best == nil || distance < best!.distance { best = (index, distance) }
    }
    let added: Bool
    if let best {
      added = candidates[best.index].add(message, stored: stored)
    } else {
      var fresh = WorkingCall(sessionId: sessionId)
      added = fresh.add(message, stored: stored)
      candidates.append(fresh)
    }
    calls[sessionId] = candidates
    return added
  }

  /// Writes every call this write touched.
  func finish() throws -> Outcome {
    var outcome = Outcome()
    var touched: [WorkingCall] = []
    for sessionId in order { touched += (calls[sessionId] ?? []).filter(\.changed) }
    let encoded = touched.map { MessageBundle.encode(sessionId: $0.sessionId, $0.messages) }
    if try !codec.hasDictionary { try trainDictionary(with: encoded) }
    var failedDelta = 0
    for (var call, bundle) in zip(touched, encoded) {
      let assembled = call.call
      let start = assembled.startTime?.millisecondsSince1970
      let row = try write(call, assembled: assembled)
      if call.rowId == nil { outcome.callsCreated += 1 }
      call.rowId = row.id
      let compressed = try codec.compressEncoded(bundle)
      try db.cachedStatement(
        sql: "INSERT OR REPLACE INTO call_messages (call_id, dictionary_id, bundle) VALUES (?, ?, ?)"
      ).execute(arguments: [row.id, compressed.dictionaryId, Data(compressed.bytes)])
      failedDelta += (row.failed ? 1 : 0) - ((call.wasFailed ?? false) ? 1 : 0)
      if let start { outcome.span = outcome.span.map { min($0.lowerBound, start)...max($0.upperBound, start) } ?? start...start }
      outcome.callsWritten += 1
      for number in [assembled.caller, assembled.callee, assembled.privacyNumber].compactMap({ $0 }) {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO number (digits) VALUES (?)").execute(arguments: [number])
      }
    }
    if outcome.callsCreated > 0 || failedDelta != 0 {
      try db.execute(
        sql: "UPDATE store_counts SET calls = calls + ?, failed_calls = failed_calls + ? WHERE id = 1",
        arguments: [outcome.callsCreated, failedDelta])
    }
    calls = [:]
    order = []
    return outcome
  }

  /// Once the store holds enough calls, its first ones teach zstd what the platform's messages
  /// look like: a dictionary is trained on them and the calls compressed without one so far are
  /// compressed again with it.
  private func trainDictionary(with encoded: [[UInt8]]) throws {
    let needed = BundleCodec.trainingCalls
    // Counted first: a receiver's small transactions come here many times before there are
    // enough calls, and reading every plain bundle each time made the first calls quadratic.
    // Counted up to what training needs, never the whole table.
    let plainCount =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM call_messages WHERE dictionary_id = 0 LIMIT ?)",
        arguments: [needed]) ?? 0
    guard plainCount + encoded.count >= needed else { return }
    let plain = try Row.fetchAll(
      db, sql: "SELECT call_id, bundle FROM call_messages WHERE dictionary_id = 0 LIMIT ?", arguments: [needed])
    guard plain.count + encoded.count >= needed else { return }
    var samples = encoded
    var stored: [(id: Int64, bundle: [UInt8])] = []
    for row in plain {
      let bundle = try codec.decompress(dictionaryId: 0, bundle: Array(row["bundle"] as Data))
      stored.append((row["call_id"], bundle))
      samples.append(bundle)
    }
    try codec.train(on: Array(samples.prefix(needed * 2)))
    guard try codec.hasDictionary else { return }
    for (id, bundle) in stored {
      let compressed = try codec.compressEncoded(bundle)
      try db.cachedStatement(sql: "UPDATE call_messages SET dictionary_id = ?, bundle = ? WHERE call_id = ?")
        .execute(arguments: [compressed.dictionaryId, Data(compressed.bytes), id])
    }
  }

  /// Writes the call's row (a new one, or its existing one in place, keeping its id).
  private func write(_ working: WorkingCall, assembled call: Call) throws -> (id: Int64, failed: Bool) {
    let record = call.detailRecord
    let failed = call.outcome == .failed
    let diagnosis = try diagnoser?.diagnose(call)
    var values: [(any DatabaseValueConvertible)?] = [
      WorkingCall.hash(sessionId: working.sessionId),
      call.mode.rawValue, record?.serviceType,
      call.startTime?.millisecondsSince1970, call.endTime?.millisecondsSince1970,
      call.caller, call.callee, call.privacyNumber,
      call.outcome.rawValue, failed,
    ]
    values += StoredCodeField.all.map { $0.fromCall(call) }
    values += [
      call.ringSeconds.map { Int64($0 * 1000) }, call.talkSeconds.map { Int64($0 * 1000) },
      call.events.count, record != nil, call.detailRecordDeliveries, working.extraVersions,
    ]
    values += diagnosis?.columnValues ?? StoredDiagnosis.undiagnosedValues
    let columns = CallColumns.written
    if let id = working.rowId {
      try db.cachedStatement(
        sql: "UPDATE calls SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
      ).execute(arguments: StatementArguments(values + [id]))
      return (id, failed)
    }
    try db.cachedStatement(
      sql: "INSERT INTO calls (" + columns.joined(separator: ", ") + ") VALUES ("
        + columns.map { _ in "?" }.joined(separator: ", ") + ")"
    ).execute(arguments: StatementArguments(values))
    return (db.lastInsertedRowID, failed)
  }
}
