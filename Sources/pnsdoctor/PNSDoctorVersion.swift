import Foundation

/// The program's version: the release number, and, for a binary built from a git checkout,
/// what `git describe` says of that checkout.
enum PNSDoctorVersion {
  /// The release number (bumped with each store format or command change worth telling).
  static let number = "0.4.0"

  /// The release number, with the checkout's `git describe` when this binary lies in a
  /// checkout's `.build` folder and git answers within two seconds.
  static func describe() -> String {
    guard let checkout = checkout(), let described = gitDescribe(in: checkout) else { return number }
    return "\(number) (\(described))"
  }

  /// The folder holding the `.build` this binary was built into, if it is a git checkout.
  private static func checkout() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
      if folder.lastPathComponent == ".build" {
        let root = folder.deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) ? root : nil
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }

  private static func gitDescribe(in checkout: URL) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", checkout.path, "describe", "--tags", "--always", "--dirty"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let deadline = Date().addingTimeInterval(2)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, !text.isEmpty, text.count < 80,
      text.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace && $0.value >= 0x20 })
    else { return nil }
    return text
  }
}
