import Foundation
import GRDB

/// The local SQLite store of imported messages and the calls they make up (schema v4, see
/// `StoreSchema`).
///
/// One narrow row per call holds its typed columns and kept diagnosis; every message of the
/// call, byte for byte as received (compacted), sits compressed beside it, and re-pushed
/// messages count as deliveries of one. Files are in WAL mode: importers write, while readers
/// (`openForReading`) never write a byte.
///
/// ## Topics
/// - ``openForReading(path:)``
/// - ``open(path:creating:)``
/// - ``inMemory()``
/// - ``calls(matching:)``
/// - ``call(sessionId:)``
/// - ``StoreImporter``
public final class CallStore: CallStoreReading {
  /// The file path, or `:memory:`.
  public let path: String
  /// Whether this store was opened to read only (nothing is ever written through it).
  public let isReadOnly: Bool
  let writer: any DatabaseReader & DatabaseWriter
  /// The zstd dictionaries its calls were compressed with, loaded once.
  let dictionaries = DictionaryCache()
  /// The device and inode of the file opened (nil in memory): what `fileState()` compares.
  let openedFile: (device: UInt64, inode: UInt64)?

  private init(path: String, writer: any DatabaseReader & DatabaseWriter, isReadOnly: Bool = false) {
    self.path = path
    self.writer = writer
    self.isReadOnly = isReadOnly
    self.openedFile = path == ":memory:" ? nil : Self.fileIdentity(path)
  }

