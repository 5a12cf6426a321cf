// nlp/train/lemmatizer_trainer — building the lemmatizer model
// (nlp/lemmatizer.h) from treebank sentences and WordNet's morphology files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/lemmatizer.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct LemmatizerTrainOptions {
  std::string wordnet_dir = "/usr/share/wordnet";  // "" = no WordNet tables
  int min_rule_count = 2;        // suffix rules seen fewer times are dropped
};

Status TrainLemmatizer(const std::vector<Sentence>& train, const LemmatizerTrainOptions& opts,
                       std::unique_ptr<Lemmatizer>* out);

Status SaveLemmatizer(const Lemmatizer& lemmatizer, const std::string& path);

// Percentage of words of `gold` whose predicted lemma (from gold form+tags,
// or from the words' current tags) equals the gold lemma.
double EvaluateLemmatizer(const Lemmatizer& lemmatizer, const std::vector<Sentence>& gold);

}  // namespace dyad
