// Token-trie phrase matching (see phrase_matcher.h for the rules).
#include "dyad/lexicon/phrase_matcher.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <map>

namespace dyad {
namespace {

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’
constexpr std::string_view kLeftQuote = "\xE2\x80\x98";   // ‘
constexpr std::string_view kEnDash = "\xE2\x80\x93";      // –
constexpr std::string_view kHyphenU = "\xE2\x80\x90";     // ‐ (U+2010)

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Counts upper- and lower-case letters; `first_upper` tells whether the first
// letter is a capital, `inner_upper` whether a later letter is.
void CountCase(std::string_view s, int* upper, int* lower, bool* first_upper, bool* inner_upper = nullptr) {
  *upper = *lower = 0;
  *first_upper = false;
  if (inner_upper) *inner_upper = false;
  bool seen_letter = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      ++p;
      --left;
      continue;
    }
    p += n;
    left -= n;
    bool up = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : utf8proc_isupper(cp);
    bool lo = cp < 0x80 ? (cp >= 'a' && cp <= 'z') : utf8proc_islower(cp);
    if (up) ++*upper;
    if (lo) ++*lower;
    if (up && seen_letter && inner_upper) *inner_upper = true;
    if ((up || lo) && !seen_letter) {
      seen_letter = true;
      *first_upper = up;
    }
  }
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

struct Piece {
  std::string_view orig;
  std::string key;
  int word = 0;
  bool start_ok = false;   // first piece of its word: a match may start here
  bool end_ok = false;     // a match may end here (word end, before a hyphen or possessive)
  bool mid_start = false;  // follows a hyphen inside its word ("Ukraine" in "Russia-Ukraine")
};

// Length of a possessive suffix at the end of `w` ("'s", "’s", or "'" after s),
// 0 if none. A word that is only a possessive returns 0 (it is its own piece).
size_t PossessiveSuffix(std::string_view w) {
  for (std::string_view q : {std::string_view("'"), kRightQuote}) {
    for (std::string_view s : {std::string_view("s"), std::string_view("S")}) {
      std::string suf = std::string(q) + std::string(s);
      if (w.size() > suf.size() && EndsWith(w, suf)) return suf.size();
    }
    // plural possessive: "Koreans'"
    if (w.size() > q.size() + 1 && EndsWith(w, q)) {
      char before = w[w.size() - q.size() - 1];
      if (before == 's' || before == 'S') return q.size();
    }
  }
  return 0;
}

// Splits one word (or one space-separated name token) into pieces: the stem
// cut at hyphens and dashes (which vanish), then a possessive suffix if any.
void SplitWord(std::string_view w, int word, std::vector<Piece>* out) {
  size_t begin = out->size();
  size_t poss = PossessiveSuffix(w);
  std::string_view stem = w.substr(0, w.size() - poss);
  size_t i = 0, start = 0;
  auto emit = [&](size_t a, size_t b) {
    if (b > a) out->push_back({stem.substr(a, b - a), "", word});
  };
  while (i < stem.size()) {
    size_t dash = 0;
    if (stem[i] == '-') dash = 1;
    else if (StartsWith(stem.substr(i), kEnDash) || StartsWith(stem.substr(i), kHyphenU)) dash = 3;
    if (dash) {
      emit(start, i);
      i += dash;
      start = i;
    } else {
      ++i;
    }
  }
  emit(start, stem.size());
  size_t stem_end = out->size();
  for (size_t k = begin; k < stem_end; ++k) {
    (*out)[k].end_ok = true;              // word end, or just before a hyphen
    (*out)[k].mid_start = k > begin;
  }
  if (poss) out->push_back({w.substr(w.size() - poss), "", word, false, true, false});
  for (size_t k = begin; k < out->size(); ++k) (*out)[k].key = PhraseKey((*out)[k].orig);
  if (out->size() > begin) (*out)[begin].start_ok = true;
}

}  // namespace

std::string PhraseKey(std::string_view token) {
  std::string s;
  if (IsAscii(token)) {
    s.reserve(token.size());
    for (char c : token) {
      if (c == '.') continue;
      s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return s;
  }
  utf8proc_uint8_t* dst = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(token.data()),
                                    static_cast<utf8proc_ssize_t>(token.size()), &dst,
                                    static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                                   UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  std::string folded;
  if (n >= 0 && dst) folded.assign(reinterpret_cast<char*>(dst), static_cast<size_t>(n));
  else folded.assign(token);
  std::free(dst);
  s.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    std::string_view rest(folded.data() + i, folded.size() - i);
    if (StartsWith(rest, kRightQuote) || StartsWith(rest, kLeftQuote)) {
      s += '\'';
      i += 3;
    } else if (folded[i] == '.') {
      ++i;
    } else {
      s += folded[i++];
    }
  }
  return s;
}

