public import PNSDoctorCore
import Foundation

/// Does the work effects ask for, against the store and the knowledge base, and answers with the
/// action that carries the result. Called off the UI thread.
public struct EffectRunner: Sendable {
  /// The store opened, and its diagnoser: replaced together when `r` reopens the store.
  private let slot: StoreSlot
  private let knowledge: KnowledgeBase

  /// The store the effects read.
  public var store: CallStore { slot.current.store }
  /// Diagnoses against that store.
  public var diagnoser: InputDiagnoser { slot.current.diagnoser }

  public init(store: CallStore, knowledge: KnowledgeBase) {
    self.knowledge = knowledge
    self.slot = StoreSlot((store, InputDiagnoser(knowledge: knowledge, store: store)))
  }

  /// How many calls of a filtered list are counted (and can be scrolled to); an unfiltered
  /// list's total comes from the store's kept counts and has no bound.
  public static let listBound = 2_000

  /// Does what `effect` asks and returns the action carrying the result (or `.failed` with a
  /// message in `language`). Blocking: call it off the UI thread.
  public func run(_ effect: Effect, language: Language) -> Action {
    do {
      switch effect {
      case .loadCalls(let asked, let generation, let counting):
        var query = asked
        if let search = query.search {
          query.searchCodes = diagnoser.engine.knowledge.callCodes(meaning: search)
          query.searchRules = diagnoser.engine.knowledge.callRules(matching: search)
        }
        guard counting else {
          return .callsLoaded(
            generation: generation, windowStart: query.offset, rows: try store.calls(matching: query), total: nil,
            counts: nil)
        }
        // The list scrolls through at most `listBound` calls of a filter; more show as "N+".
        let page = try store.page(matching: query, countingUpTo: Self.listBound)
        return .callsLoaded(
          generation: generation, windowStart: query.offset, rows: page.rows, total: page.total,
          counts: try store.counts(), totalIsLowerBound: page.totalIsLowerBound,
          receiver: try store.receiverPulse(nowMs: Timestamp.now.millisecondsSince1970))
      case .loadSMS(let query, let generation):
        let (rows, total) = try store.smsNotifications(matching: query)
        return .smsLoaded(generation: generation, windowStart: query.offset, rows: rows, total: total)
      case .openCall(let rowId, let sessionId):
        guard let result = try diagnoser.diagnose(rowId: rowId), case .call(let call) = result.subject else {
          // A status message, shown whatever the masking: the id's numbers stay masked.
          let shown = PhoneNumber.maskAll(in: sessionId)
          return .failed(language.pick("call \(shown) is no longer in the store", "存储中已没有呼叫 \(shown)"))
        }
        let raw = try store.rawMessages(rowId: rowId).map { message in
          var message = message
          message.json = Self.pretty(message.json)
          return message
        }
        let related = try RelatedCalls(store: store).entries(for: call)
        return .callOpened(
          CallDetailState(call: call, diagnosis: result.diagnosis, rawMessages: raw, related: related))
      case .openSMS(let id):
        guard let (notification, raw) = try store.sms(id: id) else {
          return .failed(language.pick("this SMS notification is no longer in the store", "存储中已没有该短信通知"))
        }
        let diagnosis = diagnoser.engine.diagnose(.sms(notification))
        return .smsOpened(
          SMSDetailState(notification: notification, diagnosis: diagnosis, rawMessage: Self.pretty(raw)))
      case .loadStatistics:
        let dayAgo = Timestamp.now.millisecondsSince1970 - 24 * 3_600_000
        let report = try store.receiverReport(sinceMs: dayAgo)
        return .statisticsLoaded(try store.failureStatistics(), receiver: report.pushes > 0 ? report : nil)
      case .diagnosePaste(let text):
        let (results, issues, _) = try diagnoser.diagnose(InMemoryByteSource(name: "<paste>", text: text))
        return .pasteDiagnosed(text: text, results: results, issues: issues)
      case .savePaste(let text):
        return .pasteSaved(
          // A browsing store is read-only: saving opens it to write for this import alone.
          try StoreImporter(
            store: store.isReadOnly ? try CallStore.open(path: store.path) : store, engine: diagnoser.engine
          ).importSource(
            InMemoryByteSource(name: "<paste>", text: text)))
      case .reopenStore:
        let old = store
        // Opened as before: to read only when the screen was only browsing.
        let opened =
          old.isReadOnly
          ? try CallStore.openForReading(path: old.path) : try CallStore.open(path: old.path, creating: false)
        slot.replace((opened, InputDiagnoser(knowledge: knowledge, store: opened)))
        return .storeReopened
      }
    } catch {
      return .failed(error.message(in: language))
    }
  }

  /// See `CallStoreReading.changeToken()`.
  public func storeChangeToken() -> Int { store.changeToken() }

  /// See `CallStore.fileState()`.
  public func storeFileState() -> StoreFileState { store.fileState() }

  /// Stored JSON, indented for reading.
  static func pretty(_ raw: String) -> String {
    (try? StrictJSONParser.parse(Array(raw.utf8)).prettyJSON()) ?? raw
  }
}

/// The runner's store and diagnoser, behind a lock: read by every effect, replaced by one.
private final class StoreSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var value: (store: CallStore, diagnoser: InputDiagnoser)

  init(_ value: (store: CallStore, diagnoser: InputDiagnoser)) { self.value = value }

  var current: (store: CallStore, diagnoser: InputDiagnoser) { lock.withLock { value } }

  func replace(_ new: (store: CallStore, diagnoser: InputDiagnoser)) { lock.withLock { value = new } }
}
