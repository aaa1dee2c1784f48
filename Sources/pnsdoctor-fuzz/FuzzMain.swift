import Foundation

/// `pnsdoctor-fuzz`. Built by `.ci/fuzz` with the fuzzer, it fuzzes the target named by
/// `PNSDOCTOR_FUZZ_TARGET` and takes libFuzzer's arguments. Built plainly,
/// `pnsdoctor-fuzz FILE...` runs each file through the target once: how a finding is replayed
/// under a debugger.
@main
enum FuzzMain {
  /// The target of this run.
  static let target: FuzzTarget = FuzzTarget.fromEnvironment() ?? .input

  static func main() {
    guard FuzzTarget.fromEnvironment() != nil else {
      let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
      FileHandle.standardError.write(Data("pnsdoctor-fuzz: PNSDOCTOR_FUZZ_TARGET must be one of \(names)\n".utf8))
      exit(2)
    }
    // Loaded before the first input, so that its time is not charged to one input.
    _ = FuzzKnowledge.shared
    // The store target builds its store (and writes its seeds) before libFuzzer reads the corpus.
    if target == .store { _ = StoreDecoderTarget.shared }
    #if FUZZING
      exit(LibFuzzerDriver.run())
    #else
      exit(replay(CommandLine.arguments.dropFirst()))
    #endif
  }

  private static func replay(_ paths: ArraySlice<String>) -> Int32 {
    var status: Int32 = 0
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("pnsdoctor-fuzz: cannot read \(path)\n".utf8))
        status = 1
        continue
      }
      target.run([UInt8](data))
      print("\(target.rawValue): ran \(path) (\(data.count) bytes)")
    }
    return status
  }
}
