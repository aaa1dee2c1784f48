import Foundation

/// The store's last change token, compared with each new one on the work queue (the only
/// thread that touches it).
final class StoreWatch: @unchecked Sendable {
  private var token: Int

  init(initial: Int) { token = initial }

  /// Whether `latest` differs from the token seen last; keeps it.
  func update(_ latest: Int) -> Bool {
    defer { token = latest }
    return latest != token
  }
}
