// lexicon — actor and agent dictionaries and their matching over a
// sentence's words. Actors (dict/actors/*.txt) name who acts: countries and
// their demonyms, capitals and seats of power used as metonyms, people with
// dated roles, IGOs, NGOs, armed groups. Agents (dict/agents.txt) name
// sectors: "troops" MIL, "police" COP, "ministry" GOV. The coder combines
// them ("North Korean troops" = PRK + MIL); Lexicon::FindActors (lexicon.h)
// does the simple adjacent cases.
//
// Matching is on word forms through a token trie (phrase_matcher.h): longest
// non-overlapping match, left to right; case rules and possessives are
// handled there. Codes are resolved for the article date (dict_file.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon/dict_file.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

class PhraseMatcher;

// Kind of dictionary entry. Set by the file name (countries*.txt -> country,
// capitals*/seats*.txt -> capital, people*.txt -> person, igos*.txt -> igo,
// ngos*.txt -> ngo, groups*.txt -> group, places*.txt -> place (a region or
// province standing for its country), regions*.txt -> region (a group of
// states, CAMEO region codes), anything else -> other), or per entry by a
// "{kind}" tag on its "= " line. kAgent marks agent-dictionary matches.
enum class ActorKind { kCountry, kCapital, kPerson, kIgo, kNgo, kGroup, kOther, kAgent, kPlace, kRegion };
const char* ActorKindName(ActorKind k);              // "country", "capital", ...
bool ParseActorKind(std::string_view name, ActorKind* out);
ActorKind ActorKindForFile(const std::string& path);  // by file name, as above

struct ActorMatch {
  int first = 0, last = 0;   // word span in Sentence::words (0-based, inclusive)
  std::string code;          // code for the article date: "PRKGOV", "IGOUNO"; agents: "MIL"
  std::string country;       // first 3-letter block: "PRK", "IGO", "---"; "" for agents
  std::string sector;        // the blocks after it: "GOV", "UNOHLHWHO", ""; agents: the code
  ActorKind kind = ActorKind::kOther;
  int entry = -1;            // id in the lexicon that matched (entry(id) gives file:line)
  std::string name;          // the dictionary name that matched ("North Korean")
};

// Splits a code into primary block and the rest: "PRKGOV" -> "PRK", "GOV".
void SplitActorCode(std::string_view code, std::string* country, std::string* sector);

// Options shared by both lexicons.
struct LexiconLoadOptions {
  // Collect every problem (errors and warnings) instead of stopping at the
  // first error; Load still fails if there was an error. For `dyad dict check`.
  std::vector<DictProblem>* problems = nullptr;
  // Phoenix/PETRARCH convention: capital cities (files capitals*.txt) code as
  // the bare country ("Beijing" = CHN) instead of its government (CHNGOV).
  // Seats of power (the Kremlin, seats*.txt) keep their codes either way.
  bool capitals_as_country = false;
};

class ActorLexicon {
 public:
  ~ActorLexicon();
  // Loads every *.txt in <dict_dir>/actors (sorted by file name).
  static Status Load(const std::string& dict_dir, std::unique_ptr<ActorLexicon>* out,
                     const LexiconLoadOptions& options = {});
  // Loads the given files in order (kinds from their names).
  static Status LoadFiles(const std::vector<std::string>& files, std::unique_ptr<ActorLexicon>* out,
                          const LexiconLoadOptions& options = {});
  // From in-memory text (tests): each pair is {file name, contents}.
  static Status FromText(const std::vector<std::pair<std::string, std::string>>& files,
                         std::unique_ptr<ActorLexicon>* out, const LexiconLoadOptions& options = {});

  // Longest non-overlapping matches over s.words, left to right, with codes
  // resolved for `article_date` ("YYYY-MM-DD"; "" = present). Entries that do
  // not apply at that date are skipped (a shorter or other entry may match).
  std::vector<ActorMatch> Find(const Sentence& s, std::string_view article_date) const;
  // Same over bare word forms.
  std::vector<ActorMatch> Find(const std::vector<std::string>& words,
                               std::string_view article_date) const;

  size_t size() const { return entries_.size(); }
  const DictEntry& entry(int id) const { return entries_[id]; }
  ActorKind kind(int id) const { return kinds_[id]; }
  const std::vector<DictEntry>& entries() const { return entries_; }
  // Non-fatal problems found while loading (duplicate names across entries).
  const std::vector<DictProblem>& warnings() const { return warnings_; }
  size_t name_count() const;

 private:
  ActorLexicon();
  // Applies {kind} tags, fills the matcher, collects duplicate warnings.
  Status Build(Status first_error, const LexiconLoadOptions& options);
  std::vector<DictEntry> entries_;
  std::vector<ActorKind> kinds_;
  std::vector<DictProblem> warnings_;
  std::unique_ptr<PhraseMatcher> matcher_;
};

// Sector words. Same file format and matching; codes are agent blocks
// ("MIL", "GOV", "GOVFRM"). Match results have kind kAgent, country "".
class AgentLexicon {
 public:
  ~AgentLexicon();
  // Loads <dict_dir>/agents.txt.
  static Status Load(const std::string& dict_dir, std::unique_ptr<AgentLexicon>* out,
                     const LexiconLoadOptions& options = {});
  static Status LoadFile(const std::string& file, std::unique_ptr<AgentLexicon>* out,
                         const LexiconLoadOptions& options = {});
  static Status FromText(const std::string& name, const std::string& text,
                         std::unique_ptr<AgentLexicon>* out, const LexiconLoadOptions& options = {});

  std::vector<ActorMatch> Find(const Sentence& s, std::string_view article_date) const;
  std::vector<ActorMatch> Find(const std::vector<std::string>& words,
                               std::string_view article_date) const;

  size_t size() const { return entries_.size(); }
  const DictEntry& entry(int id) const { return entries_[id]; }
  const std::vector<DictEntry>& entries() const { return entries_; }
  const std::vector<DictProblem>& warnings() const { return warnings_; }
  size_t name_count() const;

 private:
  AgentLexicon();
  std::vector<DictEntry> entries_;
  std::vector<DictProblem> warnings_;
  std::unique_ptr<PhraseMatcher> matcher_;
};

}  // namespace dyad
