// store — EventStore: opening/migrating the file and the write path
// (coded documents and imported events, merged across reports).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <chrono>
#include <string>

#include "dyad/store/schema.h"
#include "dyad/store/store.h"

namespace dyad {

int StoreSchemaVersion() { return store_schema::LatestVersion(); }

std::string EventDay(const Event& e) { return e.event_date.empty() ? e.date : e.event_date; }

namespace {

std::string ActorKeyPart(const std::optional<EventActor>& a) {
  if (!a) return "-";
  if (!a->code.empty()) return a->code;
  // An unknown named actor: its words stand in for the code, so two
  // different unknown actors never merge.
  std::string t = "~";
  for (char c : a->text) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return t;
}

}  // namespace

std::string EventMergeKey(const Event& e, const std::string& day) {
  std::string k = day;
  k += '|';
  k += ActorKeyPart(e.source);
  k += '|';
  k += ActorKeyPart(e.target);
  k += '|';
  k += e.cameo;
  k += e.negated ? "|n" : "|a";
  k += '|';
  k += ModalityName(e.modality);
  k += e.historical ? "|h" : "|c";
  return k;
}

int64_t ContentHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<int64_t>(h);
}

int QuadClassOfCode(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  auto ymd = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                         std::chrono::day(d));
  return ymd.ok();
}

struct EventStore::Statements {
  sql::Stmt doc_by_id, doc_by_hash, insert_doc, insert_sentence;
  sql::Stmt event_by_key, insert_event, bump_event, report_seen, insert_mention;
  sql::Stmt import_seen, insert_name, count_actor_name;
};

EventStore::~EventStore() {
  if (in_txn_) db_.Exec("ROLLBACK");
  st_.reset();  // statements before the connection
}

