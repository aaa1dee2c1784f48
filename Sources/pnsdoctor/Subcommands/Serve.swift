import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor serve ...`: runs `pnsdoctor-serve`, the live receiver, with the same arguments
  /// (git-style: the server libraries are in their own program, so that building pnsdoctor
  /// does not wait for them).
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Receive the platform's pushes live (runs pnsdoctor-serve; 实时接收推送).",
      discussion: """
        Everything after `serve` goes to pnsdoctor-serve, found beside pnsdoctor or on PATH \
        (build it with `swift build -c release --product pnsdoctor-serve`). \
        `pnsdoctor serve --help` lists its options.
        """)

    @Argument(parsing: .captureForPassthrough, help: "pnsdoctor-serve's arguments.")
    var arguments: [String] = []

    func run() throws {
      guard let program = Self.serverProgram() else {
        StandardError.write(
          Language.fromEnvironment(ProcessInfo.processInfo.environment).pick(
            "error: pnsdoctor-serve is not built: run `swift build -c release --product pnsdoctor-serve` (it goes beside pnsdoctor), or put it on PATH",
            "错误：未构建 pnsdoctor-serve：请运行 `swift build -c release --product pnsdoctor-serve`（生成在 pnsdoctor 旁边），或将其加入 PATH"))
        throw ExitCode(ExitStatus.unavailable)
      }
      // The signals stay blocked through exec, as the receiver wants them (see its
      // ReceiverSignals): none arriving meanwhile is lost.
      let argv = ([program] + arguments).map { strdup($0) } + [nil]
      execv(program, argv)
      let reason = String(cString: strerror(errno))
      StandardError.write("error: cannot run \(program): \(reason)")
      throw ExitCode(ExitStatus.unavailable)
    }

    /// `pnsdoctor-serve` beside this program, else the first on PATH.
    static func serverProgram() -> String? {
      let name = "pnsdoctor-serve"
      let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
      var candidates = [((own as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)]
      for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        candidates.append((String(folder) as NSString).appendingPathComponent(name))
      }
      return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
  }
}
