import CZstd

/// Compresses bundles on one thread; it keeps zstd's context between bundles, as creating one
/// per bundle would cost more than compressing it.
final class ZstdCompressor {
  private let context: OpaquePointer

  init() throws(Zstd.Failure) {
    guard let context = ZSTD_createCCtx() else { throw Zstd.Failure(description: "out of memory") }
    self.context = context
  }

  deinit { ZSTD_freeCCtx(context) }

  func compress(_ input: [UInt8], dictionary: ZstdDictionary?) throws(Zstd.Failure) -> [UInt8] {
    if let dictionary { return try dictionary.compress(input, with: context) }
    var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
    let size = try Zstd.check(
      output.withUnsafeMutableBytes { target in
        input.withUnsafeBytes { source in
          ZSTD_compressCCtx(context, target.baseAddress, target.count, source.baseAddress, source.count, Zstd.level)
        }
      })
    output.removeLast(output.count - size)
    return output
  }
}
