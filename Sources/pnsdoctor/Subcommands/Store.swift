import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor store migrate`: what changes a store without importing into it.
  struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "store",
      abstract: "Look after the store: bring it up to date (存储维护).",
      subcommands: [Migrate.self])

    /// `pnsdoctor store migrate`
    struct Migrate: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Bring a store made by an earlier pnsdoctor, or by other rules, up to date (升级存储).",
        discussion: """
          Moves the store to this version's layout (every message carried over) and diagnoses \
          again what a change of rules or an interrupted import left. Commands that only read \
          never change a store; they say when this is needed. import does the same first. \
          将较早版本的存储升级到当前格式（保留全部消息），并重新诊断规则变更或导入中断遗留的呼叫。
          """)

      @OptionGroup var store: StoreOptions
      @OptionGroup var knowledge: KnowledgeOptions
      @OptionGroup var display: DisplayOptions

      func run() throws {
        let language = display.language
        guard FileManager.default.fileExists(atPath: store.path) else {
          StandardError.write(StoreError(.missing, path: store.path, detail: "").message(in: language))
          throw ExitCode(ExitStatus.storeFailure)
        }
        let base = try knowledge.load(language: language)
        let callStore = try store.openDiagnosed(language: language, knowledge: base, importing: true)
        let counts = try callStore.counts()
        try StandardOutput.print(
          language.pick(
            "store \(TerminalSanitizer.sanitize(callStore.path, limit: 400)) is up to date: \(counts.calls) call(s), \(counts.smsNotifications) SMS",
            "存储 \(TerminalSanitizer.sanitize(callStore.path, limit: 400)) 已是最新：\(counts.calls) 通呼叫，\(counts.smsNotifications) 条短信"))
      }
    }
  }
}
