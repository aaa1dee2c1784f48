#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the bytes of one input come from: a file, standard input, or text already in memory.
///
/// Reading is pull-based and chunked so that a multi-gigabyte file never has to fit in memory.
/// Its type (not its values) may cross threads: an import reads on a thread of its own.
public protocol ByteSource: SendableMetatype {
  /// A name for messages: the file path, `<stdin>`, or `<paste>`.
  var name: String { get }
  /// The total size when it is known in advance (for progress), else `nil`.
  var expectedSize: Int? { get }
  /// Appends up to `maximumCount` bytes to `buffer`; returns how many were added, 0 at the end.
  mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(ReadIssue) -> Int
  /// The input's current size and its last `length` bytes, read without moving the reading
  /// position, when the input can be read at any place (a regular file); else `nil`. An import
  /// compares them with what it stored to recognise an input already imported whole.
  func tail(length: Int) -> (size: Int, bytes: [UInt8])?
}

extension ByteSource {
  public func tail(length: Int) -> (size: Int, bytes: [UInt8])? { nil }
}

/// Bytes already in memory: a paste, a test fixture.
public struct InMemoryByteSource: ByteSource {
  public let name: String
  private let bytes: [UInt8]
  private var position = 0

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public init(name: String, text: String) {
    self.init(name: name, bytes: Array(text.utf8))
  }

  public var expectedSize: Int? { bytes.count }

  public func tail(length: Int) -> (size: Int, bytes: [UInt8])? {
    (bytes.count, Array(bytes.suffix(length)))
  }

  public mutating func read(into buffer: inout [UInt8], maximumCount: Int) -> Int {
    let count = min(maximumCount, bytes.count - position)
    buffer.append(contentsOf: bytes[position..<position + count])
    position += count
    return count
  }
}

/// A file descriptor: an opened file or standard input.
///
/// Nothing here waits without being able to stop: a FIFO is opened without waiting for its
/// writer, and a read of anything but a regular file (a pipe, a FIFO, a terminal) first waits
/// for input in short polls, asking `stopWaiting` between them. A stop ends the wait as the end
/// of the input would: everything read until then is read whole and can be stored, and the
/// caller, which asked for the stop, knows the input did not really end.
public final class FileDescriptorByteSource: ByteSource {
  public let name: String
  public let expectedSize: Int?
  /// Asked every `pollInterval` milliseconds while a read waits for input; `true` ends the wait
  /// and the input there. Set it before reading starts (the reading may then happen on another
  /// thread, hence `@Sendable`).
  public var stopWaiting: (@Sendable () -> Bool)?
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// Whether input can be missing for a while (anything but a regular file).
  private let mayWait: Bool
  private var scratch: [UInt8] = []

  /// How long one poll waits, in milliseconds: how soon a stop is noticed.
  static let pollInterval: Int32 = 100

  /// Opens the file at `path` for reading.
  /// - Throws: `ReadIssue` naming the file when it cannot be opened.
  public init(path: String) throws(ReadIssue) {
    var status = stat()
    let isFIFO = stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
    // Opening a FIFO waits for a writer, beyond the reach of any signal handled here; opened
    // without waiting, it is then read like a pipe, and the first poll waits for the writer.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | (isFIFO ? O_NONBLOCK : 0))
    guard descriptor >= 0 else {
      throw ReadIssue(
        reason: .cannotOpen(systemError: String(cString: strerror(errno))),
        at: SourceLocation(source: path))
    }
    if isFIFO { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw ReadIssue(reason: .cannotOpen(systemError: "is a directory"), at: SourceLocation(source: path))
    }
    let isRegular = (status.st_mode & S_IFMT) == S_IFREG
    self.name = path
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.mayWait = !isRegular
    self.expectedSize = isRegular ? Int(status.st_size) : nil
  }

  /// Standard input.
  public init(standardInputNamed name: String = "<stdin>") {
    var status = stat()
    self.name = name
    self.descriptor = 0
    self.ownsDescriptor = false
    self.mayWait = !(fstat(0, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG)
    self.expectedSize = nil
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  public func tail(length: Int) -> (size: Int, bytes: [UInt8])? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(status.st_size)
    let start = max(0, size - length)
    var bytes = [UInt8](repeating: 0, count: size - start)
    var done = 0
    while done < bytes.count {
      let result = bytes.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return pread(descriptor, base + done, raw.count - done, off_t(start + done))
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { return nil }
      done += result
    }
    return (size, bytes)
  }

  public func read(into buffer: inout [UInt8], maximumCount: Int) throws(ReadIssue) -> Int {
    guard maximumCount > 0 else { return 0 }
    if mayWait && !waitForInput() { return 0 }
    // Read into a scratch buffer allocated once, rather than zero-filling the target each time.
    if scratch.count < maximumCount { scratch = [UInt8](repeating: 0, count: maximumCount) }
    var result = 0
    repeat {
      result = scratch.withUnsafeMutableBytes { raw in
        // Never nil: the scratch buffer holds at least maximumCount > 0 bytes.
        guard let base = raw.baseAddress else { return -1 }
        #if canImport(Glibc)
          return Glibc.read(descriptor, base, maximumCount)
        #else
          return Darwin.read(descriptor, base, maximumCount)
        #endif
      }
    } while result < 0 && errno == EINTR
    guard result >= 0 else {
      throw ReadIssue(
        reason: .cannotRead(systemError: String(cString: strerror(errno))),
        at: SourceLocation(source: name))
    }
    buffer.append(contentsOf: scratch[0..<result])
    return result
  }

  /// Waits until a read would not block (input, its end, or an error to report), polling so
  /// that a stop is noticed within `pollInterval`; false when a stop ended the wait. A FIFO
  /// whose writer has not come yet is not ready: Linux reports its end only once a writer has
  /// come and gone.
  private func waitForInput() -> Bool {
    while true {
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, Self.pollInterval)
      if ready > 0 || (ready < 0 && errno != EINTR) { return true }
      if stopWaiting?() == true { return false }
    }
  }
}
