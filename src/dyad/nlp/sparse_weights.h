// nlp/sparse_weights — the run-time weight table of a perceptron. Each
// feature hash maps to a short row of (class, weight) pairs, because a
// feature is only ever updated for a handful of classes (most rows hold one
// or two). The table is one flat open-addressing array of 32-byte slots that
// hold the key and rows of up to five entries inline, so scoring a feature
// costs one cache miss, which callers hide by prefetching a token's features
// ahead. The slot array lives on transparent huge pages where available (a
// random probe into tens of megabytes otherwise misses the TLB too). Weights
// are 16-bit fixed point with one scale per table: smaller model files,
// integer scoring, no measurable loss of accuracy.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "dyad/nlp/hashing.h"
#include "dyad/util/serialize.h"

namespace dyad::nlp {

class SparseWeights {
 public:
  SparseWeights();
  SparseWeights(const SparseWeights& o) { *this = o; }
  SparseWeights& operator=(const SparseWeights& o);
  SparseWeights(SparseWeights&&) noexcept = default;
  SparseWeights& operator=(SparseWeights&&) noexcept = default;

  // Builds the table from rows: keys[r] has entries [row_start[r], row_start[r+1])
  // of (cls, w). Weights are quantised with a scale chosen from their range.
  void Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& row_start,
             const std::vector<uint16_t>& cls, const std::vector<float>& w);

  // A table holding both `a`'s rows and `b`'s rows with classes shifted by
  // `b_offset`, on one common scale: one lookup then scores both models.
  static SparseWeights Merge(const SparseWeights& a, const SparseWeights& b, uint16_t b_offset);

  void Prefetch(uint64_t feat) const {
    __builtin_prefetch(&slots_[Mix64(Fix(feat)) & mask_]);
  }

  void AddScores(uint64_t feat, int32_t* scores) const {
    feat = Fix(feat);
    for (size_t i = Mix64(feat) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == feat) {
        if (s.n <= kInline) {
          for (uint32_t k = 0; k < s.n; ++k) scores[s.cls[k]] += s.w[k];
        } else {
          uint32_t start = s.ext_start;
          for (uint32_t k = start; k < start + s.n; ++k) scores[ext_cls_[k]] += ext_w_[k];
        }
        return;
      }
      if (s.key == 0) return;
    }
  }
  void AddScores(const uint64_t* feats, int n, int32_t* scores) const {
    for (int i = 0; i < n; ++i) Prefetch(feats[i]);
    for (int i = 0; i < n; ++i) AddScores(feats[i], scores);
  }

  size_t rows() const { return rows_; }
  size_t entries() const { return entries_; }
  float scale() const { return scale_; }

  void Write(BinaryWriter* out) const;
  bool Read(BinaryReader* in, size_t num_classes);

 private:
  static constexpr uint32_t kInline = 5;
  struct alignas(32) Slot {
    uint64_t key;
    uint16_t n;          // entries; > kInline: stored in ext_* from ext_start
    uint16_t pad;
    union {
      struct {
        uint16_t cls[kInline];
        int16_t w[kInline];
      };
      uint32_t ext_start;
    };
  };
  static_assert(sizeof(Slot) == 32);
  struct FreeSlots {
    void operator()(Slot* p) const;
  };
  static uint64_t Fix(uint64_t k) { return k == 0 ? 0x8000000000000001ULL : k; }
  void Insert(uint64_t key, const uint16_t* cls, const int16_t* q, uint32_t n);
  void Reset(size_t rows);
  // Calls f(key, cls*, q*, n) for each row.
  template <typename F>
  void ForEachRow(F&& f) const;

  std::unique_ptr<Slot[], FreeSlots> slots_;
  size_t mask_ = 0;
  std::vector<uint16_t> ext_cls_;
  std::vector<int16_t> ext_w_;
  float scale_ = 1.0f;
  size_t rows_ = 0, entries_ = 0;
};

}  // namespace dyad::nlp
