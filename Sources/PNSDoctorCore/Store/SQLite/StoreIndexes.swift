import GRDB

/// Drops and builds again the secondary indexes of `calls` around a bulk load: keeping a dozen
/// b-trees in step with every row inserted costs several times the insert itself, while one
/// sorted build after the load is quick and packs the indexes tight.
enum StoreIndexes {
  /// The rebuildable indexes the store lacks (none, unless a bulk load was interrupted).
  static func missing(in db: Database) throws -> [String] {
    let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
    return StoreSchema.rebuildableIndexes.map(\.name).filter { !present.contains($0) }
  }

  static func drop(in db: Database) throws {
    for index in StoreSchema.rebuildableIndexes {
      try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
    }
  }

  /// Builds every missing index, sorting with SQLite's helper threads.
  static func build(in db: Database) throws {
    try db.execute(sql: "PRAGMA threads = 2")
    try db.execute(sql: StoreSchema.callIndexes)
  }
}
