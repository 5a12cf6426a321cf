// Training of the dependency parser (nlp/parser.h): averaged perceptron,
// arc-eager transitions, greedy training with the Goldberg & Nivre dynamic
// oracle (exploration), optionally followed by / replaced with beam search
// and max-violation global updates. Non-projective training trees are
// projectivised by lifting first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct ParserTrainOptions {
  int iterations = 15;         // passes over the training set
  int beam = 1;                // 1 = greedy (dynamic oracle); >1 = beam + max-violation
  double explore_prob = 0.9;   // greedy: follow the model's (wrong) move with this probability
  int explore_after = 1;       // greedy: iterations with the static path before exploring
  uint64_t seed = 1;           // shuffling and exploration
  bool early_update = false;  // beam: stop at the first fall-off instead of max-violation
  float prune = 1.0f;          // drop averaged weights with |w| <= prune (size/speed; no loss)
  bool pick_best_iteration = true;  // keep the averaged weights of the best dev LAS
  bool verbose = true;          // print dev UAS/LAS per iteration to stderr
  std::string clusters_path;   // word clusters model (nlp/word_clusters.h) to use; "" = none
  bool reverse = false;        // right-to-left model (reads sentences backwards)
  std::string log_name = "train-parser";  // prefix of progress lines (two may train at once)
};

// Trains on `train` (words with form, lemma, upos, xpos, feats, head, deprel;
// tags may be predicted, heads/deprels are gold) and writes the model to
// `out_path`. `dev` (gold heads) is used for per-iteration scores and, when
// pick_best_iteration is set, for choosing the iteration; it may be empty.
Status TrainParser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                   const ParserTrainOptions& opts, const std::string& out_path);

}  // namespace dyad
