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
  func openDiagnosed(language: Language, knowledge: KnowledgeBase) throws -> CallStore {
    let callStore = try open(language: language)
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

  /// Opens the store, turning a failure into a message and exit status 74.
  func open(language: Language) throws -> CallStore {
    do {
      return try CallStore.open(path: path)
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
  }
}
