import ArgumentParser
import Foundation
import PNSDoctorCore

/// `--store PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store file (default: $PNSDOCTOR_STORE, else $XDG_DATA_HOME/pnsdoctor/store.sqlite, else ~/.local/share/pnsdoctor/store.sqlite).",
      valueName: "path"))
  var store: String?

  /// The path to use.
  var path: String {
    store ?? StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the store, turning a failure into a message and exit status 74.
  func open(language: Language) throws -> CallStore {
    do {
      return try CallStore.open(path: path)
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
  }
}
