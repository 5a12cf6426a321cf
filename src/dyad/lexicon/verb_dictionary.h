// lexicon — the verb and event-noun pattern dictionary (dict/verbs/*.txt,
// format in docs/verbs.md): which lemmas, with which words in their
// syntactic frame, signal which CAMEO event; how "control" words (pledge,
// urge, threaten, refuse, say ...) transform the event of the clause they
// govern; and the transform tables themselves.
//
// Patterns are indexed by trigger lemma, so matching a word costs one hash
// look-up plus a scan of that lemma's few patterns. The coder owns the
// matching against a dependency parse (coder/pattern_match.h); this file only
// parses, validates and indexes.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/util/status.h"

namespace dyad {

class Ontology;

// What a control word does to the event of the clause or noun it governs.
enum class Embed : uint8_t {
  kNone,      // no embedded event is looked for
  kIntent,    // pledge/promise/vow to X: cooperative X -> 03x intent, conflict X -> 13x
  kAppeal,    // urge/ask Y to X: -> 02x appeal, target = the addressee
  kDemand,    // demand that Y X: -> 10x demand
  kThreat,    // threaten to X: -> 13x
  kReject,    // refuse/reject X: -> 12x
  kReport,    // say/claim/report that X: X keeps its code, modality reported
  kPass,      // decide/begin/continue/try to X: X keeps its code
  kNegate,    // fail/deny X: X is negated
  kOwn,       // pressure/force Y to X: only the control word's own event; X is not asserted
};
const char* EmbedName(Embed e);

// Which trigger words a pattern applies to.
enum class TriggerPos : uint8_t { kAny, kVerb, kNoun };

struct VerbPattern {
  std::string code;        // CAMEO code; "" = no event of its own (a pure control word)
  TriggerPos pos = TriggerPos::kAny;
  std::string trigger;     // lemma, lower case
  // Words that must occur (as lemma or lower-cased form) in the trigger's
  // frame, each matched by a different word; an element lists alternatives.
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<std::string>> forbidden;  // none may occur in the frame
  Embed embed = Embed::kNone;
  // Argument overrides ("" = the coder's default rules). Values: subj, obj,
  // iobj, poss, or a preposition ("from", "with"); several separated by ','.
  std::string source_from, target_from;
  bool reciprocal = false;   // compound subjects with no target: every ordered pair ("A and B met")
  bool both = false;         // an explicit target also acts back ("clashed with", "held talks with")
  std::string back_code;     // with `both`: the code of the reverse direction when it differs
                             // ("received ministers from": 043 host, and the visitors 042)
  bool half = false;         // may be emitted with no target
  bool require_target = false;  // never emitted with no target
  bool swap = false;         // exchange source and target after extraction
  std::string modality;      // "" or a Modality name forced by the pattern
  std::string file;          // for messages and rule ids
  int line = 0;
  std::string id;            // "19_fight.txt:12"

  // How specific the pattern is (more words = preferred when several match).
  int Specificity() const { return static_cast<int>(words.size()) * 2 + (pos != TriggerPos::kAny); }
};

class VerbDictionary {
 public:
  // Loads every *.txt in `dir` (sorted by name). `ontology` (may be null)
  // validates every code: an unknown code fails with file:line.
  static Status Load(const std::string& dir, const Ontology* ontology,
                     std::unique_ptr<VerbDictionary>* out);
  // From in-memory files {name, text} (tests).
  static Status FromText(const std::vector<std::pair<std::string, std::string>>& files,
                         const Ontology* ontology, std::unique_ptr<VerbDictionary>* out);

  // Patterns whose trigger is `lemma` (lower case), in file order; nullptr if none.
  const std::vector<int>* ForTrigger(std::string_view lemma) const;
  const VerbPattern& pattern(int i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }

  // Applies a transform to an embedded event code: the table entry of the
  // longest prefix of `code` (4, 3, then 2 digits), else the table's "*"
  // entry, else "" (the transform does not apply: the embedded event is
  // dropped). A table entry "=" keeps the governed code as it is.
  // Tables: intent, appeal, demand, threat, reject.
  std::string Transform(Embed embed, std::string_view code) const;

  // True when `lemma` is in the named word set ("%set NAME = a | b" lines),
  // used by the coder for closed classes it needs (negators, light verbs ...).
  bool InSet(std::string_view set, std::string_view lemma) const;
  const std::vector<std::string>* Set(std::string_view set) const;

  // Pattern count per CAMEO root "01".."20" (index 0 = no code).
  std::array<int, 21> CountsByRoot() const;

 private:
  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, std::vector<int>> by_trigger_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> transforms_;
  std::unordered_map<std::string, std::vector<std::string>> sets_;
  friend class VerbDictionaryParser;
};

}  // namespace dyad
