// nlp/tagger_features — feature extraction for the tagger, shared by the
// runtime and the trainer so both see exactly the same features. Words are
// first reduced to TokenInfo atoms (hashes of the normalised form, affixes,
// shape, lexicon and WordNet evidence, clusters); features are then 64-bit
// hashes of (template, atoms), written into caller-provided arrays.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/nlp/tagger_model.h"
#include "dyad/text/document.h"

namespace dyad::nlp {

inline constexpr int kMaxStaticFeatures = 64;
inline constexpr int kMaxTagFeatures = 16;
inline constexpr int kMaxFeatsFeatures = 24;

struct TokenInfo {
  uint64_t form = 0, norm = 0, shape = 0, hyph_tail = 0;
  uint64_t suf[4] = {0, 0, 0, 0}, pre[3] = {0, 0, 0};
  uint64_t ambig = 0;     // ambiguity class (or "unknown" + WordNet signature)
  uint64_t lower_ambig = 0;  // ambiguity class of the lowercase form
  uint32_t sent_case = 0;    // 0 ordinary sentence, 1 title case, 2 all capitals
  uint64_t wnsig = 0;
  uint64_t cl[4] = {0, 0, 0, 0};  // cluster path prefixes (4, 6, 10 bits, full)
  uint32_t count = 0;     // training frequency of the form
  const TaggerLexEntry* entry = nullptr;  // lexicon entry (form, else lowercase)
  int32_t cache_row = -1;  // row of cached role scores (runtime only), -1 = none
};

// The best of n tag scores for token t. Words seen at least constrain_count
// times in training only take tags seen with them (the runtime scores in
// integers, the trainer in floats: hence the template).
template <typename Score>
uint16_t ConstrainedArgmax(const Score* scores, size_t n, const TokenInfo& t, uint32_t constrain_count) {
  int best = -1;
  Score bs = 0;
  bool constrained = t.entry && t.count >= constrain_count;
  for (size_t c = 0; c < n; ++c) {
    if (constrained && !((t.entry->mask[c >> 6] >> (c & 63)) & 1)) continue;
    if (best < 0 || scores[c] > bs) { best = static_cast<int>(c); bs = scores[c]; }
  }
  return static_cast<uint16_t>(best < 0 ? 0 : best);
}

// Lowercases UTF-8 (full Unicode simple case mapping) into *out.
void LowercaseUtf8(std::string_view s, std::string* out);

// Fills one TokenInfo per word. Reuses `out`'s capacity (no allocation once
// warm).
void PrepareTokens(const TaggerModel& m, const std::vector<Word>& words, std::vector<TokenInfo>* out);

// Features of token i that do not depend on predicted tags: the features of
// each word in a window of five, each depending on that word alone (its
// "role": the token itself or a neighbour at -1, +1, -2, +2), plus features
// pairing words. A role's features depend only on one word (or on the
// padding beyond the sentence), so the tagger can cache their summed scores
// per frequent word type.
enum TaggerRole { kRoleSelf = 0, kRoleLeft1 = 1, kRoleRight1 = 2, kRoleLeft2 = 3, kRoleRight2 = 4 };
inline constexpr int kNumRoles = 5;
extern const int kRoleOffset[kNumRoles];
// `w` null = the position is outside the sentence (not allowed for kRoleSelf).
int RoleFeatures(const TokenInfo* w, int role, bool clusters, uint64_t* out);
int PairFeatures(const TokenInfo* t, int n, int i, uint64_t* out);
int StaticFeatures(const TokenInfo* t, int n, int i, bool clusters, uint64_t* out);

// Features of token i that depend on tags: `left` holds the tags already
// chosen for 0..i-1 in this pass; `right` (pass 2 only, else null) the first
// pass's tags for the whole sentence.
int TagFeatures(const TokenInfo* t, int n, int i, const uint16_t* left, const uint16_t* right,
                uint64_t* out);

// Features for choosing the UD feature bundle of token i given final tags.
int FeatsFeatures(const TaggerModel& m, const TokenInfo* t, int n, int i, const uint16_t* tags,
                  uint64_t* out);

}  // namespace dyad::nlp
