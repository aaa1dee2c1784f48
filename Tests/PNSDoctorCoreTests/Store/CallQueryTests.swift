import Testing

@testable import PNSDoctorCore

@Suite("Call queries: filters and order")
struct CallQueryTests {
  typealias Support = StoreTestSupport

  /// Four calls: answered AXB, powered-off AXB, rejected AX, busy with an unknown service type.
  private func populatedStore() throws -> CallStore {
    let store = try CallStore.inMemory()
    let records = [
      Support.cdr(session: "answered", start: "2024-05-13 01:00:00", answered: true),
      Support.cdr(
        session: "off", start: "2024-05-13 02:00:00", answered: false, releasePoint: 8104, q850: 20, sip: 480,
        callee: "+8610900000009"),
      Support.cdr(
        session: "rejected", start: "2024-05-13 03:00:00", answered: false, releasePoint: 7504, q850: 21, sip: 603,
        serviceType: "003"),
      Support.cdr(
        session: "x-mode", start: "2024-05-13 04:00:00", answered: false, releasePoint: 8102, q850: 17, sip: 486,
        subscription: ""),
    ]
    try Support.importText(Support.batch(records), into: store)
    return store
  }

  private func sessions(_ store: CallStore, _ configure: (inout CallQuery) -> Void) throws -> [String] {
    var query = CallQuery()
    configure(&query)
    return try store.calls(matching: query).map(\.sessionId)
  }

  @Test func newestFirstAndFailedOnly() throws {
    let store = try populatedStore()
    #expect(try sessions(store) { _ in } == ["x-mode", "rejected", "off", "answered"])
    #expect(try sessions(store) { $0.failedOnly = true } == ["x-mode", "rejected", "off"])
    #expect(try sessions(store) { $0.limit = 2 } == ["x-mode", "rejected"])
    #expect(
      try sessions(store) {
        $0.limit = 2; $0.offset = 2
      } == ["off", "answered"])
  }

  @Test func numbersMatchInAnyTypedForm() throws {
    let store = try populatedStore()
    #expect(try sessions(store) { $0.number = "+8610900000009" } == ["off"])
    #expect(try sessions(store) { $0.number = "0086 109 0000 0009" } == ["off"])
    #expect(try sessions(store) { $0.number = "+8612000000001" }.count == 4)
    #expect(try sessions(store) { $0.number = "+8610900000008" }.isEmpty)
  }

  @Test func codesMatchOneFieldOrAny() throws {
    let store = try populatedStore()
    #expect(try sessions(store) { $0.code = CallQuery.CodeFilter(text: "8104") } == ["off"])
    #expect(try sessions(store) { $0.code = CallQuery.CodeFilter(text: "q850:21") } == ["rejected"])
    #expect(try sessions(store) { $0.code = CallQuery.CodeFilter(text: "sip:480") } == ["off"])
    #expect(try sessions(store) { $0.code = CallQuery.CodeFilter(text: "state:8104") }.isEmpty)
    #expect(CallQuery.CodeFilter(text: "bogus:1") == nil)
    #expect(CallQuery.CodeFilter(text: "abc") == nil)
  }

  @Test func modesAndTheirAmbiguity() throws {
    let store = try populatedStore()
    // 004 with a binding id is AXB; 004 without one could be AXB or X.
    #expect(try sessions(store) { $0.mode = .ax } == ["rejected"])
    #expect(try sessions(store) { $0.mode = .axb } == ["x-mode", "off", "answered"])
    #expect(try sessions(store) { $0.mode = .x } == ["x-mode"])
  }

  @Test func timeWindow() throws {
    let store = try populatedStore()
    let since = try #require(Timestamp.parse("2024-05-13 02:00:00"))
    let until = try #require(Timestamp.parse("2024-05-13 04:00:00"))
    #expect(
      try sessions(store) {
        $0.since = since; $0.until = until
      } == ["rejected", "off"])
  }

  @Test func searchTextIsMatchedLiterally() throws {
    let store = try populatedStore()
    #expect(try sessions(store) { $0.search = "%" }.isEmpty)
    #expect(try sessions(store) { $0.search = "_" }.isEmpty)
    // A session id is found whole (through its hash), not from its beginning.
    #expect(try sessions(store) { $0.search = "x-mod" }.isEmpty)
    #expect(try sessions(store) { $0.search = "x-mode" } == ["x-mode"])
    #expect(try sessions(store) { $0.search = "x-mode\\" }.isEmpty)
  }
}
