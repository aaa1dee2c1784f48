import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import PNSDoctorCore
import PNSDoctorKnowledge
import PNSDoctorReceiver
import ServiceLifecycle

/// `pnsdoctor serve` (run by `pnsdoctor serve`, or on its own as `pnsdoctor-serve`): the live
/// receiver. It takes the platform's pushes on any path, checks their signatures, stores them in
/// the store as `import` would, and answers each once it is committed.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pnsdoctor serve",
    abstract: "Receive the platform's pushes live and store them (实时接收平台推送并存储).",
    discussion: """
      Point the app's status, fee and SMS URLs at this receiver (or at a proxy in front of it). \
      Every request is recorded in the store, refused ones too; a push is answered 200 only once \
      it is committed. GET /healthz answers "ok"; GET /metrics gives Prometheus metrics. \
      SIGTERM, SIGINT or SIGHUP stop it after the requests in progress are answered and \
      committed. Exit status: 0 stopped by a signal, 64 usage, 69 cannot listen, 74 store error, \
      78 credentials, TLS files or knowledge unusable.
      """)

  @Option(name: .long, help: ArgumentHelp("Where to listen: HOST:PORT (default 127.0.0.1:8080; port 0 takes a free one).", valueName: "host:port"))
  var listen: String = ListenAddress.standard.description

  @Option(name: .long, help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (with --tls-key). The platform sends SMS notifications over HTTPS only.", valueName: "file"))
  var tlsCert: String?

  @Option(name: .long, help: ArgumentHelp("The PEM private key for --tls-cert, readable by its owner only.", valueName: "file"))
  var tlsKey: String?

  @Option(name: .long, help: ArgumentHelp("The store file (default: as for every pnsdoctor command).", valueName: "path"))
  var store: String?

  @Option(name: .long, help: ArgumentHelp("A file of APP_KEY APP_SECRET lines, readable by its owner only: signatures are checked against it.", valueName: "file"))
  var credentials: String?

  @Flag(name: .long, help: "Answer 401 to a push whose signature does not verify, instead of storing and flagging it.")
  var requireSignature = false

  @Option(name: .long, help: ArgumentHelp("Tap mode: relay every push to the customer's receiver at URL (the push's path is appended) and answer the platform with its answer.", valueName: "url"))
  var forward: String?

  @Option(name: .long, help: ArgumentHelp("Tap mode: call events to this URL instead of --forward's.", valueName: "url"))
  var forwardEvent: String?

  @Option(name: .long, help: ArgumentHelp("Tap mode: CDRs to this URL instead of --forward's.", valueName: "url"))
  var forwardCdr: String?

  @Option(name: .long, help: ArgumentHelp("Tap mode: SMS notifications to this URL instead of --forward's.", valueName: "url"))
  var forwardSms: String?

  @Option(name: .long, help: ArgumentHelp("Tap mode: seconds to wait for the customer's receiver before answering 504 (default 10).", valueName: "seconds"))
  var forwardTimeout: Int = 10

  @Option(name: .long, help: ArgumentHelp("The largest body taken, in bytes; larger ones get 413 (default 1 MiB; a full CDR batch is some 50 KB).", valueName: "bytes"))
  var bodyLimit: Int = 1 << 20

  @Option(name: .long, help: ArgumentHelp("The status answered to a body with nothing readable in it: 200 (default; it is kept as a rejection) or 400.", valueName: "status"))
  var unreadableStatus: Int = 200

  @Flag(inversion: .prefixedNo, help: "Log each request on standard error (numbers masked).")
  var accessLog = true

  @Option(name: .long, help: ArgumentHelp("A knowledge folder to diagnose with instead of the built-in one.", valueName: "dir"))
  var knowledge: String?

  @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh (default: from LANG).", valueName: "lang"))
  var lang: String?

  private var language: Language {
    if let lang, let chosen = Language(rawValue: lang.lowercased().prefix(2).description) { return chosen }
    return Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }

  func run() async throws {
    do {
      try await serve()
    } catch let failure as ServeFailure {
      ServeFailure.say(failure.message(in: language))
      throw ExitCode(failure.exitStatus)
    }
  }

  private func serve() async throws {
    guard let address = ListenAddress(listen) else {
      throw ServeFailure.usage("--listen takes HOST:PORT, not '\(listen)'")
    }
    guard bodyLimit > 0 else { throw ServeFailure.usage("--body-limit must be positive") }
    guard unreadableStatus == 200 || unreadableStatus == 400 else {
      throw ServeFailure.usage("--unreadable-status takes 200 or 400")
    }
    let targets = UpstreamForwarder.Targets(all: forward, event: forwardEvent, cdr: forwardCdr, sms: forwardSms)
    for url in [forward, forwardEvent, forwardCdr, forwardSms].compactMap({ $0 }) {
      guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
        throw ServeFailure.usage("a forward URL must be http:// or https:// with a host, not '\(url)'")
      }
    }
    guard forwardTimeout > 0 else { throw ServeFailure.usage("--forward-timeout must be positive") }
    if requireSignature && credentials == nil {
      throw ServeFailure.usage("--require-signature needs --credentials: without secrets no signature can verify")
    }
    let tls: TLSConfiguration?
    switch (tlsCert, tlsKey) {
    case (let cert?, let key?): tls = try ServeTLS.configuration(certificatePath: cert, keyPath: key)
    case (nil, nil): tls = nil
    default: throw ServeFailure.usage("--tls-cert and --tls-key go together")
    }
    var verifier: PushSignatureVerifier?
    if let credentials {
      do {
        verifier = PushSignatureVerifier(secrets: try PushCredentials.load(path: credentials))
      } catch {
        throw ServeFailure.credentials(error.description)
      }
    }
    let engine = DiagnosisEngine(knowledge: try loadKnowledge())
    let path = store ?? StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment)
    let callStore: CallStore
    do {
      callStore = try CallStore.open(path: path)
      _ = try callStore.updateDiagnoses(engine: engine)
    } catch {
      throw ServeFailure.store(error)
    }
    let committer = PushCommitter(writer: PushWriter(store: callStore, engine: engine, unreadableStatus: unreadableStatus))
    committer.start()
    defer { committer.finish() }
    var logger = Logger(label: "pnsdoctor-serve") { label in StreamLogHandler.standardError(label: label) }
    logger.logLevel = .info
    let forwarder =
      targets.isEmpty
      ? nil : UpstreamForwarder(targets: targets, timeout: .seconds(Int64(forwardTimeout)), answerLimit: bodyLimit)
    let responder = PushResponder(
      settings: .init(bodyLimit: bodyLimit, requireSignature: requireSignature, accessLog: accessLog),
      verifier: verifier, forwarder: forwarder, committer: committer, metrics: ReceiverMetrics(committer: committer), logger: logger)
    let startLine = startLines(address: address, store: path, verifier: verifier, targets: targets, tls: tls != nil)
    let app = Application(
      responder: responder,
      server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
      configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? address.port
        ServeFailure.say(startLine(ListenAddress(host: address.host, port: port)))
      },
      logger: logger)
    let group = ServiceGroup(
      services: [app], gracefulShutdownSignals: [.sigterm, .sigint, .sighup], cancellationSignals: [],
      logger: logger)
    do {
      try await group.run()
    } catch {
      // The relay's client is shut down on every way out (it must not be released running).
      await forwarder?.shutdown()
      if let error = error as? IOError { throw ServeFailure.listen(address: address, detail: error.description) }
      throw error
    }
    await forwarder?.shutdown()
    committer.finish()
    let figures = committer.currentFigures
    ServeFailure.say(
      language.pick(
        "stopped: \(figures.pushes) push(es) committed in \(figures.groups) group(s); every push answered 200 is in \(path)",
        "已停止：共提交 \(figures.pushes) 个推送（\(figures.groups) 组）；所有已应答 200 的推送均在 \(path) 中"))
  }

  private func loadKnowledge() throws -> KnowledgeBase {
    let folder = knowledge ?? ProcessInfo.processInfo.environment["PNSDOCTOR_KNOWLEDGE"].flatMap { $0.isEmpty ? nil : $0 }
    let (base, issues) =
      folder.map { KnowledgeLoader.load(directory: URL(fileURLWithPath: $0)) }
      ?? KnowledgeLoader.load(files: BundledKnowledge.files)
    guard !base.rules.isEmpty || !base.tables.isEmpty else {
      throw ServeFailure.knowledge("no usable knowledge base at \(folder ?? "(built in)")")
    }
    let errors = issues.filter { $0.severity == .error }.count
    if errors > 0 {
      ServeFailure.say(
        language.pick(
          "warning: the knowledge base has \(errors) problem(s); the rules concerned are left out (run `pnsdoctor rules lint`)",
          "警告：知识库有 \(errors) 个问题，相关规则已跳过（请运行 `pnsdoctor rules lint`）"))
    }
    return base
  }

  /// What the receiver says when it starts, given the address it got.
  private func startLines(
    address: ListenAddress, store path: String, verifier: PushSignatureVerifier?, targets: UpstreamForwarder.Targets,
    tls: Bool
  ) -> @Sendable (ListenAddress) -> String {
    let language = language
    let signatures =
      verifier == nil
      ? language.pick("not checked (no --credentials)", "不校验（未指定 --credentials）")
      : requireSignature
        ? language.pick("required (401 when they do not verify)", "必须通过（不通过时应答 401）")
        : language.pick("checked and flagged", "校验并标记")
    let exposed = !address.isLoopback
    let upstream = [("", targets.all), ("event ", targets.event), ("cdr ", targets.cdr), ("sms ", targets.sms)]
      .compactMap { label, url in url.map { label + $0 } }.joined(separator: ", ")
    let scheme = tls ? "https" : "http"
    return { bound in
      var lines = [
        language.pick(
          "pnsdoctor serve: listening on \(scheme)://\(bound) · store \(path) · signatures \(signatures)",
          "pnsdoctor serve：在 \(scheme)://\(bound) 上监听 · 存储 \(path) · 签名\(signatures)")
      ]
      if !tls {
        lines.append(
          language.pick(
            "note: plain HTTP; the platform sends SMS notifications over HTTPS only (use --tls-cert and --tls-key, or a TLS proxy in front)",
            "提示：当前为 HTTP；平台只通过 HTTPS 推送短信通知（请使用 --tls-cert 和 --tls-key，或在前面放置 TLS 代理）"))
      }
      if upstream.isEmpty {
        lines.append(
          language.pick(
            "warning: Block-mode pushes (X-mode callin, Block SMS) are answered as Notify (an empty 200): no --forward to the customer's receiver",
            "警告：Block 模式推送（X-mode callin、Block 短信）按 Notify 应答（空 200）：未用 --forward 转发到客户的接收端"))
      } else {
        lines.append(
          language.pick(
            "tap mode: each push relayed to \(upstream); the platform gets its answer", "转发模式：每个推送转发至 \(upstream)；平台收到其应答"))
      }
      if exposed {
        lines.append(
          language.pick(
            "warning: \(bound) is not a loopback address: other machines can reach this receiver",
            "警告：\(bound) 不是回环地址：其他机器可以访问此接收端"))
      }
      return lines.joined(separator: "\n")
    }
  }
}
