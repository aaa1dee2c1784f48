import GRDB

/// Diagnoses calls and SMS notifications inside a store transaction, for keeping their
/// diagnoses in the store: pattern rules count neighbours in SQL through the same connection.
final class StoreDiagnoser {
  let engine: DiagnosisEngine
  private let counter: StoreNeighbourCounter

  init(engine: DiagnosisEngine, db: Database, codec: BundleCodec) {
    self.engine = engine
    counter = StoreNeighbourCounter(db: db, codec: codec)
  }

  func diagnose(_ call: Call) throws -> StoredDiagnosis {
    counter.reset()
    let diagnosis = engine.diagnose(.call(call), counting: counter)
    if let error = counter.error { throw error }
    return StoredDiagnosis(diagnosis, dependsOnNeighbours: counter.consulted)
  }

  func diagnose(_ sms: SMSNotification) -> StoredDiagnosis {
    StoredDiagnosis(engine.diagnose(.sms(sms)), dependsOnNeighbours: false)
  }
}
