// coder — the Coder implementation: per document, resolve actors sentence
// by sentence (with a document memory for references), extract events,
// fill in the ontology fields, merge duplicates and apply output filters.
#include "dyad/coder/coder.h"

#include <map>

#include "dyad/coder/actor_resolver.h"
#include "dyad/coder/event_extractor.h"
#include "dyad/coder/parse_view.h"
#include "dyad/coder/surname_index.h"
#include "dyad/coder/temporal.h"
#include "dyad/lexicon/lexicon.h"
#include "dyad/lexicon/verb_dictionary.h"
#include "dyad/util/resources.h"

namespace dyad {
namespace {

EventActor ToEventActor(const ActorRef& r) {
  EventActor a;
  a.code = r.code;
  a.country = r.country;
  a.sector = r.sector;
  a.text = r.text;
  a.start = r.start;
  a.end = r.end;
  return a;
}

// require_dyad: both sides coded, and not both mere sectors of no known
// country ("---REB" -> "---MIL" says who fought whom nowhere in particular).
bool FullDyad(const Event& e) {
  if (!e.source || !e.target || e.source->code.empty() || e.target->code.empty()) return false;
  return e.source->country != "---" || e.target->country != "---";
}

std::string ActorKey(const std::optional<EventActor>& a) {
  if (!a) return "-";
  return a->code.empty() ? "?" + a->text : a->code;
}

class CoderImpl : public Coder {
 public:
  CoderImpl(const CoderOptions& o, std::unique_ptr<Lexicon> lex, std::unique_ptr<VerbDictionary> verbs)
      : opts_(o), lex_(std::move(lex)), verbs_(std::move(verbs)), extractor_(*verbs_, *lex_) {
    surnames_.Build(lex_->actors());
  }

  std::vector<Event> Code(const Document& doc) const override {
    std::vector<Event> all = Run(doc, nullptr);
    std::vector<Event> out;
    for (Event& e : all) {
      if (e.negated && !opts_.include_negated) continue;
      if (e.historical && !opts_.include_historical) continue;
      if (opts_.require_dyad && !FullDyad(e)) continue;
      out.push_back(std::move(e));
    }
    return out;
  }

  std::vector<Event> CodeAll(const Document& doc) const override { return Run(doc, nullptr); }

  std::string Explain(const Document& doc) const override {
    std::string trace;
    std::vector<Event> events = Run(doc, &trace);
    trace += "== events (" + std::to_string(events.size()) + ", before output filters)\n";
    for (const Event& e : events) {
      trace += "  s" + std::to_string(e.sentence) + " " + e.cameo + " " + ActorKey(e.source) + " -> " +
               ActorKey(e.target) + " (" + e.cameo_name + ")" + (e.negated ? " negated" : "") +
               (e.historical ? " historical" : "") + " modality=" + ModalityName(e.modality) +
               " date=" + e.event_date + " trigger='" + e.evidence.trigger + "' rule=" + e.evidence.rule;
      if (!e.mentions.empty()) trace += " mentions=" + std::to_string(1 + e.mentions.size());
      trace += "\n";
    }
    return trace;
  }

  const CoderOptions& options() const override { return opts_; }
  size_t pattern_count() const override { return verbs_->size(); }

 private:
  std::vector<Event> Run(const Document& doc, std::string* trace) const {
    std::vector<Event> events;
    DocMemory memory;
    std::map<std::string, size_t> seen;  // merge key -> index in events
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.words.empty()) continue;
      ParseView view(s);
      if (trace) {
        *trace += "== sentence " + std::to_string(si) + ": " + SentenceText(doc, s) + "\n-- parse\n" + view.Compact();
      }
      SentenceActors actors(view, doc.text, static_cast<int>(si), *lex_, doc.date, &memory, verbs_.get(),
                            &surnames_);
      if (trace) *trace += "-- actors\n" + actors.Trace() + "-- patterns\n";
      std::vector<RawEvent> raw = extractor_.Extract(view, actors, doc.date, trace);
      for (const RawEvent& r : raw) {
        Event e = Build(doc, si, view, r);
        std::string key = ActorKey(e.source) + "|" + ActorKey(e.target) + "|" + e.cameo + "|" +
                          (e.negated ? "n" : "") + (e.historical ? "h" : "");
        if (opts_.merge_duplicates) {
          auto it = seen.find(key);
          if (it != seen.end()) {
            Event& first = events[it->second];
            if (first.sentence == e.sentence && first.evidence.trigger_start == e.evidence.trigger_start) continue;
            first.mentions.push_back({e.sentence, e.evidence});
            continue;
          }
          seen[key] = events.size();
        }
        events.push_back(std::move(e));
      }
    }
    return events;
  }

  static std::string SentenceText(const Document& doc, const Sentence& s) {
    if (s.end > s.start && s.end <= doc.text.size()) return doc.text.substr(s.start, s.end - s.start);
    std::string t;
    for (const auto& w : s.words) t += w.form + (w.space_after ? " " : "");
    return t;
  }

  Event Build(const Document& doc, size_t si, const ParseView& view, const RawEvent& r) const {
    const Sentence& s = doc.sentences[si];
    Event e;
    e.doc_id = doc.id;
    e.sentence = static_cast<int>(si);
    e.date = doc.date;
    // Always a full date (the event.h contract): a coarser time ("in 1994")
    // leaves the article date here; the historical flag tells it is earlier.
    int y, m, d;
    e.event_date = ParseIsoDate(r.event_date, &y, &m, &d) ? r.event_date : doc.date;
    if (r.source) e.source = ToEventActor(*r.source);
    if (r.target) e.target = ToEventActor(*r.target);
    e.cameo = r.code;
    e.cameo_root = r.code.substr(0, 2);
    if (const Ontology* ont = lex_->ontology()) {
      if (const CameoCode* c = ont->FindOrParent(r.code)) {
        e.cameo_name = c->name;
        e.goldstein = c->goldstein;
      }
      e.plover = ont->ToPlover(r.code);
    }
    int q = Ontology::QuadClass(r.code, opts_.quad_scheme);
    e.quad_class = q < 0 ? 0 : q;
    e.negated = r.negated;
    e.modality = r.modality;
    e.historical = r.historical;
    e.evidence.text = SentenceText(doc, s);
    e.evidence.start = s.start;
    e.evidence.end = s.end;
    if (r.trigger >= 0 && r.trigger < view.size()) {
      const Word& w = s.words[r.trigger];
      e.evidence.trigger = w.form;
      e.evidence.trigger_start = w.start;
      e.evidence.trigger_end = w.end;
    }
    e.evidence.rule = r.rule;
    return e;
  }

  CoderOptions opts_;
  std::unique_ptr<Lexicon> lex_;
  std::unique_ptr<VerbDictionary> verbs_;
  EventExtractor extractor_;
  SurnameIndex surnames_;
};

}  // namespace

Status Coder::Load(const CoderOptions& options, std::unique_ptr<Coder>* out) {
  std::string dir = options.dict_dir.empty() ? ResourcePath("dict") : options.dict_dir;
  std::unique_ptr<Lexicon> lex;
  Status st = Lexicon::Load(dir, &lex);
  if (!st.ok()) return st;
  std::unique_ptr<VerbDictionary> verbs;
  st = VerbDictionary::Load(dir + "/verbs", lex->ontology(), &verbs);
  if (!st.ok()) return st;
  CoderOptions o = options;
  o.dict_dir = dir;
  *out = std::make_unique<CoderImpl>(o, std::move(lex), std::move(verbs));
  return Status::OK();
}

}  // namespace dyad
