import Foundation
import Testing

@testable import PNSDoctorCore

@Suite("Call store: storing once, counting deliveries, joining calls")
struct CallStoreTests {
  typealias Support = StoreTestSupport

  @Test(arguments: Support.Kind.allCases)
  func importingTheSameInputTwiceAddsNothing(kind: Support.Kind) throws {
    let store = try kind.make()
    let text = [
      Support.event("callin", session: "s1", time: "2024-05-13 05:24:57"),
      Support.event("disconnect", session: "s1", time: "2024-05-13 05:25:41", stateCode: 8104),
      Support.batch([Support.cdr(session: "s1", answered: false, releasePoint: 8104, q850: 20, sip: 480)]),
    ].joined(separator: "\n")
    let first = try Support.importText(text, into: store)
    #expect(first.read == 3)
    #expect(first.new == 3)
    #expect(first.duplicate == 0)
    #expect(first.callsUpdated == 1)
    // The same content again (a copy) is recognised whole before anything is parsed.
    let second = try Support.importText(text, name: "copy-of-input.log", into: store)
    #expect(second.unchangedInputs == 1)
    #expect(second.read == 0)
    #expect(second.new == 0)
    #expect(second.duplicate == 0)
    #expect(second.callsUpdated == 0, "no call's row changed")
    // The log grown by one call's event: only that call counts as updated.
    let grown = text + "\n" + Support.event("callin", session: "s2", time: "2024-05-13 06:00:00")
    let third = try Support.importText(grown, into: store)
    #expect(third.alreadyStored == 3 && third.new == 1 && third.callsUpdated == 1)
    let counts = try store.messageCounts()
    #expect(try store.counts().calls == 2)
    #expect(counts.callEvents == 3)
    #expect(counts.detailRecords == 1)
    // A repeated import is not a re-push.
    #expect(try store.detailRecordDeliveries(sessionId: "s1") == 1)
  }

  @Test(arguments: Support.Kind.allCases)
  func aBatchDeliveredThreeTimesIsStoredOnceWithThreeDeliveries(kind: Support.Kind) throws {
    let store = try kind.make()
    let push = Support.batch([
      Support.cdr(session: "a", answered: true), Support.cdr(session: "b", answered: false, releasePoint: 8101),
    ])
    let statistics = try Support.importText([push, push, push].joined(separator: "\n"), into: store)
    #expect(statistics.read == 6)
    #expect(statistics.new == 2)
    #expect(statistics.duplicate == 4)
    #expect(try store.messageCounts().detailRecords == 2)
    #expect(try store.detailRecordDeliveries(sessionId: "a") == 3)
    #expect(try store.detailRecordDeliveries(sessionId: "b") == 3)
    let summary = try #require(try store.calls(matching: CallQuery()).first { $0.sessionId == "b" })
    #expect(summary.detailRecordDeliveries == 3)
    #expect(try store.call(sessionId: "b")?.detailRecordDeliveries == 3)
    // Importing the same file again changes nothing.
    try Support.importText([push, push, push].joined(separator: "\n"), into: store)
    #expect(try store.detailRecordDeliveries(sessionId: "a") == 3)
  }

  @Test(arguments: Support.Kind.allCases)
  func rePushesFoundInDifferentInputsAreCounted(kind: Support.Kind) throws {
    let store = try kind.make()
    let push = Support.batch([Support.cdr(session: "c", answered: true)])
    try Support.importText(push, name: "monday.log", into: store)
    try Support.importText("2024-05-13 INFO retry body=" + push, name: "monday-retry.log", into: store)
    #expect(try store.detailRecordDeliveries(sessionId: "c") == 2)
  }

