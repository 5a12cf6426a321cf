// store — schema migrations (see schema.h and docs/api.md "Database schema").
#include "dyad/store/schema.h"

#include <string>
#include <vector>

namespace dyad::store_schema {
namespace {

// Migration 1: documents, sentences, events, mentions, CAMEO names.
constexpr const char* kV1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('application', 'dyad event store');

CREATE TABLE documents (
  doc_key      INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  content_hash INTEGER NOT NULL,
  date         TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  url          TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  origin       TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL,
  n_sentences  INTEGER NOT NULL DEFAULT 0,
  n_events     INTEGER NOT NULL DEFAULT 0,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
  sent_key INTEGER PRIMARY KEY,
  doc_key  INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  text     TEXT NOT NULL,
  UNIQUE (doc_key, idx)
);

CREATE TABLE events (
  event_key      INTEGER PRIMARY KEY,
  merge_key      TEXT NOT NULL UNIQUE,
  day            TEXT NOT NULL,
  source_code    TEXT NOT NULL DEFAULT '',
  source_country TEXT NOT NULL DEFAULT '',
  source_sector  TEXT NOT NULL DEFAULT '',
  source_name    TEXT NOT NULL DEFAULT '',
  target_code    TEXT NOT NULL DEFAULT '',
  target_country TEXT NOT NULL DEFAULT '',
  target_sector  TEXT NOT NULL DEFAULT '',
  target_name    TEXT NOT NULL DEFAULT '',
  has_source     INTEGER NOT NULL DEFAULT 1,
  has_target     INTEGER NOT NULL DEFAULT 1,
  cameo          TEXT NOT NULL,
  cameo_root     TEXT NOT NULL,
  cameo_name     TEXT NOT NULL DEFAULT '',
  goldstein      REAL NOT NULL DEFAULT 0,
  quad_class     INTEGER NOT NULL DEFAULT 0,
  plover_event   TEXT NOT NULL DEFAULT '',
  plover_mode    TEXT NOT NULL DEFAULT '',
  plover_context TEXT NOT NULL DEFAULT '',
  negated        INTEGER NOT NULL DEFAULT 0,
  modality       TEXT NOT NULL DEFAULT 'asserted',
  historical     INTEGER NOT NULL DEFAULT 0,
  n_mentions     INTEGER NOT NULL DEFAULT 0,
  n_articles     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_code, day);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_countries ON events(source_country, target_country, day);
CREATE INDEX events_root ON events(cameo_root, day);

CREATE TABLE mentions (
  mention_key     INTEGER PRIMARY KEY,
  event_key       INTEGER NOT NULL REFERENCES events(event_key) ON DELETE CASCADE,
  doc_key         INTEGER REFERENCES documents(doc_key) ON DELETE CASCADE,
  sentence        INTEGER NOT NULL DEFAULT -1,
  report          TEXT NOT NULL,
  origin          TEXT NOT NULL,
  external_id     TEXT,
  weight_mentions INTEGER NOT NULL DEFAULT 1,
  weight_articles INTEGER NOT NULL DEFAULT 1,
  article_date    TEXT NOT NULL DEFAULT '',
  source_text     TEXT NOT NULL DEFAULT '',
  source_start    INTEGER NOT NULL DEFAULT 0,
  source_end      INTEGER NOT NULL DEFAULT 0,
  target_text     TEXT NOT NULL DEFAULT '',
  target_start    INTEGER NOT NULL DEFAULT 0,
  target_end      INTEGER NOT NULL DEFAULT 0,
  evidence_text   TEXT NOT NULL DEFAULT '',
  evidence_start  INTEGER NOT NULL DEFAULT 0,
  evidence_end    INTEGER NOT NULL DEFAULT 0,
  trigger_text    TEXT NOT NULL DEFAULT '',
  trigger_start   INTEGER NOT NULL DEFAULT 0,
  trigger_end     INTEGER NOT NULL DEFAULT 0,
  rule            TEXT NOT NULL DEFAULT '',
  publisher       TEXT NOT NULL DEFAULT '',
  url             TEXT NOT NULL DEFAULT '',
  place           TEXT NOT NULL DEFAULT '',
  latitude        REAL,
  longitude       REAL,
  UNIQUE (origin, external_id)
);
CREATE INDEX mentions_event ON mentions(event_key, report);
CREATE INDEX mentions_doc ON mentions(doc_key, sentence);

CREATE TABLE cameo_names (code TEXT PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO cameo_names VALUES
  ('01','Make public statement'), ('02','Appeal'), ('03','Express intent to cooperate'),
  ('04','Consult'), ('05','Engage in diplomatic cooperation'),
  ('06','Engage in material cooperation'), ('07','Provide aid'), ('08','Yield'),
  ('09','Investigate'), ('10','Demand'), ('11','Disapprove'), ('12','Reject'),
  ('13','Threaten'), ('14','Protest'), ('15','Exhibit force posture'),
  ('16','Reduce relations'), ('17','Coerce'), ('18','Assault'), ('19','Fight'),
  ('20','Use unconventional mass violence');
)SQL";

// Migration 2: full-text index over sentences (porter stemming over
// unicode61 tokens), kept in sync by triggers; back-filled from existing rows.
constexpr const char* kV2 = R"SQL(
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='sent_key', tokenize='porter unicode61');
CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.sent_key, new.text);
END;
CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.sent_key, old.text);
END;
CREATE TRIGGER sentences_fts_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.sent_key, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.sent_key, new.text);
END;
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
)SQL";

