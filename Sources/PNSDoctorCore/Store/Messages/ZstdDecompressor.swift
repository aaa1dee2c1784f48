import CZstd
import Foundation

/// Decompresses bundles on one thread.
final class ZstdDecompressor {
  private let context: OpaquePointer
  /// The largest bundle accepted: a frame claiming more is damage, not a call.
  static let maximumContentSize = 1 << 30

  init() throws(Zstd.Failure) {
    guard let context = ZSTD_createDCtx() else { throw Zstd.Failure(description: "out of memory") }
    self.context = context
  }

  deinit { ZSTD_freeDCtx(context) }

  func decompress(_ input: some ContiguousBytes, dictionary: ZstdDictionary?) throws(Zstd.Failure) -> [UInt8] {
    let declared = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
    guard declared != pns_zstd_content_size_error(), declared != pns_zstd_content_size_unknown(),
      declared <= UInt64(Self.maximumContentSize)
    else { throw Zstd.Failure(description: "not a zstd frame of known size") }
    var output = [UInt8](repeating: 0, count: Int(declared))
    let size: Int
    if let dictionary {
      size = try dictionary.decompress(input, into: &output, with: context)
    } else {
      size = try Zstd.check(
        output.withUnsafeMutableBytes { target in
          input.withUnsafeBytes { source in
            ZSTD_decompressDCtx(context, target.baseAddress, target.count, source.baseAddress, source.count)
          }
        })
    }
    guard size == output.count else { throw Zstd.Failure(description: "frame shorter than it declares") }
    return output
  }
}