  @Test(arguments: Support.Kind.allCases)
  func aLogThatGrewIsTheSameSourceSoOldRecordsAreNotRedelivered(kind: Support.Kind) throws {
    let store = try kind.make()
    let first = Support.batch([Support.cdr(session: "g1", answered: true)])
    try Support.importText(first + "\n", name: "receiver.log", into: store)
    // The log grew: a new record was appended. Its old record is not a re-push.
    let grown = first + "\n" + Support.batch([Support.cdr(session: "g2", answered: false, releasePoint: 8102)]) + "\n"
    let statistics = try Support.importText(grown, name: "receiver.log", into: store)
    #expect(statistics.new == 1)
    #expect(statistics.alreadyStored == 1)
    #expect(statistics.duplicate == 0)
    #expect(try store.detailRecordDeliveries(sessionId: "g1") == 1)
    // The older, shorter content imported again is the same source too.
    try Support.importText(first + "\n", name: "old-copy.log", into: store)
    #expect(try store.detailRecordDeliveries(sessionId: "g1") == 1)
    // Different content holding the same record elsewhere is a real re-push.
    try Support.importText("retry " + first, name: "other.log", into: store)
    #expect(try store.detailRecordDeliveries(sessionId: "g1") == 2)
  }

  @Test(arguments: Support.Kind.allCases)
  func eventsAndTheCDRJoinIntoOneCallAcrossImports(kind: Support.Kind) throws {
    let store = try kind.make()
    try Support.importText(
      [
        Support.event("callin", session: "j", time: "2024-05-13 05:24:57"),
        Support.event("callout", session: "j", time: "2024-05-13 05:24:58"),
        Support.event("alerting", session: "j", time: "2024-05-13 05:25:01"),
      ].joined(separator: "\n"), into: store)
    var summary = try #require(try store.calls(matching: CallQuery()).first)
    #expect(summary.outcome == .inProgress)
    #expect(summary.eventCount == 3)
    #expect(!summary.hasDetailRecord)

    try Support.importText(
      Support.event("disconnect", session: "j", time: "2024-05-13 05:25:41", stateCode: 8101) + "\n"
        + Support.batch([Support.cdr(session: "j", answered: false, releasePoint: 8101, q850: 19, sip: 480)]),
      name: "later.log", into: store)
    summary = try #require(try store.calls(matching: CallQuery()).first)
    #expect(summary.outcome == .failed)
    #expect(summary.eventCount == 4)
    #expect(summary.hasDetailRecord)
    #expect(summary.mode == .axb)
    #expect(summary.stateCode == 8101)
    #expect(summary.releasePoint == 8101)
    #expect(summary.q850Cause == 19)
    #expect(summary.sipStatus == 480)
    #expect(summary.ringSeconds == 40)
    #expect(summary.caller == "+8610000000001")
    #expect(summary.callee == "+8610100000002")
    #expect(summary.privacyNumber == "+8612000000001")
    let call = try #require(try store.call(sessionId: "j"))
    #expect(call.events.map { $0.eventType?.wireName } == ["callin", "callout", "alerting", "disconnect"])
    #expect(call.detailRecord?.releasePoint == 8101)
  }

  @Test(arguments: Support.Kind.allCases)
  func rejectedRecordsAreCountedAndTheRestStored(kind: Support.Kind) throws {
    let store = try kind.make()
    let text = [
      Support.batch([Support.cdr(session: "ok", answered: true)]),
      "{\"eventType\":\"fee\",\"feeLst\":[{\"sessionId\":\"bad\",\"callerNum\":\"x\",\"ulFailReason\":\"busy\"}]}",
      "{\"eventType\":\"disconnect\",\"statusInfo\":{\"sessionId\":\"cut\",\"timesta",
      Support.event("callin", session: "after", time: "2024-05-13 05:30:00"),
    ].joined(separator: "\n")
    let statistics = try Support.importText(text, into: store)
    #expect(statistics.read == 2)
    #expect(statistics.rejected == 2)
    #expect(statistics.issues.map(\.location.line) == [2, 3])
    #expect(try store.counts().calls == 2)
  }

  @Test func aNewerSchemaIsRefusedAndLeftUntouched() throws {
    let path = Support.temporaryStorePath()
    let store = try CallStore.open(path: path)
    try Support.importText(Support.event("callin", session: "n", time: "2024-05-13 05:24:57"), into: store)
    try store.writer.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    }
    #expect {
      _ = try CallStore.open(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .newerSchema
    }
    #expect(try store.messageCounts().callEvents == 1)
  }

  @Test func aFileThatIsNotAStoreIsRefused() throws {
    let path = Support.temporaryStorePath()
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try CallStore.open(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .notAStore
    }
    // Nothing was written over it.
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 8192))
  }
}
