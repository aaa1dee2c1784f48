import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor demo`: synthetic pushes for trying pnsdoctor and for benchmarks.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write realistic synthetic pushes as JSON Lines (生成演示数据).",
      discussion: """
        Call events, CDR batches (some re-pushed) and SMS notifications for N calls across all \
        modes, mostly answered, failing for the reasons the platform documents. The same seed \
        gives the same output. All numbers are fake (unassigned +86 10x and 12x blocks).
        """)

    @Option(name: .long, help: "Number of calls.")
    var count: Int

    @Option(name: .long, help: "Random seed; the same seed gives the same output.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Output file, or - for standard output.", valueName: "file"))
    var out: String

    func validate() throws {
      guard count >= 0 else { throw ValidationError("--count must not be negative") }
    }

    func run() throws {
      let summary = try Self.write(count: count, seed: seed, to: out)
      if out != "-" {
        StandardError.write(
          "\(summary.calls) calls (\(summary.failedCalls) failed), \(summary.lines) lines, "
            + "\(summary.detailRecordPushes) CDR pushes + \(summary.rePushes) re-pushes, "
            + "\(summary.smsNotifications) SMS notifications → \(out)")
      }
    }

    /// Writes demo data to a file (or standard output for `-`).
    ///
    /// The file is opened and truncated in place, never replaced: a path that is a symbolic
    /// link, a FIFO or a device (`/dev/null`) is written through, as a shell redirection would.
    static func write(count: Int, seed: UInt64, to path: String) throws -> DemoGenerator.Summary {
      let handle: FileHandle
      if path == "-" {
        handle = .standardOutput
      } else {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
          StandardError.write("error: cannot write \(path): \(String(cString: strerror(errno)))")
          throw ExitCode(ExitStatus.storeFailure)
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      }
      do {
        return try DemoGenerator(count: count, seed: seed).generate { bytes in
          try handle.write(contentsOf: Data(bytes))
        }
      } catch {
        throw StandardOutput.writeFailed(error, writing: path == "-" ? "the output" : path)
      }
    }
  }
}
