#include "dyad/nlp/evaluate.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "dyad/text/utf8.h"

namespace dyad {
namespace {

struct Span {
  uint64_t start = 0, end = 0;
};

struct EvalWord {
  const Word* word = nullptr;
  Span span;
  bool multiword = false;
  int64_t parent = -1;   // index into the side's word list; -1 = root
  std::string lower;     // lower-cased form (for the LCS alignment)
};

// One side (gold or system) reduced to what the metrics compare.
struct Side {
  std::string chars;   // all token characters, whitespace removed
  std::vector<Span> tokens, sentences;
  std::vector<EvalWord> words;
};

bool IsSpaceCp(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
  return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

// Appends `form` without whitespace to side->chars; returns its span.
Span AddChars(const std::string& form, Side* side) {
  Span s;
  s.start = side->chars.size();
  const char* p = form.data();
  const char* e = p + form.size();
  while (p < e) {
    int len;
    int32_t cp = DecodeUtf8(p, e, &len);
    if (p + len > e) len = static_cast<int>(e - p);
    if (!IsSpaceCp(cp)) side->chars.append(p, static_cast<size_t>(len));
    p += len;
  }
  s.end = side->chars.size();
  return s;
}

std::string Lower(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    int len;
    int32_t cp = DecodeUtf8(p, e, &len);
    if (p + len > e) len = static_cast<int>(e - p);
    if (cp < 0x80) out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    else AppendUtf8(utf8proc_tolower(cp), &out);
    p += len;
  }
  return out;
}

Side Build(const std::vector<Sentence>& sentences) {
  Side side;
  for (const Sentence& s : sentences) {
    if (s.words.empty()) continue;
    const int64_t base = static_cast<int64_t>(side.words.size());
    uint64_t sent_start = side.chars.size();
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      while (mi < s.mwts.size() && s.mwts[mi].last < static_cast<int>(i)) ++mi;
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i) && s.mwts[mi].last > s.mwts[mi].first) {
        const MultiwordToken& m = s.mwts[mi];
        Span span = AddChars(m.form, &side);
        side.tokens.push_back(span);
        int last = std::min<int>(m.last, static_cast<int>(s.words.size()) - 1);
        for (int k = m.first; k <= last; ++k) {
          EvalWord w;
          w.word = &s.words[k];
          w.span = span;
          w.multiword = true;
          side.words.push_back(std::move(w));
        }
        i = static_cast<size_t>(last);
        continue;
      }
      Span span = AddChars(s.words[i].form, &side);
      side.tokens.push_back(span);
      EvalWord w;
      w.word = &s.words[i];
      w.span = span;
      side.words.push_back(std::move(w));
    }
    for (int64_t k = base; k < static_cast<int64_t>(side.words.size()); ++k) {
      EvalWord& w = side.words[k];
      int h = w.word->head;
      w.parent = h <= 0 || h > static_cast<int>(s.words.size()) ? -1 : base + h - 1;
      w.lower = Lower(w.word->form);
    }
    side.sentences.push_back({sent_start, side.chars.size()});
  }
  return side;
}

EvalScore SpansScore(const char* name, const std::vector<Span>& gold, const std::vector<Span>& sys) {
  EvalScore sc;
  sc.metric = name;
  sc.gold = gold.size();
  sc.system = sys.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (sys[si].start < gold[gi].start) ++si;
    else if (gold[gi].start < sys[si].start) ++gi;
    else {
      sc.correct += gold[gi].end == sys[si].end;
      ++gi;
      ++si;
    }
  }
  return sc;
}

bool BeyondEnd(const std::vector<EvalWord>& words, size_t i, uint64_t end) {
  if (i >= words.size()) return true;
  if (words[i].multiword) return words[i].span.start >= end;
  return words[i].span.end > end;
}

uint64_t ExtendEnd(const EvalWord& w, uint64_t end) {
  return w.multiword && w.span.end > end ? w.span.end : end;
}

