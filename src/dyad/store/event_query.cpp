// store — filters to SQL and the event/document readers (see event_query.h).
#include "dyad/store/event_query.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "dyad/store/store.h"

namespace dyad {
namespace {

bool IsCodeChars(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

class WhereBuilder {
 public:
  void Add(std::string clause) { clauses_.push_back(std::move(clause)); }
  std::string Param(SqlParam p) {
    params_.push_back(std::move(p));
    return "?" + std::to_string(params_.size());
  }
  // "col" starts with prefix, as an index-friendly range.
  std::string Prefix(const std::string& col, const std::string& prefix) {
    std::string lo = Param(prefix);
    std::string hi = Param(prefix + "\x7f");
    return "(" + col + " >= " + lo + " AND " + col + " < " + hi + ")";
  }
  SqlWhere Build() {
    SqlWhere w;
    if (clauses_.empty()) {
      w.sql = "1";
    } else {
      for (size_t i = 0; i < clauses_.size(); ++i) w.sql += (i ? " AND " : "") + clauses_[i];
    }
    w.params = std::move(params_);
    return w;
  }

 private:
  std::vector<std::string> clauses_;
  std::vector<SqlParam> params_;
};

}  // namespace

Status ValidateFilter(const EventFilter& f) {
  for (const auto* a : {&f.actor, &f.source, &f.target})
    if (!IsCodeChars(*a)) return Status::InvalidInput("actor code '" + *a + "' has characters other than letters, digits and '-'");
  if (!f.code.empty() && (!AllDigits(f.code) || f.code.size() > 4))
    return Status::InvalidInput("code '" + f.code + "' is not a CAMEO code (2-4 digits)");
  for (const auto& r : f.roots)
    if (r.size() != 2 || !AllDigits(r)) return Status::InvalidInput("root '" + r + "' is not a 2-digit CAMEO root");
  for (int q : f.quad_classes)
    if (q < 0 || q > 4) return Status::InvalidInput("quad class " + std::to_string(q) + " is not 0..4");
  if (!f.from.empty() && !IsIsoDay(f.from)) return Status::InvalidInput("from '" + f.from + "' is not YYYY-MM-DD");
  if (!f.to.empty() && !IsIsoDay(f.to)) return Status::InvalidInput("to '" + f.to + "' is not YYYY-MM-DD");
  if (!f.origin.empty() && f.origin != "coded" && f.origin != "icews" && f.origin != "gdelt" && f.origin != "jsonl")
    return Status::InvalidInput("origin '" + f.origin + "' is not coded, icews, gdelt or jsonl");
  return Status::OK();
}

Status CheckFilter(sql::Db& db, const EventFilter& f) {
  Status s = ValidateFilter(f);
  if (!s.ok() || f.text.empty()) return s;
  sql::Stmt st;
  if (!(s = db.Prepare("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1", &st)).ok()) return s;
  st.Bind(1, FtsQuery(f.text));
  st.Step();
  if (!st.status().ok() && !db.deadline_hit())
    return Status::InvalidInput("text query '" + f.text + "': " + st.status().message());
  return st.status();
}

std::string FtsQuery(const std::string& text) {
  static const char* kOps[] = {"AND", "OR", "NOT", "NEAR"};
  bool syntax = text.find_first_of("\"*^():") != std::string::npos;
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    for (const char* op : kOps)
      if (w == op || w.rfind(std::string(op) + "(", 0) == 0) syntax = true;
    words.push_back(w);
  }
  if (syntax) return text;
  std::string q;
  for (const auto& w : words) {
    if (!q.empty()) q += ' ';
    q += '"';
    for (char c : w) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
  }
  return q;
}

SqlWhere BuildWhere(const EventFilter& f) {
  WhereBuilder b;
  if (!f.include_negated) b.Add("e.negated = 0");
  if (!f.actor.empty())
    b.Add("(" + b.Prefix("e.source_code", f.actor) + " OR " + b.Prefix("e.target_code", f.actor) + ")");
  if (!f.source.empty() || !f.target.empty()) {
    auto side = [&](const std::string& s, const std::string& t) {
      std::string c;
      if (!s.empty()) c += b.Prefix("e.source_code", s);
      if (!t.empty()) c += (c.empty() ? "" : " AND ") + b.Prefix("e.target_code", t);
      return "(" + c + ")";
    };
    std::string c = side(f.source, f.target);
    if (f.both_directions) c = "(" + c + " OR " + side(f.target, f.source) + ")";
    b.Add(c);
  }
  if (!f.code.empty()) b.Add(b.Prefix("e.cameo", f.code));
  if (!f.roots.empty()) {
    std::string c = "e.cameo_root IN (";
    for (size_t i = 0; i < f.roots.size(); ++i) c += (i ? ", " : "") + b.Param(f.roots[i]);
    b.Add(c + ")");
  }
  if (!f.quad_classes.empty()) {
    std::string c = "e.quad_class IN (";
    for (size_t i = 0; i < f.quad_classes.size(); ++i)
      c += (i ? ", " : "") + b.Param(static_cast<int64_t>(f.quad_classes[i]));
    b.Add(c + ")");
  }
  if (!f.from.empty()) b.Add("e.day >= " + b.Param(f.from));
  if (!f.to.empty()) b.Add("e.day <= " + b.Param(f.to));
  if (!f.from.empty() || !f.to.empty()) b.Add("e.day <> ''");
  if (f.min_mentions > 0) b.Add("e.n_mentions >= " + b.Param(f.min_mentions));
  if (!f.origin.empty())
    b.Add("EXISTS (SELECT 1 FROM mentions mo WHERE mo.event_key = e.event_key AND mo.origin = " +
          b.Param(f.origin) + ")");
  if (!f.doc_id.empty())
    b.Add("EXISTS (SELECT 1 FROM mentions md WHERE md.event_key = e.event_key AND md.origin = 'coded' "
          "AND md.report = " + b.Param(f.doc_id) + ")");
  if (!f.text.empty())
    b.Add("e.event_key IN (SELECT mt.event_key FROM mentions mt JOIN sentences st "
          "ON st.doc_key = mt.doc_key AND st.idx = mt.sentence WHERE st.sent_key IN "
          "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + b.Param(FtsQuery(f.text)) + "))");
  return b.Build();
}

