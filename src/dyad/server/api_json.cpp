// server — JSON shapes of the API (see api_json.h).
#include "dyad/server/api_json.h"

#include <algorithm>

namespace dyad::api {

std::vector<Segment> Highlight(const std::string& sentence, uint32_t sentence_start,
                               const std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>>& spans) {
  const size_t n = sentence.size();
  std::vector<int> role_of(n, -1);
  auto char_start = [&](size_t i) {
    while (i > 0 && i < n && (static_cast<unsigned char>(sentence[i]) & 0xC0) == 0x80) --i;
    return i;
  };
  // Later roles first so that earlier ones overwrite them.
  for (int r = static_cast<int>(spans.size()) - 1; r >= 0; --r) {
    auto [a, b] = spans[r].second;
    if (b <= a || a < sentence_start || b > sentence_start + n) continue;
    size_t from = char_start(a - sentence_start);
    size_t to = char_start(b - sentence_start);
    if (to < n && b - sentence_start > to) {
      // b cut a character: extend to its end.
      to = b - sentence_start;
      while (to < n && (static_cast<unsigned char>(sentence[to]) & 0xC0) == 0x80) ++to;
    }
    for (size_t i = from; i < to && i < n; ++i) role_of[i] = r;
  }
  std::vector<Segment> out;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && role_of[j] == role_of[i]) ++j;
    out.push_back({sentence.substr(i, j - i), role_of[i] < 0 ? std::string() : spans[role_of[i]].first});
    i = j;
  }
  return out;
}

namespace {

Json ActorJson(const StoredActor& a) {
  if (!a.present) return nullptr;
  return Json{{"code", a.code}, {"country", a.country}, {"sector", a.sector}, {"name", a.name}};
}

Json SpanJson(const std::string& text, uint32_t start, uint32_t end) {
  if (text.empty() && start == 0 && end == 0) return nullptr;
  return Json{{"text", text}, {"start", start}, {"end", end}};
}

}  // namespace

Json MentionJson(const StoredMention& m) {
  Json j{{"id", m.id}, {"origin", m.origin}, {"report", m.report}};
  j["doc_id"] = m.doc_id.empty() ? Json(nullptr) : Json(m.doc_id);
  j["sentence"] = m.sentence;
  j["article_date"] = m.article_date;
  j["source_span"] = SpanJson(m.source.text, m.source.start, m.source.end);
  j["target_span"] = SpanJson(m.target.text, m.target.start, m.target.end);
  if (!m.evidence.text.empty()) {
    j["evidence"] = Json{{"text", m.evidence.text},
                         {"start", m.evidence.start},
                         {"end", m.evidence.end},
                         {"trigger", m.evidence.trigger},
                         {"trigger_start", m.evidence.trigger_start},
                         {"trigger_end", m.evidence.trigger_end},
                         {"rule", m.evidence.rule}};
    std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> spans;
    if (m.evidence.trigger_end > m.evidence.trigger_start)
      spans.push_back({"trigger", {m.evidence.trigger_start, m.evidence.trigger_end}});
    if (m.source.end > m.source.start) spans.push_back({"source", {m.source.start, m.source.end}});
    if (m.target.end > m.target.start) spans.push_back({"target", {m.target.start, m.target.end}});
    Json segs = Json::array();
    for (const auto& s : Highlight(m.evidence.text, m.evidence.start, spans)) {
      segs.push_back(s.role.empty() ? Json{{"text", s.text}} : Json{{"text", s.text}, {"role", s.role}});
    }
    j["highlight"] = std::move(segs);
  } else {
    j["evidence"] = nullptr;
    j["highlight"] = Json::array();
  }
  if (!m.publisher.empty()) j["publisher"] = m.publisher;
  if (!m.url.empty()) j["url"] = m.url;
  if (!m.place.empty()) j["place"] = m.place;
  if (m.latitude && m.longitude) j["geo"] = Json{{"lat", *m.latitude}, {"lon", *m.longitude}};
  j["weight"] = Json{{"mentions", m.weight_mentions}, {"articles", m.weight_articles}};
  return j;
}

