import Foundation
import GRDB
import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// The screen keeps its store open; when the file at the path is deleted, replaced by another
/// store or migrated by a newer pnsdoctor, it says so instead of showing the old contents as if
/// nothing happened, and `r` opens the path again.
@Suite("A store that changes under the screen")
struct StoreChangesUnderScreenTests {
  private let folder: URL
  private let path: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-tui-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent("store.sqlite").path
    try Self.makeStore(at: path, pushes: TUIFixtures.pushes)
  }

  private static func makeStore(at path: String, pushes: String) throws {
    let store = try CallStore.open(path: path)
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: TUIFixtures.knowledge)).importSource(
      InMemoryByteSource(name: "fixture", text: pushes))
  }

  private func session() throws -> HeadlessSession {
    let session = HeadlessSession(
      store: try CallStore.openForReading(path: path), knowledge: TUIFixtures.knowledge, width: 140, height: 20,
      storeName: path)
    session.start()
    return session
  }

  private func removeStoreFiles(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  private func text(_ screen: ScreenBuffer) -> String { screen.lines.joined(separator: "\n") }

  @Test func aDeletedStoreIsSaidAndReopeningSaysWhyItCannot() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let screen = try session()
    #expect(!text(screen.checkStore()).contains("deleted"), "nothing happened yet")
    removeStoreFiles(path)
    let noticed = text(screen.checkStore())
    #expect(noticed.contains("the store file was deleted") && noticed.contains("r reopens"), "\(noticed)")
    let reopened = text(screen.press(.character("r")))
    #expect(reopened.contains("the store file was deleted"), "still deleted: \(reopened)")
    #expect(reopened.contains("no store"), "why it cannot be opened: \(reopened)")
  }

  @Test func aReplacedStoreIsSaidAndROpensTheNewOne() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let screen = try session()
    // The list's times tell the stores apart: the fixture's calls start at 05:10 to 05:14.
    #expect(text(screen.press(.character("f"))).contains("05:10:00"))
    let other = folder.appendingPathComponent("other.sqlite").path
    try Self.makeStore(
      at: other, pushes: TUIFixtures.cdr("new-1", start: "2024-05-13 06:00:00", answered: false, releasePoint: 8104))
    // Checkpointed into one file, then moved over the path, as an engineer copies a store.
    try DatabaseQueue(path: other).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    removeStoreFiles(path)
    try FileManager.default.moveItem(atPath: other, toPath: path)
    let noticed = text(screen.checkStore())
    #expect(noticed.contains("another store file replaced this one"), "\(noticed)")
    #expect(noticed.contains("05:10:00"), "the old contents are still what is shown")
    let reopened = text(screen.press(.character("r")))
    #expect(reopened.contains("06:00:00") && !reopened.contains("05:10:00"), "\(reopened)")
    #expect(!text(screen.checkStore()).contains("replaced"), "said no more once reopened")
  }

  @Test func aStoreMigratedByANewerVersionIsSaid() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let screen = try session()
    // What a newer pnsdoctor leaves: a migration this one does not know.
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-pnsdoctor')")
    }
    let noticed = text(screen.checkStore())
    #expect(noticed.contains("a newer pnsdoctor migrated this store"), "\(noticed)")
    let reopened = text(screen.press(.character("r")))
    #expect(reopened.contains("newer"), "this version refuses it, and says why: \(reopened)")
  }
}