void BindParams(sql::Stmt* st, const std::vector<SqlParam>& params, int first) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int idx = first + static_cast<int>(i);
    std::visit([&](const auto& v) { st->Bind(idx, v); }, params[i]);
  }
}

bool ParseEventSort(const std::string& name, EventSort* out) {
  if (name.empty() || name == "-date") *out = EventSort::kDateDesc;
  else if (name == "date") *out = EventSort::kDateAsc;
  else if (name == "-mentions") *out = EventSort::kMentionsDesc;
  else return false;
  return true;
}

namespace {

constexpr const char* kEventColumns =
    "e.event_key, e.day, e.has_source, e.source_code, e.source_country, e.source_sector, "
    "e.source_name, e.has_target, e.target_code, e.target_country, e.target_sector, e.target_name, "
    "e.cameo, e.cameo_root, COALESCE(NULLIF(e.cameo_name, ''), cn.name, cr.name, ''), e.goldstein, "
    "e.quad_class, e.plover_event, e.plover_mode, e.plover_context, e.negated, e.modality, "
    "e.historical, e.n_mentions, e.n_articles";
constexpr const char* kEventJoins =
    " LEFT JOIN cameo_names cn ON cn.code = e.cameo LEFT JOIN cameo_names cr ON cr.code = e.cameo_root";

void ReadEventRow(const sql::Stmt& st, StoredEvent* e) {
  e->id = st.Int(0);
  e->day = st.Text(1);
  e->source = {st.Int(2) != 0, st.Text(3), st.Text(4), st.Text(5), st.Text(6)};
  e->target = {st.Int(7) != 0, st.Text(8), st.Text(9), st.Text(10), st.Text(11)};
  e->cameo = st.Text(12);
  e->cameo_root = st.Text(13);
  e->cameo_name = st.Text(14);
  e->goldstein = st.Double(15);
  e->quad_class = static_cast<int>(st.Int(16));
  e->plover = {st.Text(17), st.Text(18), st.Text(19)};
  e->negated = st.Int(20) != 0;
  e->modality = st.Text(21);
  e->historical = st.Int(22) != 0;
  e->n_mentions = st.Int(23);
  e->n_articles = st.Int(24);
}

constexpr const char* kMentionColumns =
    "m.mention_key, m.origin, m.report, m.sentence, m.article_date, m.source_text, m.source_start, "
    "m.source_end, m.target_text, m.target_start, m.target_end, m.evidence_text, m.evidence_start, "
    "m.evidence_end, m.trigger_text, m.trigger_start, m.trigger_end, m.rule, m.publisher, m.url, "
    "m.place, m.latitude, m.longitude, m.weight_mentions, m.weight_articles";

void ReadMentionRow(const sql::Stmt& st, StoredMention* m) {
  m->id = st.Int(0);
  m->origin = st.Text(1);
  m->report = st.Text(2);
  m->doc_id = m->origin == "coded" ? m->report : std::string();
  m->sentence = static_cast<int>(st.Int(3));
  m->article_date = st.Text(4);
  m->source.text = st.Text(5);
  m->source.start = static_cast<uint32_t>(st.Int(6));
  m->source.end = static_cast<uint32_t>(st.Int(7));
  m->target.text = st.Text(8);
  m->target.start = static_cast<uint32_t>(st.Int(9));
  m->target.end = static_cast<uint32_t>(st.Int(10));
  m->evidence.text = st.Text(11);
  m->evidence.start = static_cast<uint32_t>(st.Int(12));
  m->evidence.end = static_cast<uint32_t>(st.Int(13));
  m->evidence.trigger = st.Text(14);
  m->evidence.trigger_start = static_cast<uint32_t>(st.Int(15));
  m->evidence.trigger_end = static_cast<uint32_t>(st.Int(16));
  m->evidence.rule = st.Text(17);
  m->publisher = st.Text(18);
  m->url = st.Text(19);
  m->place = st.Text(20);
  if (!st.IsNull(21)) m->latitude = st.Double(21);
  if (!st.IsNull(22)) m->longitude = st.Double(22);
  m->weight_mentions = st.Int(23);
  m->weight_articles = st.Int(24);
}

Status LoadMentions(sql::Db& db, StoredEvent* e, int limit, const std::string* only_report) {
  if (limit <= 0) return Status::OK();
  std::string q = std::string("SELECT ") + kMentionColumns + " FROM mentions m WHERE m.event_key = ?1";
  if (only_report) q += " AND m.origin = 'coded' AND m.report = ?3";
  // Mentions with evidence first (they can be shown), then in storage order.
  q += " ORDER BY (m.evidence_text = ''), m.mention_key LIMIT ?2";
  sql::Stmt st;
  Status s = db.Prepare(q, &st);
  if (!s.ok()) return s;
  st.Bind(1, e->id).Bind(2, static_cast<int64_t>(limit));
  if (only_report) st.Bind(3, *only_report);
  while (st.Step()) {
    StoredMention m;
    ReadMentionRow(st, &m);
    e->mentions.push_back(std::move(m));
  }
  return st.status();
}

}  // namespace

