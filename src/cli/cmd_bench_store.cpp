// dyad bench-store: how fast the analytics behind /api/series, /api/network
// and /api/alerts answer on a large store. The store is synthetic and
// reproducible (store/synthetic_events.h): made on first use, or when the
// file holds a different recipe, then reused.
//
//   dyad bench-store --db /tmp/bench1m.db                      # 1,000,000 events, seed 1
//   dyad bench-store --db /tmp/small.db --events 50000 --queries 50
//
// Each call is timed as the server makes it (a fresh read-only connection,
// the library function, results discarded): series of random busy dyads by
// day/week/month over 30/90/365-day windows, networks over the same windows,
// and alerts with the default settings. Prints count, p50, p95 and max in
// ms per call, plus build time, database size and peak RSS.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/analytics/analytics.h"
#include "dyad/lexicon/lexicon.h"
#include "dyad/store/store.h"
#include "dyad/store/synthetic_events.h"
#include "dyad/util/resources.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string db;
  int64_t events = 1000000;
  uint64_t seed = 1;
  int queries = 200;
  std::string dict;
  bool rebuild = false;
};

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// The synthetic recipe stored in the file and its schema version, read
// without changing the file; "" for a file that is not a synthetic store
// (someone's real store, or not a dyad store at all).
std::string StoredRecipe(const std::string& path, int64_t* version) {
  *version = 0;
  sql::Db raw;
  sql::Stmt v;
  if (!raw.Open(path, false, true).ok() || !raw.Prepare("PRAGMA user_version", &v).ok() || !v.Step()) return "";
  *version = v.Int(0);
  if (*version < 1) return "";
  sql::Stmt st;
  if (!raw.Prepare("SELECT value FROM meta WHERE key = 'synthetic'", &st).ok() || !st.Step()) return "";
  return st.Text(0);
}

// A synthetic store of an older schema is migrated (opened read-write once,
// as dyad ingest would), so it is timed with this build's indexes.
void Migrate(const std::string& path, int64_t version) {
  if (version >= StoreSchemaVersion()) return;
  std::unique_ptr<EventStore> rw;
  StoreOptions so;
  so.create = false;
  const auto t0 = Clock::now();
  Status s = EventStore::Open(path, so, &rw);
  if (!s.ok()) Fail(s.message());
  rw->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::printf("migrated     %s from schema %lld to %d in %.1f s\n", path.c_str(), static_cast<long long>(version),
              StoreSchemaVersion(), Ms(t0, Clock::now()) / 1000);
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

double FileMb(const std::string& path) {
  double mb = 0;
  std::error_code ec;
  for (const char* suffix : {"", "-wal"}) {
    auto n = std::filesystem::file_size(path + suffix, ec);
    if (!ec) mb += static_cast<double>(n) / 1e6;
  }
  return mb;
}

void Build(const Args& a, const Lexicon& lex, const std::vector<SyntheticCountry>& countries,
           const SyntheticOptions& o) {
  std::unique_ptr<EventStore> store;
  Status s = EventStore::Open(a.db, {}, &store);
  if (!s.ok()) Fail(s.message());
  SyntheticOptions go = o;
  const auto t0 = Clock::now();
  int64_t next_report = 0;
  go.progress = [&](int64_t events, int64_t records) {
    if (events < next_report && events < o.events) return;
    next_report = events + std::max<int64_t>(1, o.events / 10);
    std::fprintf(stderr, "dyad bench-store: %lld / %lld events (%lld reports), %.0f s\n", static_cast<long long>(events),
                 static_cast<long long>(o.events), static_cast<long long>(records), Ms(t0, Clock::now()) / 1000);
  };
  SyntheticStats st;
  if (!(s = GenerateSyntheticEvents(*lex.ontology(), countries, go, store.get(), &st)).ok()) Fail(s.message());
  store->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::printf("built        %lld events from %lld reports (%lld merged), %s .. %s, %zu countries\n",
              static_cast<long long>(st.events), static_cast<long long>(st.records), static_cast<long long>(st.merged),
              st.first_day.c_str(), st.last_day.c_str(), std::min<size_t>(countries.size(), o.countries));
  std::printf("build time   %.1f s (%.0f reports/s)\n", st.seconds, st.seconds > 0 ? st.records / st.seconds : 0.0);
}

// A small seeded generator for the query mix (independent of the store's).
struct Pick {
  uint64_t x;
  uint64_t Next() {
    uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
};

std::string DayMinus(const std::string& day, int n) {
  const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(day.substr(0, 4))),
                                        std::chrono::month(std::stoi(day.substr(5, 2))),
                                        std::chrono::day(std::stoi(day.substr(8, 2)))};
  const std::chrono::year_month_day r{std::chrono::sys_days(ymd) - std::chrono::days(n)};
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02u-%02u", static_cast<int>(r.year()), static_cast<unsigned>(r.month()),
                static_cast<unsigned>(r.day()));
  return b;
}