Json EventJson(const StoredEvent& e) {
  Json j{{"id", e.id},
         {"date", e.day},
         {"source", ActorJson(e.source)},
         {"target", ActorJson(e.target)},
         {"cameo", e.cameo},
         {"cameo_root", e.cameo_root},
         {"cameo_name", e.cameo_name},
         {"goldstein", e.goldstein},
         {"quad_class", e.quad_class},
         {"plover", Json{{"event", e.plover.event}, {"mode", e.plover.mode}, {"context", e.plover.context}}},
         {"negated", e.negated},
         {"modality", e.modality},
         {"historical", e.historical},
         {"n_mentions", e.n_mentions},
         {"n_articles", e.n_articles}};
  Json ms = Json::array();
  for (const auto& m : e.mentions) ms.push_back(MentionJson(m));
  j["mentions"] = std::move(ms);
  return j;
}

StoredEvent FromCodedEvent(const Event& e, const std::string& doc_id) {
  StoredEvent s;
  s.day = e.event_date.empty() ? e.date : e.event_date;
  auto actor = [](const std::optional<EventActor>& a) {
    StoredActor o;
    if (a) o = {true, a->code, a->country, a->sector, a->text};
    return o;
  };
  s.source = actor(e.source);
  s.target = actor(e.target);
  s.cameo = e.cameo;
  s.cameo_root = e.cameo_root;
  s.cameo_name = e.cameo_name;
  s.goldstein = e.goldstein;
  s.quad_class = e.quad_class;
  s.plover = e.plover;
  s.negated = e.negated;
  s.modality = ModalityName(e.modality);
  s.historical = e.historical;
  s.n_mentions = 1 + static_cast<int64_t>(e.mentions.size());
  s.n_articles = 1;
  StoredMention m;
  m.origin = "coded";
  m.report = doc_id;
  m.doc_id = doc_id;
  m.sentence = e.sentence;
  m.article_date = e.date;
  if (e.source) m.source = *e.source;
  if (e.target) m.target = *e.target;
  m.evidence = e.evidence;
  s.mentions.push_back(std::move(m));
  for (const Mention& extra : e.mentions) {
    StoredMention x;
    x.origin = "coded";
    x.report = doc_id;
    x.doc_id = doc_id;
    x.sentence = extra.sentence;
    x.article_date = e.date;
    x.evidence = extra.evidence;
    x.weight_articles = 0;
    s.mentions.push_back(std::move(x));
  }
  return s;
}

namespace {
Json PointJson(const SeriesPoint& p) {
  return Json{{"period", p.period},
              {"events", p.events},
              {"mentions", p.mentions},
              {"neutral", p.quad[0]},
              {"verbal_cooperation", p.quad[1]},
              {"material_cooperation", p.quad[2]},
              {"verbal_conflict", p.quad[3]},
              {"material_conflict", p.quad[4]},
              {"cooperation", p.cooperation()},
              {"conflict", p.conflict()},
              {"net_cooperation", p.net_cooperation()},
              {"goldstein_sum", p.goldstein_sum},
              {"goldstein_mean", p.goldstein_mean}};
}

Json CodesJson(const std::vector<AlertCode>& codes) {
  Json a = Json::array();
  for (const auto& c : codes) a.push_back(Json{{"cameo", c.cameo}, {"name", c.name}, {"events", c.events}});
  return a;
}
}  // namespace

Json SeriesJson(const std::vector<SeriesPoint>& points, Granularity g) {
  Json a = Json::array();
  for (const auto& p : points) a.push_back(PointJson(p));
  return Json{{"granularity", GranularityName(g)}, {"points", std::move(a)}};
}

