// Feature extraction for the dependency parser: the Zhang & Nivre (2011)
// templates for arc-eager (words, tags, labels of stack/buffer positions and
// of leftmost/rightmost children, distance, valency, label sets), extended
// with lemmas, UPOS, selected UD features, the second stack element,
// punctuation between S0 and N0, and word clusters when a sentence has them.
//
// Features are 64-bit hashes of (template id, atom values). Atoms — hashes of
// each token's normalised word, tags, lemma, morphology — are computed once
// per sentence (SentenceAtoms), so extracting a state's features is a fixed
// number of integer mixes with no allocation and no string work.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/nlp/transition_system.h"
#include "dyad/nlp/word_clusters.h"
#include "dyad/text/document.h"

namespace dyad::parser {

// Stable 64-bit string hash (model files depend on it: never change it
// without bumping the model format version).
uint64_t HashString(std::string_view s);

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}

struct TokenAtoms {
  uint64_t w = 0;   // lowercased form, digits folded to 0
  uint64_t p = 0;   // XPOS (falls back to UPOS)
  uint64_t u = 0;   // UPOS
  uint64_t m = 0;   // lemma (lowercased)
  uint64_t f = 0;   // selected UD features (VerbForm, PronType, Case, ...)
  uint64_t c = 0;   // word cluster: full Brown path
  uint64_t c4 = 0;  // word cluster: 4-bit path prefix
  uint64_t wp = 0;  // w and p together
};

// The atoms of a sentence, indexed by token: -1 = no token, 0 = root,
// 1..n = words. Also prefix counts of punctuation for "punct between".
class SentenceAtoms {
 public:
  // `clusters` may be null (cluster atoms are then constant). With
  // `reverse`, token t is word n+1-t (a right-to-left parser's view).
  void Build(const Sentence& s, const WordClusters* clusters, bool reverse = false);
  int n() const { return n_; }
  const TokenAtoms& operator[](int t) const { return atoms_[t + 1]; }
  // Number of punctuation words strictly between tokens a < b.
  int PunctBetween(int a, int b) const {
    return b - a <= 1 ? 0 : punct_prefix_[b - 1] - punct_prefix_[a];
  }

 private:
  int n_ = 0;
  std::vector<TokenAtoms> atoms_;
  std::vector<int> punct_prefix_;  // [t] = punctuation words among 1..t
  std::string lower_;              // scratch for cluster look-ups
};

constexpr int kNumFeatures = 118;

// Writes exactly kNumFeatures feature hashes for state `st` into out.
void ExtractFeatures(const ParseState& st, const SentenceAtoms& atoms, uint64_t* out);

}  // namespace dyad::parser