// Aligns gold and system words; returns, for each system word, the index of
// its gold word or -1.
std::vector<int64_t> AlignWords(const std::vector<EvalWord>& g, const std::vector<EvalWord>& s) {
  std::vector<int64_t> map(s.size(), -1);
  size_t gi = 0, si = 0;
  while (gi < g.size() && si < s.size()) {
    if (g[gi].multiword || s[si].multiword) {
      // The minimal stretch covering the multiword token(s) on both sides.
      uint64_t end;
      if (g[gi].multiword) {
        end = g[gi].span.end;
        if (!s[si].multiword && s[si].span.start < g[gi].span.start) ++si;
      } else {
        end = s[si].span.end;
        if (!g[gi].multiword && g[gi].span.start < s[si].span.start) ++gi;
      }
      size_t gs = gi, ss = si;
      while (!BeyondEnd(g, gi, end) || !BeyondEnd(s, si, end)) {
        if (gi < g.size() && (si >= s.size() || g[gi].span.start <= s[si].span.start)) {
          end = ExtendEnd(g[gi], end);
          ++gi;
        } else {
          end = ExtendEnd(s[si], end);
          ++si;
        }
      }
      // Longest common subsequence of lower-cased forms inside the stretch.
      size_t ng = gi - gs, ns = si - ss;
      if (ng == 0 || ns == 0) continue;
      std::vector<uint32_t> lcs((ng + 1) * (ns + 1), 0);
      auto at = [&](size_t a, size_t b) -> uint32_t& { return lcs[a * (ns + 1) + b]; };
      for (size_t a = ng; a-- > 0;) {
        for (size_t b = ns; b-- > 0;) {
          uint32_t v = 0;
          if (g[gs + a].lower == s[ss + b].lower) v = 1 + at(a + 1, b + 1);
          v = std::max(v, at(a + 1, b));
          v = std::max(v, at(a, b + 1));
          at(a, b) = v;
        }
      }
      size_t a = 0, b = 0;
      while (a < ng && b < ns) {
        if (g[gs + a].lower == s[ss + b].lower) {
          map[ss + b] = static_cast<int64_t>(gs + a);
          ++a;
          ++b;
        } else if (at(a, b) == at(a + 1, b)) {
          ++a;
        } else {
          ++b;
        }
      }
    } else {
      if (g[gi].span.start == s[si].span.start && g[gi].span.end == s[si].span.end) {
        map[si] = static_cast<int64_t>(gi);
        ++gi;
        ++si;
      } else if (g[gi].span.start <= s[si].span.start) {
        ++gi;
      } else {
        ++si;
      }
    }
  }
  return map;
}

std::string UniversalRelation(const std::string& deprel) {
  size_t colon = deprel.find(':');
  return colon == std::string::npos ? deprel : deprel.substr(0, colon);
}

}  // namespace

