// coder — Event <-> JSON Lines, and Event -> CSV/TSV rows.
#include "dyad/coder/event_json.h"

#include <nlohmann/json.hpp>

namespace dyad {
namespace {

using nlohmann::ordered_json;

ordered_json ActorJson(const std::optional<EventActor>& a) {
  if (!a) return nullptr;
  ordered_json j;
  j["code"] = a->code;
  j["country"] = a->country;
  j["sector"] = a->sector;
  j["text"] = a->text;
  j["start"] = a->start;
  j["end"] = a->end;
  return j;
}

ordered_json EvidenceJson(const Evidence& ev, bool with_text) {
  ordered_json j;
  if (with_text) j["text"] = ev.text;
  j["start"] = ev.start;
  j["end"] = ev.end;
  j["trigger"] = ev.trigger;
  j["trigger_start"] = ev.trigger_start;
  j["trigger_end"] = ev.trigger_end;
  j["rule"] = ev.rule;
  return j;
}

template <typename T>
void Get(const nlohmann::json& j, const char* key, T* out) {
  auto it = j.find(key);
  if (it != j.end() && !it->is_null()) *out = it->get<T>();
}

void ReadEvidence(const nlohmann::json& j, Evidence* ev) {
  Get(j, "text", &ev->text);
  Get(j, "start", &ev->start);
  Get(j, "end", &ev->end);
  Get(j, "trigger", &ev->trigger);
  Get(j, "trigger_start", &ev->trigger_start);
  Get(j, "trigger_end", &ev->trigger_end);
  Get(j, "rule", &ev->rule);
}

std::optional<EventActor> ReadActor(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  EventActor a;
  Get(*it, "code", &a.code);
  Get(*it, "country", &a.country);
  Get(*it, "sector", &a.sector);
  Get(*it, "text", &a.text);
  Get(*it, "start", &a.start);
  Get(*it, "end", &a.end);
  return a;
}

std::string Num(double v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::vector<std::string> Row(const Event& e) {
  auto side = [](const std::optional<EventActor>& a, std::vector<std::string>* r) {
    r->push_back(a ? a->code : "");
    r->push_back(a ? a->country : "");
    r->push_back(a ? a->sector : "");
    r->push_back(a ? a->text : "");
  };
  std::vector<std::string> r;
  r.push_back(e.doc_id);
  r.push_back(std::to_string(e.sentence));
  r.push_back(e.date);
  r.push_back(e.event_date);
  side(e.source, &r);
  side(e.target, &r);
  r.push_back(e.cameo);
  r.push_back(e.cameo_root);
  r.push_back(e.cameo_name);
  r.push_back(Num(e.goldstein));
  r.push_back(std::to_string(e.quad_class));
  r.push_back(e.plover.event);
  r.push_back(e.plover.mode);
  r.push_back(e.plover.context);
  r.push_back(e.negated ? "true" : "false");
  r.push_back(ModalityName(e.modality));
  r.push_back(e.historical ? "true" : "false");
  r.push_back(std::to_string(1 + e.mentions.size()));
  r.push_back(e.evidence.trigger);
  r.push_back(e.evidence.rule);
  r.push_back(std::to_string(e.evidence.start));
  r.push_back(std::to_string(e.evidence.end));
  r.push_back(e.evidence.text);
  return r;
}

void WriteDelimited(const std::vector<std::string>& fields, char sep, std::ostream& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << sep;
    const std::string& f = fields[i];
    if (sep == ',') {
      if (f.find_first_of(",\"\n\r") == std::string::npos) {
        out << f;
      } else {
        out << '"';
        for (char c : f) {
          if (c == '"') out << '"';
          out << c;
        }
        out << '"';
      }
    } else {
      for (char c : f) out << ((c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
  }
  out << '\n';
}

}  // namespace

std::string EventToJson(const Event& e) {
  ordered_json j;
  j["doc_id"] = e.doc_id;
  j["sentence"] = e.sentence;
  j["date"] = e.date;
  j["event_date"] = e.event_date;
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  j["cameo"] = e.cameo;
  j["cameo_root"] = e.cameo_root;
  j["cameo_name"] = e.cameo_name;
  j["goldstein"] = e.goldstein;
  j["quad_class"] = e.quad_class;
  j["plover"] = {{"event", e.plover.event}, {"mode", e.plover.mode}, {"context", e.plover.context}};
  j["negated"] = e.negated;
  j["modality"] = ModalityName(e.modality);
  j["historical"] = e.historical;
  j["evidence"] = EvidenceJson(e.evidence, true);
  ordered_json spans = ordered_json::array();
  for (const Mention& m : e.mentions) {
    ordered_json s;
    s["sentence"] = m.sentence;
    s["text"] = m.evidence.text;
    s["start"] = m.evidence.start;
    s["end"] = m.evidence.end;
    s["trigger"] = m.evidence.trigger;
    s["trigger_start"] = m.evidence.trigger_start;
    s["trigger_end"] = m.evidence.trigger_end;
    s["rule"] = m.evidence.rule;
    spans.push_back(std::move(s));
  }
  j["mentions"] = {{"count", 1 + e.mentions.size()}, {"spans", std::move(spans)}};
  // Invalid UTF-8 cannot reach here (text is validated on input), but replace
  // rather than throw if it ever does.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool ParseModality(std::string_view name, Modality* m) {
  for (Modality x : {Modality::kAsserted, Modality::kIntended, Modality::kConditional,
                     Modality::kHypothetical, Modality::kReported}) {
    if (name == ModalityName(x)) {
      *m = x;
      return true;
    }
  }
  return false;
}

Status EventFromJson(std::string_view line, Event* e) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("event: not a JSON object");
  try {
    *e = Event();
    Get(j, "doc_id", &e->doc_id);
    Get(j, "sentence", &e->sentence);
    Get(j, "date", &e->date);
    Get(j, "event_date", &e->event_date);
    e->source = ReadActor(j, "source");
    e->target = ReadActor(j, "target");
    Get(j, "cameo", &e->cameo);
    Get(j, "cameo_root", &e->cameo_root);
    Get(j, "cameo_name", &e->cameo_name);
    Get(j, "goldstein", &e->goldstein);
    Get(j, "quad_class", &e->quad_class);
    if (auto it = j.find("plover"); it != j.end() && it->is_object()) {
      Get(*it, "event", &e->plover.event);
      Get(*it, "mode", &e->plover.mode);
      Get(*it, "context", &e->plover.context);
    }
    Get(j, "negated", &e->negated);
    std::string modality;
    Get(j, "modality", &modality);
    if (!modality.empty() && !ParseModality(modality, &e->modality))
      return Status::InvalidInput("event: unknown modality '" + modality + "'");
    Get(j, "historical", &e->historical);
    if (auto it = j.find("evidence"); it != j.end() && it->is_object()) ReadEvidence(*it, &e->evidence);
    if (auto it = j.find("mentions"); it != j.end() && it->is_object()) {
      if (auto sp = it->find("spans"); sp != it->end() && sp->is_array()) {
        for (const auto& s : *sp) {
          Mention m;
          Get(s, "sentence", &m.sentence);
          ReadEvidence(s, &m.evidence);
          e->mentions.push_back(std::move(m));
        }
      }
    }
  } catch (const nlohmann::json::exception& ex) {
    return Status::InvalidInput(std::string("event: bad field type: ") + ex.what());
  }
  if (e->cameo.empty()) return Status::InvalidInput("event: missing cameo");
  return Status::OK();
}

std::vector<std::string> EventTableColumns() {
  return {"doc_id", "sentence", "date", "event_date", "source_code", "source_country",
          "source_sector", "source_text", "target_code", "target_country", "target_sector",
          "target_text", "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class",
          "plover_event", "plover_mode", "plover_context", "negated", "modality",
          "historical", "mentions", "trigger", "rule", "evidence_start", "evidence_end",
          "evidence_text"};
}

void WriteCsvHeader(std::ostream& out) { WriteDelimited(EventTableColumns(), ',', out); }
void WriteCsvRow(const Event& e, std::ostream& out) { WriteDelimited(Row(e), ',', out); }
void WriteTsvHeader(std::ostream& out) { WriteDelimited(EventTableColumns(), '\t', out); }
void WriteTsvRow(const Event& e, std::ostream& out) { WriteDelimited(Row(e), '\t', out); }

}  // namespace dyad
