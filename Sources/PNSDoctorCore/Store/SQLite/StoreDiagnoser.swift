import GRDB

/// Diagnoses calls and SMS notifications inside a store transaction, for keeping their
/// diagnoses in the store: pattern rules count neighbours in SQL through the same connection.
final class StoreDiagnoser {
  let engine: DiagnosisEngine
  private let counter: StoreNeighbourCounter

  /// - Parameter deferringNeighbours: a bulk load, whose neighbour indexes are not built yet:
  ///   a call a pattern rule asks about is left pending (diagnosed in full once the indexes are
  ///   back), instead of counting its neighbours by scanning the table.
  init(engine: DiagnosisEngine, db: Database, codec: BundleCodec, deferringNeighbours: Bool = false) {
    self.engine = engine
    counter = StoreNeighbourCounter(db: db, codec: codec, deferring: deferringNeighbours)
  }

  func diagnose(_ call: Call) throws -> StoredDiagnosis {
    counter.reset()
    let diagnosis = engine.diagnose(.call(call), counting: counter)
    if let error = counter.error { throw error }
    var stored = StoredDiagnosis(diagnosis, dependsOnNeighbours: counter.consulted)
    stored.isProvisional = counter.deferred
    return stored
  }

  func diagnose(_ sms: SMSNotification) -> StoredDiagnosis {
    StoredDiagnosis(engine.diagnose(.sms(sms)), dependsOnNeighbours: false)
  }
}
