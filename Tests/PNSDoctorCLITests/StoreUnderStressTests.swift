import Foundation
import GRDB
import Testing

/// The store under concurrent use and in bad states: whatever happens, a clear message and a
/// non-zero exit, never a crash, never a damaged store, never a lost or doubled record.
@Suite("Store under stress")
struct StoreUnderStressTests {
  /// Two demo inputs sharing a few sessions, and the store a sequential import of both builds.
  private static let inputs: (first: String, second: String, sequential: StoreSnapshot)? = {
    let folder = CommandRunner.temporaryFolder()
    let first = folder.appendingPathComponent("first.jsonl").path
    let second = folder.appendingPathComponent("second.jsonl").path
    let store = folder.appendingPathComponent("sequential.sqlite").path
    guard (try? CommandRunner.run(["demo", "--count", "2500", "--seed", "21", "--out", first]))?.status == 0,
      (try? CommandRunner.run(["demo", "--count", "2500", "--seed", "22", "--out", second]))?.status == 0,
      (try? CommandRunner.run(["import", first, second, "--store", store]))?.status == 0,
      let snapshot = try? StoreSnapshot(store)
    else { return nil }
    return (first, second, snapshot)
  }()

  /// A small real store, closed (its journal folded back into the file).
  private func smallStore() throws -> String {
    let (first, _, _) = try #require(Self.inputs)
    let store = CommandRunner.temporaryFolder().appendingPathComponent("small.sqlite").path
    try #require(try CommandRunner.run(["import", first, "--store", store]).status == 0)
    return store
  }

  private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test func twoImportsAtOnceIntoANewStoreBothFinishWithNothingLostOrDoubled() throws {
    let (first, second, sequential) = try #require(Self.inputs)
    // A new store each round: opening one that two processes create at once is the racy part.
    for round in 1...3 {
      let store = CommandRunner.temporaryFolder().appendingPathComponent("both-\(round).sqlite").path
      let one = try CommandRunner.start(["import", first, "--store", store])
      let two = try CommandRunner.start(["import", second, "--store", store])
      let errorsOne = PipeDrain(one.2)
      let errorsTwo = PipeDrain(two.2)
      _ = PipeDrain(one.1)
      _ = PipeDrain(two.1)
      one.0.waitUntilExit()
      two.0.waitUntilExit()
      let messages = String(decoding: errorsOne.wait() + errorsTwo.wait(), as: UTF8.self)
      #expect(one.0.terminationStatus == 0 && two.0.terminationStatus == 0, "round \(round): \(messages)")
      try StoreSnapshot.expectWhole(store)
      #expect(try StoreSnapshot(store) == sequential, "round \(round)")
    }
  }

  @Test func readersAnswerDuringAnImportAndLeaveTheDiagnosesToIt() throws {
    let (first, second, _) = try #require(Self.inputs)
    let store = CommandRunner.temporaryFolder().appendingPathComponent("busy.sqlite").path
    let (importer, output, errors) = try CommandRunner.start(["import", first, second, "--store", store])
    _ = PipeDrain(output)
    _ = PipeDrain(errors)
    try #require(StoreSnapshot.waitForFirstBatch(store, of: importer))
    var answered = 0
    var sawImportNote = false
    let deadline = Date().addingTimeInterval(600)
    while importer.isRunning && Date() < deadline {
      let listing = try CommandRunner.run(["calls", "--failed", "--limit", "5", "--store", store])
      guard importer.isRunning else { break }
      #expect(listing.status == 0, "\(listing.errors)")
      #expect(!listing.errors.contains("diagnosed"), "a reader re-diagnosed the import's calls: \(listing.errors)")
      sawImportNote = sawImportNote || listing.errors.contains("an import into this store is running")
      answered += 1
    }
    importer.waitUntilExit()
    #expect(importer.terminationStatus == 0)
    #expect(answered > 0, "the import ended before a reader ran")
    #expect(sawImportNote)
    try StoreSnapshot.expectWhole(store)
  }

