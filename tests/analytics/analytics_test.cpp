// Analytics on constructed events with known answers: time series, the actor
// network, early-warning alerts, actor listings and profiles.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "dyad/analytics/analytics.h"
#include "dyad/analytics/dates.h"
#include "dyad/store/store.h"

namespace dyad {
namespace {

class TempDb {
 public:
  TempDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-analytics-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    Status s = EventStore::Open(dir_ + "/a.db", {}, &store_);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  ~TempDb() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  // Adds one event (one mention); distinct (day, dyad, code) make distinct events.
  void Add(const std::string& day, const std::string& src, const std::string& tgt,
           const std::string& code, double goldstein, const std::string& src_name = "",
           int mentions = 1) {
    ImportRecord r;
    r.origin = "gdelt";
    r.external_id = std::to_string(++next_id_);
    r.report = "r" + r.external_id;
    r.mentions = mentions;
    Event& e = r.event;
    e.date = e.event_date = day;
    auto actor = [](const std::string& code, const std::string& name) {
      EventActor a;
      a.code = code;
      a.country = code.substr(0, 3);
      a.sector = code.size() > 3 ? code.substr(3) : "";
      a.text = name.empty() ? code : name;
      return a;
    };
    e.source = actor(src, src_name);
    e.target = actor(tgt, "");
    e.target->text.clear();  // targets unnamed: labels come from sources
    e.cameo = code;
    e.cameo_root = code.substr(0, 2);
    e.quad_class = QuadClassOfCode(code);
    e.goldstein = goldstein;
    bool added = false;
    Status s = store_->AddImported(r, &added);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(added);
  }
  // n distinct conflict events from src to tgt in the week starting `monday`.
  void AddConflictWeek(const std::string& monday, const std::string& src, const std::string& tgt, int n) {
    static const char* codes[] = {"190", "191", "192", "193", "194", "195", "180", "181", "182", "183"};
    int day0 = 0;
    ASSERT_TRUE(dates::ToDayNumber(monday, &day0));
    for (int i = 0; i < n; ++i) Add(dates::FromDayNumber(day0 + i % 7), src, tgt, codes[(i / 7) % 10], -10);
  }
  sql::Db& db() { return store_->db(); }

 private:
  std::string dir_;
  std::unique_ptr<EventStore> store_;
  int next_id_ = 0;
};

TEST(Dates, WeeksStartOnMondayAndMonthsRollOver) {
  int n = 0;
  ASSERT_TRUE(dates::ToDayNumber("2024-01-03", &n));  // a Wednesday
  EXPECT_EQ(dates::FromDayNumber(dates::WeekStart(n)), "2024-01-01");
  ASSERT_TRUE(dates::ToDayNumber("2023-12-31", &n));  // a Sunday
  EXPECT_EQ(dates::FromDayNumber(dates::WeekStart(n)), "2023-12-25");
  ASSERT_TRUE(dates::ToDayNumber("1969-12-31", &n));
  EXPECT_EQ(n, -1);
  EXPECT_EQ(dates::FromDayNumber(dates::WeekStart(n)), "1969-12-29");
  EXPECT_EQ(dates::NextMonth("2020-12"), "2021-01");
  EXPECT_FALSE(dates::ToDayNumber("2023-02-29", &n));
}

TEST(Series, WeeklyCountsGoldsteinAndNetCooperation) {
  TempDb t;
  // Week of 2024-01-01: two cooperative, one conflict event USA->RUS.
  t.Add("2024-01-01", "USA", "RUS", "042", 1.9);
  t.Add("2024-01-03", "USAGOV", "RUS", "057", 8.0);
  t.Add("2024-01-07", "USA", "RUSMIL", "112", -2.0);
  // Nothing the week of 01-08; week of 01-15: one material conflict.
  t.Add("2024-01-16", "USA", "RUS", "190", -10.0);
  // The reverse direction and another dyad.
  t.Add("2024-01-02", "RUS", "USA", "111", -2.0);
  t.Add("2024-01-02", "CHN", "RUS", "042", 1.9);

  SeriesQuery q;
  q.filter.source = "USA";
  q.filter.target = "RUS";
  std::vector<SeriesPoint> s;
  ASSERT_TRUE(DyadSeries(t.db(), q, &s).ok());
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].period, "2024-01-01");
  EXPECT_EQ(s[0].events, 3);
  EXPECT_EQ(s[0].quad[1], 2);
  EXPECT_EQ(s[0].quad[3], 1);
  EXPECT_DOUBLE_EQ(s[0].goldstein_sum, 7.9);
  EXPECT_NEAR(s[0].goldstein_mean, 7.9 / 3, 1e-12);
  EXPECT_EQ(s[0].net_cooperation(), 1);
  EXPECT_EQ(s[1].period, "2024-01-08");  // a gap, filled
  EXPECT_EQ(s[1].events, 0);
  EXPECT_EQ(s[2].period, "2024-01-15");
  EXPECT_EQ(s[2].quad[4], 1);
  EXPECT_EQ(s[2].net_cooperation(), -1);

