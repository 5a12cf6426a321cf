// store — the synthetic event generator (see synthetic_events.h).
#include "dyad/store/synthetic_events.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <unordered_set>

namespace dyad {
namespace {

// xoshiro256** seeded by splitmix64: fast, and the same numbers on every
// platform (std:: distributions are implementation-defined).
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& w : s_) w = SplitMix(&seed);
  }
  uint64_t Next() {
    const uint64_t r = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return r;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  size_t Below(size_t n) {  // [0, n)
    return static_cast<size_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  bool Chance(double p) { return Uniform() < p; }
  static uint64_t SplitMix(uint64_t* x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Draws an index with probability proportional to its weight.
class Discrete {
 public:
  Discrete() = default;
  explicit Discrete(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) cdf_.push_back(sum += std::max(0.0, w));
    total_ = sum;
  }
  size_t Draw(Rng& rng) const {
    const double u = rng.Uniform() * total_;
    size_t i = std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
    return std::min(i, cdf_.size() - 1);
  }
  bool empty() const { return cdf_.empty() || total_ <= 0; }

 private:
  std::vector<double> cdf_;
  double total_ = 0;
};

// Frequently reported states, roughly by share of international news (the
// head of the Zipf curve); every other country follows in code order.
constexpr const char* kProminent[] = {
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "ISR", "IRN", "UKR", "JPN", "PAK", "TUR",
    "SYR", "KOR", "PRK", "AFG", "IRQ", "SAU", "EGY", "PSE", "AUS", "CAN", "BRA", "ITA", "ESP",
    "NGA", "MEX", "LBN", "YEM", "ZAF", "IDN", "PHL", "VNM", "LBY", "SDN", "ETH", "KEN", "VEN",
    "MMR", "QAT", "ARE", "JOR", "POL", "BLR", "GEO", "TWN", "THA", "BGD", "SOM", "MLI", "COL",
    "ARM", "AZE", "KAZ", "GRC", "HUN", "SRB", "NLD", "BEL", "SWE", "NOR", "CHE", "AUT", "CUB"};

struct Sector {
  const char* code;
  const char* word;
  double weight;
};
// The agent block of an actor: none (the country itself) most often, then
// the government; CAMEO agent codes (dict/agents.txt).
constexpr Sector kSectors[] = {
    {"", "", 0.40},         {"GOV", "government", 0.30}, {"MIL", "military", 0.08},
    {"OPP", "opposition", 0.04}, {"LEG", "parliament", 0.03}, {"COP", "police", 0.03},
    {"BUS", "business", 0.03}, {"REB", "rebels", 0.02},   {"JUD", "judiciary", 0.02},
    {"MED", "media", 0.02},   {"CVL", "civilians", 0.02},  {"EDU", "universities", 0.005},
    {"HLH", "health ministry", 0.005}};

// Relative frequency of CAMEO roots within cooperation (01-09) and conflict
// (10-20), after the ICEWS distribution: statements, consultations and
// criticism dominate; mass violence is rare.
constexpr double kCoopRoots[] = {20, 6, 10, 22, 9, 3, 3, 2, 1.5};               // 01..09
constexpr double kConflictRoots[] = {3, 9, 3, 3, 4, 1, 1.5, 6, 5, 5, 0.3};      // 10..20
constexpr double kMaterialConflictRoots[] = {0, 0, 0, 0, 1, 1, 0, 4, 6, 8, 0.3};  // flare-ups

std::string RootName(int r) {
  char b[3];
  std::snprintf(b, sizeof b, "%02d", r);
  return b;
}

bool ParseDay(const std::string& s, int* n) {
  if (!IsIsoDay(s)) return false;
  const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(s.substr(0, 4))),
                                        std::chrono::month(std::stoi(s.substr(5, 2))),
                                        std::chrono::day(std::stoi(s.substr(8, 2)))};
  *n = std::chrono::sys_days(ymd).time_since_epoch().count();
  return true;
}

std::string DayString(int n) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(n))};
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return b;
}

// A flare-up: a directed dyad with extra material conflict for a while.
struct Episode {
  size_t source = 0, target = 0;
  int first = 0, last = 0;   // day numbers, inclusive
  int per_day = 0;           // extra conflict events per day
};

