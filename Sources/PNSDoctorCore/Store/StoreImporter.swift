import Foundation
import GRDB

/// Imports inputs into a `CallStore`.
///
/// Records are written in transactions of `batchSize` messages, each one also bringing the
/// affected calls up to date, so a kill at any moment leaves whole records and consistent calls;
/// importing the same input again stores nothing twice.
public struct StoreImporter: Sendable {
  public let store: CallStore
  public let batchSize: Int
  /// Diagnoses each call and SMS as it is stored; without one they are left for
  /// `CallStore.updateDiagnoses(engine:progress:)`.
  public let engine: DiagnosisEngine?

  public init(store: CallStore, engine: DiagnosisEngine? = nil, batchSize: Int = 2000) {
    self.store = store
    self.engine = engine
    self.batchSize = max(1, batchSize)
  }

  /// Reads `source` to its end and stores what it holds.
  /// - Parameter progress: called now and then with the bytes read so far.
  /// - Parameter shouldStop: asked after each batch; `true` ends the import there (a signal
  ///   asked to stop), with `stopped` set in the statistics. The calls its later batches would
  ///   have re-diagnosed stay marked for the next command that opens the store.
  /// - Throws: `StoreError` when the store fails; problems with the input are counted and
  ///   reported in the statistics, not thrown.
  public func importSource<Source: ByteSource>(
    _ source: Source, progress: (Int) -> Void = { _ in }, shouldStop: () -> Bool = { false }
  ) throws(StoreError) -> ImportStatistics {
    var statistics = ImportStatistics()
    statistics.sources = 1
    // Readers opening the store meanwhile leave the diagnoses to this import.
    let activity = ImportActivity.begin(storePath: store.path)
    defer { withExtendedLifetime(activity) {} }
    if let engine {
      // What is stored already is brought in line with these rules first (and the rules are
      // recorded), so that every call ends up diagnosed by the same rules. Nothing to do, and
      // quick, when they have not changed.
      _ = try store.updateDiagnoses(engine: engine)
    }
    var reader = InputReader(source: source)
    let sourceName = reader.sourceName
    var sourceId: Int64?
    do {
      let head = try reader.head()
      let background = BackgroundRecordReader(reader, batchSize: batchSize)
      // However this ends, the reading thread stops before the source goes back to the caller.
      defer { background.stop() }
      reading: while true {
        switch background.next() {
        case .batch(let records, let issues, let bytesRead):
          issues.forEach { statistics.reject($0) }
          statistics.read += records.count
          if !records.isEmpty {
            try write(records, head: head, sourceName: sourceName, sourceId: &sourceId, into: &statistics)
          }
          progress(bytesRead)
          if shouldStop() {
            statistics.stopped = true
            break reading
          }
        case .failed(let issue):
          // The input itself failed (an I/O error): what was read before is stored.
          statistics.reject(issue)
          break reading
        case .end:
          break reading
        }
      }
    } catch let issue as ReadIssue {
      // The input itself failed (an I/O error): what was read before is stored.
      statistics.reject(issue)
    } catch let error as StoreError {
      throw error
    } catch {
      throw CallStore.translate(error, path: store.path)
    }
    if !statistics.stopped { try finishPatterns(&statistics) }
    return statistics
  }

  /// Calls diagnosed with the help of their neighbours are diagnosed again once the whole
  /// input is in (each batch marks those near its calls): a neighbour stored after them may
  /// change the answer.
  private func finishPatterns(_ statistics: inout ImportStatistics) throws(StoreError) {
    guard let engine, let span = statistics.callSpan else { return }
    let window = Int64(engine.knowledge.neighbourWindow * 1000)
    statistics.patternCallsRediagnosed = try store.rediagnoseCalls(
      whereClause: "diagnosis_state = 0 AND start_ms BETWEEN ? AND ?",
      arguments: [span.lowerBound - window, span.upperBound + window], engine: engine)
  }

  private func write(
    _ batch: [ReadRecord], head: [UInt8], sourceName: String, sourceId: inout Int64?,
    into statistics: inout ImportStatistics
  ) throws {
    let knownSource = sourceId
    let outcome = try store.writer.write {
      db -> (sourceId: Int64, new: Int, duplicate: Int, calls: Int, span: ClosedRange<Int64>?) in
      let id = try knownSource ?? SourceRegistry.sourceId(head: head, name: sourceName, in: db)
      let diagnoser = engine.map { StoreDiagnoser(engine: $0, db: db) }
      let writer = try MessageWriter(db: db, sourceId: id, diagnoser: diagnoser)
      var touched = Set<String>()
      var fresh: [String: CallAssembler.FreshMessages] = [:]
      var new = 0
      var duplicate = 0
      for record in batch {
        let stored = try writer.store(record)
        if stored { new += 1 } else { duplicate += 1 }
        guard let session = record.message.sessionId else { continue }
        touched.insert(session)
        guard stored else { continue }
        switch record.message {
        case .callEvent(let event): fresh[session, default: .init()].events.append(event)
        case .callDetailRecord(let cdr):
          if fresh[session]?.detailRecord == nil { fresh[session, default: .init()].detailRecord = cdr }
        default: break
        }
      }
      let span = try CallAssembler.refresh(sessions: touched, fresh: fresh, diagnoser: diagnoser, in: db)
      // Calls whose diagnosis looked at their neighbours, near the calls just written, are
      // marked for diagnosis: at the end of this input, or by the next command that opens the
      // store if this import does not get there.
      if let engine, let span, engine.knowledge.neighbourWindow > 0 {
        let window = Int64(engine.knowledge.neighbourWindow * 1000)
        try db.execute(
          sql: """
            UPDATE calls SET diagnosis_state = 0
            WHERE diagnosis_state != 1 AND diagnosis_state = 2 AND start_ms BETWEEN ? AND ?
            """, arguments: [span.lowerBound - window, span.upperBound + window])
      }
      return (id, new, duplicate, touched.count, span)
    }
    if let span = outcome.span {
      statistics.callSpan =
        statistics.callSpan.map {
          min($0.lowerBound, span.lowerBound)...max($0.upperBound, span.upperBound)
        } ?? span
    }
    sourceId = outcome.sourceId
    statistics.new += outcome.new
    statistics.duplicate += outcome.duplicate
    statistics.callsUpdated += outcome.calls
  }

}
