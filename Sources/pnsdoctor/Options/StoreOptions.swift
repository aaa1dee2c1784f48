import ArgumentParser
import Foundation
import PNSDoctorCore

/// `--store PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store file (default: $PNSDOCTOR_STORE, else $XDG_DATA_HOME/pnsdoctor/store.sqlite, else ~/.local/share/pnsdoctor/store.sqlite).",
      valueName: "path"))
  var store: String?

  /// The path to use.
  var path: String {
    store ?? StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the store and brings its stored diagnoses in step with `knowledge`: after a change
  /// of rules, the calls concerned are diagnosed again (with a progress line on a terminal and
  /// a note on standard error saying how many).
  ///
  /// A command that only reads (`importing` false) leaves that work to an import running in
  /// another process, and shows the stored diagnoses when the update cannot be written (a full
  /// disk, a store locked too long): a warning, not a failure. (A store that cannot be written
  /// at all does not open: SQLite needs to write its write-ahead log beside it.)
  func openDiagnosed(language: Language, knowledge: KnowledgeBase, importing: Bool = false) throws -> CallStore {
    let callStore = try open(language: language, creating: importing)
    if !importing && ImportActivity.isRunning(storePath: callStore.path) {
      StandardError.write(
        language.pick(
          "note: an import into this store is running; it diagnoses the calls it stores, refresh to see more",
          "提示：正在向此存储导入，导入时会诊断新呼叫，刷新可见更多"))
      return callStore
    }
    let started = Date()
    let progress = ProgressBar(enabled: StandardError.isTerminal, totalBytes: nil)
    do {
      let update = try callStore.updateDiagnoses(engine: DiagnosisEngine(knowledge: knowledge)) { done, total in
        progress.update(items: done, of: total, label: language.pick("diagnosing", "诊断中"))
      }
      progress.clear()
      let count = update.callsDiagnosed + update.smsDiagnosed
      if count > 0 {
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let why =
          update.knowledgeChanged
          ? language.pick("the knowledge base changed", "知识库已变更") : language.pick("not yet diagnosed", "尚未诊断")
        StandardError.write(
          language.pick(
            "note: diagnosed \(update.callsDiagnosed) call(s) and \(update.smsDiagnosed) SMS in the store (\(why)) in \(seconds) s",
            "提示：已诊断存储中的 \(update.callsDiagnosed) 个呼叫和 \(update.smsDiagnosed) 条短信（\(why)），用时 \(seconds) 秒"))
      }
    } catch {
      progress.clear()
      guard !importing else {
        StandardError.write(error.message(in: language))
        throw ExitCode(ExitStatus.storeFailure)
      }
      StandardError.write(
        language.pick(
          "warning: the stored diagnoses could not be brought up to date; showing them as stored. ",
          "警告：无法更新存储中的诊断，按已存储内容显示。") + error.message(in: language))
    }
    return callStore
  }

  /// Opens the store, turning a failure into a message and exit status 74. Only a command that
  /// writes (`creating`) makes a store that does not exist.
  func open(language: Language, creating: Bool = false) throws -> CallStore {
    do {
      return try CallStore.open(path: path, creating: creating)
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
  }
}