class Generator {
 public:
  Generator(const Ontology& onto, const std::vector<SyntheticCountry>& countries, const SyntheticOptions& o)
      : onto_(onto), o_(o), rng_(o.seed) {
    countries_.assign(countries.begin(),
                      countries.begin() + std::min<size_t>(countries.size(), static_cast<size_t>(std::max(2, o.countries))));
  }

  Status Init(int first_day) {
    const size_t n = countries_.size();
    std::vector<double> zipf(n);
    for (size_t i = 0; i < n; ++i) zipf[i] = 1.0 / std::pow(static_cast<double>(i + 1), o_.zipf_s);
    country_ = Discrete(zipf);
    std::vector<double> sw;
    for (const auto& s : kSectors) sw.push_back(s.weight);
    sector_ = Discrete(sw);
    // Each country's usual partners: ten others, prominent ones likelier,
    // the first few far likelier than the rest.
    partners_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      std::vector<size_t>& p = partners_[i];
      for (int tries = 0; p.size() < std::min<size_t>(10, n - 1) && tries < 1000; ++tries) {
        size_t j = country_.Draw(rng_);
        if (j != i && std::find(p.begin(), p.end(), j) == p.end()) p.push_back(j);
      }
    }
    std::vector<double> pw;
    for (int k = 0; k < 10; ++k) pw.push_back(1.0 / (k + 1));
    partner_rank_ = Discrete(pw);
    // Event codes by root, from the ontology: generic "x0" codes are the
    // commonest, 4-digit codes rarer; bare roots only when nothing else.
    codes_by_root_.assign(21, {});
    code_pick_.assign(21, Discrete());
    std::vector<std::vector<double>> cw(21);
    for (const CameoCode& c : onto_.codes()) {
      const int root = QuadClassOfCode(c.code) == 0 ? 0 : std::stoi(c.code.substr(0, 2));
      if (root < 1 || root > 20 || c.level < 2) continue;
      codes_by_root_[root].push_back(&c);
      cw[root].push_back(c.level == 3 ? 0.3 : (c.code.size() == 3 && c.code[2] == '0' ? 3.0 : 1.0));
    }
    for (const CameoCode& c : onto_.codes()) {
      if (c.level != 1 || c.code.size() != 2 || QuadClassOfCode(c.code) == 0) continue;
      const int root = std::stoi(c.code);
      if (codes_by_root_[root].empty()) {
        codes_by_root_[root].push_back(&c);
        cw[root].push_back(1.0);
      }
    }
    for (int r = 1; r <= 20; ++r) {
      if (codes_by_root_[r].empty())
        return Status::InvalidInput("synthetic events: the ontology has no CAMEO code under root " + RootName(r));
      code_pick_[r] = Discrete(cw[r]);
    }
    coop_root_ = Discrete(std::vector<double>(std::begin(kCoopRoots), std::end(kCoopRoots)));
    conflict_root_ = Discrete(std::vector<double>(std::begin(kConflictRoots), std::end(kConflictRoots)));
    material_root_ = Discrete(std::vector<double>(std::begin(kMaterialConflictRoots), std::end(kMaterialConflictRoots)));

