// analytics — what analysts ask of the event store: dyad time series (by
// day, week or month: counts per quad class, Goldstein sum and mean, net
// cooperation), the actor network over a window, an early-warning ranking of
// dyads whose conflict rises above their own baseline, and actor listings and
// profiles (partners, top event types, trend). Everything is computed in
// the database (store/event_query.h filters, SQL aggregates) or in one pass
// over the filtered rows summed into one entry per dyad (networks, alerts:
// faster than SQL's sort-based GROUP BY), so memory grows with the number of
// dyads, never with the number of events. Methods and timings:
// docs/analytics.md.
//
// Actors are grouped at a level: country ("RUS"), country + first sector
// block ("RUSGOV", "IGOUNO") or the full code. Events with an unknown actor
// at that level (code "", or no country for the country level) are left out
// of networks and alerts. Negated events are left out unless the filter says
// otherwise; counts are of (merged) events, with mentions alongside.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dyad/store/event_query.h"
#include "dyad/store/sqlite_db.h"
#include "dyad/util/status.h"

namespace dyad {

enum class Granularity { kDay, kWeek, kMonth };
bool ParseGranularity(const std::string& name, Granularity* out);  // day|week|month
const char* GranularityName(Granularity g);

enum class ActorLevel { kCountry, kSector, kCode };
bool ParseActorLevel(const std::string& name, ActorLevel* out);    // country|sector|code
const char* ActorLevelName(ActorLevel l);
// The key of an actor code at a level ("RUSGOVMIL" -> "RUS", "RUSGOV", "RUSGOVMIL").
std::string ActorKeyAt(const std::string& code, const std::string& country,
                       const std::string& sector, ActorLevel level);

// ---- time series --------------------------------------------------------

struct SeriesPoint {
  std::string period;     // day "2020-01-06"; week: its Monday; month "2020-01"
  int64_t events = 0;
  int64_t mentions = 0;
  std::array<int64_t, 5> quad{};  // events per quad class 0..4
  double goldstein_sum = 0;
  double goldstein_mean = 0;      // 0 when no events
  int64_t cooperation() const { return quad[1] + quad[2]; }
  int64_t conflict() const { return quad[3] + quad[4]; }
  int64_t net_cooperation() const { return cooperation() - conflict(); }
};

struct SeriesQuery {
  EventFilter filter;           // usually source/target (+ both_directions) or actor
  Granularity granularity = Granularity::kWeek;
  bool fill_gaps = true;        // emit empty periods between the first and last
};

// Periods in order. With fill_gaps the range is filter.from..filter.to when
// given, else the first..last period with events.
Status DyadSeries(sql::Db& db, const SeriesQuery& q, std::vector<SeriesPoint>* out);

// ---- network -------------------------------------------------------------

struct NetworkNode {
  std::string id;              // actor key at the level
  std::string label;           // most frequent name used for it
  int64_t events = 0;          // events it took part in (either side)
  int64_t cooperation = 0, conflict = 0;
  int degree = 0;              // distinct partners among the kept edges
};

struct NetworkEdge {
  std::string source, target;  // directed: who acted on whom
  int64_t events = 0, mentions = 0;
  int64_t cooperation = 0, conflict = 0, neutral = 0;  // quads 1+2, 3+4, 0
  double goldstein_sum = 0, goldstein_mean = 0;
  int64_t net_cooperation() const { return cooperation - conflict; }
};

struct NetworkQuery {
  EventFilter filter;           // the window (from/to) and event types
  ActorLevel level = ActorLevel::kCountry;
  int max_nodes = 40;           // keep the most active actors
  int64_t min_events = 1;       // drop lighter edges
  bool include_self = false;    // edges from an actor to itself (domestic events)
};

struct Network {
  std::vector<NetworkNode> nodes;   // by events, descending
  std::vector<NetworkEdge> edges;   // by events, descending
};

Status ActorNetwork(sql::Db& db, const NetworkQuery& q, Network* out);

// ---- early warning -------------------------------------------------------

struct AlertQuery {
  EventFilter filter;           // roots/quad_classes choose what counts as conflict (default quads 3,4)
  ActorLevel level = ActorLevel::kCountry;
  std::string as_of;            // last day considered; "" = the latest event day
  int eval_weeks = 4;           // weeks scored, ending with as_of's week
  int baseline_weeks = 12;      // trailing weeks forming each week's baseline
  int min_baseline_weeks = 4;   // fewer weeks of data before the week: not scored
  int64_t min_count = 3;        // a week needs at least this many conflict events
  double min_surprise = 2.0;    // -log10 p threshold (2 = p <= 0.01)
  int limit = 50;
};

struct AlertCode {
  std::string cameo, name;
  int64_t events = 0;
};

struct Alert {
  std::string source, target;   // actor keys
  std::string source_label, target_label;
  std::string week;             // Monday of the week scored
  int64_t count = 0;            // conflict events that week
  int baseline_weeks = 0;
  double baseline_mean = 0, baseline_sd = 0;
  std::string model;            // "poisson" or "negbin" (overdispersed baseline)
  double p_value = 1;           // P(X >= count | baseline)
  double surprise = 0;          // -log10 p_value: the score alerts are ranked by
  double z = 0;                 // (count - mean) / max(sd, 1)
  double ratio = 0;             // count / max(mean, 0.5)
  std::vector<AlertCode> top_codes;
};

struct AlertReport {
  std::string as_of, first_week, last_week, data_start;
  int64_t dyads_scored = 0;
  std::vector<Alert> alerts;    // by surprise, descending
};

Status EarlyWarning(sql::Db& db, const AlertQuery& q, AlertReport* out);

// Upper tail P(X >= k) for Poisson(lambda) and for a negative binomial with
// mean m and variance v > m; exposed for tests.
double PoissonUpperTail(int64_t k, double lambda);
double NegBinUpperTail(int64_t k, double mean, double variance);

// ---- actors --------------------------------------------------------------

struct ActorSummary {
  std::string code, label;
  int64_t events = 0, as_source = 0, as_target = 0;
  int64_t cooperation = 0, conflict = 0;
  std::string first_day, last_day;
};

struct ActorListQuery {
  EventFilter filter;
  ActorLevel level = ActorLevel::kCountry;
  std::string search;           // code prefix or part of a name ("rus", "Putin")
  int limit = 100;
};

Status ListActors(sql::Db& db, const ActorListQuery& q, std::vector<ActorSummary>* out);

struct Partner {
  std::string code, label;
  int64_t events_out = 0, events_in = 0;   // actor -> partner, partner -> actor
  int64_t cooperation = 0, conflict = 0;
  double goldstein_mean = 0;
};

struct ActorProfile {
  std::string code, label;
  ActorLevel level = ActorLevel::kCountry;   // partners are grouped at this level
  int64_t events = 0, as_source = 0, as_target = 0, mentions = 0;
  std::string first_day, last_day;
  double goldstein_mean_out = 0, goldstein_mean_in = 0;
  std::vector<Partner> partners;             // by events, descending
  std::vector<AlertCode> top_codes;          // event types it took part in
  std::vector<SeriesPoint> trend;            // monthly
  // Last 3 months with data vs the 3 before: events and conflict share.
  int64_t recent_events = 0, previous_events = 0;
  double recent_conflict_share = 0, previous_conflict_share = 0;
};

struct ActorProfileQuery {
  std::string code;             // prefix: "RUS" = Russia and all its sectors
  EventFilter filter;           // window and event types
  ActorLevel level = ActorLevel::kCountry;
  int max_partners = 20, max_codes = 10;
};

// NotFound when the actor has no events.
Status GetActorProfile(sql::Db& db, const ActorProfileQuery& q, ActorProfile* out);

// Most frequent names used for each actor key (for labels); keys absent from
// the result have no name.
Status ActorLabels(sql::Db& db, ActorLevel level, const std::vector<std::string>& keys,
                   std::vector<std::string>* labels);

}  // namespace dyad