Status EventStore::Open(const std::string& path, const StoreOptions& options,
                        std::unique_ptr<EventStore>* out) {
  std::unique_ptr<EventStore> store(new EventStore());
  Status s = store->db_.Open(path, options.create, options.read_only);
  if (!s.ok()) return s;
  if (!options.read_only) {
    // WAL: readers (the server) never block the writer; with synchronous =
    // NORMAL a killed process loses at most the open transaction, never
    // consistency.
    if (!(s = store->db_.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")).ok())
      return Status::IOError(path + ": " + s.message());
    if (!(s = store_schema::Migrate(&store->db_, options.migrate_to, &store->version_)).ok())
      return s;
  } else {
    sql::Stmt st;
    if (!(s = store->db_.Prepare("PRAGMA user_version", &st)).ok()) return s;
    store->version_ = st.Step() ? static_cast<int>(st.Int(0)) : 0;
    if (!st.status().ok()) return Status::Corrupt(path + ": " + st.status().message());
    if (store->version_ == 0)
      return Status::InvalidInput(path + ": not a dyad store (empty or foreign database)");
    if (store->version_ > StoreSchemaVersion())
      return Status::Unsupported(path + ": schema version " + std::to_string(store->version_) +
                                 " is newer than this dyad understands");
    if (store->version_ < StoreSchemaVersion())
      return Status::Unsupported(path + ": schema version " + std::to_string(store->version_) +
                                 " needs a migration; open it once read-write (dyad ingest/import)");
  }
  if (!(s = store->db_.Exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;")).ok())
    return s;
  if (!options.read_only && store->version_ == StoreSchemaVersion()) {
    if (!(s = store->PrepareStatements()).ok()) return s;
  }
  *out = std::move(store);
  return Status::OK();
}

Status EventStore::PrepareStatements() {
  st_ = std::make_unique<Statements>();
  Status s;
  auto prep = [&](sql::Stmt* st, const char* q) {
    if (s.ok()) s = db_.Prepare(q, st);
  };
  prep(&st_->doc_by_id, "SELECT doc_key FROM documents WHERE id = ?1");
  prep(&st_->doc_by_hash, "SELECT id, text FROM documents WHERE content_hash = ?1");
  prep(&st_->insert_doc,
       "INSERT INTO documents (id, content_hash, date, title, url, source, origin, text, "
       "n_sentences, n_events) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  prep(&st_->insert_sentence,
       "INSERT INTO sentences (doc_key, idx, start_byte, end_byte, text) VALUES (?1, ?2, ?3, ?4, ?5)");
  prep(&st_->event_by_key, "SELECT event_key FROM events WHERE merge_key = ?1");
  prep(&st_->insert_event,
       "INSERT INTO events (merge_key, day, source_code, source_country, source_sector, "
       "source_name, target_code, target_country, target_sector, target_name, has_source, "
       "has_target, cameo, cameo_root, cameo_name, goldstein, quad_class, plover_event, "
       "plover_mode, plover_context, negated, modality, historical) VALUES (?1, ?2, ?3, ?4, ?5, "
       "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
  prep(&st_->bump_event,
       "UPDATE events SET n_mentions = n_mentions + ?2, n_articles = n_articles + ?3 "
       "WHERE event_key = ?1");
  prep(&st_->report_seen, "SELECT 1 FROM mentions WHERE event_key = ?1 AND report = ?2 LIMIT 1");
  prep(&st_->insert_mention,
       "INSERT INTO mentions (event_key, doc_key, sentence, report, origin, external_id, "
       "weight_mentions, weight_articles, article_date, source_text, source_start, source_end, "
       "target_text, target_start, target_end, evidence_text, evidence_start, evidence_end, "
       "trigger_text, trigger_start, trigger_end, rule, publisher, url, place, latitude, "
       "longitude) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
       "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)");
  prep(&st_->import_seen, "SELECT 1 FROM mentions WHERE origin = ?1 AND external_id = ?2");
  prep(&st_->insert_name, "INSERT OR IGNORE INTO cameo_names (code, name) VALUES (?1, ?2)");
  prep(&st_->count_actor_name,
       "INSERT INTO actor_names (code, name, n) VALUES (?1, ?2, 1) "
       "ON CONFLICT (code, name) DO UPDATE SET n = n + 1");
  return s;
}

Status EventStore::Begin() {
  if (in_txn_) return Status::OK();
  Status s = db_.Exec("BEGIN IMMEDIATE");
  if (s.ok()) in_txn_ = true;
  return s;
}

Status EventStore::Commit() {
  if (!in_txn_) return Status::OK();
  Status s = db_.Exec("COMMIT");
  if (s.ok()) in_txn_ = false;
  return s;
}

Status EventStore::Rollback() {
  if (!in_txn_) return Status::OK();
  in_txn_ = false;
  return db_.Exec("ROLLBACK");
}

namespace {

// Runs `body` inside a savepoint so a failing document or record leaves no
// partial rows, whether or not a batch transaction is open.
template <typename F>
Status WithSavepoint(sql::Db& db, F&& body) {
  Status s = db.Exec("SAVEPOINT dyad_item");
  if (!s.ok()) return s;
  s = body();
  if (!s.ok()) {
    db.Exec("ROLLBACK TO dyad_item");
    db.Exec("RELEASE dyad_item");
    return s;
  }
  return db.Exec("RELEASE dyad_item");
}

Status CheckEvent(const Event& e, const std::string& day, const std::string& where) {
  if (e.cameo.empty()) return Status::InvalidInput(where + ": event without a CAMEO code");
  if (!day.empty() && !IsIsoDay(day))
    return Status::InvalidInput(where + ": event date '" + day + "' is not YYYY-MM-DD");
  return Status::OK();
}

}  // namespace

Status EventStore::UpsertEvent(const Event& e, const std::string& day, int64_t* key,
                               bool* created) {
  const std::string mk = EventMergeKey(e, day);
  auto& find = st_->event_by_key;
  find.Bind(1, mk);
  bool found = find.Step();
  Status s = find.status();
  if (found) *key = find.Int(0);
  find.Reset();
  if (!s.ok()) return s;
  *created = !found;
  if (found) return Status::OK();
  auto& ins = st_->insert_event;
  const EventActor none;
  const EventActor& src = e.source ? *e.source : none;
  const EventActor& tgt = e.target ? *e.target : none;
  std::string root = e.cameo_root.empty() ? e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()))
                                          : e.cameo_root;
  ins.Bind(1, mk).Bind(2, day);
  ins.Bind(3, src.code).Bind(4, src.country).Bind(5, src.sector).Bind(6, src.text);
  ins.Bind(7, tgt.code).Bind(8, tgt.country).Bind(9, tgt.sector).Bind(10, tgt.text);
  ins.Bind(11, e.source ? 1 : 0).Bind(12, e.target ? 1 : 0);
  ins.Bind(13, e.cameo).Bind(14, root).Bind(15, e.cameo_name).Bind(16, e.goldstein);
  ins.Bind(17, e.quad_class);
  ins.Bind(18, e.plover.event).Bind(19, e.plover.mode).Bind(20, e.plover.context);
  ins.Bind(21, e.negated ? 1 : 0).Bind(22, ModalityName(e.modality)).Bind(23, e.historical ? 1 : 0);
  if (!(s = ins.Run()).ok()) return s;
  *key = db_.LastInsertId();
  if (!e.cameo_name.empty()) {
    st_->insert_name.Bind(1, e.cameo).Bind(2, e.cameo_name);
    if (!(s = st_->insert_name.Run()).ok()) return s;
  }
  for (const EventActor* a : {&src, &tgt}) {
    if (a->code.empty() || a->text.empty()) continue;
    st_->count_actor_name.Bind(1, a->code).Bind(2, a->text);
    if (!(s = st_->count_actor_name.Run()).ok()) return s;
  }
  return Status::OK();
}

Status EventStore::AddMention(int64_t event_key, std::optional<int64_t> doc_key, int sentence,
                              const std::string& report, const std::string& origin,
                              const std::string* external_id, int w_mentions, int w_articles,
                              const std::string& article_date, const EventActor* source,
                              const EventActor* target, const Evidence& ev,
                              const ImportRecord* imp) {
  auto& m = st_->insert_mention;
  m.Bind(1, event_key);
  if (doc_key) m.Bind(2, *doc_key); else m.BindNull(2);
  m.Bind(3, sentence).Bind(4, report).Bind(5, origin);
  if (external_id) m.Bind(6, *external_id); else m.BindNull(6);
  m.Bind(7, w_mentions).Bind(8, w_articles).Bind(9, article_date);
  if (source) m.Bind(10, source->text).Bind(11, static_cast<int64_t>(source->start)).Bind(12, static_cast<int64_t>(source->end));
  else m.Bind(10, "").Bind(11, 0).Bind(12, 0);
  if (target) m.Bind(13, target->text).Bind(14, static_cast<int64_t>(target->start)).Bind(15, static_cast<int64_t>(target->end));
  else m.Bind(13, "").Bind(14, 0).Bind(15, 0);
  m.Bind(16, ev.text).Bind(17, static_cast<int64_t>(ev.start)).Bind(18, static_cast<int64_t>(ev.end));
  m.Bind(19, ev.trigger).Bind(20, static_cast<int64_t>(ev.trigger_start)).Bind(21, static_cast<int64_t>(ev.trigger_end));
  m.Bind(22, ev.rule);
  if (imp) {
    m.Bind(23, imp->publisher).Bind(24, imp->url).Bind(25, imp->place);
    if (imp->latitude) m.Bind(26, *imp->latitude); else m.BindNull(26);
    if (imp->longitude) m.Bind(27, *imp->longitude); else m.BindNull(27);
  } else {
    m.Bind(23, "").Bind(24, "").Bind(25, "").BindNull(26).BindNull(27);
  }
  return m.Run();
}

namespace {
std::string DocumentId(const Document& doc, int64_t hash) {
  if (!doc.id.empty()) return doc.id;
  char buf[32];
  std::snprintf(buf, sizeof buf, "sha-%016llx", static_cast<unsigned long long>(hash));
  return buf;
}
}  // namespace

Status EventStore::FindDocument(const Document& doc, std::string* duplicate_of) {
  duplicate_of->clear();
  if (!st_) return Status::Unsupported(path() + ": store opened read-only");
  const int64_t hash = ContentHash(doc.text);
  const std::string id = DocumentId(doc, hash);
  Status s;
  {
    auto& q = st_->doc_by_id;
    q.Bind(1, id);
    bool found = q.Step();
    s = q.status();
    q.Reset();
    if (!s.ok()) return s;
    if (found) {
      *duplicate_of = id;
      return Status::OK();
    }
  }
  auto& q = st_->doc_by_hash;
  q.Bind(1, hash);
  while (q.Step()) {
    if (q.Text(1) == doc.text) {
      *duplicate_of = q.Text(0);
      break;
    }
  }
  s = q.status();
  q.Reset();
  return s;
}

Status EventStore::AddDocument(const Document& doc, const std::vector<Event>& events,
                               AddDocumentResult* result) {
  *result = AddDocumentResult();
  if (!st_) return Status::Unsupported(path() + ": store opened read-only");
  const std::string where = doc.origin.empty() ? doc.id : doc.origin;
  const int64_t hash = ContentHash(doc.text);
  const std::string id = DocumentId(doc, hash);
  Status s = FindDocument(doc, &result->duplicate_of);
  if (!s.ok() || !result->duplicate_of.empty()) return s;
  // The day of each event: its own date when valid, else the article's; an
  // event with no CAMEO code cannot be stored and is reported.
  std::vector<std::string> days(events.size());
  std::vector<std::string> warnings;
  int coarse_dates = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    for (const std::string* d : {&e.event_date, &e.date, &doc.date}) {
      if (IsIsoDay(*d)) {
        days[i] = *d;
        break;
      }
    }
    if (!e.event_date.empty() && e.event_date != days[i]) {
      // A year or month ("2005", "2005-04") is a coarse date, not an error:
      // counted, filed under the article date.
      const bool coarse = (e.event_date.size() == 4 || (e.event_date.size() == 7 && e.event_date[4] == '-')) &&
                          std::all_of(e.event_date.begin(), e.event_date.end(),
                                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; });
      if (coarse) {
        ++coarse_dates;
      } else {
        warnings.push_back(where + ": event " + std::to_string(i) + ": date '" + e.event_date +
                           "' is not YYYY-MM-DD; filed under '" + days[i] + "'");
      }
    }
    if (e.cameo.empty())
      warnings.push_back(where + ": event " + std::to_string(i) + ": no CAMEO code; not stored");
  }

  AddDocumentResult r;
  s = WithSavepoint(db_, [&]() -> Status {
    Status s;
    auto& d = st_->insert_doc;
    d.Bind(1, id).Bind(2, hash).Bind(3, doc.date).Bind(4, doc.title).Bind(5, doc.url);
    d.Bind(6, doc.source).Bind(7, doc.origin).Bind(8, doc.text);
    d.Bind(9, static_cast<int64_t>(doc.sentences.size())).Bind(10, static_cast<int64_t>(events.size()));
    if (!(s = d.Run()).ok()) return s;
    const int64_t doc_key = db_.LastInsertId();
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& sent = doc.sentences[i];
      uint32_t a = std::min<uint32_t>(sent.start, doc.text.size());
      uint32_t b = std::min<uint32_t>(std::max(sent.end, a), doc.text.size());
      auto& q = st_->insert_sentence;
      q.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).Bind(3, static_cast<int64_t>(a));
      q.Bind(4, static_cast<int64_t>(b)).Bind(5, std::string_view(doc.text).substr(a, b - a));
      if (!(s = q.Run()).ok()) return s;
    }
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      if (e.cameo.empty()) continue;
      const std::string& day = days[i];
      int64_t key = 0;
      bool created = false;
      if (!(s = UpsertEvent(e, day, &key, &created)).ok()) return s;
      // An article counts once per event, however often it repeats it.
      bool seen = false;
      if (!created) {
        auto& q = st_->report_seen;
        q.Bind(1, key).Bind(2, id);
        seen = q.Step();
        s = q.status();
        q.Reset();
        if (!s.ok()) return s;
      }
      const std::string article_date = doc.date;
      s = AddMention(key, doc_key, e.sentence, id, "coded", nullptr, 1, seen ? 0 : 1,
                     article_date, e.source ? &*e.source : nullptr,
                     e.target ? &*e.target : nullptr, e.evidence, nullptr);
      if (!s.ok()) return s;
      for (const Mention& m : e.mentions) {
        s = AddMention(key, doc_key, m.sentence, id, "coded", nullptr, 1, 0, article_date,
                       nullptr, nullptr, m.evidence, nullptr);
        if (!s.ok()) return s;
      }
      const int n = 1 + static_cast<int>(e.mentions.size());
      st_->bump_event.Bind(1, key).Bind(2, n).Bind(3, seen ? 0 : 1);
      if (!(s = st_->bump_event.Run()).ok()) return s;
      r.mentions += n;
      if (created) ++r.events_new; else ++r.events_merged;
    }
    return Status::OK();
  });
  if (!s.ok()) return Status::IOError(where + ": " + s.message());
  r.added = true;
  r.warnings = std::move(warnings);
  r.coarse_dates = coarse_dates;
  *result = r;
  return Status::OK();
}