bool PhraseMatcher::Add(std::string_view name, int id, std::string* why) {
  std::vector<Piece> pieces;
  size_t i = 0;
  int tok = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '\t') ++j;
    if (j > i) SplitWord(name.substr(i, j - i), tok++, &pieces);
    i = j;
  }
  Name n;
  n.text = std::string(name);
  n.entry = id;
  int node = 0;
  for (const auto& p : pieces) {
    if (p.key.empty()) continue;  // a token of only periods
    int upper, lower;
    bool first_upper, inner_upper;
    CountCase(p.orig, &upper, &lower, &first_upper, &inner_upper);
    CaseRule rule = CaseRule::kAny;
    if (upper > 0 && lower == 0) rule = upper <= 3 ? CaseRule::kUpper : CaseRule::kUpperOrTitle;
    else if (upper > 0) rule = inner_upper ? CaseRule::kExactOrUpper : CaseRule::kCapital;
    n.rules.push_back(rule);
    n.exact.push_back(rule == CaseRule::kExactOrUpper ? std::string(p.orig) : std::string());
    auto it = nodes_[node].next.find(p.key);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      int child = static_cast<int>(nodes_.size()) - 1;
      nodes_[node].next.emplace(p.key, child);
      node = child;
    } else {
      node = it->second;
    }
  }
  if (n.rules.empty()) {
    if (why) *why = "name '" + std::string(name) + "' has no word to match";
    return false;
  }
  nodes_[node].names.push_back(static_cast<int>(names_.size()));
  names_.push_back(std::move(n));
  return true;
}

std::vector<PhraseMatcher::Hit> PhraseMatcher::Find(const std::vector<std::string_view>& words,
                                                    const std::function<bool(int)>& accept) const {
  std::vector<Piece> pieces;
  pieces.reserve(words.size() + 4);
  for (size_t w = 0; w < words.size(); ++w) {
    SplitWord(words[w], static_cast<int>(w), &pieces);  // a lone dash gives no piece
  }
  auto case_ok = [&](const Name& n, size_t first) {
    for (size_t k = 0; k < n.rules.size(); ++k) {
      if (n.rules[k] == CaseRule::kAny) continue;
      int upper, lower;
      bool first_upper;
      CountCase(pieces[first + k].orig, &upper, &lower, &first_upper);
      switch (n.rules[k]) {
        case CaseRule::kCapital:
          if (upper == 0) return false;
          break;
        case CaseRule::kExactOrUpper:
          if (!(pieces[first + k].orig == n.exact[k] || (upper > 0 && lower == 0))) return false;
          break;
        case CaseRule::kUpper:
          if (upper == 0 || lower > 0) return false;
          break;
        case CaseRule::kUpperOrTitle:
          if (!(upper > 0 && (lower == 0 || first_upper))) return false;
          break;
        case CaseRule::kAny:
          break;
      }
    }
    return true;
  };

  std::vector<Hit> hits;
  std::vector<std::pair<size_t, int>> ends;  // (last piece, node)
  size_t i = 0;
  size_t chained = SIZE_MAX;  // a piece after a hyphen right after a match may start one too
  while (i < pieces.size()) {
    if (!(pieces[i].start_ok || i == chained) || pieces[i].key.empty()) {
      ++i;
      continue;
    }
    ends.clear();
    int node = 0;
    for (size_t j = i; j < pieces.size(); ++j) {
      if (pieces[j].key.empty()) break;
      auto it = nodes_[node].next.find(pieces[j].key);
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      if (!nodes_[node].names.empty() && pieces[j].end_ok) ends.emplace_back(j, node);
    }
    bool found = false;
    for (auto e = ends.rbegin(); e != ends.rend() && !found; ++e) {
      for (int nm : nodes_[e->second].names) {
        const Name& n = names_[nm];
        if (!case_ok(n, i)) continue;
        if (accept && !accept(n.entry)) continue;
        hits.push_back({pieces[i].word, pieces[e->first].word, n.entry, nm});
        size_t k = e->first + 1;
        if (k < pieces.size() && pieces[k].word == pieces[e->first].word && pieces[k].mid_start) {
          chained = k;  // "Russia-Ukraine": go on inside the word
        } else {        // continue after the last word of the match
          while (k < pieces.size() && pieces[k].word == pieces[e->first].word) ++k;
        }
        i = k;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  return hits;
}

std::vector<std::pair<int, int>> PhraseMatcher::Duplicates() const {
  std::vector<std::pair<int, int>> out;
  for (const auto& node : nodes_) {
    if (node.names.size() < 2) continue;
    int first_entry = names_[node.names[0]].entry;
    for (size_t k = 1; k < node.names.size(); ++k) {
      const Name& n = names_[node.names[k]];
      if (n.entry != first_entry) out.emplace_back(node.names[k], first_entry);
    }
  }
  return out;
}

}  // namespace dyad