Status QueryEvents(sql::Db& db, const EventFilter& f, EventSort sort, int limit, int offset,
                   int mentions, EventPage* out) {
  *out = EventPage();
  Status s = CheckFilter(db, f);
  if (!s.ok()) return s;
  SqlWhere w = BuildWhere(f);
  {
    sql::Stmt st;
    if (!(s = db.Prepare("SELECT count(*) FROM events e WHERE " + w.sql, &st)).ok()) return s;
    BindParams(&st, w.params);
    if (st.Step()) out->total = st.Int(0);
    if (!st.status().ok()) return st.status();
  }
  std::string order;
  switch (sort) {
    case EventSort::kDateDesc: order = " ORDER BY e.day DESC, e.event_key DESC"; break;
    case EventSort::kDateAsc: order = " ORDER BY e.day ASC, e.event_key ASC"; break;
    case EventSort::kMentionsDesc: order = " ORDER BY e.n_mentions DESC, e.day DESC, e.event_key DESC"; break;
  }
  const int n = static_cast<int>(w.params.size());
  std::string q = std::string("SELECT ") + kEventColumns + " FROM events e" + kEventJoins +
                  " WHERE " + w.sql + order + " LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" +
                  std::to_string(n + 2);
  sql::Stmt st;
  if (!(s = db.Prepare(q, &st)).ok()) return s;
  BindParams(&st, w.params);
  st.Bind(n + 1, static_cast<int64_t>(std::max(0, limit)));
  st.Bind(n + 2, static_cast<int64_t>(std::max(0, offset)));
  while (st.Step()) {
    StoredEvent e;
    ReadEventRow(st, &e);
    out->events.push_back(std::move(e));
  }
  if (!st.status().ok()) return st.status();
  for (auto& e : out->events)
    if (!(s = LoadMentions(db, &e, mentions, nullptr)).ok()) return s;
  return Status::OK();
}

