import Foundation
import Testing

/// `--tls-cert` and `--tls-key`: the receiver over HTTPS, as the platform's SMS pushes need,
/// checked with curl and a certificate made for the test by openssl; files that cannot serve
/// are refused at start with their path named.
@Suite("pnsdoctor serve: HTTPS")
struct TLSTests {
  /// A self-signed certificate for 127.0.0.1 and its key (mode 600) in `folder`, made by
  /// openssl; and a second key that does not belong to it.
  static func makeCertificate(in folder: URL) throws -> (cert: String, key: String, otherKey: String) {
    let cert = folder.appendingPathComponent("cert.pem").path
    let key = folder.appendingPathComponent("key.pem").path
    let otherKey = folder.appendingPathComponent("other-key.pem").path
    let made = try Tool.run(
      "openssl",
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
        "-out", cert, "-days", "2", "-subj", "/CN=pnsdoctor-test", "-addext", "subjectAltName=IP:127.0.0.1",
      ])
    try #require(made.status == 0, "openssl req: \(made.errors)")
    let other = try Tool.run("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", otherKey])
    try #require(other.status == 0, "openssl ecparam: \(other.errors)")
    for path in [key, otherKey] { chmod(path, 0o600) }
    return (cert, key, otherKey)
  }

  @Test("a push over HTTPS is stored and answered 200; plain HTTP on the same port gets no answer")
  func pushOverHTTPS() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Self.makeCertificate(in: folder)
    let server = try ServerProcess(["--tls-cert", files.cert, "--tls-key", files.key])
    defer {
      server.stop()
      server.removeFolder()
    }
    #expect(server.stderrText.contains("listening on https://127.0.0.1:\(server.port)"))
    #expect(!server.stderrText.contains("plain HTTP"))
    let bodyFile = folder.appendingPathComponent("push.json")
    try Data(PushSamples.event(sessionId: "tls-session-1")).write(to: bodyFile)
    let posted = try Tool.run(
      "curl",
      [
        "--silent", "--show-error", "--cacert", files.cert, "--output", "/dev/null", "--write-out", "%{http_code}",
        "--header", "Content-Type: application/json;charset=UTF-8", "--data-binary", "@\(bodyFile.path)",
        "https://127.0.0.1:\(server.port)/status",
      ])
    #expect(posted.status == 0, "curl: \(posted.errors)")
    #expect(posted.text == "200")
    // Plain HTTP to the HTTPS port: the handshake fails, nothing is answered or stored.
    #expect(throws: (any Error).self) { try server.post("/status", PushSamples.event(sessionId: "tls-session-2")) }
    #expect(server.stop() == 0)
    let pushes = try ReceiverStoreReading(server.storePath).pushes()
    #expect(pushes.count == 1)
    #expect(pushes.first?.answeredStatus == 200 && pushes.first?.disposition == 0)
    #expect(try ReceiverStoreReading(server.storePath).callCount(sessionId: "tls-session-1") == 1)
  }

  @Test(
    "TLS files that cannot serve are refused at start (status 78), each with its path; one without the other is a usage error"
  )
  func unusableFilesRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Self.makeCertificate(in: folder)
    let store = folder.appendingPathComponent("store.sqlite").path
    let notPEM = folder.appendingPathComponent("not.pem").path
    try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: notPEM))
    let openKey = folder.appendingPathComponent("open-key.pem").path
    try FileManager.default.copyItem(atPath: files.key, toPath: openKey)
    chmod(openKey, 0o644)
    for (cert, key, message) in [
      (files.cert, openKey, "\(openKey): readable by others"),
      (notPEM, files.key, "\(notPEM): not a PEM certificate chain"),
      (files.cert, notPEM, "\(notPEM): readable by others"),
      (files.cert, files.otherKey, "cannot be used together"),
      (files.cert, folder.appendingPathComponent("missing.pem").path, "cannot read the private key"),
    ] {
      if key == notPEM { chmod(notPEM, 0o644) }
      let outcome = try Pnsdoctor.run([
        "serve", "--listen", "127.0.0.1:0", "--store", store, "--tls-cert", cert, "--tls-key", key,
      ])
      #expect(outcome.status == 78, "\(message): \(outcome.errors)")
      #expect(outcome.errors.contains(message), "\(outcome.errors)")
      #expect(!outcome.errors.contains("PRIVATE KEY"), "a key's content is never said")
    }
    let half = try Pnsdoctor.run(["serve", "--store", store, "--tls-cert", files.cert])
    #expect(half.status == 64)
    #expect(half.errors.contains("--tls-cert and --tls-key go together"))
  }
}

/// Runs a tool from PATH (openssl, curl) to its end.
enum Tool {
  static func run(_ name: String, _ arguments: [String]) throws -> Pnsdoctor.Outcome {
    try Pnsdoctor.run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
  }
}
