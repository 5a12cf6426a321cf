// nlp/train/jackknife — K-fold "jackknifed" tags for parser training: the
// parser must learn from the tagger's errors, so each fold of the training
// data is tagged by a tagger trained on the other folds.
#pragma once

#include <vector>

#include "dyad/nlp/train/tagger_trainer.h"

namespace dyad {

// Replaces the gold upos/xpos/feats of every word of `train` by the
// prediction of a tagger trained on the other folds (contiguous folds of
// sentences). Lemmas, heads and relations are kept. folds >= 2.
Status JackknifeTags(std::vector<Sentence>* train, int folds, const TaggerTrainOptions& opts);

}  // namespace dyad
