// The perceptron weights while training the parser: a sparse row of
// (action, weight) entries per feature, with the lazy-update trick for
// averaging (Daumé 2006): each entry remembers when it last changed, so an
// update costs O(1) however long training runs. Freeze() turns the averaged
// weights into the compact table the runtime uses (nlp/parser_model.h).
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/nlp/parser_model.h"

namespace dyad::parser {

class TrainWeights {
 public:
  TrainWeights();

  // scores[a] += current weight of (feature, a) for each of the n features.
  void Score(const uint64_t* feats, int n, float* scores) const;
  // weight(feature, action) += delta for each feature, at time `now` (the
  // number of training instances seen so far).
  void Update(const uint64_t* feats, int n, int action, float delta, int64_t now);
  // Averaged weights at time `now`; entries with |w| <= prune are dropped.
  void Freeze(int64_t now, float prune, int num_actions, WeightTable* out) const;

  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    float w = 0;
    int32_t cls = 0;
    int64_t ts = 0;
    double total = 0;  // sum of w over time up to ts
  };
  int64_t Find(uint64_t key) const;
  uint32_t FindOrInsert(uint64_t key);
  void Grow();

  std::vector<uint64_t> keys_;   // 0 = empty (a zero feature hash is remapped)
  std::vector<uint32_t> index_;  // row of each slot
  uint64_t mask_ = 0;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
};

}  // namespace dyad::parser