// Migration 3: the names each actor code was reported under, with counts,
// so labels ("Russia" for RUS) need no scan of the events; back-filled.
constexpr const char* kV3 = R"SQL(
CREATE TABLE actor_names (
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  n    INTEGER NOT NULL,
  PRIMARY KEY (code, name)
) WITHOUT ROWID;
INSERT INTO actor_names (code, name, n)
  SELECT code, name, sum(c) FROM (
    SELECT source_code AS code, source_name AS name, count(*) AS c FROM events
      WHERE source_code <> '' AND source_name <> '' GROUP BY 1, 2
    UNION ALL
    SELECT target_code, target_name, count(*) FROM events
      WHERE target_code <> '' AND target_name <> '' GROUP BY 1, 2)
  GROUP BY code, name;
)SQL";

// Migration 4: the window scans of the analytics (series, networks, alerts:
// every event between two days, grouped by period or by country, sector or
// code dyad) read only this index, never the wide events rows. It replaces
// events_day (day stays its first column, so whatever used that index can
// use this one). On a 1M-event store (`dyad bench-store`, docs/analytics.md)
// it roughly halves the time of a year's network.
constexpr const char* kV4 = R"SQL(
CREATE INDEX events_window ON events(day, negated, quad_class, source_country, target_country,
                                     source_sector, target_sector, source_code, target_code,
                                     goldstein, n_mentions);
DROP INDEX events_day;
)SQL";

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> m = {kV1, kV2, kV3, kV4};
  return m;
}

Status QueryInt(sql::Db* db, const char* q, int64_t* out) {
  sql::Stmt st;
  Status s = db->Prepare(q, &st);
  if (!s.ok()) return s;
  *out = st.Step() ? st.Int(0) : 0;
  return st.status();
}

}  // namespace

int LatestVersion() { return static_cast<int>(Migrations().size()); }

Status Migrate(sql::Db* db, int target, int* version) {
  const int latest = LatestVersion();
  if (target <= 0 || target > latest) target = latest;
  int64_t v = 0;
  Status s = QueryInt(db, "PRAGMA user_version", &v);
  if (!s.ok()) return Status::Corrupt(db->path() + ": not an SQLite database (" + s.message() + ")");
  if (v > latest) {
    return Status::Unsupported(db->path() + ": schema version " + std::to_string(v) +
                               " is newer than this dyad understands (" +
                               std::to_string(latest) + "); upgrade dyad");
  }
  if (v == 0) {
    // A new store must be an empty file: refuse to add tables to someone
    // else's database.
    int64_t tables = 0;
    s = QueryInt(db, "SELECT count(*) FROM sqlite_master", &tables);
    if (!s.ok()) return Status::Corrupt(db->path() + ": " + s.message());
    if (tables > 0) {
      return Status::InvalidInput(db->path() +
                                  ": is an SQLite database but not a dyad store (no user_version)");
    }
  }
  for (int next = static_cast<int>(v) + 1; next <= target; ++next) {
    sql::Transaction txn(db);
    if (!(s = txn.Begin()).ok()) return s;
    s = db->Exec(Migrations()[next - 1]);
    if (!s.ok()) {
      return Status::IOError(db->path() + ": migration to schema " + std::to_string(next) +
                             " failed: " + s.message());
    }
    if (!(s = db->Exec("PRAGMA user_version = " + std::to_string(next))).ok()) return s;
    if (!(s = txn.Commit()).ok()) return s;
    v = next;
  }
  *version = static_cast<int>(v);
  return Status::OK();
}

}  // namespace dyad::store_schema
