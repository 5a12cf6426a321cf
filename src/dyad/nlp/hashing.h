// nlp/hashing — 64-bit hashing of strings and feature tuples, and a compact
// open-addressing map from 64-bit keys to 32-bit values. The perceptron
// models key every feature by such a hash, so feature extraction allocates
// nothing and a lookup is one probe in a flat array.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/util/serialize.h"

namespace dyad::nlp {

inline uint64_t Mix64(uint64_t x) {
  // splitmix64 finaliser: good avalanche, a few cycles.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ Mix64(seed + 0x9e3779b97f4a7c15ULL);
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h ^ s.size());
}

// Combines a feature template id with one or more atom hashes.
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return Mix64(a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL);
}
inline uint64_t Feat(uint32_t tmpl, uint64_t a) { return Combine(tmpl + 0x51ed27ULL, a); }
inline uint64_t Feat(uint32_t tmpl, uint64_t a, uint64_t b) { return Combine(Feat(tmpl, a), b); }
inline uint64_t Feat(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return Combine(Feat(tmpl, a, b), c);
}

// Open-addressing hash map uint64 -> uint32, power-of-two capacity, linear
// probing. Key 0 is reserved as "empty" (a real key equal to 0 is remapped).
class U64Map {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;

  U64Map() { Rehash(16); }

  uint32_t Find(uint64_t key) const {
    key = Fix(key);
    size_t mask = keys_.size() - 1;
    for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
      uint64_t k = keys_[i];
      if (k == key) return values_[i];
      if (k == 0) return kMissing;
    }
  }

  // Inserts key -> value unless present; returns the stored value.
  uint32_t Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Rehash(keys_.size() * 2);
    key = Fix(key);
    size_t mask = keys_.size() - 1;
    for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = value;
        ++size_;
        return value;
      }
    }
  }

  // Sets key -> value, overwriting.
  void Set(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Rehash(keys_.size() * 2);
    key = Fix(key);
    size_t mask = keys_.size() - 1;
    for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) { values_[i] = value; return; }
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = value;
        ++size_;
        return;
      }
    }
  }

  size_t size() const { return size_; }
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap * 7 < n * 10 + 10) cap *= 2;
    if (cap > keys_.size()) Rehash(cap);
  }

  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }

  // Serialised as (key, value) pairs; the table is rebuilt on load.
  void Write(BinaryWriter* w) const {
    std::vector<uint64_t> k;
    std::vector<uint32_t> v;
    k.reserve(size_);
    v.reserve(size_);
    ForEach([&](uint64_t key, uint32_t val) { k.push_back(key); v.push_back(val); });
    w->PutVector(k);
    w->PutVector(v);
  }
  bool Read(BinaryReader* r) {
    std::vector<uint64_t> k;
    std::vector<uint32_t> v;
    if (!r->GetVector(&k) || !r->GetVector(&v) || k.size() != v.size()) return false;
    size_ = 0;
    keys_.clear();
    Reserve(k.size());
    for (size_t i = 0; i < k.size(); ++i) {
      // Keys were stored already fixed; insert them raw.
      size_t mask = keys_.size() - 1;
      for (size_t j = Mix64(k[i]) & mask;; j = (j + 1) & mask) {
        if (keys_[j] == k[i]) break;
        if (keys_[j] == 0) { keys_[j] = k[i]; values_[j] = v[i]; ++size_; break; }
      }
    }
    return true;
  }

 private:
  static uint64_t Fix(uint64_t k) { return k == 0 ? 0x8000000000000001ULL : k; }
  void Rehash(size_t cap) {
    std::vector<uint64_t> ok;
    std::vector<uint32_t> ov;
    ok.swap(keys_);
    ov.swap(values_);
    keys_.assign(cap, 0);
    values_.assign(cap, 0);
    size_ = 0;
    size_t mask = cap - 1;
    for (size_t i = 0; i < ok.size(); ++i) {
      if (ok[i] == 0) continue;
      for (size_t j = Mix64(ok[i]) & mask;; j = (j + 1) & mask) {
        if (keys_[j] == 0) { keys_[j] = ok[i]; values_[j] = ov[i]; ++size_; break; }
      }
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t size_ = 0;
};

}  // namespace dyad::nlp
