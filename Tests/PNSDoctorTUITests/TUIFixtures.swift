import Foundation
import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// A small store, the knowledge to diagnose it with and a state to draw, for the TUI tests.
enum TUIFixtures {
  static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The checkout's knowledge: what the behaviour tests diagnose with.
  static let knowledge: KnowledgeBase = KnowledgeLoader.load(directory: checkout.appendingPathComponent("Knowledge")).0

  /// `Fixtures/Knowledge`: a few codes and rules worded for the render snapshots, so that a
  /// wording change in the live `Knowledge/` never breaks one.
  static let snapshotKnowledge: KnowledgeBase = KnowledgeLoader.load(
    directory: checkout.appendingPathComponent("Tests/PNSDoctorTUITests/Fixtures/Knowledge")
  ).0

  static func cdr(
    _ session: String, start: String, answered: Bool, releasePoint: Int = 0, q850: Int = 0, sip: Int = 0,
    caller: String = "+8610000000021", callee: String = "+8610300000003", serviceType: String = "004"
  ) -> String {
    let answer =
      answered ? ",\"fwdAlertingTime\":\"\(start.prefix(17))05\",\"fwdAnswerTime\":\"\(start.prefix(17))09\"" : ""
    return
      "{\"sessionId\":\"\(session)\",\"icid\":\"i-\(session)\",\"subscriptionId\":\"b-1\",\"callerNum\":\"\(caller)\",\"bindNum\":\"+8612000000001\",\"calleeNum\":\"+8612000000001\",\"fwdDisplayNum\":\"+8612000000001\",\"fwdDstNum\":\"\(callee)\",\"callInTime\":\"\(start)\",\"fwdStartTime\":\"\(start)\"\(answer),\"callEndTime\":\"\(start.prefix(17))40\",\"fwdUnaswRsn\":\(q850),\"ulFailReason\":\(releasePoint),\"sipStatusCode\":\(sip),\"serviceType\":\"\(serviceType)\"}"
  }

  /// Five calls: two answered, three failed for different reasons.
  static let pushes = [
    cdr("s-1", start: "2024-05-13 05:10:00", answered: true),
    cdr("s-2", start: "2024-05-13 05:11:00", answered: false, releasePoint: 8104, q850: 20, sip: 480),
    cdr(
      "s-3", start: "2024-05-13 05:12:00", answered: false, releasePoint: 8102, q850: 17, sip: 486,
      callee: "+8610300000004"),
    cdr("s-4", start: "2024-05-13 05:13:00", answered: true, caller: "+8610000000022"),
    cdr(
      "s-5", start: "2024-05-13 05:14:00", answered: false, releasePoint: 7504, q850: 21, sip: 603, serviceType: "003"),
  ].joined(separator: "\n")

  static func store(_ text: String = pushes, knowledge: KnowledgeBase = knowledge) throws -> CallStore {
    let store = try CallStore.inMemory()
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: knowledge)).importSource(
      InMemoryByteSource(name: "fixture", text: text))
    return store
  }

  static func state(width: Int = 80, height: Int = 24, language: Language = .english) -> AppState {
    AppState(width: width, height: height, language: language, storeName: "fixture.sqlite", timeDisplay: .utc)
  }

  /// Runs effects synchronously against `store` until none are left, as the app does off the
  /// UI thread.
  static func settle(
    _ state: inout AppState, _ effects: [Effect], store: CallStore, knowledge: KnowledgeBase = knowledge
  ) {
    let runner = EffectRunner(store: store, knowledge: knowledge)
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      queue += Reducer.reduce(&state, runner.run(effect, language: state.language))
    }
  }

  /// A state with the calls list loaded.
  static func loadedState(
    width: Int = 80, height: Int = 24, language: Language = .english, store: CallStore,
    knowledge: KnowledgeBase = knowledge
  ) -> AppState {
    var state = Self.state(width: width, height: height, language: language)
    state.ruleIds = knowledge.rules.map(\.id).sorted()
    settle(&state, Reducer.reloadEffects(&state), store: store, knowledge: knowledge)
    return state
  }

  /// Compares `text` with `Snapshots/<name>.txt`; records it when missing or when
  /// RECORD_SNAPSHOTS=1, and fails then so that CI never records silently.
  static func assertSnapshot(
    _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let file = checkout.appendingPathComponent("Tests/PNSDoctorTUITests/Snapshots/\(name).txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
      try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
      return
    }
    #expect(text + "\n" == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
  }
}
