// dyad query: the analytics from the command line, over an event store.
// Output is the API's JSON (docs/api.md) or, with --format tsv, a table.
//
//   dyad query series --db events.db --source USA --target RUS --both --granularity month
//   dyad query network --db events.db --from 2020-01-01 --to 2020-12-31 --format tsv
//   dyad query alerts --db events.db --weeks 4
//   dyad query actor RUS --db events.db
//   dyad query events --db events.db --actor IRN --text "nuclear talks" --limit 5
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/analytics/analytics.h"
#include "dyad/server/api_json.h"
#include "dyad/store/event_query.h"
#include "dyad/store/store.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string db, format = "json";
  // filter
  std::string actor, source, target, code, roots, quads, from, to, text, doc, origin;
  bool both = false, negated = false;
  // analytics
  std::string granularity = "week", level = "country", as_of, actor_code, search;
  int limit = 50, offset = 0, max_nodes = 40, weeks = 4, baseline = 12, min_baseline = 4;
  int64_t min_events = 1, min_count = 3;
  double min_surprise = 2.0;
  bool self = false;
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t c = s.find(',', start);
    if (c == std::string::npos) c = s.size();
    if (c > start) out.push_back(s.substr(start, c - start));
    start = c + 1;
  }
  return out;
}

EventFilter Filter(const Args& a) {
  EventFilter f;
  f.actor = a.actor;
  f.source = a.source;
  f.target = a.target;
  f.both_directions = a.both;
  f.code = a.code;
  f.roots = Split(a.roots);
  for (const auto& q : Split(a.quads)) {
    if (q.size() != 1 || q[0] < '0' || q[0] > '4') Fail("--quad lists quad classes 0..4 (got '" + q + "')");
    f.quad_classes.push_back(q[0] - '0');
  }
  f.from = a.from;
  f.to = a.to;
  f.text = a.text;
  f.doc_id = a.doc;
  f.origin = a.origin;
  f.include_negated = a.negated;
  Status s = ValidateFilter(f);
  if (!s.ok()) Fail(s.message());
  return f;
}

ActorLevel Level(const Args& a) {
  ActorLevel l;
  if (!ParseActorLevel(a.level, &l)) Fail("--level must be country, sector or code");
  return l;
}

std::unique_ptr<EventStore> OpenDb(const Args& a) {
  StoreOptions o;
  o.read_only = true;
  std::unique_ptr<EventStore> s;
  Status st = EventStore::Open(a.db, o, &s);
  if (!st.ok()) Fail(st.message());
  return s;
}

void Check(const Status& s) {
  if (!s.ok()) Fail(s.message());
}

bool Tsv(const Args& a) {
  if (a.format != "json" && a.format != "tsv") Fail("--format must be json or tsv");
  return a.format == "tsv";
}

void Print(const api::Json& j) { std::cout << j.dump(2, ' ', false, api::Json::error_handler_t::replace) << "\n"; }

void Series(const Args& a) {
  auto store = OpenDb(a);
  SeriesQuery q;
  q.filter = Filter(a);
  if (!ParseGranularity(a.granularity, &q.granularity)) Fail("--granularity must be day, week or month");
  std::vector<SeriesPoint> pts;
  Check(DyadSeries(store->db(), q, &pts));
  if (!Tsv(a)) return Print(api::SeriesJson(pts, q.granularity));
  std::cout << "period\tevents\tmentions\tneutral\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\t"
               "net_cooperation\tgoldstein_sum\tgoldstein_mean\n";
  for (const auto& p : pts)
    std::cout << p.period << "\t" << p.events << "\t" << p.mentions << "\t" << p.quad[0] << "\t" << p.quad[1] << "\t"
              << p.quad[2] << "\t" << p.quad[3] << "\t" << p.quad[4] << "\t" << p.net_cooperation() << "\t"
              << p.goldstein_sum << "\t" << p.goldstein_mean << "\n";
}

