/// The v4 schema: one narrow row per call, its messages compressed together beside it.
///
/// - `calls`: typed columns of each call (what listing, filtering and the pattern rules read),
///   its kept diagnosis, and `session_hash`, the 64-bit FNV-1a hash of its session id: the id
///   itself (exact bytes, NULs included) is in the bundle, checked on every lookup.
/// - `call_messages`: per call, every event, CDR and version of them as received, compressed
///   with zstd and the dictionary named (0: none), keyed by the call's row id so that `calls`
///   stays narrow.
/// - `dictionary`: zstd dictionaries trained from the store's own calls.
/// - `number`: each distinct number once, for fragment search (a scan of distinct numbers, then
///   the calls through their number indexes).
/// - `source`: each input, recognised by its head, with its watermark: the last record stored
///   from it, committed with that record's batch, and how far it was read to its end.
/// - `store_counts`: kept per transaction by the writer (no triggers).
enum StoreSchema {
  static let v4Migration = "v4-one-row-per-call"

  /// v3's calls table goes aside (its triggers and trigram index dropped) for the new one; the
  /// session index comes first, as the carrying over looks calls up by id.
  static let v4Tables = """
    DROP TRIGGER IF EXISTS calls_search_insert;
    DROP TRIGGER IF EXISTS calls_search_delete;
    DROP TRIGGER IF EXISTS calls_search_update;
    DROP TRIGGER IF EXISTS calls_count_insert;
    DROP TRIGGER IF EXISTS calls_count_delete;
    DROP TRIGGER IF EXISTS calls_count_update;
    DROP TRIGGER IF EXISTS sms_count_insert;
    DROP TRIGGER IF EXISTS sms_count_delete;
    DROP TABLE IF EXISTS calls_search;
    ALTER TABLE calls RENAME TO calls_v3;
    CREATE TABLE calls (
      id INTEGER PRIMARY KEY,
      session_hash INTEGER NOT NULL,
      mode TEXT NOT NULL,
      service_type TEXT,
      start_ms INTEGER,
      end_ms INTEGER,
      caller TEXT,
      callee TEXT,
      privacy_number TEXT,
      outcome TEXT NOT NULL,
      failed INTEGER NOT NULL,
      state_code INTEGER,
      release_point INTEGER,
      q850_cause INTEGER,
      call_out_q850_cause INTEGER,
      sip_status INTEGER,
      ring_ms INTEGER,
      talk_ms INTEGER,
      event_count INTEGER NOT NULL,
      has_cdr INTEGER NOT NULL,
      cdr_deliveries INTEGER NOT NULL,
      versions INTEGER NOT NULL,
      verdict TEXT,
      cause_rule TEXT,
      cause_confidence REAL,
      findings TEXT,
      diagnosis_state INTEGER NOT NULL
    );
    CREATE INDEX calls_by_session ON calls(session_hash);
    CREATE TABLE call_messages (
      call_id INTEGER PRIMARY KEY,
      dictionary_id INTEGER NOT NULL,
      bundle BLOB NOT NULL
    );
    CREATE TABLE dictionary (
      id INTEGER PRIMARY KEY,
      trained_on INTEGER NOT NULL,
      bytes BLOB NOT NULL
    );
    CREATE TABLE number (digits TEXT PRIMARY KEY) WITHOUT ROWID;
    ALTER TABLE source ADD COLUMN last_offset INTEGER NOT NULL DEFAULT -1;
    ALTER TABLE source ADD COLUMN last_ordinal INTEGER NOT NULL DEFAULT -1;
    ALTER TABLE source ADD COLUMN records INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE source ADD COLUMN read_to_end INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE source ADD COLUMN end_size INTEGER;
    ALTER TABLE source ADD COLUMN end_tail_hash INTEGER;
    """

  /// Each v3 source's watermark, from its occurrence rows: v3 stored an input's records in
  /// order, so its last occurrence is how far it got. Importing the same input again then
  /// continues after it instead of counting its records as re-pushes.
  static let v3Watermarks = """
    UPDATE source SET
      last_offset = COALESCE((SELECT MAX(byte_offset) FROM delivery WHERE source_id = source.id), -1),
      last_ordinal = COALESCE((
        SELECT MAX(ordinal) FROM delivery d WHERE d.source_id = source.id
          AND d.byte_offset = (SELECT MAX(byte_offset) FROM delivery e WHERE e.source_id = source.id)), -1),
      records = (SELECT COUNT(*) FROM delivery WHERE source_id = source.id);
    """

  /// What v4 no longer has: the message tables (carried into call_messages), the occurrence
  /// rows (replaced by the sources' watermarks) and v3's calls.
  static let v4Cleanup = """
    DROP TABLE calls_v3;
    DROP TABLE call_event;
    DROP TABLE cdr;
    DROP TABLE delivery;
    """

  /// The secondary indexes of `calls` besides the session index: what lists by time, filters
  /// by code or cause, finds numbers, and finds a call's neighbours for the pattern rules (by
  /// caller, privacy number, or callee number block within a time window). A bulk load drops
  /// them and builds them again after (`StoreIndexes`); a store found without one (a kill in
  /// between) gets it back when next opened to write.
  static let rebuildableIndexes: [(name: String, columns: String)] = [
    ("calls_by_start", "start_ms"),
    ("calls_by_caller", "caller, start_ms"),
    ("calls_by_callee", "callee"),
    ("calls_by_privacy_number", "privacy_number, start_ms"),
    ("calls_by_callee_block", "substr(callee, 1, 7), start_ms"),
    ("calls_by_state_code", "state_code"),
    ("calls_by_release_point", "release_point"),
    ("calls_by_q850_cause", "q850_cause"),
    ("calls_by_call_out_q850_cause", "call_out_q850_cause"),
    ("calls_by_sip_status", "sip_status"),
    ("calls_by_cause", "cause_rule"),
  ]

  /// The indexes every store keeps, bulk loads included: the session index (each message is
  /// given to its call through it) and the calls waiting for a diagnosis.
  static let permanentIndexes = """
    CREATE INDEX IF NOT EXISTS calls_to_diagnose ON calls(id) WHERE diagnosis_state != \(DiagnosisState.diagnosed.rawValue);
    """

  static var callIndexes: String {
    permanentIndexes
      + rebuildableIndexes.map { "CREATE INDEX IF NOT EXISTS \($0.name) ON calls(\($0.columns));" }.joined(separator: "\n")
  }
}
