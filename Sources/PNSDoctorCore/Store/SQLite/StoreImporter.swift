import Foundation
import GRDB

/// Imports inputs into a `CallStore`.
///
/// Records are written in transactions of `batchSize` messages; each brings the calls it
/// touches up to date and moves its input's watermark, so a kill at any moment leaves whole
/// records and consistent calls, and importing the same input again stores nothing twice: it
/// continues after the last record stored.
public struct StoreImporter: Sendable {
  public let store: CallStore
  public let batchSize: Int
  /// Diagnoses each call and SMS as it is stored; without one they are left for
  /// `CallStore.updateDiagnoses(engine:progress:)`.
  public let engine: DiagnosisEngine?

  /// The smallest input (in bytes) loaded in bulk, when it brings more calls than the store
  /// holds: below this, building the indexes again costs more than keeping them.
  public let smallestBulkLoad: Int

  public init(
    store: CallStore, engine: DiagnosisEngine? = nil, batchSize: Int = 2000, smallestBulkLoad: Int = 32 << 20
  ) {
    self.store = store
    self.engine = engine
    self.batchSize = max(1, batchSize)
    self.smallestBulkLoad = smallestBulkLoad
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
    var readToEnd = false
    var bytesRead = 0
    var bulk = false
    // However the import ends, indexes a bulk load dropped are built again (and if this process
    // dies first, the next one that opens the store to write builds them). A failed rebuild is
    // reported, after the failure that ended the import if there was one.
    var failure: StoreError?
    do {
      let head = try reader.head()
      if try isUnchanged(source, head: head) {
        statistics.unchangedInputs = 1
        return statistics
      }
      bulk = try startBulkLoad(of: source)
      let background = BackgroundRecordReader(reader, batchSize: batchSize)
      // However this ends, the reading thread stops before the source goes back to the caller.
      defer { background.stop() }
      var repeats = PushRepeats()
      reading: while true {
        switch background.next() {
        case .batch(let records, let issues, let read):
          issues.forEach { statistics.reject($0) }
          statistics.read += records.count
          bytesRead = read
          if !records.isEmpty {
            try write(
              records, head: head, sourceName: sourceName, bulk: bulk, sourceId: &sourceId, repeats: &repeats,
              into: &statistics)
          }
          progress(read)
          if shouldStop() {
            statistics.stopped = true
            break reading
          }
        case .failed(let issue):
          // The input itself failed (an I/O error): what was read before is stored.
          statistics.reject(issue)
          break reading
        case .end:
          readToEnd = true
          break reading
        }
      }
      if readToEnd { try markReadToEnd(source, head: head, sourceId: sourceId, size: bytesRead) }
    } catch let issue as ReadIssue {
      // The input itself failed (an I/O error): what was read before is stored.
      statistics.reject(issue)
    } catch let error as StoreError {
      failure = error
    } catch {
      failure = CallStore.translate(error, path: store.path)
    }
    if bulk {
      do {
        try finishBulkLoad(&statistics)
      } catch {
        failure = failure ?? (error as? StoreError ?? CallStore.translate(error, path: store.path))
      }
    }
    if let failure { throw failure }
    if !statistics.stopped { try finishPatterns(&statistics) }
    return statistics
  }

  /// How much larger than the store an input must be (in estimated calls) for its load to drop
  /// the indexes and build them after.
  static let bulkLoadFactor = 1
  /// About how many input bytes make one call (the demo data: 2,200).
  static let bytesPerCall = 2048

  /// Starts a bulk load when `source` brings more calls than the store holds: the secondary
  /// indexes are dropped until the end of the input, and pattern rules are left for then.
  private func startBulkLoad<Source: ByteSource>(of source: Source) throws -> Bool {
    guard let size = source.expectedSize, size >= smallestBulkLoad else { return false }
    let stored = try store.counts().calls
    guard size / Self.bytesPerCall > stored * Self.bulkLoadFactor else { return false }
    try store.writer.write { db in try StoreIndexes.drop(in: db) }
    return true
  }

  /// Builds the indexes again, then diagnoses in full the calls the pattern rules asked about
  /// meanwhile, and marks those already stored nearby that looked at neighbours.
  private func finishBulkLoad(_ statistics: inout ImportStatistics) throws {
    try store.writer.write { db in try StoreIndexes.build(in: db) }
    guard let engine, let span = statistics.callSpan, engine.knowledge.neighbourWindow > 0 else { return }
    let window = Int64(engine.knowledge.neighbourWindow * 1000)
    try store.writer.write { db in
      try Self.markNeighbourDiagnoses(around: span, window: window, in: db)
    }
  }

  /// Marks for diagnosis the calls near `span` whose diagnosis looked at their neighbours: a
  /// call stored since may change their answer.
  static func markNeighbourDiagnoses(
    around span: ClosedRange<Int64>, window: Int64, in db: Database
  ) throws {
    try db.execute(
      sql: "UPDATE calls SET diagnosis_state = ? WHERE diagnosis_state = ? AND start_ms BETWEEN ? AND ?",
      arguments: [
        DiagnosisState.pending.rawValue, DiagnosisState.dependsOnNeighbours.rawValue,
        span.lowerBound - window, span.upperBound + window,
      ])
  }

