// coder — the public entry point of event coding: load the verb/noun pattern
// dictionary and the actor lexicons once, then turn documents already
// annotated by nlp::Pipeline (tokens, lemmas, POS, UD v2 dependency parse)
// into Event records. A loaded Coder is immutable, so one instance may be
// shared by many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/lexicon/ontology.h"  // QuadScheme
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct CoderOptions {
  std::string dict_dir;               // "" = ResourcePath("dict")
  bool include_historical = false;    // also emit events flagged historical
  bool include_negated = false;       // also emit events flagged negated
  // true: drop every event that lacks a coded source or a coded target
  // (PETRARCH's require_dyad; `dyad eval` uses it). false (default): events
  // of kinds that often have no stated target (force posture 15x, threats
  // 13x, protests 14x, coercion and violence 17x-20x) are kept with a null
  // target; every other event still needs both sides. Unknown *named*
  // actors (code "") count as present unless require_dyad is set, and
  // require_dyad also drops a pair of mere sectors of no known country
  // ("---REB" -> "---MIL").
  bool require_dyad = false;
  // Merge repeated reports of the same event in a document into one Event
  // with several `mentions` (off: every mention is its own Event).
  bool merge_duplicates = true;
  // How Event::quad_class is filled: Ontology::QuadClass(code, quad_scheme)
  // (lexicon/ontology.h). kIcews4 (ICEWS/GDELT): 1 verbal cooperation 01-05,
  // 2 material cooperation 06-09, 3 verbal conflict 10-14, 4 material
  // conflict 15-20; kPhoenix5 as defined there.
  QuadScheme quad_scheme = QuadScheme::kIcews4;
};

class Coder {
 public:
  virtual ~Coder() = default;

  // Loads dict_dir/verbs/*.txt and the actor/agent lexicons. Fails with a
  // message naming file and line on any malformed entry or unknown code.
  static Status Load(const CoderOptions& options, std::unique_ptr<Coder>* out);

  // Codes every sentence of `doc` (which must carry the parse: lemma, upos,
  // head, deprel on each word). Events come in document order; by default
  // negated and historical events are left out (see CoderOptions).
  virtual std::vector<Event> Code(const Document& doc) const = 0;

  // Like Code but returns every candidate, whatever the options say about
  // negated/historical/half-dyad events (for --all and for debugging).
  virtual std::vector<Event> CodeAll(const Document& doc) const = 0;

  // A human-readable trace for `dyad explain`: per sentence, the compact
  // parse, the actors found, every pattern tried and why it fired or not,
  // and the events emitted.
  virtual std::string Explain(const Document& doc) const = 0;

  virtual const CoderOptions& options() const = 0;

  // Number of verb/noun patterns loaded (for --version style reporting).
  virtual size_t pattern_count() const = 0;
};

}  // namespace dyad