    // Flare-ups: about one every four months, plus three in the last eight
    // weeks (what a dashboard opened "today" should flag).
    const int last_day = first_day + o_.days - 1;
    const int n_eps = std::max(4, o_.days / 120);
    for (int k = 0; k < n_eps + 3; ++k) {
      Episode e;
      e.source = country_.Draw(rng_);
      e.target = partners_[e.source].empty() ? (e.source + 1) % n : partners_[e.source][partner_rank_.Draw(rng_) % partners_[e.source].size()];
      const int len = 7 + static_cast<int>(rng_.Below(36));
      e.first = k < n_eps ? first_day + static_cast<int>(rng_.Below(static_cast<size_t>(o_.days)))
                          : last_day - 7 * (1 + static_cast<int>(rng_.Below(8)));
      e.first = std::max(first_day, e.first);
      e.last = std::min(last_day, e.first + len);
      e.per_day = 2 + static_cast<int>(rng_.Below(6));
      episodes_.push_back(e);
    }
    return Status::OK();
  }

  // A new event record of `day` (not yet checked against the day's events).
  void Make(const std::string& day, const Episode* ep, ImportRecord* rec) {
    Event& e = rec->event;
    e = Event();
    e.date = e.event_date = day;
    size_t s = 0, t = 0;
    bool domestic = false;
    if (ep) {
      s = ep->source;
      t = ep->target;
    } else {
      s = country_.Draw(rng_);
      const double u = rng_.Uniform();
      if (u < 0.15) {
        t = s;
        domestic = true;
      } else if (u < 0.75 && !partners_[s].empty()) {
        t = partners_[s][partner_rank_.Draw(rng_) % partners_[s].size()];
      } else {
        do t = country_.Draw(rng_); while (t == s);
      }
    }
    size_t ss = sector_.Draw(rng_), ts = sector_.Draw(rng_);
    if (domestic && ss == ts) ts = (ts + 1) % std::size(kSectors);  // government vs opposition, not itself
    e.source = ActorOf(s, ss);
    e.target = ActorOf(t, ts);
    // A few actors the dictionaries do not know: named, no code.
    if (!ep && rng_.Chance(0.02)) e.target = UnknownActor();
    // Conflict likelier between rivals (a fixed hostility per pair) and at home.
    double conflict = domestic ? 0.35 : 0.12 + 0.6 * Hostility(s, t);
    int root = 0;
    if (ep) root = 10 + static_cast<int>(material_root_.Draw(rng_));
    else if (rng_.Chance(conflict)) root = 10 + static_cast<int>(conflict_root_.Draw(rng_));
    else root = 1 + static_cast<int>(coop_root_.Draw(rng_));
    const CameoCode& c = *codes_by_root_[root][code_pick_[root].Draw(rng_)];
    e.cameo = c.code;
    e.cameo_root = c.code.substr(0, 2);
    e.cameo_name = c.name;
    e.goldstein = c.goldstein;
    e.quad_class = QuadClassOfCode(c.code);
    e.plover = onto_.ToPlover(c.code);
    e.negated = !ep && rng_.Chance(0.02);
    const double m = rng_.Uniform();
    e.modality = m < 0.93 ? Modality::kAsserted
                 : m < 0.96 ? Modality::kIntended
                 : m < 0.98 ? Modality::kReported
                            : Modality::kConditional;
    e.historical = rng_.Chance(0.005);
  }

  Rng& rng() { return rng_; }
  size_t code_count() const {
    size_t n = 0;
    for (const auto& c : codes_by_root_) n += c.size();
    return n;
  }
  const std::vector<Episode>& episodes() const { return episodes_; }

 private:
  EventActor ActorOf(size_t country, size_t sector) const {
    EventActor a;
    const SyntheticCountry& c = countries_[country];
    const Sector& s = kSectors[sector];
    a.country = c.code;
    a.sector = s.code;
    a.code = c.code + s.code;
    a.text = *s.code ? c.name + " " + s.word : c.name;
    return a;
  }
  EventActor UnknownActor() {
    static constexpr const char* kWords[] = {"local militia", "tribal elders", "a rights group", "gunmen",
                                             "student protesters", "a trade union"};
    EventActor a;
    a.text = kWords[rng_.Below(std::size(kWords))];
    return a;
  }
  // Hostility of an unordered pair, in [0, 1): most pairs friendly, a few rivals.
  double Hostility(size_t a, size_t b) const {
    uint64_t x = o_.seed ^ (std::min(a, b) * 0x100000001b3ull) ^ (std::max(a, b) << 32);
    const double u = static_cast<double>(Rng::SplitMix(&x) >> 11) * 0x1.0p-53;
    return u * u * u;
  }

  const Ontology& onto_;
  const SyntheticOptions& o_;
  Rng rng_;
  std::vector<SyntheticCountry> countries_;
  Discrete country_, sector_, partner_rank_, coop_root_, conflict_root_, material_root_;
  std::vector<std::vector<size_t>> partners_;
  std::vector<std::vector<const CameoCode*>> codes_by_root_;
  std::vector<Discrete> code_pick_;
  std::vector<Episode> episodes_;
};

}  // namespace