Json NetworkJson(const Network& n, ActorLevel level) {
  Json nodes = Json::array(), edges = Json::array();
  for (const auto& x : n.nodes)
    nodes.push_back(Json{{"id", x.id}, {"label", x.label}, {"events", x.events},
                         {"cooperation", x.cooperation}, {"conflict", x.conflict}, {"degree", x.degree}});
  for (const auto& e : n.edges)
    edges.push_back(Json{{"source", e.source}, {"target", e.target}, {"events", e.events},
                         {"mentions", e.mentions}, {"cooperation", e.cooperation},
                         {"conflict", e.conflict}, {"neutral", e.neutral},
                         {"net_cooperation", e.net_cooperation()}, {"goldstein_sum", e.goldstein_sum},
                         {"goldstein_mean", e.goldstein_mean}});
  return Json{{"level", ActorLevelName(level)}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

Json AlertsJson(const AlertReport& r, ActorLevel level) {
  Json a = Json::array();
  for (const auto& x : r.alerts)
    a.push_back(Json{{"source", x.source}, {"target", x.target}, {"source_label", x.source_label},
                     {"target_label", x.target_label}, {"week", x.week}, {"count", x.count},
                     {"baseline", Json{{"weeks", x.baseline_weeks}, {"mean", x.baseline_mean}, {"sd", x.baseline_sd}}},
                     {"model", x.model}, {"p_value", x.p_value}, {"surprise", x.surprise},
                     {"z", x.z}, {"ratio", x.ratio}, {"top_codes", CodesJson(x.top_codes)}});
  return Json{{"level", ActorLevelName(level)}, {"as_of", r.as_of}, {"first_week", r.first_week},
              {"last_week", r.last_week}, {"data_start", r.data_start},
              {"dyads_scored", r.dyads_scored}, {"alerts", std::move(a)}};
}

Json ActorsJson(const std::vector<ActorSummary>& actors, ActorLevel level) {
  Json a = Json::array();
  for (const auto& x : actors)
    a.push_back(Json{{"code", x.code}, {"label", x.label}, {"events", x.events},
                     {"as_source", x.as_source}, {"as_target", x.as_target},
                     {"cooperation", x.cooperation}, {"conflict", x.conflict},
                     {"first_day", x.first_day}, {"last_day", x.last_day}});
  return Json{{"level", ActorLevelName(level)}, {"actors", std::move(a)}};
}

Json ProfileJson(const ActorProfile& p) {
  Json partners = Json::array();
  for (const auto& x : p.partners)
    partners.push_back(Json{{"code", x.code}, {"label", x.label}, {"events_out", x.events_out},
                            {"events_in", x.events_in}, {"cooperation", x.cooperation},
                            {"conflict", x.conflict}, {"goldstein_mean", x.goldstein_mean}});
  Json trend = Json::array();
  for (const auto& t : p.trend) trend.push_back(PointJson(t));
  return Json{{"code", p.code},
              {"label", p.label},
              {"level", ActorLevelName(p.level)},
              {"events", p.events},
              {"as_source", p.as_source},
              {"as_target", p.as_target},
              {"mentions", p.mentions},
              {"first_day", p.first_day},
              {"last_day", p.last_day},
              {"goldstein_mean_out", p.goldstein_mean_out},
              {"goldstein_mean_in", p.goldstein_mean_in},
              {"partners", std::move(partners)},
              {"top_codes", CodesJson(p.top_codes)},
              {"trend", std::move(trend)},
              {"recent", Json{{"events", p.recent_events}, {"conflict_share", p.recent_conflict_share}}},
              {"previous", Json{{"events", p.previous_events}, {"conflict_share", p.previous_conflict_share}}}};
}

Json DocumentJson(const StoredDocument& d) {
  Json sents = Json::array();
  for (const auto& s : d.sentences)
    sents.push_back(Json{{"index", s.index}, {"start", s.start}, {"end", s.end}, {"text", s.text}});
  Json events = Json::array();
  for (const auto& e : d.events) events.push_back(EventJson(e));
  return Json{{"id", d.id},       {"date", d.date},     {"title", d.title},
              {"url", d.url},     {"source", d.source}, {"origin", d.origin},
              {"ingested_at", d.ingested_at}, {"text", d.text}, {"sentences", std::move(sents)},
              {"events", std::move(events)}};
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace dyad::api
