// nlp/tagger_model — everything a trained tagger consists of: the tag set
// (joint UPOS+XPOS tags), the feature bundles allowed per tag, the lexicon
// learned from the treebank (tag ambiguity classes, frequencies), WordNet's
// part-of-speech evidence for unseen words, optional word clusters, and the
// perceptron weights of both passes and of the feature classifier.
// Shared by the runtime (nlp/tagger.cpp) and the trainer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/hashing.h"
#include "dyad/nlp/sparse_weights.h"
#include "dyad/nlp/word_clusters.h"
#include "dyad/nlp/wordnet_morph.h"
#include "dyad/util/status.h"

namespace dyad {

inline constexpr int kMaxTags = 128;  // tag masks are two 64-bit words

struct TaggerLexEntry {
  uint32_t count = 0;         // occurrences in training
  uint64_t mask[2] = {0, 0};  // tags seen with the word (share >= 1%)
  uint64_t ambiguity = 0;     // hash of `mask` (a feature atom)
  uint32_t wn_signature = 0;  // WordNet evidence (precomputed)
};

struct TaggerModel {
  std::vector<std::string> upos, xpos;    // per joint tag id
  std::vector<std::string> feats;         // feature bundles; id 0 = "" (none)
  std::vector<std::vector<uint16_t>> feats_candidates;  // per tag: allowed bundles
  std::vector<uint16_t> feats_default;    // per tag: most frequent bundle

  nlp::U64Map lexicon;                    // hash of form (seed 1) or lowercase (seed 2) -> entry
  std::vector<TaggerLexEntry> lex;
  uint32_t min_ambiguity_count = 3;       // rarer words get no ambiguity class
  uint32_t constrain_count = 30;          // words this frequent only take tags seen with them

  nlp::WordNetMorph wordnet;
  std::unique_ptr<WordClusters> clusters; // null: no cluster features

  bool two_pass = true;
  nlp::SparseWeights pass1, pass2, featw;
  // Combine(TokenInfo::norm, tag) -> feature bundle, for (word, tag) pairs
  // whose bundle never varied in training: one probe instead of running the
  // bundle classifier.
  nlp::U64Map feats_lexicon;
  // Frequent word forms whose role scores are precomputed at load time.
  std::vector<std::string> cache_words;

  // Derived on load (not stored): coarse kind of each tag for the feature
  // classifier's agreement features.
  enum TagKind : uint8_t { kOther = 0, kNominal = 1, kAux = 2, kVerb = 3 };
  std::vector<uint8_t> tag_kind;
  // pass1 and pass2 in one table (pass 2's classes shifted by num_tags()),
  // so one probe per feature scores both passes.
  nlp::SparseWeights joint;
  // Per cached word: kNumRoles rows of score_width() summed role-feature
  // scores (nlp/tagger_features.h); plus one row per neighbour role for the
  // padding beyond the sentence. TokenInfo::form hash -> cached word.
  nlp::U64Map cache_index;
  std::vector<int32_t> cache_rows, pad_rows;
  size_t score_width() const { return two_pass ? 2 * upos.size() : upos.size(); }
  const nlp::SparseWeights& scoring_table() const { return two_pass ? joint : pass1; }
  void Finalize();

  size_t num_tags() const { return upos.size(); }

  std::string Serialize() const;
  Status Deserialize(std::string_view payload, const std::string& name);
};

inline constexpr char kTaggerMagic[] = "dyad-tagger";
inline constexpr uint32_t kTaggerVersion = 1;

}  // namespace dyad
