// analytics — dyad time series, actor keys and level names.
#include <map>

#include "dyad/analytics/actor_keys.h"
#include "dyad/analytics/analytics.h"
#include "dyad/analytics/dates.h"

namespace dyad {

bool ParseGranularity(const std::string& name, Granularity* out) {
  if (name == "day") *out = Granularity::kDay;
  else if (name == "week" || name.empty()) *out = Granularity::kWeek;
  else if (name == "month") *out = Granularity::kMonth;
  else return false;
  return true;
}

const char* GranularityName(Granularity g) {
  switch (g) {
    case Granularity::kDay: return "day";
    case Granularity::kWeek: return "week";
    case Granularity::kMonth: return "month";
  }
  return "week";
}

bool ParseActorLevel(const std::string& name, ActorLevel* out) {
  if (name == "country" || name.empty()) *out = ActorLevel::kCountry;
  else if (name == "sector") *out = ActorLevel::kSector;
  else if (name == "code") *out = ActorLevel::kCode;
  else return false;
  return true;
}

const char* ActorLevelName(ActorLevel l) {
  switch (l) {
    case ActorLevel::kCountry: return "country";
    case ActorLevel::kSector: return "sector";
    case ActorLevel::kCode: return "code";
  }
  return "country";
}

std::string ActorKeyAt(const std::string& code, const std::string& country,
                       const std::string& sector, ActorLevel level) {
  switch (level) {
    case ActorLevel::kCountry: return country == "---" ? std::string() : country;
    case ActorLevel::kSector: return country.empty() ? std::string() : country + sector.substr(0, 3);
    case ActorLevel::kCode: return code;
  }
  return country;
}

namespace analytics_internal {

std::string KeyExpr(ActorLevel level, const std::string& side) {
  const std::string c = "e." + side + "_country";
  switch (level) {
    // "---" is CAMEO's unknown country: no node of its own at country level.
    case ActorLevel::kCountry: return "(CASE WHEN " + c + " = '---' THEN '' ELSE " + c + " END)";
    case ActorLevel::kSector:
      return "(CASE WHEN " + c + " = '' THEN '' ELSE " + c + " || substr(e." + side + "_sector, 1, 3) END)";
    case ActorLevel::kCode: return "e." + side + "_code";
  }
  return c;
}

std::string PeriodExpr(Granularity g) {
  switch (g) {
    case Granularity::kDay: return "e.day";
    case Granularity::kWeek: return "date(e.day, 'weekday 0', '-6 days')";
    case Granularity::kMonth: return "substr(e.day, 1, 7)";
  }
  return "e.day";
}

}  // namespace analytics_internal

namespace {

// The period label a day falls in.
std::string PeriodOf(const std::string& day, Granularity g) {
  int n = 0;
  switch (g) {
    case Granularity::kDay: return day;
    case Granularity::kWeek:
      if (!dates::ToDayNumber(day, &n)) return day;
      return dates::FromDayNumber(dates::WeekStart(n));
    case Granularity::kMonth: return dates::MonthOf(day);
  }
  return day;
}

std::string NextPeriod(const std::string& p, Granularity g) {
  if (g == Granularity::kMonth) return dates::NextMonth(p);
  int n = 0;
  dates::ToDayNumber(p, &n);
  return dates::FromDayNumber(n + (g == Granularity::kWeek ? 7 : 1));
}

}  // namespace

Status DyadSeries(sql::Db& db, const SeriesQuery& q, std::vector<SeriesPoint>* out) {
  using namespace analytics_internal;
  out->clear();
  Status s = CheckFilter(db, q.filter);
  if (!s.ok()) return s;
  SqlWhere w = BuildWhere(q.filter);
  sql::Stmt st;
  s = db.Prepare("SELECT " + PeriodExpr(q.granularity) +
                     " AS p, count(*), sum(e.n_mentions), sum(e.quad_class = 0), sum(e.quad_class = 1), "
                     "sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4), "
                     "sum(e.goldstein) FROM events e WHERE e.day <> '' AND " + w.sql +
                     " GROUP BY p ORDER BY p",
                 &st);
  if (!s.ok()) return s;
  BindParams(&st, w.params);
  std::vector<SeriesPoint> rows;
  while (st.Step()) {
    SeriesPoint p;
    p.period = st.Text(0);
    p.events = st.Int(1);
    p.mentions = st.Int(2);
    for (int k = 0; k < 5; ++k) p.quad[k] = st.Int(3 + k);
    p.goldstein_sum = st.Double(8);
    p.goldstein_mean = p.events ? p.goldstein_sum / static_cast<double>(p.events) : 0;
    rows.push_back(std::move(p));
  }
  if (!st.status().ok()) return st.status();
  if (!q.fill_gaps) {
    *out = std::move(rows);
    return Status::OK();
  }
  std::string first = !q.filter.from.empty() ? PeriodOf(q.filter.from, q.granularity)
                                             : (rows.empty() ? "" : rows.front().period);
  std::string last = !q.filter.to.empty() ? PeriodOf(q.filter.to, q.granularity)
                                          : (rows.empty() ? "" : rows.back().period);
  if (first.empty() || last.empty() || first > last) {
    *out = std::move(rows);
    return Status::OK();
  }
  std::map<std::string, SeriesPoint> by;
  for (auto& r : rows) by[r.period] = std::move(r);
  constexpr size_t kMaxPeriods = 200000;  // ~550 years of days: guards a silly range
  for (std::string p = first; p <= last && out->size() < kMaxPeriods; p = NextPeriod(p, q.granularity)) {
    auto it = by.find(p);
    if (it != by.end()) {
      out->push_back(std::move(it->second));
    } else {
      SeriesPoint e;
      e.period = p;
      out->push_back(std::move(e));
    }
  }
  return Status::OK();
}

}  // namespace dyad
