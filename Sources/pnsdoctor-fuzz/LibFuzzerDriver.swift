#if FUZZING
  // libFuzzer's own driver, in the instrumented build only (`-D FUZZING`, see `.ci/fuzz`).
  // SwiftPM names an executable's entry point itself, so libFuzzer's `main` cannot be used;
  // its documented `LLVMFuzzerRunDriver` runs the same loop from ours.

  @_silgen_name("LLVMFuzzerRunDriver")
  private func runLibFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// LeakSanitizer reads its suppressions from here. The knowledge base loaded once at start
  /// lives until exit, yet LeakSanitizer reports its conditions as leaked: an indirect enum
  /// case's box is referenced by a pointer carrying the case's tag in its spare bits, which a
  /// scan for exact addresses does not recognise. Only allocations made under that one-time load
  /// are suppressed; anything leaked while running an input is still reported.
  @_cdecl("__lsan_default_suppressions")
  public func leakSanitizerSuppressions() -> UnsafePointer<CChar> {
    let suppressions: StaticString = "leak:pnsdoctor_fuzz13FuzzKnowledgeV6shared\n"
    return UnsafeRawPointer(suppressions.utf8Start).assumingMemoryBound(to: CChar.self)
  }

  /// Hands the command line to libFuzzer, which runs inputs through `FuzzMain.target` until a
  /// finding or a limit stops it.
  enum LibFuzzerDriver {
    static func run() -> Int32 {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      return runLibFuzzerDriver(&argc, &argv) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        FuzzMain.target.run(bytes)
        return 0
      }
    }
  }
#endif
