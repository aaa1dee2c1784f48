import Foundation
import GRDB

/// What bringing the stored diagnoses up to date did.
public struct DiagnosisUpdate: Sendable, Equatable {
  /// Whether the rules differ from those the stored diagnoses were made with.
  public var knowledgeChanged = false
  public var callsDiagnosed = 0
  public var smsDiagnosed = 0
}

/// Keeping each stored call's and SMS's diagnosis in step with the knowledge base.
extension CallStore {
  /// Diagnoses `call` (stored or not) with its stored neighbours for the pattern rules, and
  /// what the live receiver saw of its pushes for the delivery rules.
  public func diagnose(
    _ call: Call, engine: DiagnosisEngine, receiver: ReceiverObservation?
  ) throws(StoreError) -> Diagnosis {
    do {
      return try writer.read { db in
        let counter = StoreNeighbourCounter(db: db, codec: BundleCodec(db: db, shared: dictionaries))
        let diagnosis = engine.diagnose(.call(call), counting: counter, receiver: receiver)
        if let error = counter.error { throw error }
        return diagnosis
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// Whether the stored diagnoses are those `knowledge` gives, found without writing: the
  /// rules differ from those recorded, or calls and SMS wait for a diagnosis.
  public func diagnosisStatus(knowledge: KnowledgeBase) throws(StoreError) -> (knowledgeChanged: Bool, pending: Int) {
    do {
      return try writer.read { db in
        (
          try Self.knowledgeChanged(knowledge, in: db),
          (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls WHERE \(Self.pendingTest)") ?? 0)
            + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms WHERE \(Self.pendingTest)") ?? 0)
        )
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// How many stored calls have a diagnosis.
  public func diagnosedCallCount() throws(StoreError) -> Int {
    do {
      return try writer.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls WHERE diagnosis_state != \(DiagnosisState.pending.rawValue)") ?? 0
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// How many rows are diagnosed per transaction.
  static let diagnosisBatch = 1000

  /// Diagnoses every call and SMS that has no diagnosis yet, after marking for diagnosis those
  /// a change of the rules concerns: a rule added or revised concerns every call it can apply
  /// to (failed and unfinished calls, or all calls for a rule that also looks at successes), a
  /// rule removed concerns the calls it was a finding of. The rules in use are then recorded.
  /// - Parameter progress: called after each batch with the rows done and the rows to do.
  public func updateDiagnoses(
    engine: DiagnosisEngine, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) throws(StoreError) -> DiagnosisUpdate {
    var update = DiagnosisUpdate()
    do {
      // Looked at in a read first: a store that is up to date is not written at all, so that a
      // command that only reads does not wait for a writer in another process.
      if try writer.read({ db in try Self.knowledgeChanged(engine.knowledge, in: db) }) {
        update.knowledgeChanged = try writer.write { db in
          try Self.markStaleDiagnoses(knowledge: engine.knowledge, in: db)
        }
      }
      let (calls, messages) = try writer.read { db in
        (
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls WHERE \(Self.pendingTest)") ?? 0,
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms WHERE \(Self.pendingTest)") ?? 0
        )
      }
      let total = calls + messages
      if total > 0 { progress(0, total) }
      if calls > 0 {
        update.callsDiagnosed = try rediagnoseCalls(
          whereClause: "diagnosis_state = \(DiagnosisState.pending.rawValue)", arguments: [], engine: engine, progress: { progress($0, total) })
      }
      if messages > 0 {
        update.smsDiagnosed = try rediagnoseSMS(engine: engine) { progress(calls + $0, total) }
      }
    } catch {
      throw Self.translate(error, path: path)
    }
    return update
  }

  /// Rows to diagnose, in a form the partial indexes `calls_to_diagnose` and `sms_to_diagnose`
  /// (`diagnosis_state != diagnosed`) serve.
  static let pendingTest =
    "diagnosis_state != \(DiagnosisState.diagnosed.rawValue) AND diagnosis_state = \(DiagnosisState.pending.rawValue)"

  /// The row of `knowledge_rule` that stands for the code tables: a code's category decides
  /// what `category:` conditions match, so a change there concerns every diagnosis.
  static let codeTablesRow = "#code-tables"

  /// A fingerprint of what the rules read from the code tables: each code's and range's
  /// category, by field.
  static func codeTablesFingerprint(_ knowledge: KnowledgeBase) -> Int {
    var text = ""
    for table in knowledge.tables {
      text += table.id + ":" + table.fields.joined(separator: ",") + ";"
      for code in table.entries.keys.sorted() { text += "\(code)=\(table.entries[code]?.category.rawValue ?? "");" }
      for range in table.ranges {
        text += "\(range.codes.lowerBound)-\(range.codes.upperBound)=\(range.entry.category.rawValue);"
      }
    }
    return Int(truncatingIfNeeded: FNV1a.hash(Array(text.utf8)))
  }

  /// What the store records of one rule (or of the code tables), to tell a change of rules.
  private struct KnowledgeRecord: Equatable {
    var revision: Int
    var appliesTo: String
    var alsoForSuccess: Bool
  }

  /// The rules the stored diagnoses were made with.
  private static func recordedKnowledge(in db: Database) throws -> [String: KnowledgeRecord] {
    var recorded: [String: KnowledgeRecord] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT * FROM knowledge_rule") {
      recorded[row["rule_id"]] = KnowledgeRecord(
        revision: row["revision"], appliesTo: row["applies_to"], alsoForSuccess: row["also_for_success"])
    }
    return recorded
  }

  /// The same record of `knowledge`.
  private static func currentKnowledge(_ knowledge: KnowledgeBase) -> [String: KnowledgeRecord] {
    var current: [String: KnowledgeRecord] = [:]
    for rule in knowledge.rules {
      current[rule.id] = KnowledgeRecord(
        revision: rule.revision, appliesTo: rule.appliesTo.rawValue, alsoForSuccess: rule.alsoForSuccess)
    }
    current[codeTablesRow] = KnowledgeRecord(
      revision: codeTablesFingerprint(knowledge), appliesTo: "codes", alsoForSuccess: true)
    return current
  }

  /// Whether the store was diagnosed with other rules than `knowledge`'s (read only).
  private static func knowledgeChanged(_ knowledge: KnowledgeBase, in db: Database) throws -> Bool {
    try recordedKnowledge(in: db) != currentKnowledge(knowledge)
  }

  /// Marks what a change of rules or code tables concerns; returns whether anything changed.
  private static func markStaleDiagnoses(knowledge: KnowledgeBase, in db: Database) throws -> Bool {
    let recorded = try recordedKnowledge(in: db)
    let current = currentKnowledge(knowledge)
    guard recorded != current else { return false }
    // A change in the code tables concerns every diagnosis; otherwise, rule by rule.
    let codesChanged = recorded[codeTablesRow] != current[codeTablesRow] && !recorded.isEmpty
    for table in ["calls", "sms"] {
      if codesChanged {
        try db.execute(sql: "UPDATE \(table) SET diagnosis_state = \(DiagnosisState.pending.rawValue)")
        continue
      }
      let kind = table == "calls" ? SubjectKind.call.rawValue : SubjectKind.sms.rawValue
      let changed = current.filter { $0.value.appliesTo == kind && recorded[$0.key] != $0.value }
      let touchesSuccesses = changed.contains { $0.value.alsoForSuccess || recorded[$0.key]?.alsoForSuccess == true }
      if touchesSuccesses {
        try db.execute(sql: "UPDATE \(table) SET diagnosis_state = \(DiagnosisState.pending.rawValue)")
      } else if !changed.isEmpty {
        try db.execute(sql: "UPDATE \(table) SET diagnosis_state = \(DiagnosisState.pending.rawValue) WHERE verdict IS NOT 'ok'")
      }
      // Removed, or moved to another kind of subject: gone from this kind's findings.
      let removed = recorded.filter { $0.value.appliesTo == kind && current[$0.key]?.appliesTo != kind }.keys
      for id in removed {
        try db.execute(
          sql: "UPDATE \(table) SET diagnosis_state = \(DiagnosisState.pending.rawValue) WHERE (' ' || findings) LIKE ? ESCAPE '\\'",
          arguments: ["% " + LikePattern.escaped(id) + "@%"])
      }
    }
    try db.execute(sql: "DELETE FROM knowledge_rule")
    for (id, rule) in current {
      try db.execute(
        sql: "INSERT INTO knowledge_rule (rule_id, revision, applies_to, also_for_success) VALUES (?, ?, ?, ?)",
        arguments: [id, rule.revision, rule.appliesTo, rule.alsoForSuccess])
    }
    return true
  }

  /// Diagnoses again the calls matching `whereClause` (on `calls`), rebuilding each from its
  /// messages; returns how many.
  func rediagnoseCalls(
    whereClause: String, arguments: [any DatabaseValueConvertible], engine: DiagnosisEngine,
    progress: (Int) -> Void = { _ in }
  ) throws(StoreError) -> Int {
    var done = 0
    var lastRowId: Int64 = 0
    do {
      while true {
        let (count, last) = try writer.write { db -> (Int, Int64?) in
          // The partial index `calls_to_diagnose` serves queries that say diagnosis_state != 1.
          let rows = try Row.fetchAll(
            db,
            sql: """
              SELECT id FROM calls WHERE diagnosis_state != \(DiagnosisState.diagnosed.rawValue) AND \(whereClause)
                AND id > ?
              ORDER BY id LIMIT ?
              """,
            arguments: StatementArguments(arguments + [lastRowId, Self.diagnosisBatch]))
          let codec = BundleCodec(db: db, shared: dictionaries, verifying: true)
          let diagnoser = StoreDiagnoser(engine: engine, db: db, codec: codec)
          let update = try db.cachedStatement(
            sql: """
              UPDATE calls SET verdict = ?, cause_rule = ?, cause_confidence = ?, findings = ?,
                diagnosis_state = ? WHERE id = ?
              """)
          for row in rows {
            let rowId: Int64 = row["id"]
            guard let call = try CallReader.storedCall(rowId: rowId, in: db, codec: codec)?.call else { continue }
            try update.execute(arguments: StatementArguments(try diagnoser.diagnose(call).columnValues + [rowId]))
          }
          return (rows.count, rows.last?["id"])
        }
        done += count
        guard let last, count == Self.diagnosisBatch else { break }
        lastRowId = last
        progress(done)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
    progress(done)
    return done
  }

  /// Diagnoses the SMS notifications that have no diagnosis; returns how many.
  private func rediagnoseSMS(engine: DiagnosisEngine, progress: (Int) -> Void) throws -> Int {
    var done = 0
    while true {
      let count = try writer.write { db -> Int in
        let rows = try Row.fetchAll(
          db, sql: "SELECT id, raw FROM sms WHERE \(Self.pendingTest) ORDER BY id LIMIT ?",
          arguments: [Self.diagnosisBatch])
        let diagnoser = StoreDiagnoser(engine: engine, db: db, codec: BundleCodec(db: db, shared: dictionaries, verifying: true))
        for row in rows {
          // A row whose JSON no longer reads (edited by hand) is marked diagnosed with no
          // findings rather than read again on every run.
          let values: [(any DatabaseValueConvertible)?]
          let raw: String = row["raw"]
          if case .sms(let sms)? = try? StoredMessageDecoder.message(
            StoredMessage(kind: .sms, json: Array(raw.utf8), deliveries: 1, sourceId: 0, line: 0))
          {
            values = diagnoser.diagnose(sms).columnValues
          } else {
            values = [Verdict.unknown.rawValue, nil, nil, "", DiagnosisState.diagnosed.rawValue]
          }
          try db.execute(
            sql: """
              UPDATE sms SET verdict = ?, cause_rule = ?, cause_confidence = ?, findings = ?, diagnosis_state = ?
              WHERE id = ?
              """, arguments: StatementArguments(values + [row["id"] as Int64]))
        }
        return rows.count
      }
      done += count
      progress(done)
      if count < Self.diagnosisBatch { break }
    }
    return done
  }
}