  q.filter.both_directions = true;
  q.granularity = Granularity::kMonth;
  ASSERT_TRUE(DyadSeries(t.db(), q, &s).ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].period, "2024-01");
  EXPECT_EQ(s[0].events, 5);
  EXPECT_EQ(s[0].conflict(), 3);

  q.granularity = Granularity::kDay;
  q.filter.from = "2023-12-31";
  q.filter.to = "2024-01-02";
  ASSERT_TRUE(DyadSeries(t.db(), q, &s).ok());
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].period, "2023-12-31");
  EXPECT_EQ(s[0].events, 0);
  EXPECT_EQ(s[2].events, 1);  // RUS->USA on 01-02
}

TEST(Network, EdgesWeightedByCooperationAndConflict) {
  TempDb t;
  t.Add("2024-02-01", "USA", "RUS", "042", 1.9);
  t.Add("2024-02-02", "USAGOV", "RUS", "112", -2.0);
  t.Add("2024-02-03", "USAMIL", "RUS", "190", -10.0, "", 5);
  t.Add("2024-02-01", "RUS", "UKR", "190", -10.0);
  t.Add("2024-02-01", "UKR", "RUS", "190", -10.0);
  t.Add("2024-02-01", "FRA", "UKR", "070", 7.0);
  t.Add("2024-02-01", "USAGOV", "USAOPP", "111", -2.0);  // domestic
  t.Add("2024-03-01", "CHN", "USA", "042", 1.9);          // outside the window
  t.Add("2024-02-05", "---BUS", "UKR", "042", 1.9);       // unknown country: no country node

  NetworkQuery q;
  q.filter.from = "2024-02-01";
  q.filter.to = "2024-02-29";
  Network n;
  ASSERT_TRUE(ActorNetwork(t.db(), q, &n).ok());
  ASSERT_EQ(n.edges.size(), 4u);
  const NetworkEdge& top = n.edges[0];
  EXPECT_EQ(top.source, "USA");
  EXPECT_EQ(top.target, "RUS");
  EXPECT_EQ(top.events, 3);
  EXPECT_EQ(top.mentions, 7);
  EXPECT_EQ(top.cooperation, 1);
  EXPECT_EQ(top.conflict, 2);
  EXPECT_EQ(top.net_cooperation(), -1);
  EXPECT_NEAR(top.goldstein_mean, (1.9 - 2.0 - 10.0) / 3, 1e-12);
  ASSERT_EQ(n.nodes.size(), 4u);
  EXPECT_EQ(n.nodes[0].id, "RUS");
  EXPECT_EQ(n.nodes[0].events, 5);
  EXPECT_EQ(n.nodes[0].degree, 2);

  q.max_nodes = 2;
  ASSERT_TRUE(ActorNetwork(t.db(), q, &n).ok());
  ASSERT_EQ(n.nodes.size(), 2u);  // RUS, then UKR (ties with USA at 3 events, by code)
  EXPECT_EQ(n.nodes[1].id, "UKR");
  ASSERT_EQ(n.edges.size(), 2u);  // RUS->UKR and UKR->RUS

  q.max_nodes = 40;
  q.level = ActorLevel::kSector;
  q.include_self = true;
  ASSERT_TRUE(ActorNetwork(t.db(), q, &n).ok());
  bool domestic = false;
  for (const auto& e : n.edges) domestic |= e.source == "USAGOV" && e.target == "USAOPP";
  EXPECT_TRUE(domestic);

  q.level = ActorLevel::kCountry;
  q.filter.quad_classes = {4};
  ASSERT_TRUE(ActorNetwork(t.db(), q, &n).ok());
  EXPECT_EQ(n.edges.size(), 3u);
}

