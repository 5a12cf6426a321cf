// Networks and alerts sum their rows in C++ (one pass, one entry per dyad)
// rather than with SQL GROUP BY; on a few thousand synthetic events plus the
// awkward cases (unknown country "---", unknown actors, negated and domestic
// events) their numbers must equal a plain GROUP BY over the same filter at
// every actor level.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "dyad/analytics/actor_keys.h"
#include "dyad/analytics/analytics.h"
#include "dyad/analytics/dates.h"
#include "dyad/store/store.h"
#include "dyad/store/synthetic_events.h"

namespace dyad {
namespace {

class SyntheticDb {
 public:
  SyntheticDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-aggregation-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    std::ofstream cameo(dir_ + "/cameo.tsv");
    for (int r = 1; r <= 20; ++r) {
      char root[3];
      std::snprintf(root, sizeof root, "%02d", r);
      cameo << root << "\t0\tROOT " << root << "\n" << root << "0\t" << (r <= 9 ? 2.5 : -4.5) << "\tGeneric\n"
            << root << "1\t" << (r <= 9 ? 1.2 : -7.1) << "\tSpecific\n";
    }
    cameo.close();
    std::ofstream(dir_ + "/plover.tsv") << "04\tCONSULT\t-\t-\n";
    std::unique_ptr<Ontology> onto;
    Status s = Ontology::LoadFiles(dir_ + "/cameo.tsv", dir_ + "/plover.tsv", &onto);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE((s = EventStore::Open(dir_ + "/a.db", {}, &store_)).ok()) << s.message();
    SyntheticOptions o;
    o.events = 4000;
    o.seed = 9;
    o.first_day = "2024-01-01";
    o.days = 150;
    SyntheticStats st;
    s = GenerateSyntheticEvents(*onto,
                                {{"USA", "United States"}, {"CHN", "China"}, {"RUS", "Russia"}, {"UKR", "Ukraine"},
                                 {"FRA", "France"}, {"MLI", "Mali"}, {"IND", "India"}, {"PAK", "Pakistan"}},
                                o, store_.get(), &st);
    EXPECT_TRUE(s.ok()) << s.message();
    // What the generator does not make: CAMEO's unknown country, a bare
    // sector, neutral (quad 0) events, two codes of one sector (a self-loop
    // at sector level).
    int id = 0;
    for (const auto& [src, tgt, quad] : std::vector<std::tuple<std::string, std::string, int>>{
             {"---GOV", "USA", 3}, {"USA", "---MIL", 4}, {"GOV", "RUS", 3}, {"RUSGOV", "RUSOPP", 0}, {"RUS", "UKR", 0},
             {"USAGOVDIP", "USAGOVMIL", 1}}) {
      for (int k = 0; k < 5; ++k) {
        ImportRecord r;
        r.origin = "gdelt";
        r.external_id = "extra" + std::to_string(++id);
        r.report = r.external_id;
        r.event.date = r.event.event_date = dates::FromDayNumber(19800 + 7 * k);  // inside the data's span
        auto actor = [](const std::string& code) {
          EventActor a;
          a.code = code;
          SplitCode(code, &a.country, &a.sector);
          a.text = code;
          return a;
        };
        r.event.source = actor(src);
        r.event.target = actor(tgt);
        r.event.cameo = quad == 3 ? "111" : quad == 1 ? "042" : "190";
        r.event.cameo_root = r.event.cameo.substr(0, 2);
        r.event.quad_class = quad;
        r.event.goldstein = -3.25;
        bool added = false;
        EXPECT_TRUE(store_->AddImported(r, &added).ok());
      }
    }
  }
  ~SyntheticDb() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  sql::Db& db() { return store_->db(); }

