import Foundation
@testable import PNSDoctorCore

/// Helpers shared by the store tests.
enum StoreTestSupport {
  /// A fresh store file in a new temporary folder.
  static func temporaryStorePath() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("store.sqlite").path
  }

  /// The two kinds of store every store test runs against.
  enum Kind: String, CaseIterable, Sendable {
    case memory, file

    func make() throws -> CallStore {
      switch self {
      case .memory: return try CallStore.inMemory()
      case .file: return try CallStore.open(path: StoreTestSupport.temporaryStorePath())
      }
    }
  }

  /// Imports `text` as an input named `name`.
  @discardableResult
  static func importText(_ text: String, name: String = "input.log", into store: CallStore) throws -> ImportStatistics {
    try StoreImporter(store: store, batchSize: 3).importSource(InMemoryByteSource(name: name, text: text))
  }

  static func event(
    _ type: String, session: String, time: String, caller: String = "+8610000000001",
    called: String = "+8612000000001", stateCode: Int? = nil
  ) -> String {
    let code = stateCode.map { ",\"stateCode\":\($0)" } ?? ""
    return
      "{\"eventType\":\"\(type)\",\"statusInfo\":{\"sessionId\":\"\(session)\",\"timestamp\":\"\(time)\",\"caller\":\"\(caller)\",\"called\":\"\(called)\"\(code)}}"
  }

  /// A CDR object; `answered` sets fwdAnswerTime.
  static func cdr(
    session: String, start: String = "2024-05-13 05:24:57", answered: Bool, releasePoint: Int = 0,
    q850: Int = 0, sip: Int = 0, serviceType: String = "004", caller: String = "+8610000000001",
    callee: String = "+8610100000002", privacy: String = "+8612000000001", subscription: String = "sub-1"
  ) -> String {
    let answer = answered ? ",\"fwdAnswerTime\":\"2024-05-13 05:25:10\"" : ""
    return
      "{\"direction\":1,\"spId\":\"sp\",\"appKey\":\"****\",\"icid\":\"icid-\(session)\",\"bindNum\":\"\(privacy)\",\"sessionId\":\"\(session)\",\"subscriptionId\":\"\(subscription)\",\"callerNum\":\"\(caller)\",\"calleeNum\":\"\(privacy)\",\"fwdDisplayNum\":\"\(privacy)\",\"fwdDstNum\":\"\(callee)\",\"callInTime\":\"\(start)\",\"fwdStartTime\":\"\(start)\",\"fwdAlertingTime\":\"2024-05-13 05:25:01\"\(answer),\"callEndTime\":\"2024-05-13 05:25:41\",\"fwdUnaswRsn\":\(q850),\"ulFailReason\":\(releasePoint),\"sipStatusCode\":\(sip),\"serviceType\":\"\(serviceType)\"}"
  }

  static func batch(_ records: [String]) -> String {
    "{\"eventType\":\"fee\",\"feeLst\":[" + records.joined(separator: ",") + "]}"
  }
}
