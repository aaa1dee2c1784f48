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

  public init(store: CallStore, batchSize: Int = 2000) {
    self.store = store
    self.batchSize = max(1, batchSize)
  }

  /// Reads `source` to its end and stores what it holds.
  /// - Parameter progress: called now and then with the bytes read so far.
  /// - Throws: `StoreError` when the store fails; problems with the input are counted and
  ///   reported in the statistics, not thrown.
  public func importSource<Source: ByteSource>(
    _ source: Source, progress: (Int) -> Void = { _ in }
  ) throws(StoreError) -> ImportStatistics {
    var statistics = ImportStatistics()
    statistics.sources = 1
    var reader = InputReader(source: source)
    let sourceName = reader.sourceName
    var batch: [ReadRecord] = []
    batch.reserveCapacity(batchSize)
    var sourceId: Int64?
    do {
      let head = try reader.head()
      while let item = try reader.next() {
        switch item {
        case .issue(let issue):
          statistics.reject(issue)
        case .record(let record):
          statistics.read += 1
          batch.append(record)
          if batch.count >= batchSize {
            try write(batch, head: head, sourceName: sourceName, sourceId: &sourceId, into: &statistics)
            batch.removeAll(keepingCapacity: true)
            progress(reader.bytesRead)
          }
        }
      }
      if !batch.isEmpty {
        try write(batch, head: head, sourceName: sourceName, sourceId: &sourceId, into: &statistics)
      }
      progress(reader.bytesRead)
    } catch let issue as ReadIssue {
      // The input itself failed (an I/O error): what was read before is stored.
      statistics.reject(issue)
    } catch let error as StoreError {
      throw error
    } catch {
      throw CallStore.translate(error, path: store.path)
    }
    return statistics
  }

  private func write(
    _ batch: [ReadRecord], head: [UInt8], sourceName: String, sourceId: inout Int64?,
    into statistics: inout ImportStatistics
  ) throws {
    let knownSource = sourceId
    let outcome = try store.writer.write { db -> (sourceId: Int64, new: Int, duplicate: Int, calls: Int) in
      let id = try knownSource ?? SourceRegistry.sourceId(head: head, name: sourceName, in: db)
      var writer = try MessageWriter(db: db, sourceId: id)
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
      try CallAssembler.refresh(sessions: touched, fresh: fresh, in: db)
      return (id, new, duplicate, touched.count)
    }
    sourceId = outcome.sourceId
    statistics.new += outcome.new
    statistics.duplicate += outcome.duplicate
    statistics.callsUpdated += outcome.calls
  }

}
