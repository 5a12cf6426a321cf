#include "dyad/nlp/train/parser_weights.h"

#include <cmath>

namespace dyad::parser {
namespace {
inline uint64_t NonZero(uint64_t k) { return k == 0 ? 1 : k; }
}  // namespace

TrainWeights::TrainWeights() {
  keys_.assign(1 << 20, 0);
  index_.assign(1 << 20, 0);
  mask_ = (1 << 20) - 1;
}

int64_t TrainWeights::Find(uint64_t key) const {
  key = NonZero(key);
  for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == key) return index_[i];
    if (keys_[i] == 0) return -1;
  }
}

void TrainWeights::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_index = std::move(index_);
  keys_.assign(old_keys.size() * 2, 0);
  index_.assign(old_keys.size() * 2, 0);
  mask_ = keys_.size() - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j] == 0) continue;
    uint64_t i = old_keys[j] & mask_;
    while (keys_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = old_keys[j];
    index_[i] = old_index[j];
  }
}

uint32_t TrainWeights::FindOrInsert(uint64_t key) {
  key = NonZero(key);
  uint64_t i = key & mask_;
  for (;; i = (i + 1) & mask_) {
    if (keys_[i] == key) return index_[i];
    if (keys_[i] == 0) break;
  }
  if ((rows_.size() + 1) * 2 > keys_.size()) {
    Grow();
    i = key & mask_;
    while (keys_[i] != 0) i = (i + 1) & mask_;
  }
  keys_[i] = key;
  index_[i] = static_cast<uint32_t>(rows_.size());
  rows_.emplace_back();
  row_keys_.push_back(key);
  return index_[i];
}

void TrainWeights::Score(const uint64_t* feats, int n, float* scores) const {
  for (int k = 0; k < n; ++k) {
    const int64_t r = Find(feats[k]);
    if (r < 0) continue;
    for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
  }
}

void TrainWeights::Update(const uint64_t* feats, int n, int action, float delta, int64_t now) {
  for (int k = 0; k < n; ++k) {
    std::vector<Entry>& row = rows_[FindOrInsert(feats[k])];
    Entry* e = nullptr;
    for (Entry& x : row) {
      if (x.cls == action) {
        e = &x;
        break;
      }
    }
    if (e == nullptr) {
      row.push_back(Entry{0, action, now, 0});
      e = &row.back();
    }
    e->total += static_cast<double>(now - e->ts) * e->w;
    e->ts = now;
    e->w += delta;
  }
}

void TrainWeights::Freeze(int64_t now, float prune, int num_actions, WeightTable* out) const {
  std::vector<FeatureRow> rows;
  rows.reserve(rows_.size());
  const double t = now > 0 ? static_cast<double>(now) : 1.0;
  for (size_t r = 0; r < rows_.size(); ++r) {
    FeatureRow fr;
    fr.key = row_keys_[r];
    for (const Entry& e : rows_[r]) {
      const double avg = (e.total + static_cast<double>(now - e.ts) * e.w) / t;
      if (std::fabs(avg) > prune) fr.weights.emplace_back(static_cast<uint8_t>(e.cls),
                                                          static_cast<float>(avg));
    }
    if (!fr.weights.empty()) rows.push_back(std::move(fr));
  }
  out->Build(rows, num_actions);
}

}  // namespace dyad::parser
