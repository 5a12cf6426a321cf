// nlp/train/tagger_trainer — training the perceptron tagger (nlp/tagger.h)
// from gold CoNLL-U sentences, and writing the model file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/tagger.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

class WordClusters;

struct TaggerTrainOptions {
  int iterations = 8;             // passes over the training data (dev picks the best)
  uint64_t seed = 1;              // shuffling order
  bool two_pass = true;           // train the right-context second pass too
  uint32_t cache_min_count = 8;   // forms this frequent get precomputed role scores (speed)
  uint32_t min_ambiguity_count = 5;  // rarer words get no tag-ambiguity-class feature (3 and 10: no better on dev)
  uint32_t constrain_count = 30;     // words this frequent only take tags seen with them
  std::string wordnet_dir = "/usr/share/wordnet";  // "" = no WordNet POS classes
  const WordClusters* clusters = nullptr;          // optional cluster features
  bool verbose = true;            // print per-iteration accuracy to stderr
  int threads = 1;                // JackknifeTags: folds trained in parallel
};

// Trains a tagger on `train`; if `dev` is given, prints its accuracy after
// each iteration (when verbose) and keeps the best iteration's averaged
// weights.
Status TrainTagger(const std::vector<Sentence>& train, const std::vector<Sentence>* dev,
                   const TaggerTrainOptions& opts, std::unique_ptr<Tagger>* out);

// Writes the tagger's model (zstd-compressed) to `path`.
Status SaveTagger(const Tagger& tagger, const std::string& path);

// Token-level accuracies of `tagger` on gold `sentences` (gold tokenisation).
struct TaggerAccuracy {
  size_t words = 0;
  double upos = 0, xpos = 0, feats = 0, all_tags = 0;  // percent
};
TaggerAccuracy EvaluateTagger(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace dyad
