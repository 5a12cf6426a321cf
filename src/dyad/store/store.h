// store — the event store: one SQLite file (WAL) holding documents, their
// sentences (with an FTS5 index), events and the mentions that report them.
// It owns the schema and its migrations (PRAGMA user_version), idempotent
// ingest of coded documents, import of ICEWS/GDELT event files
// (importers.h), the cross-document merge of events and the event/document
// queries the analytics, the server and the CLI read (event_query.h).
//
// Model: an *event* is one (day, source actor, target actor, CAMEO code,
// negated, modality, historical) tuple; every report of it is a *mention*
// (a sentence of a coded document, an ICEWS row, a GDELT row). Each event
// keeps n_mentions (all reports, weighted for GDELT's NumMentions) and
// n_articles (distinct documents/stories/URLs that reported it). See
// docs/api.md for the schema.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/store/sqlite_db.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

// The schema version this build writes (PRAGMA user_version).
int StoreSchemaVersion();

struct StoreOptions {
  bool read_only = false;
  bool create = true;    // create the file when missing (ignored when read_only)
  // Stop migrating at this version (tests of the migration path); 0 = latest.
  int migrate_to = 0;
};

// Result of adding one coded document.
struct AddDocumentResult {
  bool added = false;           // false: already stored (same id or same text)
  std::string duplicate_of;     // id of the stored document when !added
  int events_new = 0;           // events created by this document
  int events_merged = 0;        // events of this document merged into stored ones
  int mentions = 0;             // mention rows written
  std::vector<std::string> warnings;  // events stored with a fallback date or skipped
  int coarse_dates = 0;         // events dated only by year/month, filed under the article date
};

// One event of an imported data set (ICEWS, GDELT), already mapped to dyad's
// event record. `event.doc_id` is unused; `report` identifies the article.
struct ImportRecord {
  Event event;
  std::string origin;        // "icews" | "gdelt"
  std::string external_id;   // ICEWS Event ID, GDELT GLOBALEVENTID (unique per origin)
  std::string report;        // article identity: ICEWS Story ID, GDELT SOURCEURL
  int mentions = 1;          // GDELT NumMentions (>= 1)
  int articles = 1;          // GDELT NumArticles (>= 1)
  std::string publisher, url, place;
  std::optional<double> latitude, longitude;
};

struct StoreCounts {
  int64_t documents = 0, sentences = 0, events = 0, mentions = 0;
  std::string first_day, last_day;   // over events with a date
};

class EventStore {
 public:
  ~EventStore();

  // Opens or creates the store and migrates the schema to the latest version.
  // Fails on a file that is not a dyad store or is newer than this build.
  static Status Open(const std::string& path, const StoreOptions& options,
                     std::unique_ptr<EventStore>* out);

  // Batched writes: Begin/Commit wrap many Add* calls in one transaction
  // (without them every Add* commits on its own). A crash before Commit
  // leaves the database as it was at the last Commit.
  Status Begin();
  Status Commit();
  Status Rollback();
  bool in_transaction() const { return in_txn_; }

  // Stores a coded document, its sentences and its events. A document whose
  // id, or whose exact text, is already stored is skipped (result->added =
  // false): re-running an ingest never duplicates anything.
  Status AddDocument(const Document& doc, const std::vector<Event>& events,
                     AddDocumentResult* result);

  // The id of a stored document with doc's id or exactly doc's text, in
  // *duplicate_of; "" when doc is new.
  Status FindDocument(const Document& doc, std::string* duplicate_of);

  // Stores one imported event; *added = false when (origin, external_id) is
  // already stored.
  Status AddImported(const ImportRecord& record, bool* added);

  Status Counts(StoreCounts* out);
  int schema_version() const { return version_; }
  const std::string& path() const { return db_.path(); }

  // The connection, for read queries (event_query.h, analytics). Not
  // thread-safe: one EventStore per thread.
  sql::Db& db() { return db_; }

 private:
  EventStore() = default;
  struct Statements;
  Status PrepareStatements();
  // Inserts or merges one event; returns its key and whether it was new.
  Status UpsertEvent(const Event& e, const std::string& day, int64_t* key, bool* created);
  Status AddMention(int64_t event_key, std::optional<int64_t> doc_key, int sentence,
                    const std::string& report, const std::string& origin,
                    const std::string* external_id, int w_mentions, int w_articles,
                    const std::string& article_date, const EventActor* source,
                    const EventActor* target, const Evidence& evidence,
                    const ImportRecord* import);

  sql::Db db_;
  std::unique_ptr<Statements> st_;
  int version_ = 0;
  bool in_txn_ = false;
};

// Helpers shared by the store, importers and tests.

// The merge key of an event: day, both actor codes (the actor text, lower
// case, stands in for an unknown named actor), CAMEO code and flags.
std::string EventMergeKey(const Event& e, const std::string& day);

// The day an event is filed under: event_date, else date.
std::string EventDay(const Event& e);

// 64-bit FNV-1a hash of a document's text (an index; equality is checked on
// the full text).
int64_t ContentHash(std::string_view text);

// Quad class of a CAMEO code by its root, GDELT/ICEWS 4-class scheme:
// 1 verbal cooperation 01-05, 2 material cooperation 06-09, 3 verbal conflict
// 10-14, 4 material conflict 15-20; 0 when the code has no valid root.
int QuadClassOfCode(std::string_view code);

// True for YYYY-MM-DD with a valid calendar date.
bool IsIsoDay(std::string_view s);

}  // namespace dyad
