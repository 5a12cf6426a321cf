// coder — who a noun phrase refers to. Combines the lexicon's actor and
// agent matches with the parse ("the leaders of Chile and Peru" ->
// CHNGOV + PRKGOV; "North Korean troops" -> PRKMIL; "Chinese President Xi
// Jinping" -> CHNGOV), keeps unknown proper names visible (code ""), and
// resolves references inside a document through DocMemory: pronouns,
// "the country", "the two sides", "the leader", surname-only mentions
// ("Xi", "Kim") and appositions ("Kim's sister, Kim Yo Jong").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder/parse_view.h"
#include "dyad/coder/surname_index.h"
#include "dyad/lexicon/lexicon.h"
#include "dyad/lexicon/verb_dictionary.h"

namespace dyad {

struct ActorRef {
  std::string code;       // "PRKGOV"; "" = unknown named actor; "---GOV" = sector only
  std::string country;    // "PRK", "IGO", "---"; "" for an unknown named actor
  std::string sector;     // "GOV", "MIL", ""
  std::string text;       // the words that name it in this sentence
  uint32_t start = 0, end = 0;
  int word = -1;          // head word of the mention in its sentence
  int entity = -1;        // DocMemory entity id, -1 if none
  bool person = false;    // a named individual
  bool via_coref = false; // resolved from a pronoun / definite description / surname
  bool reflexive = false; // "itself", "themselves"
  ActorKind kind = ActorKind::kOther;

  bool known() const { return !code.empty(); }
  // Identity for comparisons and duplicate merging.
  std::string Key() const { return code.empty() ? "?" + text : code; }
};

// What the document has mentioned so far, for reference resolution.
class DocMemory {
 public:
  struct Entity {
    ActorRef ref;                          // its first explicit mention
    std::vector<std::string> name_tokens;  // lower-cased name words (people)
    std::vector<int> members;              // for groups ("China and North Korea")
    int mentions = 0;
    int last_sentence = -1, last_word = -1;
  };

  // Registers an explicit mention (or a group of them); returns the entity id.
  int Mention(const ActorRef& r, int sentence, int word);
  int MentionGroup(const std::vector<ActorRef>& refs, int sentence, int word);

  // Most recent entity of a kind, mentioned before (sentence, word).
  int LastPerson(int sentence, int word) const;
  int LastCountry(int sentence, int word) const;   // countries, IGOs, groups of people count as "it"
  int LastGroup(int sentence, int word) const;     // a conjoined pair or more
  // The person whose name has `token` (a surname/given name alone), by
  // salience: most mentions, then most recent.
  int PersonByToken(std::string_view token, int sentence, int word) const;

  const Entity& entity(int id) const { return entities_[id]; }
  size_t size() const { return entities_.size(); }

  // Events coded so far (CAMEO root and source), so that "the attack" in a
  // later sentence can stand for whoever carried it out.
  void NoteEvent(int root, const ActorRef& source) { events_.push_back({root, source}); }
  // Source of the latest noted event with a root in [lo, hi], or null.
  const ActorRef* LastEventSource(int lo, int hi) const {
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
      if (it->first >= lo && it->first <= hi) return &it->second;
    return nullptr;
  }

 private:
  bool Before(const Entity& e, int sentence, int word) const {
    return e.last_sentence < sentence || (e.last_sentence == sentence && e.last_word < word);
  }
  std::vector<Entity> entities_;
  std::vector<std::pair<int, ActorRef>> events_;
};

class SentenceActors {
 public:
  SentenceActors(const ParseView& view, const std::string& doc_text, int sentence_index,
                 const Lexicon& lexicon, std::string_view date, DocMemory* memory,
                 const VerbDictionary* words = nullptr, const SurnameIndex* surnames = nullptr);

  // Referents of the noun phrase headed by w, conjuncts expanded
  // ("China and North Korea" -> two refs). Empty when it names no actor.
  const std::vector<ActorRef>& Refs(int w) const { return refs_[w]; }
  // The first actor named among w's modifiers (possessor, compound, adjective,
  // of-phrase), for phrases whose head is no actor ("the United States'
  // decision", "the Beijing Olympics"). Conjuncts expanded. `allow_in`
  // also looks at in-phrases ("the refineries in Iran") when nothing else
  // names an actor: for places that can stand as targets.
  std::vector<ActorRef> Inside(int w, int depth = 2, bool allow_in = false) const;
  // True when w is part of a name the lexicon matched (so it is no event word).
  bool InActorName(int w) const { return actor_at_[w] >= 0; }

  std::string Trace() const;
  DocMemory* memory() const { return mem_; }
  const std::string& text() const { return text_; }

 private:
  std::vector<ActorRef> Resolve(int w, bool expand_conj);
  std::vector<ActorRef> InsidePass(int w, int depth, bool in, int steps = 6) const;
  std::vector<ActorRef> ResolvedInside(int w, int depth);
  std::vector<ActorRef> ResolveOwn(int w);
  std::vector<ActorRef> CountriesOf(int w, int skip = -1);
  ActorRef FromMatch(const ActorMatch& m) const;
  ActorRef Coref(int entity, int w) const;
  void SetSpan(ActorRef* r, int first, int last) const;
  void ExtendLeft(ActorRef* r, const ActorRef& from) const;
  int NameSpanEnd(int w, int* first) const;

  const ParseView& v_;
  const std::string& text_;
  int sent_;
  const Lexicon& lex_;
  DocMemory* mem_;
  const VerbDictionary* words_;  // word sets: role nouns that act as sector words
  const SurnameIndex* surnames_;
  DictDate date_ = 0;
  std::vector<ActorMatch> actors_, agents_;
  std::vector<int> actor_at_, agent_at_;      // word -> match index, -1
  std::vector<int> actor_head_, agent_head_;  // match index -> head word
  std::vector<std::vector<ActorRef>> refs_;
  std::vector<char> done_;
};

}  // namespace dyad