std::vector<SyntheticCountry> SyntheticCountriesFrom(const ActorLexicon& actors) {
  std::map<std::string, std::string> by_code;
  for (size_t i = 0; i < actors.size(); ++i) {
    if (actors.kind(static_cast<int>(i)) != ActorKind::kCountry) continue;
    const DictEntry& e = actors.entry(static_cast<int>(i));
    if (e.names.empty() || e.codes.size() != 1) continue;
    const DictCode* c = e.CodeFor(0);
    if (!c || c->code.size() != 3 || c->code == "---") continue;
    by_code.emplace(c->code, e.names[0]);  // the first entry for a code names it
  }
  std::vector<SyntheticCountry> out;
  for (const char* code : kProminent) {
    auto it = by_code.find(code);
    if (it == by_code.end()) continue;
    out.push_back({it->first, it->second});
    by_code.erase(it);
  }
  for (auto& [code, name] : by_code) out.push_back({code, name});
  return out;
}

std::string SyntheticRecipe(const Ontology& ontology, const std::vector<SyntheticCountry>& countries,
                            const SyntheticOptions& o) {
  // Only what the generator reads: the countries it uses, every code.
  std::string inputs;
  const size_t n = std::min<size_t>(countries.size(), static_cast<size_t>(std::max(2, o.countries)));
  for (size_t i = 0; i < n; ++i) inputs += countries[i].code + "=" + countries[i].name + ";";
  char g[32];
  for (const CameoCode& c : ontology.codes()) {
    std::snprintf(g, sizeof g, "%.3f", c.goldstein);
    const Plover pl = ontology.ToPlover(c.code);
    inputs += c.code + ":" + g + ":" + c.name + ":" + pl.event + "/" + pl.mode + "/" + pl.context + ";";
  }
  char recipe[256];
  std::snprintf(recipe, sizeof recipe, "events=%lld seed=%llu first_day=%s days=%d countries=%d inputs=%08llx",
                static_cast<long long>(o.events), static_cast<unsigned long long>(o.seed), o.first_day.c_str(), o.days,
                o.countries, static_cast<unsigned long long>(ContentHash(inputs)) & 0xffffffffull);
  return recipe;
}

