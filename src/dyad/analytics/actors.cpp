// analytics — actor listings and actor profiles.
#include <algorithm>
#include <cctype>

#include "dyad/analytics/actor_keys.h"
#include "dyad/analytics/analytics.h"

namespace dyad {

using analytics_internal::KeyExpr;

namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "%text%" for LIKE with % and _ escaped (ESCAPE '\').
std::string LikePattern(const std::string& s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

Status ListActors(sql::Db& db, const ActorListQuery& q, std::vector<ActorSummary>* out) {
  out->clear();
  Status s = CheckFilter(db, q.filter);
  if (!s.ok()) return s;
  SqlWhere w = BuildWhere(q.filter);
  const int n = static_cast<int>(w.params.size());
  const std::string sk = KeyExpr(q.level, "source"), tk = KeyExpr(q.level, "target");
  // Each event counts once per side; a domestic event (both sides the same
  // key) counts once as source and once as target. Each side is grouped on
  // its own first (index-friendly), then the two are merged.
  std::string search;
  if (!q.search.empty()) {
    const std::string a = "?" + std::to_string(n + 1), b = "?" + std::to_string(n + 2),
                      c = "?" + std::to_string(n + 3);
    // Names live in actor_names; a code's key at the level is its prefix.
    const std::string code_key = q.level == ActorLevel::kCountry  ? "substr(code, 1, 3)"
                                 : q.level == ActorLevel::kSector ? "substr(code, 1, 6)"
                                                                  : "code";
    search = " AND ((k >= " + a + " AND k < " + b + ") OR k IN (SELECT " + code_key +
             " FROM actor_names WHERE name LIKE " + c + " ESCAPE '\\'))";
  }
  auto side = [&](const std::string& key, bool source) {
    return " SELECT " + key + " AS k, count(*) AS n, " +
           (source ? "count(*) AS ns, 0 AS nt" : "0 AS ns, count(*) AS nt") +
           ", sum(e.quad_class IN (1, 2)) AS coop, sum(e.quad_class IN (3, 4)) AS conf, "
           "min(NULLIF(e.day, '')) AS d0, max(e.day) AS d1 FROM events e WHERE " + w.sql + " GROUP BY 1";
  };
  const std::string sql =
      "SELECT k, sum(n), sum(ns), sum(nt), sum(coop), sum(conf), min(d0), max(d1) FROM ("
      + side(sk, true) + " UNION ALL" + side(tk, false) +
      ") WHERE k <> ''" + search + " GROUP BY k ORDER BY sum(n) DESC, k LIMIT ?" + std::to_string(n + 4);
  sql::Stmt st;
  if (!(s = db.Prepare(sql, &st)).ok()) return s;
  BindParams(&st, w.params);
  if (!q.search.empty()) {
    st.Bind(n + 1, Upper(q.search)).Bind(n + 2, Upper(q.search) + "\x7f").Bind(n + 3, LikePattern(q.search));
  }
  st.Bind(n + 4, static_cast<int64_t>(std::clamp(q.limit, 1, 10000)));
  while (st.Step()) {
    ActorSummary a;
    a.code = st.Text(0);
    a.events = st.Int(1);
    a.as_source = st.Int(2);
    a.as_target = st.Int(3);
    a.cooperation = st.Int(4);
    a.conflict = st.Int(5);
    a.first_day = st.Text(6);
    a.last_day = st.Text(7);
    out->push_back(std::move(a));
  }
  if (!st.status().ok()) return st.status();
  std::vector<std::string> keys, labels;
  for (const auto& a : *out) keys.push_back(a.code);
  if (!(s = ActorLabels(db, q.level, keys, &labels)).ok()) return s;
  for (size_t i = 0; i < out->size(); ++i) (*out)[i].label = labels[i].empty() ? keys[i] : labels[i];
  return Status::OK();
}

Status GetActorProfile(sql::Db& db, const ActorProfileQuery& q, ActorProfile* out) {
  *out = ActorProfile();
  out->code = q.code;
  out->level = q.level;
  if (q.code.empty()) return Status::InvalidInput("actor code is empty");
  EventFilter f = q.filter;
  f.actor = q.code;
  Status s = CheckFilter(db, f);
  if (!s.ok()) return s;
  SqlWhere w = BuildWhere(f);
  const int n = static_cast<int>(w.params.size());
  const std::string lo = "?" + std::to_string(n + 1), hi = "?" + std::to_string(n + 2);
  auto bind_all = [&](sql::Stmt* st) {
    BindParams(st, w.params);
    st->Bind(n + 1, q.code).Bind(n + 2, q.code + "\x7f");
  };
  const std::string is_src = "(e.source_code >= " + lo + " AND e.source_code < " + hi + ")";
  const std::string is_tgt = "(e.target_code >= " + lo + " AND e.target_code < " + hi + ")";

  // Totals.
  {
    sql::Stmt st;
    s = db.Prepare("SELECT count(*), sum(" + is_src + "), sum(" + is_tgt + "), sum(e.n_mentions), "
                   "min(NULLIF(e.day, '')), max(e.day), "
                   "avg(CASE WHEN " + is_src + " THEN e.goldstein END), "
                   "avg(CASE WHEN " + is_tgt + " THEN e.goldstein END) FROM events e WHERE " + w.sql, &st);
    if (!s.ok()) return s;
    bind_all(&st);
    if (st.Step()) {
      out->events = st.Int(0);
      out->as_source = st.Int(1);
      out->as_target = st.Int(2);
      out->mentions = st.Int(3);
      out->first_day = st.Text(4);
      out->last_day = st.Text(5);
      out->goldstein_mean_out = st.Double(6);
      out->goldstein_mean_in = st.Double(7);
    }
    if (!st.status().ok()) return st.status();
  }
  if (out->events == 0) return Status::NotFound("no events for actor '" + q.code + "'");
  {
    std::vector<std::string> labels;
    if (!(s = ActorLabels(db, ActorLevel::kCode, {q.code}, &labels)).ok()) return s;
    out->label = labels[0].empty() ? q.code : labels[0];
  }

  // Partners: the other side of each event, grouped at the level.
  {
    const std::string sk = KeyExpr(q.level, "source"), tk = KeyExpr(q.level, "target");
    sql::Stmt st;
    s = db.Prepare(
        "SELECT k, sum(out_), sum(1 - out_), sum(quad IN (1, 2)), sum(quad IN (3, 4)), avg(g) FROM ("
        " SELECT " + tk + " AS k, 1 AS out_, e.quad_class AS quad, e.goldstein AS g FROM events e WHERE " +
        w.sql + " AND " + is_src +
        " UNION ALL SELECT " + sk + ", 0, e.quad_class, e.goldstein FROM events e WHERE " + w.sql +
        " AND " + is_tgt + " AND NOT " + is_src +
        ") WHERE k <> '' GROUP BY k ORDER BY count(*) DESC, k LIMIT ?" + std::to_string(n + 3), &st);
    if (!s.ok()) return s;
    bind_all(&st);
    st.Bind(n + 3, static_cast<int64_t>(std::max(1, q.max_partners)));
    while (st.Step()) {
      Partner p;
      p.code = st.Text(0);
      p.events_out = st.Int(1);
      p.events_in = st.Int(2);
      p.cooperation = st.Int(3);
      p.conflict = st.Int(4);
      p.goldstein_mean = st.Double(5);
      out->partners.push_back(std::move(p));
    }
    if (!st.status().ok()) return st.status();
    std::vector<std::string> keys, labels;
    for (const auto& p : out->partners) keys.push_back(p.code);
    if (!(s = ActorLabels(db, q.level, keys, &labels)).ok()) return s;
    for (size_t i = 0; i < keys.size(); ++i) out->partners[i].label = labels[i].empty() ? keys[i] : labels[i];
  }

  // Top event types.
  {
    sql::Stmt st;
    s = db.Prepare("SELECT e.cameo, COALESCE(NULLIF(max(e.cameo_name), ''), max(cn.name), ''), count(*) AS c "
                   "FROM events e LEFT JOIN cameo_names cn ON cn.code = e.cameo WHERE " + w.sql +
                   " GROUP BY e.cameo ORDER BY c DESC, e.cameo LIMIT ?" + std::to_string(n + 1), &st);
    if (!s.ok()) return s;
    BindParams(&st, w.params);
    st.Bind(n + 1, static_cast<int64_t>(std::max(1, q.max_codes)));
    while (st.Step()) out->top_codes.push_back({st.Text(0), st.Text(1), st.Int(2)});
    if (!st.status().ok()) return st.status();
  }

  // Monthly trend and the recent-vs-previous comparison.
  SeriesQuery sq;
  sq.filter = f;
  sq.granularity = Granularity::kMonth;
  if (!(s = DyadSeries(db, sq, &out->trend)).ok()) return s;
  const size_t m = out->trend.size();
  int64_t rc = 0, pc = 0;
  for (size_t i = 0; i < m; ++i) {
    const auto& p = out->trend[i];
    if (i + 3 >= m) {
      out->recent_events += p.events;
      rc += p.conflict();
    } else if (i + 6 >= m) {
      out->previous_events += p.events;
      pc += p.conflict();
    }
  }
  out->recent_conflict_share = out->recent_events ? static_cast<double>(rc) / out->recent_events : 0;
  out->previous_conflict_share = out->previous_events ? static_cast<double>(pc) / out->previous_events : 0;
  return Status::OK();
}

}  // namespace dyad
