/// The receiver's tables (migration v6): every HTTP request `serve` took, whatever became of it,
/// and which calls each push carried messages of.
///
/// - `push`: one row per request: when, method and path, what it held (`kind`: a
///   `Message.Kind` number, 0 for several kinds, NULL for none), what became of it
///   (`PushDisposition`), its signature check (`PushSignatureCheck`) and the app key it named,
///   the status it was answered, the reason something could not be read, the body itself when
///   something could not be read or it was refused (a stored push's messages are in its calls),
///   and in tap mode the upstream's status, latency and error.
/// - `push_session`: which calls (by session hash) each push carried messages of, for a call's
///   delivery evidence.
enum PushSchema {
  static let migration = "v6-received-pushes"

  /// The columns of `push` the writer sets, in the order `PushWriter` gives their values.
  static let written = [
    "received_ms", "method", "path", "kind", "records", "new_records", "rejected", "disposition", "signature",
    "app_key", "answered_status", "reason", "body", "body_bytes", "upstream_status", "upstream_us",
    "upstream_error",
  ]

  static let tables = """
    CREATE TABLE push (
      id INTEGER PRIMARY KEY,
      received_ms INTEGER NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      kind INTEGER,
      records INTEGER NOT NULL,
      new_records INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      disposition INTEGER NOT NULL,
      signature INTEGER NOT NULL,
      app_key TEXT,
      answered_status INTEGER NOT NULL,
      reason TEXT,
      body BLOB,
      body_bytes INTEGER NOT NULL,
      upstream_status INTEGER,
      upstream_us INTEGER,
      upstream_error TEXT
    );
    CREATE INDEX push_by_time ON push(received_ms);
    CREATE TABLE push_session (
      session_hash INTEGER NOT NULL,
      push_id INTEGER NOT NULL,
      PRIMARY KEY (session_hash, push_id)
    ) WITHOUT ROWID;
    """

  /// The `kind` kept for a push holding `kinds`.
  static func kindValue(_ kinds: Set<Message.Kind>) -> Int? {
    if kinds.isEmpty { return nil }
    return kinds.count == 1 ? Int(kinds.first!.rawValue) : 0
  }
}