void NetworkCmd(const Args& a) {
  auto store = OpenDb(a);
  NetworkQuery q;
  q.filter = Filter(a);
  q.level = Level(a);
  q.max_nodes = a.max_nodes;
  q.min_events = a.min_events;
  q.include_self = a.self;
  Network n;
  Check(ActorNetwork(store->db(), q, &n));
  if (!Tsv(a)) return Print(api::NetworkJson(n, q.level));
  std::cout << "source\ttarget\tevents\tmentions\tcooperation\tconflict\tnet_cooperation\tgoldstein_mean\n";
  for (const auto& e : n.edges)
    std::cout << e.source << "\t" << e.target << "\t" << e.events << "\t" << e.mentions << "\t" << e.cooperation
              << "\t" << e.conflict << "\t" << e.net_cooperation() << "\t" << e.goldstein_mean << "\n";
}

void Alerts(const Args& a) {
  auto store = OpenDb(a);
  AlertQuery q;
  q.filter = Filter(a);
  q.level = Level(a);
  q.as_of = a.as_of;
  q.eval_weeks = a.weeks;
  q.baseline_weeks = a.baseline;
  q.min_baseline_weeks = std::min(a.min_baseline, a.baseline);
  q.min_count = a.min_count;
  q.min_surprise = a.min_surprise;
  q.limit = a.limit;
  AlertReport r;
  Check(EarlyWarning(store->db(), q, &r));
  if (!Tsv(a)) return Print(api::AlertsJson(r, q.level));
  std::cout << "week\tsource\ttarget\tcount\tbaseline_mean\tbaseline_sd\tmodel\tp_value\tsurprise\tz\ttop_code\n";
  for (const auto& x : r.alerts)
    std::cout << x.week << "\t" << x.source << "\t" << x.target << "\t" << x.count << "\t" << x.baseline_mean << "\t"
              << x.baseline_sd << "\t" << x.model << "\t" << x.p_value << "\t" << x.surprise << "\t" << x.z << "\t"
              << (x.top_codes.empty() ? "" : x.top_codes[0].cameo + " " + x.top_codes[0].name) << "\n";
}

void Actors(const Args& a) {
  auto store = OpenDb(a);
  ActorListQuery q;
  q.filter = Filter(a);
  q.level = Level(a);
  q.search = a.search;
  q.limit = a.limit;
  std::vector<ActorSummary> v;
  Check(ListActors(store->db(), q, &v));
  if (!Tsv(a)) return Print(api::ActorsJson(v, q.level));
  std::cout << "code\tlabel\tevents\tas_source\tas_target\tcooperation\tconflict\tfirst_day\tlast_day\n";
  for (const auto& x : v)
    std::cout << x.code << "\t" << x.label << "\t" << x.events << "\t" << x.as_source << "\t" << x.as_target << "\t"
              << x.cooperation << "\t" << x.conflict << "\t" << x.first_day << "\t" << x.last_day << "\n";
}

void Actor(const Args& a) {
  auto store = OpenDb(a);
  ActorProfileQuery q;
  q.code = a.actor_code;
  q.filter = Filter(a);
  q.level = Level(a);
  ActorProfile p;
  Check(GetActorProfile(store->db(), q, &p));
  if (!Tsv(a)) return Print(api::ProfileJson(p));
  std::cout << "partner\tlabel\tevents_out\tevents_in\tcooperation\tconflict\tgoldstein_mean\n";
  for (const auto& x : p.partners)
    std::cout << x.code << "\t" << x.label << "\t" << x.events_out << "\t" << x.events_in << "\t" << x.cooperation
              << "\t" << x.conflict << "\t" << x.goldstein_mean << "\n";
}

void Events(const Args& a) {
  auto store = OpenDb(a);
  EventPage page;
  Check(QueryEvents(store->db(), Filter(a), EventSort::kDateDesc, a.limit, a.offset, 1, &page));
  if (!Tsv(a)) {
    api::Json ev = api::Json::array();
    for (const auto& e : page.events) ev.push_back(api::EventJson(e));
    return Print(api::Json{{"total", page.total}, {"events", std::move(ev)}});
  }
  std::cout << "id\tdate\tsource\ttarget\tcameo\tname\tquad\tgoldstein\tmentions\tarticles\tsentence\n";
  for (const auto& e : page.events) {
    std::string sentence = e.mentions.empty() ? "" : e.mentions[0].evidence.text;
    for (char& c : sentence)
      if (c == '\t' || c == '\n') c = ' ';
    std::cout << e.id << "\t" << e.day << "\t" << e.source.code << "\t" << e.target.code << "\t" << e.cameo << "\t"
              << e.cameo_name << "\t" << e.quad_class << "\t" << e.goldstein << "\t" << e.n_mentions << "\t"
              << e.n_articles << "\t" << sentence << "\n";
  }
}

