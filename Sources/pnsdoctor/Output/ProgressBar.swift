import Foundation

/// A one-line progress bar on standard error, shown only when a person is watching.
final class ProgressBar {
  private let enabled: Bool
  private let totalBytes: Int?
  private(set) var completedBytes = 0
  private var lastDraw = Date.distantPast
  private var drawn = false

  init(enabled: Bool, totalBytes: Int?) {
    self.enabled = enabled
    self.totalBytes = totalBytes
  }

  func update(bytes: Int) {
    guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = Date()
    drawn = true
    let mebibytes = Double(bytes) / 1_048_576
    guard let totalBytes, totalBytes > 0 else {
      StandardError.writeControl(String(format: "\r%.1f MiB read", mebibytes))
      return
    }
    let fraction = min(1, Double(bytes) / Double(totalBytes))
    StandardError.writeControl(
      String(
        format: "\r%@ %3.0f%%  %.1f / %.1f MiB", Self.bar(fraction), fraction * 100, mebibytes,
        Double(totalBytes) / 1_048_576))
  }

  /// Shows `done` of `total` items, such as calls diagnosed.
  func update(items done: Int, of total: Int, label: String) {
    guard enabled, total > 0, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = Date()
    drawn = true
    let fraction = min(1, Double(done) / Double(total))
    StandardError.writeControl(
      String(format: "\r%@ %3.0f%%  %@ %d / %d", Self.bar(fraction), fraction * 100, label, done, total))
  }

  /// A 30-cell bar filled to `fraction`.
  private static func bar(_ fraction: Double) -> String {
    let filled = Int(fraction * 30)
    return String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
  }

  /// Marks one file of `size` bytes as done.
  func finish(file size: Int) {
    completedBytes += size
  }

  func clear() {
    guard drawn else { return }
    StandardError.writeControl("\r\u{1B}[K")
    drawn = false
  }
}
