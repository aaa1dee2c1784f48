import CZstd

/// zstd compression of the store's message bundles, with or without a dictionary.
///
/// A call's messages repeat the same keys and much of the same values, and so do different
/// calls: a dictionary trained on a few thousand calls of the store itself more than halves
/// what each call takes compressed (see `ZstdDictionary.train`). Frames carry their content
/// size, so decompression allocates once.
enum Zstd {
  /// Why zstd refused: its own error name.
  struct Failure: Error, CustomStringConvertible, Equatable {
    var description: String
  }

  /// The level used for bundles: fast to write, and with a dictionary barely larger than the
  /// slower levels on these small inputs.
  static let level: Int32 = 3

  /// `result`, or zstd's error when it is one.
  static func check(_ result: Int) throws(Failure) -> Int {
    if ZSTD_isError(result) != 0 { throw Failure(description: String(cString: ZSTD_getErrorName(result))) }
    return result
  }
}
