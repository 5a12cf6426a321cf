// server — the JSON shapes of the API (docs/api.md): events with their
// evidence and highlight segments, series, networks, alerts, actors and
// documents. One shape per thing, whether it comes from the store or from
// coding a text on the fly.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "dyad/analytics/analytics.h"
#include "dyad/coder/event.h"
#include "dyad/store/event_query.h"
#include "dyad/text/document.h"

namespace dyad::api {

using Json = nlohmann::ordered_json;

// A piece of an evidence sentence; role "" for plain text, else "source",
// "target" or "trigger". Concatenated, the pieces give the sentence.
struct Segment {
  std::string text;
  std::string role;
};

// Splits `sentence` (which starts at byte `sentence_start` of its document)
// at the given document byte spans; a span outside the sentence is ignored,
// overlaps go to the earlier role in the list, and cuts move back to UTF-8
// character starts.
std::vector<Segment> Highlight(const std::string& sentence, uint32_t sentence_start,
                               const std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>>& spans);

Json MentionJson(const StoredMention& m);
Json EventJson(const StoredEvent& e);
// A freshly coded event, in the stored shape (id 0, one article).
StoredEvent FromCodedEvent(const Event& e, const std::string& doc_id);

Json SeriesJson(const std::vector<SeriesPoint>& points, Granularity g);
Json NetworkJson(const Network& n, ActorLevel level);
Json AlertsJson(const AlertReport& r, ActorLevel level);
Json ActorsJson(const std::vector<ActorSummary>& actors, ActorLevel level);
Json ProfileJson(const ActorProfile& p);
Json DocumentJson(const StoredDocument& d);

// Serialises with invalid UTF-8 replaced (stored text is not trusted).
std::string Dump(const Json& j);

}  // namespace dyad::api
