/// The receiver's entry point: the signals are blocked before anything else runs (see
/// `ReceiverSignals`), then the command line is parsed and run.
@main
enum ServeMain {
  static func main() async {
    ReceiverSignals.block()
    await ServeCommand.main()
  }
}
