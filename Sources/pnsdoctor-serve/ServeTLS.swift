import Foundation
import NIOSSL
import PNSDoctorReceiver

/// `--tls-cert` and `--tls-key`: the receiver's certificate chain and private key, both PEM.
/// The platform sends SMS notifications over HTTPS only, so a receiver for them needs these or
/// a TLS proxy in front of it.
///
/// The key must be readable by its owner only (as for `--credentials`); what is wrong with
/// either file is said with its path, never with its content.
enum ServeTLS {
  /// The server side's TLS settings from the two files, or why they cannot be used.
  static func configuration(certificatePath: String, keyPath: String) throws(ServeFailure) -> TLSConfiguration {
    if let problem = OwnerOnlyFile.problem(path: keyPath, what: "the private key") { throw .tls(problem) }
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
    } catch {
      throw .tls("\(certificatePath): not a PEM certificate chain (\(error))")
    }
    guard !chain.isEmpty else { throw .tls("\(certificatePath): no certificate in it") }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
    } catch {
      // NIOSSL's error names the file's problem, not the key's bytes.
      throw .tls("\(keyPath): not a PEM private key (\(error))")
    }
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    configuration.minimumTLSVersion = .tlsv12
    // A certificate and a key that do not belong together fail here, at start, rather than at
    // the platform's first push.
    do {
      _ = try NIOSSLContext(configuration: configuration)
    } catch {
      throw .tls("\(certificatePath) and \(keyPath) cannot be used together (\(error))")
    }
    return configuration
  }
}
