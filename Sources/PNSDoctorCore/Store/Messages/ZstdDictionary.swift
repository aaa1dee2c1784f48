import CZstd
import Foundation

/// A trained dictionary, ready for both directions; immutable once made, so threads share it.
final class ZstdDictionary: @unchecked Sendable {
  /// The dictionary's row id in the store (each bundle row names the dictionary it needs).
  let id: Int64
  let bytes: [UInt8]
  private let compression: OpaquePointer
  private let decompression: OpaquePointer

  init?(id: Int64, bytes: [UInt8]) {
    guard !bytes.isEmpty,
      let compression = bytes.withUnsafeBytes({ ZSTD_createCDict($0.baseAddress, $0.count, Zstd.level) })
    else { return nil }
    guard let decompression = bytes.withUnsafeBytes({ ZSTD_createDDict($0.baseAddress, $0.count) }) else {
      ZSTD_freeCDict(compression)
      return nil
    }
    self.id = id
    self.bytes = bytes
    self.compression = compression
    self.decompression = decompression
  }

  deinit {
    ZSTD_freeCDict(compression)
    ZSTD_freeDDict(decompression)
  }

  /// Trains a dictionary of at most `capacity` bytes on `samples` (each one call's bundle);
  /// `nil` when zstd finds too little to learn from (few or tiny samples).
  static func train(samples: [[UInt8]], capacity: Int = 64 << 10) -> [UInt8]? {
    let usable = samples.filter { !$0.isEmpty }
    guard usable.count >= 16 else { return nil }
    let joined = usable.flatMap { $0 }
    var sizes = usable.map { Int($0.count) }
    var dictionary = [UInt8](repeating: 0, count: capacity)
    let size = dictionary.withUnsafeMutableBytes { target in
      joined.withUnsafeBytes { source in
        ZDICT_trainFromBuffer(target.baseAddress, capacity, source.baseAddress, &sizes, UInt32(sizes.count))
      }
    }
    guard ZDICT_isError(size) == 0, size > 0 else { return nil }
    return Array(dictionary.prefix(size))
  }

  func compress(_ input: [UInt8], with context: OpaquePointer) throws(Zstd.Failure) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
    let size = try Zstd.check(
      output.withUnsafeMutableBytes { target in
        input.withUnsafeBytes { source in
          ZSTD_compress_usingCDict(context, target.baseAddress, target.count, source.baseAddress, source.count, compression)
        }
      })
    output.removeLast(output.count - size)
    return output
  }

  func decompress(
    _ input: some ContiguousBytes, into output: inout [UInt8], with context: OpaquePointer
  ) throws(Zstd.Failure) -> Int {
    try Zstd.check(
      output.withUnsafeMutableBytes { target in
        input.withUnsafeBytes { source in
          ZSTD_decompress_usingDDict(
            context, target.baseAddress, target.count, source.baseAddress, source.count, decompression)
        }
      })
  }
}
