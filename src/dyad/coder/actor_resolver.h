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
#include <tuple>
#include <unordered_set>
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
  bool from_context = false; // country lent by the document (DocMemory::DominantCountry)
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

  // The country the document is about so far: the one its explicit
  // mentions in earlier sentences name most often (dateline, title and text alike), when it has
  // at least 2 and more than twice as many as any other country; "" when
  // no country dominates. Conservative on purpose: it lends a country to
  // "the government" or "farmers" only in a one-country story.
  // Only sentences before `sentence` count: the current one's own actors
  // and places speak for themselves.
  // Mentions are noted in sentence order and asked about for ever later
  // sentences, so each is tallied once (a rescan only if asked about an
  // earlier sentence).
  std::string DominantCountry(int sentence);
  // One more mention of a country ("PYONGYANG, Oct 6 -": a dateline says
  // where the story is, so it weighs more than a name in passing).
  void CountCountry(const std::string& country, int sentence) { country_mentions_.push_back({country, sentence}); }

  // Events noted with both sides (see NoteDyad), for "both sides"/"all
  // sides": the pair of sides seen together most often (latest on ties). A
  // side is a country when the pair's countries differ ("U.S. State
  // Department" and "the United States" are one side), else the full code
  // (the opposition and the government of one country). With `all`, also
  // the sides of other pairs at least half as frequent that share a side
  // with it (at most 4). Each side is its latest mention; empty if none.
  void NoteDyad(const ActorRef& a, const ActorRef& b);
  // Pairs involving `exclude` (a third party speaking of them) do not count.
  std::vector<ActorRef> MainSides(bool all, const ActorRef* exclude = nullptr) const;

  // Whether `word` (ASCII letters only) stands in the document's `text` as
  // a whole word, written exactly so. The text's words are indexed on the
  // first call, so each later question costs one lookup, not a scan.
  bool TextHasWord(std::string_view text, std::string_view word);

  const Entity& entity(int id) const { return entities_[id]; }
  size_t size() const { return entities_.size(); }

  // Events coded so far (CAMEO root and source), so that "the attack" in a
  // later sentence can stand for whoever carried it out.
  void NoteEvent(int root, const ActorRef& source) { events_.push_back({root, source}); }
  // Source of the latest noted event with a root in [lo, hi] aimed at
  // `target` (same actor or same country), or null: "X rejected the
  // accusation" is about the accusation made against X.
  const ActorRef* LastEventSourceAgainst(int lo, int hi, const ActorRef& target) const {
    for (auto it = aimed_.rbegin(); it != aimed_.rend(); ++it) {
      const auto& [root, src, tgt] = *it;
      bool same = tgt.Key() == target.Key() ||
                  (!target.country.empty() && target.country != "---" && tgt.country == target.country);
      if (root >= lo && root <= hi && same) return &src;
    }
    return nullptr;
  }
  void NoteAimedEvent(int root, const ActorRef& source, const ActorRef& target) {
    aimed_.push_back({root, source, target});
  }
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
  std::vector<std::tuple<int, ActorRef, ActorRef>> aimed_;
  std::vector<std::pair<std::string, int>> country_mentions_;  // (country, sentence) per explicit mention
  std::vector<std::pair<std::string, int>> tally_;  // (country, mentions) over country_mentions_[0, tallied_)
  size_t tallied_ = 0;
  int tallied_before_ = 0;  // the tally holds the mentions of sentences before this one
  std::unordered_set<std::string_view> text_words_;  // views into the document text (TextHasWord)
  bool text_indexed_ = false;
  struct DyadCount {
    std::string ka, kb;  // side keys
    ActorRef a, b;       // latest mentions of each side
    int count = 0, last = 0;
  };
  std::vector<DyadCount> dyads_;
  int dyad_clock_ = 0;
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
  // A sector of no stated country ("---GOV", "---AGR") takes the country
  // the document is about, if one dominates (DocMemory::DominantCountry).
  void LocalContext(ActorRef* r) const;
  // Whether the phrase under w has a name, a pronoun or an actor word.
  bool NamesSomeone(int w) const;
  // "the two Koreas" -> KOR + PRK; "the South" after "North Korea" -> KOR.
  std::vector<ActorRef> SplitCountry(int w) const;
  std::vector<ActorRef> CompassName(int w) const;

  const ParseView& v_;
  const std::string& text_;
  int sent_;
  const Lexicon& lex_;
  DocMemory* mem_;
  const VerbDictionary* words_;  // word sets: role nouns that act as sector words
  const SurnameIndex* surnames_;
  DictDate date_ = 0;
  std::string date_text_;
  std::vector<ActorMatch> actors_, agents_;
  std::vector<int> actor_at_, agent_at_;      // word -> match index, -1
  std::vector<int> actor_head_, agent_head_;  // match index -> head word
  std::vector<std::vector<ActorRef>> refs_;
  std::vector<char> done_;
  // A title right before an unknown name it is not a modifier of in the
  // parse ("Opposition leader Ana Morales" parsed as two subjects):
  // title_of_[name head] = title word, title_for_[title word] = name head.
  std::vector<int> title_of_, title_for_;
  // An unknown name split by the parser into sibling words ("Barnaby" and
  // "Joyce" as two subjects): name_part_[word] = the last word, which
  // carries the whole name; -1 otherwise.
  std::vector<int> name_part_;
  // The whole flat name an unknown name word belongs to (see
  // FindNameRuns): its first and last word, and the word that carries it
  // (the one attached outside the name); -1 for words in no such name.
  // "Red Hat", "Alliance & Leicester", "Office of Military Commissions".
  std::vector<int> run_first_, run_last_, run_head_;
  void FindNameRuns();
  // A single-word unknown name that is no name: the same word in lower
  // case elsewhere in the document ("Tourism ..." and "... tourism").
  bool CommonWordInText(int w) const;
};

}  // namespace dyad
