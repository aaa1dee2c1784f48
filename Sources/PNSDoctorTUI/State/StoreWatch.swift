import Foundation
import PNSDoctorCore

/// The store's last change token and file state, compared with each new one on the work
/// queue (the only thread that touches it).
final class StoreWatch: @unchecked Sendable {
  private var token: Int
  private var fileState = StoreFileState.unchanged

  init(initial: Int) { token = initial }

  /// Whether `latest` differs from the token seen last; keeps it.
  func update(_ latest: Int) -> Bool {
    defer { token = latest }
    return latest != token
  }

  /// Whether `latest` differs from the file state seen last; keeps it.
  func update(_ latest: StoreFileState) -> Bool {
    defer { fileState = latest }
    return latest != fileState
  }
}
