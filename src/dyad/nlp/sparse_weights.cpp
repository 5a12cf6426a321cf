#include "dyad/nlp/sparse_weights.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dyad::nlp {

void SparseWeights::FreeSlots::operator()(Slot* p) const { std::free(p); }

SparseWeights::SparseWeights() { Reset(0); }

SparseWeights& SparseWeights::operator=(const SparseWeights& o) {
  if (this == &o) return *this;
  Reset(0);
  size_t cap = o.mask_ + 1;
  mask_ = o.mask_;
  size_t bytes = cap * sizeof(Slot);
  size_t align = bytes >= (2u << 20) ? (2u << 20) : 64;
  slots_.reset(static_cast<Slot*>(std::aligned_alloc(align, (bytes + align - 1) / align * align)));
  std::memcpy(static_cast<void*>(slots_.get()), o.slots_.get(), bytes);
  ext_cls_ = o.ext_cls_;
  ext_w_ = o.ext_w_;
  scale_ = o.scale_;
  rows_ = o.rows_;
  entries_ = o.entries_;
  return *this;
}

void SparseWeights::Reset(size_t rows) {
  size_t cap = 16;
  while (cap * 6 < rows * 10) cap *= 2;  // load factor <= 0.6
  size_t bytes = cap * sizeof(Slot);
  size_t align = bytes >= (2u << 20) ? (2u << 20) : 64;
  void* p = std::aligned_alloc(align, (bytes + align - 1) / align * align);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (align == (2u << 20)) madvise(p, bytes, MADV_HUGEPAGE);
#endif
  std::memset(p, 0, bytes);
  slots_.reset(static_cast<Slot*>(p));
  mask_ = cap - 1;
  ext_cls_.clear();
  ext_w_.clear();
  rows_ = entries_ = 0;
}

void SparseWeights::Insert(uint64_t key, const uint16_t* cls, const int16_t* q, uint32_t n) {
  if (n == 0) return;
  n = std::min<uint32_t>(n, 65535);
  key = Fix(key);
  size_t i = Mix64(key) & mask_;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  Slot& s = slots_[i];
  if (s.key == key) return;  // duplicate row: keep the first
  s.key = key;
  s.n = static_cast<uint16_t>(n);
  if (n <= kInline) {
    for (uint32_t k = 0; k < n; ++k) {
      s.cls[k] = cls[k];
      s.w[k] = q[k];
    }
  } else {
    s.ext_start = static_cast<uint32_t>(ext_cls_.size());
    ext_cls_.insert(ext_cls_.end(), cls, cls + n);
    ext_w_.insert(ext_w_.end(), q, q + n);
  }
  ++rows_;
  entries_ += n;
}

template <typename F>
void SparseWeights::ForEachRow(F&& f) const {
  for (size_t i = 0; i <= mask_; ++i) {
    const Slot& s = slots_[i];
    if (s.key == 0) continue;
    if (s.n <= kInline) f(s.key, s.cls, s.w, s.n);
    else f(s.key, &ext_cls_[s.ext_start], &ext_w_[s.ext_start], s.n);
  }
}

void SparseWeights::Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& row_start,
                          const std::vector<uint16_t>& cls, const std::vector<float>& w) {
  float maxabs = 0;
  for (float x : w) maxabs = std::max(maxabs, std::fabs(x));
  scale_ = maxabs > 0 ? 32767.0f / maxabs : 1.0f;
  float scale = scale_;
  Reset(keys.size());
  scale_ = scale;
  std::vector<uint16_t> rc;
  std::vector<int16_t> rq;
  for (size_t r = 0; r < keys.size(); ++r) {
    rc.clear();
    rq.clear();
    for (uint32_t k = row_start[r]; k < row_start[r + 1]; ++k) {
      long q = std::lround(w[k] * scale_);
      if (q == 0) continue;  // below the quantisation step
      rc.push_back(cls[k]);
      rq.push_back(static_cast<int16_t>(q));
    }
    Insert(keys[r], rc.data(), rq.data(), static_cast<uint32_t>(rc.size()));
  }
}

