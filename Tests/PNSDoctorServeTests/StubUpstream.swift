import Foundation

/// The customer's receiver, as tap mode's tests need it: an HTTP server on a loopback port in
/// this process that answers by path (`/ok`…: 200 empty; `/fail`: 500; `/block`: 200 with a
/// Block-mode control answer; `/hang`: no answer for 5 s) and remembers what it was sent.
final class StubUpstream: @unchecked Sendable {
  struct Received {
    var method: String
    var path: String
    var headers: [String: String]
    var body: [UInt8]
  }

  static let blockAnswer = #"{"resultcode":"0","resultdesc":"ok","actions":[{"operation":"vNumberRoute","param":{"routingAddress":"+8610000000021"}}]}"#

  let port: Int
  private let listener: Int32
  private let lock = NSLock()
  private var received: [Received] = []

  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(listener, pointer, length) == 0 && listen(listener, 64) == 0
          && getsockname(listener, pointer, &length) == 0
      }
    }
    guard bound else { throw LoopbackHTTP.Failure(description: "stub upstream: \(String(cString: strerror(errno)))") }
    self.listener = listener
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  /// What it was sent, in order.
  var requests: [Received] {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// Stops accepting: later connections are refused.
  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return }
      Thread.detachNewThread { [self] in serve(connection) }
    }
  }

  private func serve(_ connection: Int32) {
    defer { close(connection) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var lines: [String] = []
    var body: [UInt8] = []
    while true {
      let count = recv(connection, &buffer, buffer.count, 0)
      guard count > 0 else { return }
      bytes += buffer[0..<count]
      guard let end = LoopbackHTTP.headEnd(bytes) else { continue }
      lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
      let length = lines.compactMap { line -> Int? in
        line.lowercased().hasPrefix("content-length:") ? Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) : nil
      }.first ?? 0
      guard bytes.count >= end + 4 + length else { continue }
      body = Array(bytes[(end + 4)..<(end + 4 + length)])
      break
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let requestLine = lines[0].split(separator: " ")
    let method = requestLine.first.map(String.init) ?? ""
    let path = requestLine.count > 1 ? String(requestLine[1]) : ""
    lock.lock()
    received.append(Received(method: method, path: path, headers: headers, body: body))
    lock.unlock()
    let status: Int
    var answerBody = ""
    switch true {
    case path.hasPrefix("/hang"):
      Thread.sleep(forTimeInterval: 5)
      return
    case path.hasPrefix("/fail"):
      status = 500
      answerBody = "upstream broke"
    case path.hasPrefix("/block"):
      status = 200
      answerBody = Self.blockAnswer
    default:
      status = 200
    }
    let answer = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nX-Upstream: stub\r\nContent-Length: \(answerBody.utf8.count)\r\nConnection: close\r\n\r\n\(answerBody)"
    try? LoopbackHTTP.writeAll(connection, Array(answer.utf8))
  }
}
