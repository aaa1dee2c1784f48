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

  /// Opens the store to read, or, for an import (`importing`), to write, bringing its stored
  /// diagnoses in step with `knowledge` first (after a change of rules, the calls concerned are
  /// diagnosed again, with a progress line on a terminal and a note on standard error).
  ///
  /// A command that only reads writes nothing: when the stored diagnoses were made with other
  /// rules, or an interrupted import left calls to diagnose, it says so and shows them as
  /// stored.
  func openDiagnosed(language: Language, knowledge: KnowledgeBase, importing: Bool = false) throws -> CallStore {
    guard importing else {
      let callStore = try open(language: language)
      noteStaleDiagnoses(of: callStore, knowledge: knowledge, language: language)
      return callStore
    }
    let callStore = try openForWriting(language: language)
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
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
    return callStore
  }

  /// Says, without writing anything, when the stored diagnoses are not those `knowledge` gives.
  private func noteStaleDiagnoses(of callStore: CallStore, knowledge: KnowledgeBase, language: Language) {
    guard let status = try? callStore.diagnosisStatus(knowledge: knowledge) else { return }
    if ImportActivity.isRunning(storePath: callStore.path) {
      StandardError.write(
        language.pick(
          "note: an import into this store is running; it diagnoses the calls it stores, refresh to see more",
          "提示：正在向此存储导入，导入时会诊断新呼叫，刷新可见更多"))
    } else if status.knowledgeChanged {
      StandardError.write(
        language.pick(
          "note: the stored causes were found with other rules than these; pnsdoctor store migrate diagnoses the store again",
          "提示：存储中的原因由其他版本的规则得出；运行 pnsdoctor store migrate 可重新诊断"))
    } else if status.pending > 0 {
      StandardError.write(
        language.pick(
          "note: \(status.pending) call(s) or SMS in the store are not diagnosed yet (an import was interrupted); pnsdoctor store migrate diagnoses them",
          "提示：存储中有 \(status.pending) 个呼叫或短信尚未诊断（导入曾中断）；运行 pnsdoctor store migrate 可完成诊断"))
    }
  }

  /// Opens the store to write (creating it when missing), turning a failure into a message and
  /// exit status 74.
  func openForWriting(language: Language) throws -> CallStore {
    do {
      return try CallStore.open(path: path, creating: true)
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
  }

  /// Opens the store to read only, turning a failure into a message and exit status 74.
  func open(language: Language) throws -> CallStore {
    do {
      return try CallStore.openForReading(path: path)
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
  }
}