Status GetEvent(sql::Db& db, int64_t id, int mentions, StoredEvent* out) {
  *out = StoredEvent();
  sql::Stmt st;
  Status s = db.Prepare(std::string("SELECT ") + kEventColumns + " FROM events e" + kEventJoins +
                            " WHERE e.event_key = ?1", &st);
  if (!s.ok()) return s;
  st.Bind(1, id);
  if (!st.Step()) {
    if (!st.status().ok()) return st.status();
    return Status::NotFound("no event with id " + std::to_string(id));
  }
  ReadEventRow(st, out);
  return LoadMentions(db, out, mentions, nullptr);
}

Status GetDocument(sql::Db& db, const std::string& id, StoredDocument* out) {
  *out = StoredDocument();
  sql::Stmt st;
  Status s = db.Prepare(
      "SELECT doc_key, id, date, title, url, source, origin, text, ingested_at FROM documents "
      "WHERE id = ?1", &st);
  if (!s.ok()) return s;
  st.Bind(1, id);
  if (!st.Step()) {
    if (!st.status().ok()) return st.status();
    return Status::NotFound("no document with id '" + id + "'");
  }
  const int64_t doc_key = st.Int(0);
  out->id = st.Text(1);
  out->date = st.Text(2);
  out->title = st.Text(3);
  out->url = st.Text(4);
  out->source = st.Text(5);
  out->origin = st.Text(6);
  out->text = st.Text(7);
  out->ingested_at = st.Text(8);
  sql::Stmt ss;
  if (!(s = db.Prepare("SELECT idx, start_byte, end_byte, text FROM sentences WHERE doc_key = ?1 "
                       "ORDER BY idx", &ss)).ok())
    return s;
  ss.Bind(1, doc_key);
  while (ss.Step()) {
    out->sentences.push_back({static_cast<int>(ss.Int(0)), static_cast<uint32_t>(ss.Int(1)),
                              static_cast<uint32_t>(ss.Int(2)), ss.Text(3)});
  }
  if (!ss.status().ok()) return ss.status();
  sql::Stmt es;
  if (!(s = db.Prepare(std::string("SELECT ") + kEventColumns + " FROM events e" + kEventJoins +
                       " WHERE e.event_key IN (SELECT event_key FROM mentions WHERE doc_key = ?1) "
                       "ORDER BY (SELECT min(sentence) FROM mentions mm WHERE mm.event_key = "
                       "e.event_key AND mm.doc_key = ?1), e.event_key", &es)).ok())
    return s;
  es.Bind(1, doc_key);
  while (es.Step()) {
    StoredEvent e;
    ReadEventRow(es, &e);
    out->events.push_back(std::move(e));
  }
  if (!es.status().ok()) return es.status();
  for (auto& e : out->events)
    if (!(s = LoadMentions(db, &e, 100, &out->id)).ok()) return s;
  return Status::OK();
}

}  // namespace dyad