  /// Opens an existing store to read only: no write, no schema change, no file created beside
  /// it but SQLite's shared-memory index, so that a writer's lock never stops it and the store's
  /// bytes never change by reading.
  /// - Throws: `StoreError` when there is no store, it is not one, it is newer, or it was made
  ///   by an earlier pnsdoctor and must be migrated first (`pnsdoctor store migrate`).
  public static func openForReading(path: String) throws(StoreError) -> CallStore {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw StoreError(.missing, path: path, detail: "")
    }
    if isDirectory.boolValue { throw StoreError(.cannotOpen, path: path, detail: "it is a folder, not a store file") }
    try refuseForeign(path: path, empty: true)
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw Self.translate(error, path: path, opening: true)
    }
    let complete: Bool
    do {
      complete = try pool.read { db in try StoreMigrations.migrator.hasCompletedMigrations(db) }
    } catch {
      throw Self.translate(error, path: path, opening: true)
    }
    guard complete else { throw StoreError(.outdated, path: path, detail: "") }
    return CallStore(path: path, writer: pool, isReadOnly: true)
  }

  /// Opens the store at `path`, and brings its schema up to date.
  /// - Parameter creating: whether a missing store is created (with its folder). Commands that
  ///   only read pass `false`: a mistyped path then says so instead of making an empty store.
  /// - Throws: `StoreError` when the file cannot be opened, is not a store, or comes from a
  ///   newer pnsdoctor (nothing in it is changed then).
  public static func open(path: String, creating: Bool = true) throws(StoreError) -> CallStore {
    // Two processes creating one store at once were seen to fail with "locked" at once, not
    // after the busy timeout (in about one CI run of three, under load). Our reading: they meet
    // while the new file is still in rollback-journal mode, before WAL is on, where SQLite
    // breaks a lock wait that would deadlock by refusing one side at once. Such a refusal is
    // tried again, a few times, before it is reported.
    var attempt = 0
    while true {
      attempt += 1
      let started = Date()
      do {
        return try openOnce(path: path, creating: creating)
      } catch where error.kind == .busy && attempt < 6 && Date().timeIntervalSince(started) < 1 {
        // Refused at once, not after the busy timeout: a broken lock wait, not a held store.
        usleep(useconds_t(100_000 * attempt))
      }
    }
  }

  private static func openOnce(path: String, creating: Bool) throws(StoreError) -> CallStore {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists && isDirectory.boolValue {
      throw StoreError(.cannotOpen, path: path, detail: "it is a folder, not a store file")
    }
    if !exists && !creating {
      throw StoreError(.missing, path: path, detail: "")
    }
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw StoreError(.cannotOpen, path: path, detail: "cannot create folder \(directory)")
      }
    }
    if exists { try refuseForeign(path: path, empty: false) }
    var configuration = Configuration()
    // A writer waits up to 30 s for another one's transaction (a busy machine can stretch an
    // import's batch or a dictionary's training well past the usual milliseconds).
    configuration.busyMode = .timeout(30)
    // Larger pages waste less room around the bundles (some 300 bytes each); only a new file
    // takes it.
    configuration.prepareDatabase { db in
      if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") == 0 {
        try db.execute(sql: "PRAGMA page_size = 8192")
      }
      // A writer looks every session up in the session index and inserts into it at random
      // places: at a million calls it no longer fits SQLite's default 2 MB cache, and each
      // batch read it back from the file. 64 MB holds it (memory is taken only as pages are read).
      try db.execute(sql: "PRAGMA cache_size = -65536")
    }
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      // SQLite says only "unable to open database file" when a store it cannot write is in a
      // folder where it cannot create the write-ahead log beside it either.
      let translated = Self.translate(error, path: path, opening: true)
      if translated.kind == .cannotOpen && exists
        && (access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0)
      {
        throw StoreError(.readOnly, path: path, detail: "no write permission")
      }
      throw translated
    }
    let store = CallStore(path: path, writer: pool)
    try store.migrate()
    try store.restoreIndexes()
    return store
  }

  /// Refuses, without changing a byte of it, a file written by a newer pnsdoctor or another
  /// program's SQLite database: opening the store proper would switch it to WAL mode and
  /// create pnsdoctor's tables. A file that cannot be read this way is left to the real open,
  /// which explains what is wrong with it. An empty file is refused too when `empty` (a reader
  /// has nothing to read in it; an import makes it a store).
  private static func refuseForeign(path: String, empty: Bool) throws(StoreError) {
    if empty, let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
      throw StoreError(.notAStore, path: path, detail: "the file is empty")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
    let verdict = try? queue.read { db -> StoreError.Kind? in
      if try StoreMigrations.migrator.hasBeenSuperseded(db) { return .newerSchema }
      let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
      return try !db.tableExists("grdb_migrations") && tables > 0 ? .notAStore : nil
    }
    switch verdict {
    case .newerSchema?: throw StoreError(.newerSchema, path: path, detail: "")
    case .notAStore?: throw StoreError(.notAStore, path: path, detail: "it is another program's SQLite database")
    default: return
    }
  }

  /// A store that lives in memory only: for tests and throw-away diagnoses.
  public static func inMemory() throws(StoreError) -> CallStore {
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue()
    } catch {
      throw Self.translate(error, path: ":memory:", opening: true)
    }
    let store = CallStore(path: ":memory:", writer: queue)
    try store.migrate()
    return store
  }

  /// Brings the schema up to date. A store already up to date is only read, so that opening
  /// one needs no write lock (an import in another process holds it now and then).
  ///
  /// Two processes opening a new store at once can both find a migration missing: GRDB runs
  /// each in its own transaction, and the second one's fails (a table already exists) without
  /// changing anything; or its migration transaction, begun as a read, finds the other's commit
  /// when it comes to write, and SQLite answers "locked" at once rather than waiting. So a
  /// failure is looked at again: done by the other process is done; otherwise it is tried
  /// again, a few times, before being reported.
  private func migrate() throws(StoreError) {
    let migrator = StoreMigrations.migrator
    var attempt = 0
    while true {
      attempt += 1
      do {
        let (superseded, complete) = try writer.read { db in
          (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded { throw StoreError(.newerSchema, path: path, detail: "") }
        if complete { return }
        try migrator.migrate(writer)
        return
      } catch let error as StoreError {
        throw error
      } catch {
        // Completed by the other process: the checks at the top see it (a newer schema included).
        let completedElsewhere = (try? writer.read { db in try migrator.hasCompletedMigrations(db) }) == true
        if completedElsewhere { continue }
        let translated = Self.translate(error, path: path, opening: true)
        guard attempt < 5, [.cannotOpen, .database, .busy].contains(translated.kind) else { throw translated }
        usleep(useconds_t(50_000 * attempt))
      }
    }
  }

  /// Builds the indexes a bulk load dropped and did not get to build again (it was killed):
  /// looked at in a read, so a whole store is not written.
  private func restoreIndexes() throws(StoreError) {
    do {
      guard try !writer.read({ db in try StoreIndexes.missing(in: db) }).isEmpty else { return }
      try writer.write { db in try StoreIndexes.build(in: db) }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// Turns a GRDB error into a `StoreError` that says what to do.
  static func translate(_ error: any Error, path: String, opening: Bool = false) -> StoreError {
    if let error = error as? StoreError { return error }
    if let database = error as? DatabaseError {
      switch database.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return StoreError(.notAStore, path: path, detail: database.message ?? "\(database.resultCode)")
      case .SQLITE_READONLY, .SQLITE_PERM:
        return StoreError(.readOnly, path: path, detail: database.message ?? "\(database.resultCode)")
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return StoreError(.busy, path: path, detail: database.message ?? "\(database.resultCode)")
      case .SQLITE_FULL:
        return StoreError(.full, path: path, detail: database.message ?? "\(database.resultCode)")
      case .SQLITE_CANTOPEN:
        return StoreError(.cannotOpen, path: path, detail: database.message ?? "\(database.resultCode)")
      default:
        return StoreError(opening ? .cannotOpen : .database, path: path, detail: database.message ?? "\(database)")
      }
    }
    return StoreError(.database, path: path, detail: "\(error)")
  }

  // MARK: - Reading

  /// Calls matching `query`, newest first.
  public func calls(matching query: CallQuery) throws(StoreError) -> [CallSummary] {
    do {
      return try writer.read { db in
        let (sql, arguments) = try query.planned(in: db).sql()
        return try CallReader.summaries(
          Row.fetchAll(db, sql: sql, arguments: arguments), in: db, codec: BundleCodec(db: db, shared: dictionaries))
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// How many calls, failed calls and SMS notifications the store holds: what the list's
  /// status line shows (kept up to date by triggers, so reading them costs nothing).
  public func counts() throws(StoreError) -> StoreCounts {
    do {
      return try writer.read { db in
        let row = try Row.fetchOne(db, sql: "SELECT calls, failed_calls, sms FROM store_counts WHERE id = 1")
        return StoreCounts(calls: row?[0] ?? 0, failedCalls: row?[1] ?? 0, smsNotifications: row?[2] ?? 0)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// How many messages of each kind the store holds (counting them reads every call row: for
  /// reports, not for drawing a screen). CDRs count once per call that has one.
  public func messageCounts() throws(StoreError) -> MessageCounts {
    do {
      return try writer.read { db in
        MessageCounts(
          callEvents: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(event_count), 0) FROM calls") ?? 0,
          detailRecords: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls WHERE has_cdr") ?? 0,
          smsNotifications: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms") ?? 0,
          apiResponses: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_response") ?? 0)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The newest call with this session id (every event and its CDR), rebuilt from its stored
  /// messages, or `nil` when the store has none. A session id the platform reused for another
  /// call is two calls: see `calls(sessionId:)`.
  public func call(sessionId: String) throws(StoreError) -> Call? {
    try calls(sessionId: sessionId).first
  }

  /// How many times the CDR of the newest call with this session id was delivered (1 for a
  /// CDR pushed once, 0 when it has none).
  public func detailRecordDeliveries(sessionId: String) throws(StoreError) -> Int {
    try call(sessionId: sessionId)?.detailRecordDeliveries ?? 0
  }

  /// Every call with this session id, newest first.
  public func calls(sessionId: String) throws(StoreError) -> [Call] {
    do {
      return try writer.read { db in
        let codec = BundleCodec(db: db, shared: dictionaries)
        return try CallReader.rowIds(sessionId: sessionId, in: db, codec: codec).compactMap { rowId in
          try CallReader.storedCall(rowId: rowId, in: db, codec: codec)?.call
        }
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The call kept in row `rowId` (`CallSummary.rowId`), or `nil` when there is none.
  public func call(rowId: Int64) throws(StoreError) -> Call? {
    do {
      return try writer.read { db in
        try CallReader.storedCall(rowId: rowId, in: db, codec: BundleCodec(db: db, shared: dictionaries))?.call
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}

/// How many calls and SMS a store holds.
public struct StoreCounts: Sendable, Equatable {
  public var calls: Int
  public var failedCalls: Int
  public var smsNotifications: Int
}

/// How many stored messages of each kind a store holds.
public struct MessageCounts: Sendable, Equatable {
  public var callEvents: Int
  public var detailRecords: Int
  public var smsNotifications: Int
  public var apiResponses: Int
}
