// lexicon — the one object the coder loads: ontology + actor and agent
// dictionaries from a dict/ directory, and actor mentions with their
// adjacent sector words folded in ("North Korean troops" -> PRKMIL).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon/actors.h"
#include "dyad/lexicon/ontology.h"
#include "dyad/util/status.h"

namespace dyad {

class Lexicon {
 public:
  // dict_dir "" = ResourcePath("dict"). Reads cameo.tsv, plover.tsv,
  // actors/*.txt and agents.txt. Fails naming file:line of the first error.
  static Status Load(const std::string& dict_dir, std::unique_ptr<Lexicon>* out,
                     const LexiconLoadOptions& options = {});
  // Assembles a lexicon from parts (tests); ontology may be null.
  static std::unique_ptr<Lexicon> FromParts(std::unique_ptr<Ontology> ontology,
                                            std::unique_ptr<ActorLexicon> actors,
                                            std::unique_ptr<AgentLexicon> agents);

  const Ontology* ontology() const { return ontology_.get(); }
  const ActorLexicon& actors() const { return *actors_; }
  const AgentLexicon& agents() const { return *agents_; }

  // Actor mentions in a sentence, with sector words folded in, left to right:
  //   [actor] [agent]+            "North Korean troops"        PRK + MIL  -> PRKMIL
  //   [actor] 's [agent]+         "China's foreign ministry"   CHN + GOV  -> CHNGOV
  //   [agent]+ of (the) [actor]   "the parliament of Georgia"  GEO + LEG  -> GEOLEG
  //   [actor]? [agent]+ [person]  "Ukrainian President Zelensky" -> the person's code
  //   [agent]+ alone              "police"                     -> "---COP" (country "---")
  // Agent blocks already in the actor code are not appended again. A match's
  // `entry` is the actor entry (agent-only: the agent entry, kind kAgent).
  std::vector<ActorMatch> FindActors(const Sentence& s, std::string_view article_date) const;
  std::vector<ActorMatch> FindActors(const std::vector<std::string>& words,
                                     std::string_view article_date) const;

  // Splits text into words the way the matcher expects when no nlp pipeline
  // is at hand (CLI lookup, tests): on spaces, splitting off punctuation and
  // possessive "'s"; abbreviations ("U.S.", "N.") stay whole.
  static std::vector<std::string> SimpleWords(std::string_view text);

 private:
  Lexicon() = default;
  std::unique_ptr<Ontology> ontology_;
  std::unique_ptr<ActorLexicon> actors_;
  std::unique_ptr<AgentLexicon> agents_;
};

// Actor code + agent blocks, skipping blocks already present (block-aligned):
// ("PRK", "MIL") -> "PRKMIL"; ("RUSGOV", "GOV") -> "RUSGOV".
std::string AppendAgentBlocks(std::string_view actor_code, std::string_view agent_code);

}  // namespace dyad