void AddCommon(CLI::App* c, Args* a) {
  c->add_option("--db", a->db, "the event store")->required();
  c->add_option("--format", a->format, "json (default) or tsv");
  c->add_option("--actor", a->actor, "actor code prefix, either side");
  c->add_option("--source", a->source, "source actor code prefix");
  c->add_option("--target", a->target, "target actor code prefix");
  c->add_flag("--both", a->both, "also the reversed dyad");
  c->add_option("--code", a->code, "CAMEO code prefix");
  c->add_option("--root", a->roots, "CAMEO roots, comma-separated");
  c->add_option("--quad", a->quads, "quad classes, comma-separated (1..4, 0 neutral)");
  c->add_option("--from", a->from, "first day YYYY-MM-DD");
  c->add_option("--to", a->to, "last day YYYY-MM-DD");
  c->add_option("--text", a->text, "full-text query over the reporting sentences");
  c->add_option("--doc", a->doc, "events of this document id");
  c->add_option("--origin", a->origin, "coded, icews or gdelt");
  c->add_flag("--negated", a->negated, "include negated events");
}

CommandRegistrar reg(55, [](CLI::App& app) {
  auto a = std::make_shared<Args>();
  auto* q = app.add_subcommand("query", "Analytics over an event store: series, network, alerts, actors, actor, events");
  q->require_subcommand(1);
  auto* s = q->add_subcommand("series", "Dyad or actor time series (counts per quad class, Goldstein, net cooperation)");
  AddCommon(s, a.get());
  s->add_option("--granularity", a->granularity, "day, week (default) or month");
  s->callback([a]() { Series(*a); });
  auto* n = q->add_subcommand("network", "Actor network over a window");
  AddCommon(n, a.get());
  n->add_option("--level", a->level, "country (default), sector or code");
  n->add_option("--max-nodes", a->max_nodes, "keep the most active actors (default 40)");
  n->add_option("--min-events", a->min_events, "drop lighter edges (default 1)");
  n->add_flag("--self", a->self, "keep domestic edges (actor to itself)");
  n->callback([a]() { NetworkCmd(*a); });
  auto* al = q->add_subcommand("alerts", "Early warning: dyads with conflict above their baseline");
  AddCommon(al, a.get());
  al->add_option("--level", a->level, "country (default), sector or code");
  al->add_option("--as-of", a->as_of, "last day considered (default: latest event)");
  al->add_option("--weeks", a->weeks, "weeks scored (default 4)");
  al->add_option("--baseline", a->baseline, "baseline weeks (default 12)");
  al->add_option("--min-baseline", a->min_baseline, "least weeks of baseline data (default 4)");
  al->add_option("--min-count", a->min_count, "least conflict events in a week (default 3)");
  al->add_option("--min-surprise", a->min_surprise, "least -log10 p (default 2)");
  al->add_option("--limit", a->limit, "most alerts (default 50)");
  al->callback([a]() { Alerts(*a); });
  auto* ls = q->add_subcommand("actors", "Actors by activity");
  AddCommon(ls, a.get());
  ls->add_option("--level", a->level, "country (default), sector or code");
  ls->add_option("--search", a->search, "code prefix or part of a name");
  ls->add_option("--limit", a->limit, "most actors (default 50)");
  ls->callback([a]() { Actors(*a); });
  auto* ac = q->add_subcommand("actor", "Actor profile: partners, event types, trend");
  ac->add_option("code", a->actor_code, "actor code (prefix)")->required();
  AddCommon(ac, a.get());
  ac->add_option("--level", a->level, "partners grouped by country (default), sector or code");
  ac->callback([a]() { Actor(*a); });
  auto* ev = q->add_subcommand("events", "Events with their first evidence sentence");
  AddCommon(ev, a.get());
  ev->add_option("--limit", a->limit, "rows (default 50)");
  ev->add_option("--offset", a->offset, "rows to skip");
  ev->callback([a]() { Events(*a); });
});

}  // namespace
}  // namespace dyad::cli