  @Test(arguments: ["random bytes", "cut in half", "a folder", "a newer schema", "another program's database"])
  func aBadStoreFileGivesAClearMessageAndIsLeftAsItWas(kind: String) throws {
    let folder = CommandRunner.temporaryFolder()
    var store = folder.appendingPathComponent("bad.sqlite").path
    let expected: String
    switch kind {
    case "random bytes":
      var generator = SystemRandomNumberGenerator()
      try Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(
        to: URL(fileURLWithPath: store))
      expected = "is not a pnsdoctor store or is damaged"
    case "cut in half":
      store = try smallStore()
      let whole = try bytes(store)
      try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: store))
      expected = "damaged"
    case "a folder":
      try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
      expected = "it is a folder, not a store file"
    case "a newer schema":
      store = try smallStore()
      try DatabaseQueue(path: store).write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
      }
      expected = "written by a newer pnsdoctor"
    default:
      try DatabaseQueue(path: store).write { db in
        try db.execute(sql: "CREATE TABLE calls (id INTEGER); INSERT INTO calls VALUES (1)")
      }
      expected = "another program's SQLite database"
    }
    let before = kind == "a folder" ? Data() : try bytes(store)
    let (first, _, _) = try #require(Self.inputs)
    for arguments in [["calls"], ["import", first], ["diagnose", "--session", "x"]] {
      let result = try CommandRunner.run(arguments + ["--store", store])
      #expect(result.status == 74, "\(kind), \(arguments[0]): \(result.errors)")
      #expect(result.errors.contains(expected), "\(kind), \(arguments[0]): \(result.errors)")
      #expect(!result.errors.contains("Fatal error"))
    }
    if kind != "a folder" { #expect(try bytes(store) == before, "\(kind): not a byte of the file changed") }
  }

  @Test func aMissingStoreIsReportedByReadingCommandsNotCreated() throws {
    let store = CommandRunner.temporaryFolder().appendingPathComponent("typo/none.sqlite").path
    let listing = try CommandRunner.run(["calls", "--store", store])
    #expect(listing.status == 74)
    #expect(listing.errors.contains("no store at"))
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test func aStoreLockedByAnotherWriterIsStillReadAndAnImportSaysWhyItStopped() throws {
    let store = try smallStore()
    let before = try StoreSnapshot(store)
    // Another process writes, then takes the write lock and keeps it: sqlite3 in a transaction,
    // waiting on its input. (A writer that has written leaves the write-ahead log non-empty; on
    // an empty one GRDB's open itself needs the write lock, to create the log.)
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = ["sqlite3", store]
    let input = Pipe()
    holder.standardInput = input
    let said = Pipe()
    holder.standardOutput = said
    try holder.run()
    defer {
      try? input.fileHandleForWriting.close()
      holder.waitUntilExit()
    }
    input.fileHandleForWriting.write(
      Data(
        "CREATE TABLE holder(x);\nINSERT INTO holder VALUES (1);\nBEGIN IMMEDIATE;\nINSERT INTO holder VALUES (2);\nSELECT 'holding';\n"
          .utf8))
    // sqlite3 answers once the statements before it have run: the lock is held from here on.
    #expect(String(decoding: said.fileHandleForReading.availableData, as: UTF8.self).contains("holding"))
    let listing = try CommandRunner.run(["calls", "--limit", "3", "--store", store])
    #expect(listing.status == 0, "a locked store can still be read: \(listing.errors)")
    #expect(listing.errors.isEmpty, "a store up to date is read without waiting for the lock: \(listing.errors)")
    let (first, second, _) = try #require(Self.inputs)
    // The input already imported whole is recognised without a write: nothing new, no wait.
    let unchanged = try CommandRunner.run(["import", first, "--store", store])
    #expect(unchanged.status == 0, "\(unchanged.errors)")
    #expect(unchanged.output.contains("already imported whole and unchanged"), "\(unchanged.output)")
    let started = Date()
    let blocked = try CommandRunner.run(["import", second, "--store", store])
    #expect(blocked.status == 74)
    #expect(blocked.errors.contains("stayed locked by another process"), "\(blocked.errors)")
    #expect(Date().timeIntervalSince(started) < 60)
    try input.fileHandleForWriting.close()
    holder.waitUntilExit()
    try StoreSnapshot.expectWhole(store)
    #expect(try StoreSnapshot(store) == before)
  }

  @Test func aWriteThatCannotGrowTheStoreFailsClearlyAndKeepsWhatWasStored() throws {
    // A file-size limit stands in for a full disk: SQLite's writes fail the same way part-way
    // through, without needing a small file system (mounting one needs privileges CI may lack).
    let (first, second, sequential) = try #require(Self.inputs)
    let store = CommandRunner.temporaryFolder().appendingPathComponent("full.sqlite").path
    let limited = try CommandRunner.run(
      ["import", first, second, "--store", store],
      launcher: ["/bin/bash", "-c", #"trap '' XFSZ; ulimit -f 3000; exec "$0" "$@""#])
    #expect(limited.status == 74, "\(limited.errors)")
    #expect(limited.errors.contains("store error in") || limited.errors.contains("is full"), "\(limited.errors)")
    #expect(!limited.errors.contains("Fatal error"))
    try StoreSnapshot.expectWhole(store)
    let partial = try StoreSnapshot(store)
    #expect(partial.calls < sequential.calls)
    // With room again, the same import completes it exactly.
    let resumed = try CommandRunner.run(["import", first, second, "--store", store])
    #expect(resumed.status == 0, "\(resumed.errors)")
    #expect(try StoreSnapshot(store) == sequential)
  }

  /// Runs as `nobody` when the tests run as root (root writes whatever the file modes say);
  /// `nil` when that user cannot run the built program (a checkout in a private folder).
  private static let unprivileged: [String]? = {
    guard getuid() == 0 else { return [] }
    let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return (try? CommandRunner.run(["--help"], launcher: launcher))?.status == 0 ? launcher : nil
  }()

  @Test(.enabled(if: unprivileged != nil, "user nobody cannot run the built program here"))
  func aStoreThatCannotBeWrittenIsReportedAsSuch() throws {
    let store = try smallStore()
    let folder = (store as NSString).deletingLastPathComponent
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
    let before = try bytes(store)
    let (first, _, _) = try #require(Self.inputs)
    for arguments in [["calls"], ["import", first]] {
      let result = try CommandRunner.run(arguments + ["--store", store], launcher: Self.unprivileged ?? [])
      #expect(result.status == 74, "\(arguments[0]): \(result.errors)")
      #expect(result.errors.contains("cannot be written"), "\(arguments[0]): \(result.errors)")
    }
    #expect(try bytes(store) == before)
  }
}
