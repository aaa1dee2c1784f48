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
public final class FileDescriptorByteSource: ByteSource {
  public let name: String
  public let expectedSize: Int?
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var scratch: [UInt8] = []

  /// Opens the file at `path` for reading.
  /// - Throws: `ReadIssue` naming the file when it cannot be opened.
  public init(path: String) throws(ReadIssue) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ReadIssue(
        reason: .cannotOpen(systemError: String(cString: strerror(errno))),
        at: SourceLocation(source: path))
    }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw ReadIssue(reason: .cannotOpen(systemError: "is a directory"), at: SourceLocation(source: path))
    }
    self.name = path
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.expectedSize = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
  }

  /// Standard input.
  public init(standardInputNamed name: String = "<stdin>") {
    self.name = name
    self.descriptor = 0
    self.ownsDescriptor = false
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
}
