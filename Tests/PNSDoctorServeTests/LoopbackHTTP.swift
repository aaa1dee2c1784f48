import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, one request per connection: the tests
/// see exactly the bytes the receiver sends back, with no client library in between.
enum LoopbackHTTP {
  struct Answer {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Sends one request to 127.0.0.1:`port` and reads the answer to the end of the connection.
  static func send(
    port: Int, method: String = "POST", path: String, headers: [(String, String)] = [], body: [UInt8] = [],
    timeout: TimeInterval = 15
  ) throws -> Answer {
    let socket = try connect(port: port, timeout: timeout)
    defer { close(socket) }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    var named = Set<String>()
    for (name, value) in headers {
      head += "\(name): \(value)\r\n"
      named.insert(name.lowercased())
    }
    if !named.contains("content-length") { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    try writeAll(socket, Array(head.utf8) + body)
    return try parse(readToEnd(socket))
  }

  static func connect(port: Int, timeout: TimeInterval) throws -> Int32 {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
    var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let reason = String(cString: strerror(errno))
      close(socket)
      throw Failure(description: "connect to \(port): \(reason)")
    }
    return socket
  }

  static func writeAll(_ socket: Int32, _ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
      sent += count
    }
  }

  static func readToEnd(_ socket: Int32) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count == 0 { return bytes }
      guard count > 0 else {
        if bytes.isEmpty { throw Failure(description: "recv: \(String(cString: strerror(errno)))") }
        return bytes
      }
      bytes += buffer[0..<count]
    }
  }

  /// Splits an HTTP message's head from its body (Content-Length, else all that follows).
  static func parse(_ bytes: [UInt8]) throws -> Answer {
    guard let end = headEnd(bytes) else { throw Failure(description: "no HTTP head in \(bytes.count) bytes") }
    let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
      throw Failure(description: "bad status line: \(lines[0])")
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Array(bytes[(end + 4)...])
    if let length = headers["content-length"].flatMap(Int.init), length <= body.count { body = Array(body[..<length]) }
    return Answer(status: status, headers: headers, body: body)
  }

  static func headEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for index in 0...(bytes.count - 4)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
      return index
    }
    return nil
  }
}
