import Foundation
import PNSDoctorCore

/// The tools engineers use today, run on the same data: jq, lnav, and SQLite's own shell as
/// the store's practical limit.
struct ComparisonRuns {
  let dataPath: String
  let folder: URL

  /// jq selecting the failed CDRs: a non-zero `ulFailReason`, or no answer time.
  func jq(into figures: inout BenchFigures) throws {
    guard let jq = ChildProcess.find("jq") else {
      figures.notes.append("jq is not installed: its figures are left out (apt-get install jq)")
      return
    }
    let output = folder.appendingPathComponent("jq-failed.jsonl").path
    let run = try ChildProcess.run(
      jq,
      [
        "-c",
        #"select(.eventType == "fee") | .feeLst[] | select((.ulFailReason // 0) != 0 or (.fwdAnswerTime // "") == "")"#,
        dataPath,
      ], outputPath: output)
    guard run.status == 0 else { throw ChildProcess.Failure(description: "jq failed: \(run.errors)") }
    figures.jqSeconds = run.seconds
    figures.jqFailedRecords = try Self.lineCount(output)
  }

  /// lnav opening the file headless (-n) with a filter on release point 8104.
  func lnav(into figures: inout BenchFigures) throws {
    guard let lnav = ChildProcess.find("lnav") else {
      figures.notes.append("lnav is not installed: its figures are left out (apt-get install lnav)")
      return
    }
    let output = folder.appendingPathComponent("lnav-8104.txt").path
    // lnav keeps its state under HOME; a folder of the benchmark's own keeps runs independent.
    let home = folder.appendingPathComponent("lnav-home").path
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let run = try ChildProcess.run(
      lnav, ["-n", "-c", #":filter-in "ulFailReason":8104"#, dataPath], outputPath: output,
      environment: ["HOME": home])
    guard run.status == 0 else { throw ChildProcess.Failure(description: "lnav failed: \(run.errors)") }
    figures.lnavSeconds = run.seconds
    figures.lnavLines = try Self.lineCount(output)
  }

  /// sqlite3 loading the store's own call rows, as CSV, into a table and indexes made from the
  /// store's own schema: the same typed rows a v4 import writes, without the compressed
  /// messages, parsing or diagnosis. What SQLite itself needs for the rows is the fair limit.
  func sqlite(store: String, into figures: inout BenchFigures) throws {
    guard let sqlite3 = ChildProcess.find("sqlite3") else {
      figures.notes.append("sqlite3 is not installed: its figures are left out (apt-get install sqlite3)")
      return
    }
    // Preparation, not timed: the rows as CSV, and the schema of calls and its indexes.
    let csv = folder.appendingPathComponent("calls.csv").path
    let export = try ChildProcess.run(
      sqlite3, ["-readonly", "-csv", "-header", store, "SELECT * FROM calls"], outputPath: csv)
    let tableSchema = try ChildProcess.run(
      sqlite3, ["-readonly", store, "SELECT sql || ';' FROM sqlite_master WHERE type = 'table' AND name = 'calls'"])
    let indexSchema = try ChildProcess.run(
      sqlite3,
      [
        "-readonly", store,
        "SELECT replace(sql, char(10), ' ') || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' AND sql IS NOT NULL",
      ])
    let columns = try ChildProcess.run(sqlite3, ["-readonly", store, "SELECT name FROM pragma_table_info('calls')"])
    guard export.status == 0, tableSchema.status == 0, indexSchema.status == 0, columns.status == 0 else {
      throw ChildProcess.Failure(description: "sqlite3 could not read the store: \(export.errors) \(tableSchema.errors)")
    }
    let table = tableSchema.output
    let indexes = indexSchema.output
    let names = columns.output.split(separator: "\n").map(String.init)
    let values = names.map { "NULLIF(\($0), '')" }.joined(separator: ", ")
    let script = folder.appendingPathComponent("import.sql").path
    try """
    PRAGMA journal_mode = WAL;
    PRAGMA page_size = 8192;
    \(table)
    .mode csv
    .import '\(csv)' calls_rows
    INSERT INTO calls (\(names.joined(separator: ", "))) SELECT \(values) FROM calls_rows;
    DROP TABLE calls_rows;
    PRAGMA threads = 2;
    \(indexes)
    .mode list
    SELECT 'rows:' || COUNT(*) FROM calls;

    """.write(toFile: script, atomically: true, encoding: .utf8)
    let database = folder.appendingPathComponent("sqlite3-calls.sqlite").path
    let run = try ChildProcess.run(sqlite3, [database], inputPath: script)
    guard run.status == 0, run.errors.isEmpty,
      let line = run.output.split(separator: "\n").first(where: { $0.hasPrefix("rows:") }),
      let stored = Int(line.dropFirst(5))
    else {
      throw ChildProcess.Failure(description: "sqlite3 failed: \(run.errors) \(run.output.prefix(500))")
    }
    figures.sqliteCSVSeconds = run.seconds
    figures.sqliteCSVRows = stored
  }

  /// The store's size by table and index (SQLite's dbstat, through sqlite3).
  func storeTables(store: String, into figures: inout BenchFigures) {
    guard let sqlite3 = ChildProcess.find("sqlite3"),
      let run = try? ChildProcess.run(
        sqlite3, ["-readonly", store, "SELECT name || '|' || SUM(pgsize) FROM dbstat GROUP BY name"]),
      run.status == 0
    else {
      figures.notes.append("store size by table left out (needs sqlite3 with dbstat)")
      return
    }
    for line in run.output.split(separator: "\n") {
      let parts = line.split(separator: "|")
      if parts.count == 2, let bytes = Int(parts[1]) { figures.storeBytesByTable[String(parts[0])] = bytes }
    }
  }

  static func lineCount(_ path: String) throws -> Int {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var count = 0
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      count += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }
    return count
  }
}