Status EventStore::AddImported(const ImportRecord& rec, bool* added) {
  *added = false;
  if (!st_) return Status::Unsupported(path() + ": store opened read-only");
  const Event& e = rec.event;
  const std::string day = EventDay(e);
  Status s = CheckEvent(e, day, rec.origin + " " + rec.external_id);
  if (!s.ok()) return s;
  if (rec.external_id.empty()) return Status::InvalidInput(rec.origin + ": record without an id");
  {
    auto& q = st_->import_seen;
    q.Bind(1, rec.origin).Bind(2, rec.external_id);
    bool seen = q.Step();
    s = q.status();
    q.Reset();
    if (!s.ok()) return s;
    if (seen) return Status::OK();
  }
  s = WithSavepoint(db_, [&]() -> Status {
    Status s;
    int64_t key = 0;
    bool created = false;
    if (!(s = UpsertEvent(e, day, &key, &created)).ok()) return s;
    bool seen = false;
    if (!created && !rec.report.empty()) {
      auto& q = st_->report_seen;
      q.Bind(1, key).Bind(2, rec.report);
      seen = q.Step();
      s = q.status();
      q.Reset();
      if (!s.ok()) return s;
    }
    const int wm = std::max(1, rec.mentions);
    const int wa = seen ? 0 : std::max(1, rec.articles);
    const std::string report = rec.report.empty() ? rec.origin + ":" + rec.external_id : rec.report;
    s = AddMention(key, std::nullopt, e.sentence, report, rec.origin, &rec.external_id, wm, wa,
                   e.date, e.source ? &*e.source : nullptr, e.target ? &*e.target : nullptr,
                   e.evidence, &rec);
    if (!s.ok()) return s;
    st_->bump_event.Bind(1, key).Bind(2, wm).Bind(3, wa);
    return st_->bump_event.Run();
  });
  if (!s.ok()) return s;
  *added = true;
  return Status::OK();
}

Status EventStore::Counts(StoreCounts* out) {
  *out = StoreCounts();
  sql::Stmt st;
  Status s = db_.Prepare(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
      "(SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
      "(SELECT min(day) FROM events WHERE day <> ''), (SELECT max(day) FROM events WHERE day <> '')",
      &st);
  if (!s.ok()) return s;
  if (st.Step()) {
    out->documents = st.Int(0);
    out->sentences = st.Int(1);
    out->events = st.Int(2);
    out->mentions = st.Int(3);
    out->first_day = st.Text(4);
    out->last_day = st.Text(5);
  }
  return st.status();
}

}  // namespace dyad