std::string UniversalFeatures(const std::string& feats) {
  static const std::unordered_set<std::string_view> kUniversal = {
      "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case",
      "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person",
      "Polite"};
  std::vector<std::string> kept;
  size_t pos = 0;
  while (pos < feats.size()) {
    size_t bar = feats.find('|', pos);
    if (bar == std::string::npos) bar = feats.size();
    std::string f = feats.substr(pos, bar - pos);
    size_t eq = f.find('=');
    if (f != "_" && !f.empty() && kUniversal.count(std::string_view(f).substr(0, eq))) kept.push_back(f);
    pos = bar + 1;
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (const auto& f : kept) {
    if (!out.empty()) out += '|';
    out += f;
  }
  return out;
}

std::vector<std::string> DescribeDifferences(const std::vector<Sentence>& gold,
                                             const std::vector<Sentence>& system, size_t max_items,
                                             bool sentences) {
  std::vector<std::string> out;
  Side g = Build(gold), s = Build(system);
  if (g.chars != s.chars) return {"texts differ"};
  auto tok = [&](const Span& sp) { return g.chars.substr(sp.start, sp.end - sp.start); };
  if (!sentences) {
    size_t gi = 0, si = 0;
    while (gi < g.tokens.size() && si < s.tokens.size() && out.size() < max_items) {
      if (g.tokens[gi].start == s.tokens[si].start && g.tokens[gi].end == s.tokens[si].end) {
        ++gi;
        ++si;
        continue;
      }
      // A stretch ending at the first boundary both sides share.
      size_t g0 = gi, s0 = si;
      uint64_t ge = g.tokens[gi].end, se = s.tokens[si].end;
      ++gi;
      ++si;
      while (ge != se) {
        if (ge < se) { if (gi >= g.tokens.size()) break; ge = g.tokens[gi++].end; }
        else { if (si >= s.tokens.size()) break; se = s.tokens[si++].end; }
      }
      std::string line = "gold: ";
      for (size_t k = g0; k < gi; ++k) line += (k > g0 ? "|" : "") + tok(g.tokens[k]);
      line += "   system: ";
      for (size_t k = s0; k < si; ++k) line += (k > s0 ? "|" : "") + tok(s.tokens[k]);
      out.push_back(line);
    }
    return out;
  }
  // Sentence ends (character offsets) on each side.
  std::vector<uint64_t> ge, se;
  for (auto& sp : g.sentences) ge.push_back(sp.end);
  for (auto& sp : s.sentences) se.push_back(sp.end);
  auto context = [&](uint64_t at) {
    // Gold tokens around the character offset `at`.
    size_t k = std::lower_bound(g.tokens.begin(), g.tokens.end(), at,
                                [](const Span& sp, uint64_t v) { return sp.end < v; }) - g.tokens.begin();
    std::string line;
    size_t from = k >= 7 ? k - 7 : 0, to = std::min(g.tokens.size(), k + 6);
    for (size_t i = from; i < to; ++i) {
      line += tok(g.tokens[i]);
      line += (g.tokens[i].end == at) ? " || " : " ";
    }
    return line;
  };
  size_t a = 0, b = 0;
  while ((a < ge.size() || b < se.size()) && out.size() < max_items) {
    if (b >= se.size() || (a < ge.size() && ge[a] < se[b])) { out.push_back("missed: " + context(ge[a])); ++a; }
    else if (a >= ge.size() || se[b] < ge[a]) { out.push_back("extra:  " + context(se[b])); ++b; }
    else { ++a; ++b; }
  }
  return out;
}

const EvalScore* EvalResult::Find(const std::string& metric) const {
  for (const auto& s : scores)
    if (s.metric == metric) return &s;
  return nullptr;
}

Status EvaluateSentences(const std::vector<Sentence>& gold, const std::vector<Sentence>& system,
                         EvalResult* result) {
  result->scores.clear();
  Side g = Build(gold), s = Build(system);
  if (g.chars != s.chars) {
    size_t i = 0;
    while (i < g.chars.size() && i < s.chars.size() && g.chars[i] == s.chars[i]) ++i;
    auto around = [&](const std::string& c) { return c.substr(i, 20); };
    return Status::InvalidInput("gold and system texts differ at non-space character " + std::to_string(i) +
                                ": gold '" + around(g.chars) + "', system '" + around(s.chars) + "'");
  }
  result->scores.push_back(SpansScore("Tokens", g.tokens, s.tokens));
  result->scores.push_back(SpansScore("Sentences", g.sentences, s.sentences));
  std::vector<int64_t> map = AlignWords(g.words, s.words);
  uint64_t aligned = 0;
  for (int64_t m : map) aligned += m >= 0;

  auto score = [&](const char* name, auto same) {
    EvalScore sc;
    sc.metric = name;
    sc.gold = g.words.size();
    sc.system = s.words.size();
    sc.aligned = aligned;
    for (size_t si = 0; si < s.words.size(); ++si) {
      if (map[si] < 0) continue;
      if (same(g.words[map[si]], s.words[si])) ++sc.correct;
    }
    result->scores.push_back(sc);
  };
  // The gold index the system word's head points to (-1 root, -2 unaligned).
  auto sys_parent = [&](const EvalWord& w) -> int64_t {
    if (w.parent < 0) return -1;
    int64_t m = map[w.parent];
    return m < 0 ? -2 : m;
  };
  score("Words", [](const EvalWord&, const EvalWord&) { return true; });
  score("UPOS", [](const EvalWord& a, const EvalWord& b) { return a.word->upos == b.word->upos; });
  score("XPOS", [](const EvalWord& a, const EvalWord& b) { return a.word->xpos == b.word->xpos; });
  score("UFeats", [](const EvalWord& a, const EvalWord& b) {
    return UniversalFeatures(a.word->feats) == UniversalFeatures(b.word->feats);
  });
  score("AllTags", [](const EvalWord& a, const EvalWord& b) {
    return a.word->upos == b.word->upos && a.word->xpos == b.word->xpos &&
           UniversalFeatures(a.word->feats) == UniversalFeatures(b.word->feats);
  });
  score("Lemmas", [](const EvalWord& a, const EvalWord& b) {
    if (a.word->lemma.empty() || a.word->lemma == "_") return true;
    return a.word->lemma == b.word->lemma;
  });
  score("UAS", [&](const EvalWord& a, const EvalWord& b) { return a.parent == sys_parent(b); });
  score("LAS", [&](const EvalWord& a, const EvalWord& b) {
    return a.parent == sys_parent(b) && UniversalRelation(a.word->deprel) == UniversalRelation(b.word->deprel);
  });
  return Status::OK();
}

}  // namespace dyad
