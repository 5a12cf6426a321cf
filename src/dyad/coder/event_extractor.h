// coder — finding the events of one parsed sentence: match verb and
// event-noun patterns against each word's syntactic frame, resolve control
// words (pledge/urge/threaten/refuse/say ... + the clause or noun they
// govern), pick source and target from the parse (subjects, passive agents,
// objects and prepositional phrases, possessors, light verbs), and mark
// negation, modality and time. Duplicate merging and output filtering are
// document-level and live in coder.cpp.
#pragma once

#include <string>
#include <vector>

#include "dyad/coder/actor_resolver.h"
#include "dyad/coder/event.h"
#include "dyad/coder/parse_view.h"
#include "dyad/lexicon/lexicon.h"
#include "dyad/lexicon/verb_dictionary.h"

namespace dyad {

// One coded event before it is turned into an Event record.
struct RawEvent {
  std::string code;
  std::optional<ActorRef> source, target;
  Modality modality = Modality::kAsserted;
  bool negated = false;
  bool historical = false;
  bool half_ok = false;       // may stand with one side missing
  std::string event_date;
  int trigger = -1;           // word index
  std::string rule;           // pattern id(s), control first: "say>19_fight.txt:3"
};

class EventExtractor {
 public:
  EventExtractor(const VerbDictionary& verbs, const Lexicon& lexicon);

  // Codes one sentence. `trace` (may be null) receives the explain log.
  std::vector<RawEvent> Extract(const ParseView& view, const SentenceActors& actors,
                                const std::string& article_date, std::string* trace) const;

 private:
  const VerbDictionary& verbs_;
  const Lexicon& lex_;
};

}  // namespace dyad