TEST(Alerts, TailProbabilities) {
  EXPECT_NEAR(PoissonUpperTail(3, 1.0), 1 - std::exp(-1.0) * 2.5, 1e-12);
  EXPECT_NEAR(PoissonUpperTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_DOUBLE_EQ(PoissonUpperTail(0, 2.0), 1.0);
  // Far tail: P(X >= 40 | 2) is about 2.6e-37, still finite and positive.
  double far = PoissonUpperTail(40, 2.0);
  EXPECT_GT(far, 0);
  EXPECT_LT(far, 1e-35);
  // Negative binomial with size 1 is geometric: P(X >= k) = (m / (1 + m))^k.
  EXPECT_NEAR(NegBinUpperTail(5, 2.0, 6.0), std::pow(2.0 / 3.0, 5), 1e-9);
  EXPECT_NEAR(NegBinUpperTail(1, 2.0, 6.0), 2.0 / 3.0, 1e-9);
  // Overdispersion makes a spike less surprising.
  EXPECT_GT(NegBinUpperTail(10, 2.0, 8.0), PoissonUpperTail(10, 2.0));
}

TEST(Alerts, ConflictSpikeAboveBaselineIsRankedFirst) {
  TempDb t;
  // 13 weeks from 2024-01-01. A->B: 1 conflict event a week, then 9.
  // C->D: steady 5 a week (no alert). E->F: a burst of 2 (below min_count).
  // G->H: starts only two weeks before the end (too little baseline).
  int d0 = 0;
  ASSERT_TRUE(dates::ToDayNumber("2024-01-01", &d0));
  for (int w = 0; w < 13; ++w) {
    const std::string monday = dates::FromDayNumber(d0 + 7 * w);
    t.AddConflictWeek(monday, "AAA", "BBB", w == 12 ? 9 : 1);
    t.AddConflictWeek(monday, "CCC", "DDD", 5);
    if (w == 12) t.AddConflictWeek(monday, "EEE", "FFF", 2);
    if (w >= 11) t.AddConflictWeek(monday, "GGG", "HHH", w == 12 ? 8 : 1);
  }
  // Cooperation does not count as conflict.
  for (int i = 0; i < 6; ++i) t.Add(dates::FromDayNumber(d0 + 84 + i), "CCC", "DDD", "042", 1.9);

  AlertQuery q;
  q.eval_weeks = 1;
  AlertReport r;
  ASSERT_TRUE(EarlyWarning(t.db(), q, &r).ok());
  EXPECT_EQ(r.last_week, "2024-03-25");
  EXPECT_EQ(r.data_start, "2024-01-01");
  EXPECT_EQ(r.dyads_scored, 4);
  // G->H is new: the weeks of data before it appeared count as zeros, so its
  // burst of 8 is rarer (rate floor 0.5) than A->B's 9 over a rate of 1.
  ASSERT_EQ(r.alerts.size(), 2u);
  EXPECT_EQ(r.alerts[0].source, "GGG");
  EXPECT_EQ(r.alerts[0].baseline_weeks, 12);
  const Alert& a = r.alerts[1];
  EXPECT_EQ(a.source, "AAA");
  EXPECT_EQ(a.target, "BBB");
  EXPECT_EQ(a.week, "2024-03-25");
  EXPECT_EQ(a.count, 9);
  EXPECT_EQ(a.baseline_weeks, 12);
  EXPECT_DOUBLE_EQ(a.baseline_mean, 1.0);
  EXPECT_DOUBLE_EQ(a.baseline_sd, 0.0);
  EXPECT_EQ(a.model, "poisson");
  EXPECT_NEAR(a.p_value, PoissonUpperTail(9, 1.0), 1e-15);
  EXPECT_GT(a.surprise, 5);
  EXPECT_DOUBLE_EQ(a.z, 8.0);
  ASSERT_FALSE(a.top_codes.empty());
  EXPECT_EQ(a.top_codes[0].cameo, "190");
  EXPECT_EQ(a.top_codes[0].events, 7);

  // A minimum count above both bursts: no alerts.
  q.min_count = 10;
  ASSERT_TRUE(EarlyWarning(t.db(), q, &r).ok());
  EXPECT_TRUE(r.alerts.empty());
  q.min_count = 3;

  // Two weeks into the data there is too little baseline to score anyone.
  q.as_of = "2024-01-10";
  ASSERT_TRUE(EarlyWarning(t.db(), q, &r).ok());
  EXPECT_EQ(r.dyads_scored, 0);
  EXPECT_TRUE(r.alerts.empty());

  // Looking back from an earlier date: nothing unusual then.
  q.as_of = "2024-03-10";
  ASSERT_TRUE(EarlyWarning(t.db(), q, &r).ok());
  EXPECT_TRUE(r.alerts.empty());

  // Scoring the last 4 weeks still finds the same two spikes.
  q.as_of = "";
  q.eval_weeks = 4;
  ASSERT_TRUE(EarlyWarning(t.db(), q, &r).ok());
  EXPECT_EQ(r.first_week, "2024-03-04");
  EXPECT_EQ(r.alerts.size(), 2u);

  q.as_of = "not a date";
  EXPECT_FALSE(EarlyWarning(t.db(), q, &r).ok());
}

TEST(Actors, ListingAndProfile) {
  TempDb t;
  t.Add("2024-01-05", "RUS", "UKR", "190", -10, "Russia");
  t.Add("2024-01-06", "RUSMIL", "UKR", "193", -10, "Russian forces");
  t.Add("2024-02-01", "RUS", "USA", "036", 4, "Russia");
  t.Add("2024-02-02", "USA", "RUS", "042", 1.9, "Washington");
  t.Add("2024-03-02", "UKR", "RUS", "111", -2, "Kyiv");
  t.Add("2024-03-03", "FRA", "DEU", "042", 1.9, "Paris");

  ActorListQuery lq;
  std::vector<ActorSummary> actors;
  ASSERT_TRUE(ListActors(t.db(), lq, &actors).ok());
  ASSERT_EQ(actors.size(), 5u);
  EXPECT_EQ(actors[0].code, "RUS");
  EXPECT_EQ(actors[0].events, 5);
  EXPECT_EQ(actors[0].as_source, 3);
  EXPECT_EQ(actors[0].as_target, 2);
  EXPECT_EQ(actors[0].label, "Russia");
  lq.search = "pari";
  ASSERT_TRUE(ListActors(t.db(), lq, &actors).ok());
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "FRA");
  lq.search = "de";
  ASSERT_TRUE(ListActors(t.db(), lq, &actors).ok());
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].code, "DEU");

  ActorProfileQuery pq;
  pq.code = "RUS";
  ActorProfile p;
  ASSERT_TRUE(GetActorProfile(t.db(), pq, &p).ok());
  EXPECT_EQ(p.events, 5);
  EXPECT_EQ(p.as_source, 3);
  EXPECT_EQ(p.as_target, 2);
  EXPECT_EQ(p.first_day, "2024-01-05");
  EXPECT_EQ(p.last_day, "2024-03-02");
  EXPECT_EQ(p.label, "Russia");
  ASSERT_EQ(p.partners.size(), 2u);
  EXPECT_EQ(p.partners[0].code, "UKR");
  EXPECT_EQ(p.partners[0].events_out, 2);
  EXPECT_EQ(p.partners[0].events_in, 1);
  EXPECT_EQ(p.partners[0].conflict, 3);
  EXPECT_EQ(p.partners[1].code, "USA");
  EXPECT_EQ(p.partners[1].cooperation, 2);
  ASSERT_EQ(p.trend.size(), 3u);
  EXPECT_EQ(p.trend[0].period, "2024-01");
  EXPECT_EQ(p.trend[0].conflict(), 2);
  EXPECT_EQ(p.recent_events, 5);
  EXPECT_NEAR(p.recent_conflict_share, 3.0 / 5.0, 1e-12);
  ASSERT_FALSE(p.top_codes.empty());
  EXPECT_EQ(p.top_codes.size(), 5u);

  pq.code = "ZZZ";
  EXPECT_EQ(GetActorProfile(t.db(), pq, &p).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dyad
