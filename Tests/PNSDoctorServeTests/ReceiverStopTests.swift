import Foundation
import Testing

extension Tag {
  /// Suites that take seconds (loads, kills, restarts).
  @Tag static var slow: Self
}

/// The receiver stopping: drained by SIGTERM, killed under load. A push answered 200 is in the
/// store whatever happens next, and none is there twice.
@Suite("pnsdoctor serve: stopping and being killed", .tags(.slow))
struct ReceiverStopTests {
  /// Pushes distinct events from `clients` threads until `stop()` says so, remembering which
  /// sessions were acknowledged with 200.
  final class Load: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: [String] = []
    private var running = true
    private var threads = 0
    private let done = DispatchSemaphore(value: 0)

    init(port: Int, clients: Int, prefix: String) {
      threads = clients
      for client in 0..<clients {
        Thread.detachNewThread { [self] in
          var sequence = 0
          while isRunning {
            sequence += 1
            let session = "\(prefix)-\(client)-\(sequence)@fake.example"
            if let answer = try? LoopbackHTTP.send(port: port, path: "/status", body: PushSamples.event(sessionId: session), timeout: 5),
              answer.status == 200
            {
              lock.lock()
              acknowledged.append(session)
              lock.unlock()
            }
          }
          done.signal()
        }
      }
    }

    private var isRunning: Bool {
      lock.lock()
      defer { lock.unlock() }
      return running
    }

    /// Stops the clients and returns the sessions acknowledged.
    func stop() -> [String] {
      lock.lock()
      running = false
      lock.unlock()
      for _ in 0..<threads { done.wait() }
      lock.lock()
      defer { lock.unlock() }
      return acknowledged
    }
  }

  @Test("SIGTERM under load: requests in flight are answered and committed, then it exits 0")
  func sigtermDrains() throws {
    let server = try ServerProcess(["--no-access-log"])
    defer { server.removeFolder() }
    let load = Load(port: server.port, clients: 4, prefix: "drain")
    Thread.sleep(forTimeInterval: 1)
    let status = server.stop(SIGTERM)
    let acknowledged = load.stop()
    #expect(status == 0, "\(server.stderrText.suffix(500))")
    #expect(acknowledged.count > 50, "the load ran: \(acknowledged.count)")
    #expect(server.stderrText.contains("stopped:"))
    let store = try ReceiverStoreReading(server.storePath)
    var missing = 0
    for session in acknowledged where try store.callCount(sessionId: session) != 1 { missing += 1 }
    #expect(missing == 0, "\(missing) of \(acknowledged.count) acknowledged pushes not stored exactly once")
  }

  @Test("SIGKILL under load, then a restart: every push answered 200 is stored, none twice")
  func killedUnderLoad() throws {
    let first = try ServerProcess(["--no-access-log"])
    defer { first.removeFolder() }
    let load = Load(port: first.port, clients: 4, prefix: "kill")
    Thread.sleep(forTimeInterval: 1.5)
    #expect(first.stop(SIGKILL) == 128 + SIGKILL)
    let acknowledged = load.stop()
    #expect(acknowledged.count > 50, "the load ran: \(acknowledged.count)")
    // The same store again: it opens, takes pushes, and holds every acknowledged one once.
    let second = try ServerProcess(["--no-access-log"], folder: first.folder)
    #expect(try second.post("/status", PushSamples.event(sessionId: "after-restart@fake.example")).status == 200)
    #expect(second.stop() == 0)
    let store = try ReceiverStoreReading(first.storePath)
    var missing = 0
    for session in acknowledged where try store.callCount(sessionId: session) != 1 { missing += 1 }
    #expect(missing == 0, "\(missing) of \(acknowledged.count) acknowledged pushes not stored exactly once")
    #expect(try store.callCount(sessionId: "after-restart@fake.example") == 1)
    let pushes = try store.pushes()
    #expect(pushes.count >= acknowledged.count + 1)
  }
}
