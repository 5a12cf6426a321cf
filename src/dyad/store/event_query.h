// store — reading events and documents back: the event filter shared by the
// API, the CLI and the analytics (one place turns a filter into SQL), paged
// event listings with their evidence, and a document with its sentences and
// the events it reported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/store/sqlite_db.h"
#include "dyad/util/status.h"

namespace dyad {

// Which events to read. Empty fields do not filter. Actor codes match by
// prefix: "USA" matches USA, USAGOV, USAMIL...; "USAGOV" matches USAGOV and
// USAGOVDIP.
struct EventFilter {
  std::string actor;              // either side
  std::string source, target;     // the dyad
  bool both_directions = false;   // also source<->target reversed
  std::string code;               // CAMEO code prefix: "19", "190", "0332"
  std::vector<std::string> roots; // CAMEO roots, any of: {"14", "18"}
  std::vector<int> quad_classes;  // any of 1..4 (0 = neutral)
  std::string from, to;           // days, inclusive, YYYY-MM-DD
  std::string text;               // full-text query over the reporting sentences
  std::string doc_id;             // events reported by this document
  std::string origin;             // "coded" | "icews" | "gdelt"
  bool include_negated = false;   // negated events ("did not attack") are left out by default
  int64_t min_mentions = 0;
};

// Checks the fields of a filter (dates, codes, quad classes); the message
// names the bad field.
Status ValidateFilter(const EventFilter& f);
// ValidateFilter plus a check of the full-text query against the index (a
// syntax error there is the user's, not the database's).
Status CheckFilter(sql::Db& db, const EventFilter& f);

// A WHERE clause over table `events` (alias e) and its parameters.
using SqlParam = std::variant<int64_t, double, std::string>;
struct SqlWhere {
  std::string sql;                // "e.day >= ?1 AND ..." or "1"
  std::vector<SqlParam> params;   // bound in order as ?1, ?2, ...
};
SqlWhere BuildWhere(const EventFilter& f);
// Binds where.params to st starting at index `first`.
void BindParams(sql::Stmt* st, const std::vector<SqlParam>& params, int first = 1);

// The user's text as an FTS5 query: plain words become quoted terms (all
// must match); text with FTS5 syntax (quotes, AND/OR/NOT/NEAR, *, ^, ()) is
// passed through.
std::string FtsQuery(const std::string& text);

struct StoredActor {
  bool present = false;
  std::string code, country, sector, name;
};

struct StoredMention {
  int64_t id = 0;
  std::string origin;        // "coded" | "icews" | "gdelt"
  std::string report;        // document id / story / URL
  std::string doc_id;        // for coded mentions: the stored document
  int sentence = -1;
  std::string article_date;
  EventActor source, target; // text and byte spans in the document (coded)
  Evidence evidence;
  std::string publisher, url, place;
  std::optional<double> latitude, longitude;
  int64_t weight_mentions = 1, weight_articles = 1;
};

struct StoredEvent {
  int64_t id = 0;
  std::string day;
  StoredActor source, target;
  std::string cameo, cameo_root, cameo_name;
  double goldstein = 0;
  int quad_class = 0;
  Plover plover;
  bool negated = false;
  std::string modality;
  bool historical = false;
  int64_t n_mentions = 0, n_articles = 0;
  std::vector<StoredMention> mentions;   // the first few, evidence first
};

enum class EventSort { kDateDesc, kDateAsc, kMentionsDesc };
bool ParseEventSort(const std::string& name, EventSort* out);  // "-date" "date" "-mentions"

struct EventPage {
  int64_t total = 0;
  std::vector<StoredEvent> events;
};

// Events matching f, sorted, paged; each with up to `mentions` mentions.
Status QueryEvents(sql::Db& db, const EventFilter& f, EventSort sort, int limit, int offset,
                   int mentions, EventPage* out);

// One event by id with up to `mentions` mentions; NotFound when absent.
Status GetEvent(sql::Db& db, int64_t id, int mentions, StoredEvent* out);

struct StoredSentence {
  int index = 0;
  uint32_t start = 0, end = 0;
  std::string text;
};

struct StoredDocument {
  std::string id, date, title, url, source, origin, text, ingested_at;
  std::vector<StoredSentence> sentences;
  // The events this document reported, each with only this document's
  // mentions (evidence spans are byte offsets into `text`).
  std::vector<StoredEvent> events;
};

// NotFound when no document has this id.
Status GetDocument(sql::Db& db, const std::string& id, StoredDocument* out);

}  // namespace dyad