 private:
  // "GOV" alone is a bare sector: no country.
  static void SplitCode(const std::string& code, std::string* country, std::string* sector) {
    if (code == "GOV") {
      sector->assign("GOV");
      return;
    }
    *country = code.substr(0, 3);
    *sector = code.size() > 3 ? code.substr(3) : "";
  }
  std::string dir_;
  std::unique_ptr<EventStore> store_;
};

struct Sums {
  int64_t events = 0, mentions = 0, coop = 0, conflict = 0, neutral = 0;
  double goldstein = 0;
};

TEST(Aggregation, NetworkEqualsGroupByAtEveryLevel) {
  SyntheticDb db;
  for (ActorLevel level : {ActorLevel::kCountry, ActorLevel::kSector, ActorLevel::kCode}) {
    for (bool self : {false, true}) {
      NetworkQuery q;
      q.filter.from = "2024-02-01";
      q.filter.to = "2024-04-30";
      q.level = level;
      q.max_nodes = 0;  // all
      q.include_self = self;
      Network n;
      Status s = ActorNetwork(db.db(), q, &n);
      ASSERT_TRUE(s.ok()) << s.message();

      const std::string sk = analytics_internal::KeyExpr(level, "source"), tk = analytics_internal::KeyExpr(level, "target");
      SqlWhere w = BuildWhere(q.filter);
      sql::Stmt st;
      ASSERT_TRUE(db.db().Prepare("SELECT " + sk + " AS s, " + tk + " AS t, count(*), sum(e.n_mentions), "
                                  "sum(e.quad_class IN (1, 2)), sum(e.quad_class IN (3, 4)), sum(e.quad_class = 0), "
                                  "sum(e.goldstein) FROM events e WHERE " + w.sql + " AND s <> '' AND t <> ''" +
                                  (self ? "" : " AND s <> t") + " GROUP BY s, t", &st).ok());
      BindParams(&st, w.params);
      std::map<std::pair<std::string, std::string>, Sums> want;
      while (st.Step())
        want[{st.Text(0), st.Text(1)}] = {st.Int(2), st.Int(3), st.Int(4), st.Int(5), st.Int(6), st.Double(7)};
      ASSERT_TRUE(st.status().ok());
      ASSERT_GT(want.size(), 20u);

      const std::string where = std::string(ActorLevelName(level)) + (self ? " self" : "");
      ASSERT_EQ(n.edges.size(), want.size()) << where;
      bool saw_self = false;
      for (const NetworkEdge& e : n.edges) {
        auto it = want.find({e.source, e.target});
        ASSERT_NE(it, want.end()) << where << " " << e.source << "->" << e.target;
        const Sums& x = it->second;
        EXPECT_EQ(e.events, x.events) << where;
        EXPECT_EQ(e.mentions, x.mentions) << where;
        EXPECT_EQ(e.cooperation, x.coop) << where;
        EXPECT_EQ(e.conflict, x.conflict) << where;
        EXPECT_EQ(e.neutral, x.neutral) << where;
        EXPECT_NEAR(e.goldstein_sum, x.goldstein, 1e-9) << where;
        EXPECT_NEAR(e.goldstein_mean, x.goldstein / x.events, 1e-12) << where;
        saw_self |= e.source == e.target;
      }
      EXPECT_EQ(saw_self, self && level != ActorLevel::kCode) << where;  // codes never meet themselves here
      for (size_t i = 1; i < n.edges.size(); ++i) EXPECT_GE(n.edges[i - 1].events, n.edges[i].events);
    }
  }
}

TEST(Aggregation, AlertCountsEqualGroupByAtEveryLevel) {
  SyntheticDb db;
  for (ActorLevel level : {ActorLevel::kCountry, ActorLevel::kSector, ActorLevel::kCode}) {
    AlertQuery q;
    q.level = level;
    q.eval_weeks = 8;
    q.min_count = 1;
    q.min_surprise = 0;  // every week above its baseline
    q.limit = 0;         // all
    AlertReport r;
    Status s = EarlyWarning(db.db(), q, &r);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_FALSE(r.alerts.empty()) << ActorLevelName(level);

    const std::string sk = analytics_internal::KeyExpr(level, "source"), tk = analytics_internal::KeyExpr(level, "target");
    EventFilter f;
    f.quad_classes = {3, 4};
    f.to = r.as_of;
    SqlWhere w = BuildWhere(f);
    const int n = static_cast<int>(w.params.size());
    sql::Stmt st;
    ASSERT_TRUE(db.db().Prepare("SELECT count(*) FROM events e WHERE " + w.sql + " AND " + sk + " = ?" +
                                std::to_string(n + 1) + " AND " + tk + " = ?" + std::to_string(n + 2) +
                                " AND date(e.day, 'weekday 0', '-6 days') = ?" + std::to_string(n + 3), &st).ok());
    for (const Alert& a : r.alerts) {
      BindParams(&st, w.params);
      st.Bind(n + 1, a.source).Bind(n + 2, a.target).Bind(n + 3, a.week);
      ASSERT_TRUE(st.Step());
      EXPECT_EQ(a.count, st.Int(0)) << ActorLevelName(level) << " " << a.source << "->" << a.target << " " << a.week;
      st.Reset();
    }
    // Every dyad with conflict in the window was scored.
    sql::Stmt d;
    EventFilter wf = f;
    wf.from = dates::FromDayNumber([&] {
      int as_of = 0, start = 0;
      dates::ToDayNumber(r.as_of, &as_of);
      dates::ToDayNumber(r.data_start, &start);
      return std::max(dates::WeekStart(start), dates::WeekStart(as_of) - 7 * (q.eval_weeks - 1) - 7 * q.baseline_weeks);
    }());
    SqlWhere ww = BuildWhere(wf);
    ASSERT_TRUE(db.db().Prepare("SELECT count(*) FROM (SELECT DISTINCT " + sk + " AS s, " + tk + " AS t FROM events e "
                                "WHERE " + ww.sql + " AND s <> '' AND t <> '' AND s <> t)", &d).ok());
    BindParams(&d, ww.params);
    ASSERT_TRUE(d.Step());
    EXPECT_EQ(r.dyads_scored, d.Int(0)) << ActorLevelName(level);
  }
}

}  // namespace
}  // namespace dyad
