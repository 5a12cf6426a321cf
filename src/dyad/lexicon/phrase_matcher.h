// lexicon — multi-word phrase matching over a sentence's words, shared by
// the actor and agent dictionaries. Names are split into tokens and stored
// in a token trie keyed by a normalised form (NFKC, case-folded, accents and
// periods removed, curly quotes straightened), so matching costs one hash
// look-up per word and no regex runs at match time.
//
// Word forms are cut into pieces the same way: hyphens separate pieces and
// vanish ("Jong-un" ~ "Jong un" ~ "Jong - un"), a trailing possessive is its
// own piece ("China's" -> china + 's) that a match may stop before.
// Case rules, checked on the original text of each piece:
//   dictionary token all lower case ("troops")  -> any case in the text
//   capitalised ("Korea", "Xi")                 -> the text piece has a capital
//   inner capitals ("McCain", "LeT", "MoD")     -> exactly that case, or all capitals
//   acronym of 2-3 letters ("US", "UN", "WHO")  -> the text piece is all capitals
//   acronym of 4+ letters ("NATO")              -> all capitals or Title case ("Nato")
// so "us", "who", "turkey" and "Let" do not match US, WHO, Turkey and LeT,
// while all-caps headlines still match everything.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

// The normalised key of one token: "Élysée" -> "elysee", "U.S." -> "us",
// "’s" -> "'s". Empty for a token of only periods.
std::string PhraseKey(std::string_view token);

class PhraseMatcher {
 public:
  struct Hit {
    int first = 0, last = 0;  // word span (inclusive)
    int entry = -1;           // the id passed to Add
    int name = -1;            // index of the name (see name_text)
  };

  // Adds `name` (as written in a dictionary) for entry `id`. Returns false
  // with *why set when the name has no matchable token.
  bool Add(std::string_view name, int id, std::string* why);

  // Longest non-overlapping matches, left to right. At each word the longest
  // phrase wins; among entries sharing that phrase, the first added for which
  // `accept(entry)` is true; if none is accepted, shorter phrases are tried.
  std::vector<Hit> Find(const std::vector<std::string_view>& words,
                        const std::function<bool(int entry)>& accept) const;

  // Entries whose names normalise to the same key sequence, for duplicate
  // warnings: (name index of the later one, entry of the first one).
  std::vector<std::pair<int, int>> Duplicates() const;

  const std::string& name_text(int name) const { return names_[name].text; }
  int name_entry(int name) const { return names_[name].entry; }
  size_t name_count() const { return names_.size(); }

 private:
  enum class CaseRule : uint8_t { kAny, kCapital, kExactOrUpper, kUpper, kUpperOrTitle };
  struct Name {
    std::string text;
    int entry = -1;
    std::vector<CaseRule> rules;      // one per token piece
    std::vector<std::string> exact;   // the piece as written, for kExactOrUpper ("" otherwise)
  };
  struct Node {
    std::unordered_map<std::string, int> next;
    std::vector<int> names;  // names ending here, in insertion order
  };
  std::vector<Node> nodes_{1};
  std::vector<Name> names_;
};

}  // namespace dyad
