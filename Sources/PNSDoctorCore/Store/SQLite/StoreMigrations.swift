import GRDB

/// The store's schema, as named, append-only migrations (a shipped migration is never edited).
enum StoreMigrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-messages-and-calls") { db in
      // Where messages came from: one row per distinct input content (see InputReader.fingerprint).
      try db.execute(
        sql: """
          CREATE TABLE source (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            first_imported_ms INTEGER NOT NULL
          );
          -- One row per occurrence of a message in an input: re-pushes are several occurrences
          -- of one message, a repeated import is the same occurrence again.
          CREATE TABLE delivery (
            source_id INTEGER NOT NULL REFERENCES source(id),
            byte_offset INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (source_id, byte_offset, ordinal)
          ) WITHOUT ROWID;

          CREATE TABLE call_event (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            session_id TEXT NOT NULL,
            event_type TEXT,
            time_ms INTEGER,
            caller TEXT,
            called TEXT,
            state_code INTEGER,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );
          CREATE INDEX call_event_by_session ON call_event(session_id);

          CREATE TABLE cdr (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            session_id TEXT NOT NULL,
            service_type TEXT,
            caller TEXT,
            called TEXT,
            forward_destination TEXT,
            bind_number TEXT,
            call_in_ms INTEGER,
            answer_ms INTEGER,
            end_ms INTEGER,
            q850_cause INTEGER,
            release_point INTEGER,
            sip_status INTEGER,
            call_out_q850_cause INTEGER,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );
          CREATE INDEX cdr_by_session ON cdr(session_id);

          CREATE TABLE sms (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            sms_identifier TEXT NOT NULL,
            mode TEXT,
            calling TEXT,
            called TEXT,
            virtual_number TEXT,
            time_ms INTEGER,
            send_result INTEGER,
            subscription_id TEXT,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );
          CREATE INDEX sms_by_time ON sms(time_ms);
          CREATE INDEX sms_by_calling ON sms(calling);
          CREATE INDEX sms_by_called ON sms(called);
          CREATE INDEX sms_by_virtual_number ON sms(virtual_number);
          CREATE INDEX sms_by_result ON sms(send_result, time_ms);

          CREATE TABLE api_response (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            result_code TEXT NOT NULL,
            result_desc TEXT,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );

          -- One row per call, derived from its events and CDR (see Call); rebuilt whenever a
          -- message of the call arrives. Browsing reads only this table.
          CREATE TABLE calls (
            session_id TEXT PRIMARY KEY,
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
            cdr_deliveries INTEGER NOT NULL
          );
          CREATE INDEX calls_by_start ON calls(start_ms);
          CREATE INDEX calls_failed_by_start ON calls(failed, start_ms);
          CREATE INDEX calls_by_caller ON calls(caller);
          CREATE INDEX calls_by_callee ON calls(callee);
          CREATE INDEX calls_by_privacy_number ON calls(privacy_number);
          CREATE INDEX calls_by_state_code ON calls(state_code);
          CREATE INDEX calls_by_release_point ON calls(release_point);
          CREATE INDEX calls_by_q850_cause ON calls(q850_cause);
          CREATE INDEX calls_by_sip_status ON calls(sip_status);
          CREATE INDEX calls_by_mode ON calls(mode, start_ms);
          """)
    }
    migrator.registerMigration("v2-source-heads") { db in
      // Sources are recognised by their first bytes, compared as prefixes, so that a log that has
      // grown since its last import is the same source (v1's fingerprint changed as it grew).
      try db.execute(
        sql: """
          ALTER TABLE source ADD COLUMN head_key TEXT;
          ALTER TABLE source ADD COLUMN head BLOB;
          CREATE INDEX source_by_head_key ON source(head_key);
          """)
    }
    migrator.registerMigration("v3-stored-diagnosis-and-number-search") { db in
      // Each call and SMS keeps its verdict and top findings ("rule@revision:confidence", best
      // first), computed at import. diagnosis_state: 0 to be diagnosed, 1 diagnosed, 2 diagnosed
      // with the help of neighbouring calls (such a diagnosis may change as more calls arrive).
      // knowledge_rule records the rules the stored diagnoses were made with, so that a change
      // of the knowledge base re-diagnoses the calls it concerns.
      // calls_search indexes the numbers by trigram, so a search for part of a number reads the
      // index instead of every row; it holds no copy of the numbers (external content).
      try db.execute(
        sql: """
          -- calls is rebuilt with an INTEGER PRIMARY KEY: the number index refers to calls by
          -- id, and an id (unlike the rowid of a table keyed by text) survives a VACUUM.
          CREATE TABLE calls_v3 (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL UNIQUE,
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
            verdict TEXT,
            cause_rule TEXT,
            cause_confidence REAL,
            findings TEXT,
            diagnosis_state INTEGER NOT NULL DEFAULT 0
          );
          INSERT INTO calls_v3 (
            session_id, mode, service_type, start_ms, end_ms, caller, callee, privacy_number, outcome, failed,
            state_code, release_point, q850_cause, call_out_q850_cause, sip_status, ring_ms, talk_ms, event_count,
            has_cdr, cdr_deliveries)
          SELECT
            session_id, mode, service_type, start_ms, end_ms, caller, callee, privacy_number, outcome, failed,
            state_code, release_point, q850_cause, call_out_q850_cause, sip_status, ring_ms, talk_ms, event_count,
            has_cdr, cdr_deliveries
          FROM calls;
          DROP TABLE calls;
          ALTER TABLE calls_v3 RENAME TO calls;
          CREATE INDEX calls_by_start ON calls(start_ms);
          CREATE INDEX calls_failed_by_start ON calls(failed, start_ms);
          CREATE INDEX calls_by_callee ON calls(callee);
          CREATE INDEX calls_by_state_code ON calls(state_code);
          CREATE INDEX calls_by_release_point ON calls(release_point);
          CREATE INDEX calls_by_q850_cause ON calls(q850_cause);
          CREATE INDEX calls_by_sip_status ON calls(sip_status);
          CREATE INDEX calls_by_mode ON calls(mode, start_ms);
          CREATE INDEX calls_by_cause ON calls(failed, cause_rule);
          -- Pattern rules count a call's neighbours by caller, privacy number or callee number
          -- block within a time window: these indexes find exactly those calls. The block index
          -- serves the rules' 7-character blocks (+86 and four digits); other lengths scan the
          -- time window.
          CREATE INDEX calls_by_caller ON calls(caller, start_ms);
          CREATE INDEX calls_by_privacy_number ON calls(privacy_number, start_ms);
          CREATE INDEX calls_by_callee_block ON calls(substr(callee, 1, 7), start_ms);
          -- The filter box looks a typed code up in every code column, each through its index.
          CREATE INDEX calls_by_call_out_q850_cause ON calls(call_out_q850_cause);
          CREATE INDEX calls_to_diagnose ON calls(id) WHERE diagnosis_state != 1;

          ALTER TABLE sms ADD COLUMN verdict TEXT;
          ALTER TABLE sms ADD COLUMN cause_rule TEXT;
          ALTER TABLE sms ADD COLUMN cause_confidence REAL;
          ALTER TABLE sms ADD COLUMN findings TEXT;
          ALTER TABLE sms ADD COLUMN diagnosis_state INTEGER NOT NULL DEFAULT 0;
          CREATE INDEX sms_to_diagnose ON sms(id) WHERE diagnosis_state != 1;

          -- How many calls, failed calls and SMS the store holds, kept by triggers: the list's
          -- status line would otherwise count a million rows on every keystroke.
          CREATE TABLE store_counts (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            calls INTEGER NOT NULL,
            failed_calls INTEGER NOT NULL,
            sms INTEGER NOT NULL
          );
          INSERT INTO store_counts VALUES (
            1, (SELECT COUNT(*) FROM calls), (SELECT COUNT(*) FROM calls WHERE failed = 1), (SELECT COUNT(*) FROM sms));
          CREATE TRIGGER calls_count_insert AFTER INSERT ON calls BEGIN
            UPDATE store_counts SET calls = calls + 1, failed_calls = failed_calls + new.failed WHERE id = 1;
          END;
          CREATE TRIGGER calls_count_delete AFTER DELETE ON calls BEGIN
            UPDATE store_counts SET calls = calls - 1, failed_calls = failed_calls - old.failed WHERE id = 1;
          END;
          CREATE TRIGGER calls_count_update AFTER UPDATE OF failed ON calls WHEN old.failed != new.failed BEGIN
            UPDATE store_counts SET failed_calls = failed_calls + new.failed - old.failed WHERE id = 1;
          END;
          CREATE TRIGGER sms_count_insert AFTER INSERT ON sms BEGIN
            UPDATE store_counts SET sms = sms + 1 WHERE id = 1;
          END;
          CREATE TRIGGER sms_count_delete AFTER DELETE ON sms BEGIN
            UPDATE store_counts SET sms = sms - 1 WHERE id = 1;
          END;

          CREATE TABLE knowledge_rule (
            rule_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            applies_to TEXT NOT NULL,
            also_for_success INTEGER NOT NULL
          ) WITHOUT ROWID;

          CREATE VIRTUAL TABLE calls_search USING fts5(
            caller, callee, privacy_number, content='calls', content_rowid='id', tokenize='trigram');
          CREATE TRIGGER calls_search_insert AFTER INSERT ON calls BEGIN
            INSERT INTO calls_search(rowid, caller, callee, privacy_number)
            VALUES (new.id, new.caller, new.callee, new.privacy_number);
          END;
          CREATE TRIGGER calls_search_delete AFTER DELETE ON calls BEGIN
            INSERT INTO calls_search(calls_search, rowid, caller, callee, privacy_number)
            VALUES ('delete', old.id, old.caller, old.callee, old.privacy_number);
          END;
          CREATE TRIGGER calls_search_update AFTER UPDATE OF caller, callee, privacy_number ON calls
          WHEN old.caller IS NOT new.caller OR old.callee IS NOT new.callee
            OR old.privacy_number IS NOT new.privacy_number
          BEGIN
            INSERT INTO calls_search(calls_search, rowid, caller, callee, privacy_number)
            VALUES ('delete', old.id, old.caller, old.callee, old.privacy_number);
            INSERT INTO calls_search(rowid, caller, callee, privacy_number)
            VALUES (new.id, new.caller, new.callee, new.privacy_number);
          END;
          INSERT INTO calls_search(calls_search) VALUES ('rebuild');
          """)
      // Events and CDRs, nearly all of a store, lose their text key: a unique index over the
      // columns that make up the natural key both refuses a second copy and finds a call's
      // messages (it starts with the session id), so the key column, its index and the
      // session index go. The input a message came from becomes the source's id.
      let lowest = Int64.min
      try db.execute(
        sql: """
          CREATE TABLE call_event_v3 (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL,
            event_type TEXT,
            time_ms INTEGER,
            caller TEXT,
            called TEXT,
            state_code INTEGER,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source_id INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );
          INSERT INTO call_event_v3
            SELECT id, session_id, event_type, time_ms, caller, called, state_code, deliveries,
              COALESCE((SELECT id FROM source WHERE source.name = call_event.first_source ORDER BY id LIMIT 1), 0),
              first_line, raw
            FROM call_event;
          DROP TABLE call_event;
          ALTER TABLE call_event_v3 RENAME TO call_event;
          CREATE UNIQUE INDEX call_event_key ON call_event(
            session_id, COALESCE(event_type, ''), COALESCE(time_ms, \(lowest)), COALESCE(state_code, \(lowest)));

          CREATE TABLE cdr_v3 (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL,
            icid TEXT,
            service_type TEXT,
            caller TEXT,
            called TEXT,
            forward_destination TEXT,
            bind_number TEXT,
            call_in_ms INTEGER,
            answer_ms INTEGER,
            end_ms INTEGER,
            fail_ms INTEGER,
            q850_cause INTEGER,
            release_point INTEGER,
            sip_status INTEGER,
            call_out_q850_cause INTEGER,
            deliveries INTEGER NOT NULL DEFAULT 1,
            first_source_id INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            raw TEXT NOT NULL
          );
          -- v1's key was session|icid|end|fail: the fail time is what follows its last '|'; the
          -- icid comes from the record itself (an icid could hold a '|').
          INSERT INTO cdr_v3
            SELECT id, session_id, CAST(json_extract(raw, '$.icid') AS TEXT), service_type, caller, called,
              forward_destination, bind_number, call_in_ms, answer_ms, end_ms,
              CAST(NULLIF(replace(dedupe_key, rtrim(dedupe_key, replace(dedupe_key, '|', '')), ''), '') AS INTEGER),
              q850_cause, release_point, sip_status, call_out_q850_cause, deliveries,
              COALESCE((SELECT id FROM source WHERE source.name = cdr.first_source ORDER BY id LIMIT 1), 0),
              first_line, raw
            FROM cdr;
          DROP TABLE cdr;
          ALTER TABLE cdr_v3 RENAME TO cdr;
          CREATE UNIQUE INDEX cdr_key ON cdr(
            session_id, COALESCE(icid, ''), COALESCE(end_ms, \(lowest)), COALESCE(fail_ms, \(lowest)));
          """)
    }
    migrator.registerMigration(StoreSchema.v4Migration) { db in
      // One row per call; its messages compressed together in call_messages. See StoreSchema.
      try db.execute(sql: StoreSchema.v4Tables)
      try StoreSchemaV3Carrier.carryOver(in: db)
      try db.execute(sql: StoreSchema.v3Watermarks)
      try db.execute(sql: StoreSchema.v4Cleanup)
      try db.execute(sql: StoreSchema.callIndexes)
      try db.execute(
        sql: """
          UPDATE store_counts SET calls = (SELECT COUNT(*) FROM calls),
            failed_calls = (SELECT COUNT(*) FROM calls WHERE failed = 1), sms = (SELECT COUNT(*) FROM sms)
          WHERE id = 1
          """)
    }
    migrator.registerMigration("v5-pending-sms-verdict") { db in
      // Block-mode SMS awaiting the customer's answer were `unknown` before `pending` existed:
      // diagnose them again rather than show the old verdict.
      try db.execute(
        sql: "UPDATE sms SET diagnosis_state = \(DiagnosisState.pending.rawValue) WHERE verdict = '\(Verdict.unknown.rawValue)'")
    }
    migrator.registerMigration(PushSchema.migration) { db in
      // What the live receiver took (see PushSchema); nothing earlier changes.
      try db.execute(sql: PushSchema.tables)
    }
    return migrator
  }
}
