// coder — turns parsed sentences into events: who did what to whom. It reads
// the dependency parse, finds actors with the lexicon, matches verb and
// event-noun patterns, and handles negation, modality, reported speech,
// coreference, compound actors, historical references and in-document
// duplicates. This header is the event record every later stage (store,
// analytics, server, outside tools via JSON Lines) depends on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dyad/lexicon/plover.h"

namespace dyad {

// One side of an event. `code` is the full CAMEO actor code ("PRKGOV",
// "IGOUNO", "USAMIL"); empty when the actor is named in the text but not in
// the dictionaries, so dictionary gaps stay visible.
struct EventActor {
  std::string code;      // "PRKGOV"; "" for an unknown named actor
  std::string country;   // primary 3-letter block: "PRK", "IGO", "" if unknown
  std::string sector;    // agent block(s) after the country: "GOV", "MIL", ""
  std::string text;      // the words that named the actor ("Kim Jong Un")
  uint32_t start = 0, end = 0;  // byte span of `text` in the document
};

enum class Modality { kAsserted, kIntended, kConditional, kHypothetical, kReported };
const char* ModalityName(Modality m);

struct Evidence {
  std::string text;      // the sentence (or clause) that carries the event
  uint32_t start = 0, end = 0;  // byte span of `text` in the document
  std::string trigger;   // the verb or noun that triggered the pattern ("denounced")
  uint32_t trigger_start = 0, trigger_end = 0;
  std::string rule;      // id of the dictionary pattern / coder rule that fired
};

// Another place in the same document that reports the same event.
struct Mention {
  int sentence = 0;
  Evidence evidence;
};

struct Event {
  std::string doc_id;
  int sentence = 0;          // 0-based index of the sentence in the document
  std::string date;          // article date YYYY-MM-DD
  std::string event_date;    // when it happened, if the text says; else = date
  std::optional<EventActor> source, target;
  std::string cameo;         // full code as a string: "0332", "111", "030"
  std::string cameo_root;    // "03"
  std::string cameo_name;    // "Express intent to provide military aid"
  double goldstein = 0;
  int quad_class = 0;        // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict (0 neutral in 5-class scheme)
  Plover plover;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  bool historical = false;
  Evidence evidence;
  std::vector<Mention> mentions;   // further mentions merged into this event
};

}  // namespace dyad
