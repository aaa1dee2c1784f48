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

  /// sqlite3 importing the CDR rows as CSV into a table shaped and indexed like the store's.
  func sqlite(into figures: inout BenchFigures) throws {
    guard let sqlite3 = ChildProcess.find("sqlite3") else {
      figures.notes.append("sqlite3 is not installed: its figures are left out (apt-get install sqlite3)")
      return
    }
    let csv = folder.appendingPathComponent("cdr.csv").path
    let rows = try writeCSV(to: csv)
    let script = folder.appendingPathComponent("import.sql").path
    // The store's cdr table and its natural-key index (StoreMigrations v3); the CSV goes into a
    // staging table first, as `.import` reads every field as text.
    let lowest = Int64.min
    let columns =
      "session_id, icid, service_type, caller, called, forward_destination, bind_number, call_in_ms, answer_ms, end_ms, fail_ms, q850_cause, release_point, sip_status, call_out_q850_cause, first_source_id, first_line, raw"
    let converted =
      "session_id, NULLIF(icid, ''), NULLIF(service_type, ''), NULLIF(caller, ''), NULLIF(called, ''), NULLIF(forward_destination, ''), NULLIF(bind_number, ''), CAST(NULLIF(call_in_ms, '') AS INTEGER), CAST(NULLIF(answer_ms, '') AS INTEGER), CAST(NULLIF(end_ms, '') AS INTEGER), CAST(NULLIF(fail_ms, '') AS INTEGER), CAST(NULLIF(q850_cause, '') AS INTEGER), CAST(NULLIF(release_point, '') AS INTEGER), CAST(NULLIF(sip_status, '') AS INTEGER), CAST(NULLIF(call_out_q850_cause, '') AS INTEGER), CAST(first_source_id AS INTEGER), CAST(first_line AS INTEGER), raw"
    try """
    PRAGMA journal_mode = WAL;
    CREATE TABLE cdr (
      id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, icid TEXT, service_type TEXT, caller TEXT, called TEXT,
      forward_destination TEXT, bind_number TEXT, call_in_ms INTEGER, answer_ms INTEGER, end_ms INTEGER,
      fail_ms INTEGER, q850_cause INTEGER, release_point INTEGER, sip_status INTEGER, call_out_q850_cause INTEGER,
      deliveries INTEGER NOT NULL DEFAULT 1, first_source_id INTEGER NOT NULL, first_line INTEGER NOT NULL,
      raw TEXT NOT NULL);
    CREATE UNIQUE INDEX cdr_key ON cdr(
      session_id, COALESCE(icid, ''), COALESCE(end_ms, \(lowest)), COALESCE(fail_ms, \(lowest)));
    .mode csv
    .import '\(csv)' cdr_rows
    INSERT OR IGNORE INTO cdr (\(columns)) SELECT \(converted) FROM cdr_rows;
    DROP TABLE cdr_rows;
    .mode list
    SELECT 'rows:' || COUNT(*) FROM cdr;

    """.write(toFile: script, atomically: true, encoding: .utf8)
    let database = folder.appendingPathComponent("sqlite3-csv.sqlite").path
    let run = try ChildProcess.run(sqlite3, [database], inputPath: script)
    guard run.status == 0, run.errors.isEmpty,
      let line = run.output.split(separator: "\n").first(where: { $0.hasPrefix("rows:") }),
      let stored = Int(line.dropFirst(5))
    else {
      throw ChildProcess.Failure(description: "sqlite3 failed: \(run.errors) \(run.output.prefix(500))")
    }
    figures.sqliteCSVSeconds = run.seconds
    figures.sqliteCSVRows = stored
    if stored != rows { figures.notes.append("sqlite3 stored \(stored) of the \(rows) CSV rows (the same CDR more than once)") }
  }

  /// The CDRs of the data as CSV rows with the store's cdr columns (not timed: preparation).
  private func writeCSV(to path: String) throws -> Int {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw ChildProcess.Failure(description: "cannot create \(path)")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var reader = InputReader(source: try FileDescriptorByteSource(path: dataPath))
    var buffer =
      "session_id,icid,service_type,caller,called,forward_destination,bind_number,call_in_ms,answer_ms,end_ms,fail_ms,q850_cause,release_point,sip_status,call_out_q850_cause,first_source_id,first_line,raw\n"
    var rows = 0
    while let item = try reader.next() {
      guard case .record(let record) = item, case .callDetailRecord(let cdr) = record.message else { continue }
      let fields: [String?] = [
        cdr.sessionId, cdr.icid, cdr.serviceType, cdr.callerNumber, cdr.calleeNumber, cdr.forwardDestinationNumber,
        cdr.bindNumber, cdr.callInTime.map { String($0.millisecondsSince1970) },
        cdr.forwardAnswerTime.map { String($0.millisecondsSince1970) },
        cdr.callEndTime.map { String($0.millisecondsSince1970) }, cdr.failTime.map { String($0.millisecondsSince1970) },
        cdr.forwardUnansweredReason.map(String.init), cdr.releasePoint.map(String.init),
        cdr.sipStatusCode.map(String.init), cdr.callOutUnansweredReason.map(String.init), "1",
        String(record.location.line), record.raw.compactJSON,
      ]
      buffer += fields.map { Self.csvField($0 ?? "") }.joined(separator: ",") + "\n"
      rows += 1
      if buffer.utf8.count > 1 << 20 {
        handle.write(Data(buffer.utf8))
        buffer = ""
      }
    }
    handle.write(Data(buffer.utf8))
    return rows
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