struct Timings {
  std::string name;
  std::vector<double> ms;
  int64_t items = 0;  // points / edges / alerts returned, a sanity check
  void Print() {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    auto q = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * (ms.size() - 1) + 0.5))]; };
    std::printf("%-8s n=%-4zu p50 %8.1f ms   p95 %8.1f ms   max %8.1f ms   (avg %.0f items)\n", name.c_str(), ms.size(),
                q(0.5), q(0.95), ms.back(), static_cast<double>(items) / ms.size());
  }
};

void Run(const Args& a) {
  if (a.db.empty()) Fail("--db is required");
  if (a.events < 1000) Fail("--events must be at least 1000");
  if (a.queries < 1) Fail("--queries must be at least 1");
  SyntheticOptions o;
  o.events = a.events;
  o.seed = a.seed;
  // The dictionaries give the CAMEO codes and the countries; their hash is
  // part of the recipe, so edited dictionaries make a new store.
  std::unique_ptr<Lexicon> lex;
  Status ls = Lexicon::Load(a.dict, &lex);
  if (!ls.ok()) Fail("loading the dictionaries: " + ls.message());
  const std::vector<SyntheticCountry> countries = SyntheticCountriesFrom(lex->actors());
  const std::string want = SyntheticRecipe(*lex->ontology(), countries, o);
  if (std::filesystem::exists(a.db)) {
    int64_t version = 0;
    const std::string have = StoredRecipe(a.db, &version);
    if (have.empty())
      Fail(a.db + ": exists and is not a synthetic bench store; give another --db (it would be replaced)");
    if (have != want || a.rebuild) {
      std::fprintf(stderr, "dyad bench-store: %s holds '%s'; rebuilding as '%s'\n", a.db.c_str(), have.c_str(), want.c_str());
      RemoveDb(a.db);
    } else {
      Migrate(a.db, version);
      std::printf("store        %s (reused: %s)\n", a.db.c_str(), have.c_str());
    }
  }
  if (!std::filesystem::exists(a.db)) {
    std::printf("store        %s (new: %s)\n", a.db.c_str(), want.c_str());
    std::fflush(stdout);
    Build(a, *lex, countries, o);
  }
  std::printf("db size      %.1f MB\n", FileMb(a.db));

  // The busiest country dyads (both orders) and the data's last day: the
  // query mix aims where analysts look. Not timed.
  std::vector<std::pair<std::string, std::string>> dyads;
  std::string last_day;
  {
    std::unique_ptr<EventStore> store;
    StoreOptions so;
    so.read_only = true;
    Status s = EventStore::Open(a.db, so, &store);
    if (!s.ok()) Fail(s.message());
    sql::Stmt st;
    s = store->db().Prepare(
        "SELECT source_country, target_country FROM events WHERE source_country NOT IN ('', '---') AND "
        "target_country NOT IN ('', '---') AND source_country <> target_country "
        "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 50", &st);
    if (!s.ok()) Fail(s.message());
    while (st.Step()) dyads.emplace_back(st.Text(0), st.Text(1));
    sql::Stmt m;
    if (!store->db().Prepare("SELECT max(day) FROM events", &m).ok() || !m.Step()) Fail(a.db + ": no events");
    last_day = m.Text(0);
  }
  if (dyads.empty() || last_day.empty()) Fail(a.db + ": no country dyads to query");

  Pick pick{a.seed * 7919 + 17};
  const int windows[] = {30, 90, 365};
  const Granularity grains[] = {Granularity::kDay, Granularity::kWeek, Granularity::kMonth};
  Timings series, network, alerts;
  series.name = "series";
  network.name = "network";
  alerts.name = "alerts";
  auto timed = [&](Timings* t, auto&& call) {
    // As the server does per request: a connection from the pool (opened
    // here each time, the pool's worst case) and the library call.
    std::unique_ptr<EventStore> store;
    StoreOptions so;
    so.read_only = true;
    const auto t0 = Clock::now();
    Status s = EventStore::Open(a.db, so, &store);
    if (!s.ok()) Fail(s.message());
    t->items += call(store->db());
    t->ms.push_back(Ms(t0, Clock::now()));
  };
  for (int i = 0; i < a.queries; ++i) {
    // Half the windows end at the latest day (a dashboard opened today), the
    // rest somewhere in the past.
    const std::string end = pick.Below(2) ? last_day : DayMinus(last_day, static_cast<int>(pick.Below(3000)));
    const int window = windows[pick.Below(3)];
    {
      SeriesQuery q;
      const auto& d = dyads[pick.Below(dyads.size())];
      q.filter.source = d.first;
      q.filter.target = d.second;
      q.filter.both_directions = pick.Below(2) == 0;
      q.filter.from = DayMinus(end, window - 1);
      q.filter.to = end;
      q.granularity = grains[pick.Below(3)];
      timed(&series, [&](sql::Db& db) -> int64_t {
        std::vector<SeriesPoint> out;
        Status s = DyadSeries(db, q, &out);
        if (!s.ok()) Fail("series: " + s.message());
        return static_cast<int64_t>(out.size());
      });
    }
    {
      NetworkQuery q;
      q.filter.from = DayMinus(end, window - 1);
      q.filter.to = end;
      timed(&network, [&](sql::Db& db) -> int64_t {
        Network out;
        Status s = ActorNetwork(db, q, &out);
        if (!s.ok()) Fail("network: " + s.message());
        return static_cast<int64_t>(out.edges.size());
      });
    }
    {
      AlertQuery q;  // the defaults, as /api/alerts without parameters
      timed(&alerts, [&](sql::Db& db) -> int64_t {
        AlertReport out;
        Status s = EarlyWarning(db, q, &out);
        if (!s.ok()) Fail("alerts: " + s.message());
        return static_cast<int64_t>(out.alerts.size());
      });
    }
  }
  std::printf("queries      %d per call; windows 30/90/365 days; series of the %zu busiest dyads\n", a.queries,
              dyads.size());
  series.Print();
  network.Print();
  alerts.Print();
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS     %.1f MB\n", ru.ru_maxrss / 1024.0);
  std::fflush(stdout);
}

CommandRegistrar reg(91, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("bench-store", "Time series/network/alerts queries on a reproducible synthetic store");
  cmd->add_option("--db", args->db, "the synthetic store (made when absent or of another recipe)")->required();
  cmd->add_option("--events", args->events, "events in the store (default: 1000000)");
  cmd->add_option("--seed", args->seed, "generator and query-mix seed (default: 1)");
  cmd->add_option("--queries", args->queries, "calls timed per endpoint (default: 200)");
  cmd->add_option("--dict", args->dict, "dictionary directory for CAMEO codes and countries (default: dict/)");
  cmd->add_flag("--rebuild", args->rebuild, "make the store again even if it matches");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
