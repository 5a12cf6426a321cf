// nlp/train/perceptron — the training-time averaged perceptron behind the
// tagger: sparse rows of (class, weight, running total, last-update time) per
// feature hash, with lazy averaging (Collins 2002; Daumé's trick), exported
// to the compact run-time table nlp/sparse_weights.h.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "dyad/nlp/hashing.h"
#include "dyad/nlp/sparse_weights.h"

namespace dyad::nlp {

class TrainablePerceptron {
 public:
  void Score(const uint64_t* feats, int n, float* scores) const {
    for (int i = 0; i < n; ++i) {
      uint32_t r = index_.Find(feats[i]);
      if (r == U64Map::kMissing) continue;
      for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
    }
  }

  // One training instance has been seen (the averaging clock).
  void Tick() { ++now_; }

  void Update(const uint64_t* feats, int n, uint16_t cls, float delta) {
    for (int i = 0; i < n; ++i) {
      uint32_t r = index_.Insert(feats[i], static_cast<uint32_t>(rows_.size()));
      if (r == rows_.size()) rows_.emplace_back();
      std::vector<Entry>& row = rows_[r];
      Entry* e = nullptr;
      for (Entry& x : row)
        if (x.cls == cls) { e = &x; break; }
      if (!e) {
        row.push_back(Entry{cls, 0.0f, 0.0, now_});
        e = &row.back();
      }
      e->total += static_cast<double>(now_ - e->ts) * e->w;
      e->ts = now_;
      e->w += delta;
    }
  }

  // Averaged weights; entries whose average is below `prune` in magnitude
  // are dropped (they change no decision in practice).
  SparseWeights Export(float prune) const {
    std::vector<uint64_t> keys(rows_.size()), out_keys;
    index_.ForEach([&](uint64_t k, uint32_t r) { keys[r] = k; });
    std::vector<uint32_t> row_start{0};
    std::vector<uint16_t> cls;
    std::vector<float> w;
    double now = static_cast<double>(now_ > 0 ? now_ : 1);
    for (size_t r = 0; r < rows_.size(); ++r) {
      size_t before = cls.size();
      for (const Entry& e : rows_[r]) {
        double avg = (e.total + static_cast<double>(now_ - e.ts) * e.w) / now;
        if (std::fabs(avg) < prune) continue;
        cls.push_back(e.cls);
        w.push_back(static_cast<float>(avg));
      }
      if (cls.size() == before) continue;
      out_keys.push_back(keys[r]);
      row_start.push_back(static_cast<uint32_t>(cls.size()));
    }
    SparseWeights out;
    out.Build(out_keys, row_start, cls, w);
    return out;
  }

  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    int64_t ts;
  };
  U64Map index_;
  std::vector<std::vector<Entry>> rows_;
  int64_t now_ = 0;
};

}  // namespace dyad::nlp
