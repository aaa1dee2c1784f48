import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor import PATH... | -`
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import stored pushes from files, folders or standard input (导入推送消息).",
      discussion: """
        Accepts raw push bodies, JSON arrays, JSON Lines, HTTP request dumps, log lines with JSON \
        after a prefix, and Python dict reprs, mixed in any way. Folders are read recursively \
        (hidden files are skipped). Exit status: 0 all read, 1 some records rejected, 2 nothing \
        could be read, 74 store error.
        """)

    @Argument(help: ArgumentHelp("Files or folders to import, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var store: StoreOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
      let language = display.language
      // Listening from the start: a signal while the store is opened or brought up to date
      // stops the import before its first input, with the same report.
      let stopSignals = StopSignals(farewell: { signal in
        StandardError.write(
          language.pick(
            "stopped by \(Self.signalName(signal)) while busy: what was stored stays; import the same input again to finish (nothing is stored twice)",
            "因 \(Self.signalName(signal)) 在处理中途停止：已存储的内容保留；再次导入同一输入即可完成（不会重复存储）"))
      })
      defer { stopSignals.stop() }
      let base = try knowledge.load(language: language)
      // Other processes opening the store leave its diagnoses to this import, from the update
      // below to the last input (the importer also marks each input, for library callers).
      let activity = ImportActivity.begin(storePath: store.path)
      defer { withExtendedLifetime(activity) {} }
      // Diagnoses already stored are brought up to date first, so that every call ends up
      // diagnosed with the same rules.
      let callStore = try store.openDiagnosed(language: language, knowledge: base, importing: true)
      let importer = StoreImporter(store: callStore, engine: DiagnosisEngine(knowledge: base))
      let inputs = InputList.expand(paths)
      let totalBytes = inputs.files.reduce(0) { $0 + $1.size }
      let progress = ProgressBar(
        enabled: StandardError.isTerminal && format == .text && (totalBytes > 8 << 20 || paths.contains("-")),
        totalBytes: totalBytes > 0 ? totalBytes : nil)
      var statistics = ImportStatistics()
      for issue in inputs.issues { statistics.merge(Self.rejection(issue)) }
      for input in inputs.files {
        if stopSignals.requested {
          // Asked to stop between two inputs: the rest are not read, and the report says so.
          statistics.stopped = true
          break
        }
        do {
          let source: FileDescriptorByteSource =
            input.path == "-" ? FileDescriptorByteSource() : try FileDescriptorByteSource(path: input.path)
          // A pipe or FIFO that sends nothing is waited on in polls that notice a stop.
          source.stopWaiting = { stopSignals.requested }
          let done = progress.completedBytes
          let result = try importer.importSource(
            source, progress: { bytes in progress.update(bytes: done + bytes) }, shouldStop: { stopSignals.requested })
          progress.finish(file: input.size)
          statistics.merge(result)
        } catch let issue as ReadIssue {
          statistics.merge(Self.rejection(issue))
        } catch let error as StoreError {
          progress.clear()
          // What the earlier inputs stored is kept, and said, before the failure.
          if statistics.sources > 0 {
            try StandardOutput.print(report(statistics, callStore, language), terminator: "")
          }
          StandardError.write(error.message(in: language))
          throw ExitCode(ExitStatus.storeFailure)
        }
      }
      progress.clear()
      // A signal that came as the last input ended still stops the command: it is never lost.
      if stopSignals.requested { statistics.stopped = true }
      try StandardOutput.print(report(statistics, callStore, language), terminator: "")
      if statistics.stopped, let signal = stopSignals.signal {
        StandardError.write(
          language.pick(
            "stopped by \(Self.signalName(signal)): everything read until then is stored; import the same input again to finish (nothing is stored twice)",
            "因 \(Self.signalName(signal)) 停止：此前读取的内容均已存储；再次导入同一输入即可完成（不会重复存储）"))
        throw ExitCode(128 + signal)
      }
      if statistics.read == 0 && (statistics.rejected > 0 || inputs.files.isEmpty) {
        throw ExitCode(ExitStatus.nothingRead)
      }
      if statistics.rejected > 0 { throw ExitCode(ExitStatus.partial) }
    }

    private func report(_ statistics: ImportStatistics, _ store: CallStore, _ language: Language) -> String {
      let report = ImportReport(statistics: statistics, storePath: store.path, language: language, display: display)
      return format == .json ? report.json() : report.text()
    }

    private static func signalName(_ number: Int32) -> String {
      [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][number] ?? "signal \(number)"
    }

    private static func rejection(_ issue: ReadIssue) -> ImportStatistics {
      var statistics = ImportStatistics()
      statistics.rejected = 1
      statistics.issues = [issue]
      return statistics
    }
  }
}