  /// Whether `source` is an input already imported whole and unchanged since: same head, same
  /// size, same last bytes. Decided before anything is parsed.
  private func isUnchanged<Source: ByteSource>(_ source: Source, head: [UInt8]) throws -> Bool {
    guard let tail = source.tail(length: SourceRegistry.tailLength),
      let known = try store.writer.read({ db in try SourceRegistry.find(head: head, in: db) }),
      known.endSize == tail.size, known.endTailHash == SourceRegistry.tailHash(tail.bytes)
    else { return false }
    return true
  }

  /// Notes that the input was read to its end, with its size and last bytes, when it can tell
  /// them and has not grown meanwhile.
  private func markReadToEnd<Source: ByteSource>(
    _ source: Source, head: [UInt8], sourceId: Int64?, size: Int
  ) throws {
    guard let tail = source.tail(length: SourceRegistry.tailLength), tail.size == size else { return }
    try store.writer.write { db in
      let id = try sourceId ?? SourceRegistry.source(head: head, name: source.name, in: db).id
      try SourceRegistry.markReadToEnd(id, size: size, tailHash: SourceRegistry.tailHash(tail.bytes), in: db)
    }
  }

  /// Calls diagnosed with the help of their neighbours are diagnosed again once the whole
  /// input is in (each batch marks those near its calls): a neighbour stored after them may
  /// change the answer.
  private func finishPatterns(_ statistics: inout ImportStatistics) throws(StoreError) {
    guard let engine, let span = statistics.callSpan else { return }
    let window = Int64(engine.knowledge.neighbourWindow * 1000)
    statistics.patternCallsRediagnosed = try store.rediagnoseCalls(
      whereClause: "diagnosis_state = \(DiagnosisState.pending.rawValue) AND start_ms BETWEEN ? AND ?",
      arguments: [span.lowerBound - window, span.upperBound + window], engine: engine)
  }

  /// What one batch's transaction did.
  private struct BatchOutcome {
    var sourceId: Int64
    var new = 0
    var duplicate = 0
    var alreadyStored = 0
    var calls = 0
    var span: ClosedRange<Int64>?
  }

  /// A batch is one transaction, so one that SQLite refused at once as "locked" (a lock wait
  /// it broke, which no busy timeout covers) changed nothing and is written again, a few times.
  /// A refusal after the whole busy timeout is a store really held by another: reported.
  private static func retryingBusy<T>(_ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      attempt += 1
      let started = Date()
      do {
        return try body()
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && attempt < 6 && Date().timeIntervalSince(started) < 1
      {
        usleep(useconds_t(100_000 * attempt))
      }
    }
  }

  private func write(
    _ batch: [ReadRecord], head: [UInt8], sourceName: String, bulk: Bool, sourceId: inout Int64?,
    repeats: inout PushRepeats, into statistics: inout ImportStatistics
  ) throws {
    // Written again after a refusal, the batch starts from the same place in its push.
    let repeatsBefore = repeats
    let outcome = try Self.retryingBusy {
      repeats = repeatsBefore
      return try store.writer.write { db -> BatchOutcome in
        // Looked up in every batch's transaction: another import of the same input may have
        // moved the watermark since.
        let source = try SourceRegistry.source(head: head, name: sourceName, in: db)
        var outcome = BatchOutcome(sourceId: source.id)
        let codec = BundleCodec(db: db, shared: store.dictionaries, verifying: true)
        let diagnoser = engine.map { StoreDiagnoser(engine: $0, db: db, codec: codec, deferringNeighbours: bulk) }
        let calls = CallWriter(db: db, codec: codec, diagnoser: diagnoser)
        let others = MessageWriter(db: db, sourceId: source.id, diagnoser: diagnoser)
        var last: ReadRecord?
        for record in batch {
          guard source.isNew(offset: record.offset, ordinal: record.ordinal) else {
            outcome.alreadyStored += 1
            continue
          }
          last = record
          let stored = try RecordRouting.store(
            record, calls: calls, others: others, repeats: &repeats, sourceId: source.id, line: record.location.line)
          if stored { outcome.new += 1 } else { outcome.duplicate += 1 }
        }
        try others.finish()
        let written = try calls.finish()
        outcome.calls = written.callsWritten
        outcome.span = written.span
        // Calls whose diagnosis looked at their neighbours, near the calls just written, are
        // marked for diagnosis: at the end of this input, or by the next command that opens the
        // store if this import does not get there. (A bulk load, without the time index, does
        // this once at its end.)
        if !bulk, let engine, let span = written.span, engine.knowledge.neighbourWindow > 0 {
          try Self.markNeighbourDiagnoses(
            around: span, window: Int64(engine.knowledge.neighbourWindow * 1000), in: db)
        }
        if let last {
          try SourceRegistry.advance(
            source.id, offset: last.offset, ordinal: last.ordinal, records: outcome.new + outcome.duplicate, in: db)
        }
        return outcome
      }
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
    statistics.alreadyStored += outcome.alreadyStored
    statistics.callsUpdated += outcome.calls
  }
}
