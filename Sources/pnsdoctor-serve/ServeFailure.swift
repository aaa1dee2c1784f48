import Foundation
import PNSDoctorCore

/// Why `pnsdoctor serve` could not start or went on no longer: the message said, and the exit
/// status it ends with (sysexits), in one place.
enum ServeFailure: Error {
  case usage(String)
  case credentials(String)
  case tls(String)
  case store(StoreError)
  case knowledge(String)
  case listen(address: ListenAddress, detail: String)

  var exitStatus: Int32 {
    switch self {
    case .usage: return 64
    case .credentials, .tls, .knowledge: return 78
    case .store: return 74
    case .listen: return 69
    }
  }

  func message(in language: Language) -> String {
    switch self {
    case .usage(let text): return language.pick("error: \(text)", "错误：\(text)")
    case .credentials(let text):
      return language.pick("error: credentials: \(text)", "错误：凭据文件：\(text)")
    case .tls(let text): return language.pick("error: TLS: \(text)", "错误：TLS：\(text)")
    case .store(let error): return error.message(in: language)
    case .knowledge(let text): return language.pick("error: knowledge: \(text)", "错误：知识库：\(text)")
    case .listen(let address, let detail):
      return language.pick(
        "error: cannot listen on \(address): \(detail)", "错误：无法在 \(address) 上监听：\(detail)")
    }
  }

  /// Writes `text` on standard error, masked and made safe for a terminal; a closed stderr is
  /// not an error worth dying of here (the exit status still says what happened).
  static func say(_ text: String) {
    let safe = PhoneNumber.maskAll(in: TerminalSanitizer.sanitizeLines(text)) + "\n"
    try? FileHandle.standardError.write(contentsOf: Data(safe.utf8))
  }
}