Status GenerateSyntheticEvents(const Ontology& ontology, const std::vector<SyntheticCountry>& countries,
                               const SyntheticOptions& o, EventStore* store, SyntheticStats* stats) {
  *stats = SyntheticStats();
  const auto t0 = std::chrono::steady_clock::now();
  int first = 0;
  if (!ParseDay(o.first_day, &first))
    return Status::InvalidInput("synthetic events: first day '" + o.first_day + "' is not YYYY-MM-DD");
  if (o.events < 0) return Status::InvalidInput("synthetic events: negative event count");
  if (o.days < 1 || o.days > 100000) return Status::InvalidInput("synthetic events: days must be 1..100000");
  if (countries.size() < 2) return Status::InvalidInput("synthetic events: need at least 2 countries");
  if (o.repeat_reports < 0 || o.repeat_reports >= 1)
    return Status::InvalidInput("synthetic events: repeat_reports must be in [0, 1)");
  Generator gen(ontology, countries, o);
  Status s = gen.Init(first);
  if (!s.ok()) return s;
  Rng& rng = gen.rng();

  // Volume per day: doubling over the span (more sources over time), a
  // yearly swell and quieter weekends; distributed by cumulative rounding so
  // the days add up to exactly o.events.
  std::vector<double> cum(o.days + 1, 0.0);
  for (int d = 0; d < o.days; ++d) {
    const double growth = 1.0 + static_cast<double>(d) / o.days;
    const double season = 1.0 + 0.15 * std::sin(2 * std::numbers::pi * d / 365.25);
    const int weekday = ((first + d) % 7 + 7 + 3) % 7;  // day 0 (1970-01-01) was a Thursday: 0 = Monday
    const double week = weekday >= 5 ? 0.6 : 1.0;
    cum[d + 1] = cum[d] + growth * season * week;
  }
  auto quota_until = [&](int d) { return static_cast<int64_t>(std::llround(o.events * cum[d] / cum[o.days])); };

  // A day can hold only so many distinct events (actors x sectors x codes x
  // flags); asking for more would never finish.
  auto too_many = [&](int64_t quota, const std::string& day) {
    return Status::InvalidInput("synthetic events: cannot make " + std::to_string(quota) + " distinct events on " +
                                day + " from " + std::to_string(countries.size()) +
                                " countries; spread them over more days");
  };
  {
    const double n = static_cast<double>(std::min<size_t>(countries.size(), std::max(2, o.countries)));
    const double sectors = static_cast<double>(std::size(kSectors));
    const double room = n * n * sectors * sectors * static_cast<double>(gen.code_count()) * 16;
    double heaviest = 0;
    for (int d = 0; d < o.days; ++d) heaviest = std::max(heaviest, cum[d + 1] - cum[d]);
    const double busiest = std::ceil(static_cast<double>(o.events) * heaviest / cum[o.days]);
    if (busiest > room / 4) return too_many(static_cast<int64_t>(busiest), "the busiest day");
  }

  if (!(s = store->Begin()).ok()) return s;
  size_t in_batch = 0;
  ImportRecord rec;
  rec.origin = "synthetic";
  static constexpr const char* kPublishers[] = {"Wire One", "Daily Ledger", "Global Courier", "Evening Post",
                                                "Morning Herald", "Press Service", "News Agency", "The Observer"};
  auto write = [&](ImportRecord& r) -> Status {
    char id[24];
    std::snprintf(id, sizeof id, "%012lld", static_cast<long long>(stats->records));
    r.external_id = id;
    r.report = std::string("synthetic-story-") + id;
    r.publisher = kPublishers[rng.Below(std::size(kPublishers))];
    bool added = false;
    Status w = store->AddImported(r, &added);
    if (!w.ok()) return w;
    ++stats->records;
    if (++in_batch >= std::max<size_t>(1, o.batch)) {
      if (!(w = store->Commit()).ok()) return w;
      if (o.progress) o.progress(stats->events, stats->records);
      if (!(w = store->Begin()).ok()) return w;
      in_batch = 0;
    }
    return Status::OK();
  };

  std::vector<ImportRecord> day_events;
  std::unordered_set<std::string> day_keys;
  for (int d = 0; d < o.days; ++d) {
    const int64_t quota = quota_until(d + 1) - quota_until(d);
    if (quota <= 0) continue;
    const std::string day = DayString(first + d);
    if (stats->first_day.empty()) stats->first_day = day;
    stats->last_day = day;
    day_events.clear();
    day_keys.clear();
    // Flare-up events of the day come first (within the quota).
    std::vector<const Episode*> active;
    for (const Episode& e : gen.episodes())
      if (first + d >= e.first && first + d <= e.last) active.push_back(&e);
    // Flare-ups stand out but never crowd out the day's other news.
    int64_t ep_budget = std::max<int64_t>(1, quota / 10);
    int64_t created = 0, misses = 0;  // misses: fresh draws in a row that repeated an event
    size_t ep_i = 0;
    int ep_left = active.empty() ? 0 : active[0]->per_day;
    while (created < quota) {
      if (misses > 10000) {
        store->Rollback();
        return too_many(quota, day);
      }
      if (!day_events.empty() && rng.Chance(o.repeat_reports)) {
        // Another article reporting an event already seen today.
        ImportRecord again = day_events[rng.Below(day_events.size())];
        ++stats->merged;
        if (!(s = write(again)).ok()) return s;
        continue;
      }
      const Episode* ep = nullptr;
      while (ep_i < active.size() && ep_left == 0) {
        if (++ep_i < active.size()) ep_left = active[ep_i]->per_day;
      }
      if (ep_i < active.size() && ep_budget > 0) {
        ep = active[ep_i];
        --ep_left;
        --ep_budget;
      }
      gen.Make(day, ep, &rec);
      const bool fresh = day_keys.insert(EventMergeKey(rec.event, day)).second;
      misses = fresh ? 0 : misses + 1;
      if (fresh) {
        ++created;
        ++stats->events;
        day_events.push_back(rec);
      } else {
        ++stats->merged;  // the same event drawn again: one more report of it
      }
      if (!(s = write(rec)).ok()) return s;
    }
  }
  // A marker, so a benchmark can tell its own stores (and their recipe).
  {
    sql::Stmt st;
    s = store->db().Prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('synthetic', ?1)", &st);
    if (!s.ok()) return s;
    st.Bind(1, SyntheticRecipe(ontology, countries, o));
    if (!(s = st.Run()).ok()) return s;
  }
  if (!(s = store->Commit()).ok()) return s;
  if (o.progress) o.progress(stats->events, stats->records);
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return Status::OK();
}

}  // namespace dyad