SparseWeights SparseWeights::Merge(const SparseWeights& a, const SparseWeights& b, uint16_t b_offset) {
  float scale = std::min(a.scale_, b.scale_);
  // Two passes over both tables with flat arrays (no allocation per row):
  // count the entries of each merged row, then fill them, requantised to the
  // common scale (a's entries first).
  U64Map index;
  index.Reserve(a.rows_ + b.rows_);
  std::vector<uint64_t> keys;
  keys.reserve(a.rows_ + b.rows_);
  std::vector<uint32_t> count;
  count.reserve(a.rows_ + b.rows_);
  for (const SparseWeights* t : {&a, &b})
    t->ForEachRow([&](uint64_t key, const uint16_t*, const int16_t*, uint32_t n) {
      uint32_t r = index.Insert(key, static_cast<uint32_t>(keys.size()));
      if (r == keys.size()) {
        keys.push_back(key);
        count.push_back(0);
      }
      count[r] += n;
    });
  std::vector<uint32_t> start(keys.size() + 1, 0);
  for (size_t r = 0; r < keys.size(); ++r) start[r + 1] = start[r] + count[r];
  std::vector<uint16_t> cls(start.back());
  std::vector<int16_t> q(start.back());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (const SparseWeights* t : {&a, &b}) {
    float ratio = scale / t->scale_;
    uint16_t offset = t == &a ? 0 : b_offset;
    t->ForEachRow([&](uint64_t key, const uint16_t* c, const int16_t* w, uint32_t n) {
      uint32_t r = index.Find(key);
      for (uint32_t k = 0; k < n; ++k) {
        long v = std::lround(w[k] * ratio);
        if (v == 0) continue;
        cls[fill[r]] = static_cast<uint16_t>(c[k] + offset);
        q[fill[r]++] = static_cast<int16_t>(v);
      }
    });
  }
  SparseWeights out;
  out.Reset(keys.size());
  out.scale_ = scale;
  for (size_t r = 0; r < keys.size(); ++r)
    out.Insert(keys[r], cls.data() + start[r], q.data() + start[r], fill[r] - start[r]);
  return out;
}

void SparseWeights::Write(BinaryWriter* out) const {
  // Rows in key order, so the file does not depend on the table layout;
  // sorted keys are delta-encoded, which compresses their high bits away.
  std::vector<std::pair<uint64_t, size_t>> order;
  order.reserve(rows_);
  for (size_t i = 0; i <= mask_; ++i)
    if (slots_[i].key != 0) order.emplace_back(slots_[i].key, i);
  std::sort(order.begin(), order.end());
  std::vector<uint64_t> hashes;
  std::vector<uint16_t> lens, classes;
  std::vector<int16_t> q;
  hashes.reserve(order.size());
  lens.reserve(order.size());
  for (auto& [key, i] : order) {
    const Slot& s = slots_[i];
    hashes.push_back(s.key);
    lens.push_back(s.n);
    if (s.n <= kInline) {
      classes.insert(classes.end(), s.cls, s.cls + s.n);
      q.insert(q.end(), s.w, s.w + s.n);
    } else {
      classes.insert(classes.end(), ext_cls_.begin() + s.ext_start, ext_cls_.begin() + s.ext_start + s.n);
      q.insert(q.end(), ext_w_.begin() + s.ext_start, ext_w_.begin() + s.ext_start + s.n);
    }
  }
  for (size_t i = hashes.size(); i-- > 1;) hashes[i] -= hashes[i - 1];
  out->Put<float>(scale_);
  out->PutVector(hashes);
  out->PutVector(lens);
  out->PutVector(classes);
  out->PutVector(q);
}

bool SparseWeights::Read(BinaryReader* in, size_t num_classes) {
  float scale;
  std::vector<uint64_t> hashes;
  std::vector<uint16_t> lens, classes;
  std::vector<int16_t> q;
  if (!in->Get(&scale) || !in->GetVector(&hashes) || !in->GetVector(&lens) ||
      !in->GetVector(&classes) || !in->GetVector(&q))
    return false;
  if (hashes.size() != lens.size() || classes.size() != q.size() || !(scale > 0)) return false;
  size_t total = 0;
  for (uint16_t l : lens) total += l;
  if (total != classes.size()) return false;
  for (uint16_t c : classes)
    if (c >= num_classes) return false;
  for (size_t i = 1; i < hashes.size(); ++i) hashes[i] += hashes[i - 1];
  Reset(hashes.size());
  scale_ = scale;
  size_t pos = 0;
  for (size_t r = 0; r < hashes.size(); ++r) {
    Insert(hashes[r], classes.data() + pos, q.data() + pos, lens[r]);
    pos += lens[r];
  }
  return true;
}

}  // namespace dyad::nlp
