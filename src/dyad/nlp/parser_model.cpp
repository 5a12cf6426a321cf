#include "dyad/nlp/parser_model.h"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dyad/util/serialize.h"

namespace dyad::parser {
namespace {

constexpr char kMagic[] = "dyad-parser";
constexpr uint32_t kVersion = 3;        // 3: direction flag
constexpr uint32_t kLegacyVersion = 2;  // still read: left-to-right only
constexpr int kMaxLabels = 126;  // actions must fit the 8 bits packed into a weight

}  // namespace

void WeightTable::Reset(size_t capacity, int num_actions) {
  size_t cap = 16;
  while (cap < capacity + capacity / 2) cap <<= 1;
  slots_.assign(cap, Slot{0, {0, 0, 0}});
  mask_ = cap - 1;
  num_actions_ = num_actions;
  padded_actions_ = ScoreBufferSize(num_actions);
  sparse_.clear();
  dense_.clear();
  num_features_ = 0;
  num_weights_ = 0;
}

void WeightTable::SetRow(Slot* slot, const uint32_t* packed, uint32_t len) {
  slot->e[0] = slot->e[1] = slot->e[2] = 0;
  if (len <= static_cast<uint32_t>(kInline)) {
    for (uint32_t k = 0; k < len; ++k) slot->e[k] = packed[k];
  } else if (len < kDenseMinLength) {
    slot->e[0] = kSparseMark;
    slot->e[1] = static_cast<uint32_t>(sparse_.size());
    slot->e[2] = len;
    sparse_.insert(sparse_.end(), packed, packed + len);
  } else {
    slot->e[0] = kDenseMark;
    slot->e[1] = static_cast<uint32_t>(dense_.size());
    slot->e[2] = len;
    dense_.resize(dense_.size() + padded_actions_, 0);
    uint16_t* row = &dense_[slot->e[1]];
    for (uint32_t k = 0; k < len; ++k) row[packed[k] & 0xFF] = static_cast<uint16_t>(packed[k] >> 16);
  }
  num_weights_ += len;
}

void WeightTable::RowEntries(const Slot& slot, std::vector<uint32_t>* out) const {
  const uint32_t mark = slot.e[0] & 0xFF;
  if (mark == kSparseMark && (slot.e[0] >> 16) == 0) {
    out->insert(out->end(), &sparse_[slot.e[1]], &sparse_[slot.e[1]] + slot.e[2]);
  } else if (mark == kDenseMark && (slot.e[0] >> 16) == 0) {
    const uint16_t* row = &dense_[slot.e[1]];
    for (int a = 0; a < num_actions_; ++a)
      if (row[a] != 0) out->push_back((static_cast<uint32_t>(row[a]) << 16) | a);
  } else {
    for (int k = 0; k < kInline && slot.e[k] != 0; ++k) out->push_back(slot.e[k]);
  }
}

void WeightTable::Build(const std::vector<FeatureRow>& rows, int num_actions) {
  size_t nonempty = 0;
  for (const auto& r : rows) nonempty += !r.weights.empty();
  Reset(nonempty, num_actions);
  std::vector<uint32_t> packed;
  for (const auto& r : rows) {
    packed.clear();
    for (const auto& [a, w] : r.weights) {
      const uint32_t e = PackWeight(a, w);
      if ((e >> 16) != 0 && a < num_actions) packed.push_back(e);  // drop zero weights
    }
    if (packed.empty()) continue;
    const uint32_t fp = Fingerprint(r.key);
    uint64_t i = r.key & mask_;
    while (slots_[i].fp != 0) i = (i + 1) & mask_;
    slots_[i].fp = fp;
    SetRow(&slots_[i], packed.data(), static_cast<uint32_t>(packed.size()));
    ++num_features_;
  }
}

void WeightTable::Score(const uint64_t* feats, int n, float* scores) const {
  if (num_features_ == 0) return;
  // Touch every first-probe slot before reading any: the table is far larger
  // than the L2 cache, and overlapping the misses is most of the speed.
  for (int i = 0; i < n; ++i) __builtin_prefetch(&slots_[feats[i] & mask_]);
  // Pass 1: probe; inline rows are added at once, long rows are prefetched
  // and remembered for pass 2.
  uint32_t sparse_rows[256], dense_rows[256];
  int n_sparse = 0, n_dense = 0;
  if (n > 256) n = 256;
  for (int i = 0; i < n; ++i) {
    const uint64_t key = feats[i];
    const uint32_t fp = Fingerprint(key);
    for (uint64_t j = key & mask_;; j = (j + 1) & mask_) {
      const Slot& s = slots_[j];
      if (s.fp == fp) {
        const uint32_t e0 = s.e[0];
        if (e0 == kSparseMark) {
          sparse_rows[n_sparse++] = static_cast<uint32_t>(j);
          __builtin_prefetch(&sparse_[s.e[1]]);
        } else if (e0 == kDenseMark) {
          dense_rows[n_dense++] = s.e[1];
          const char* p = reinterpret_cast<const char*>(&dense_[s.e[1]]);
          for (int b = 0; b < padded_actions_ * 2; b += 64) __builtin_prefetch(p + b);
        } else {
          scores[e0 & 0xFF] += UnpackWeight(e0);
          scores[s.e[1] & 0xFF] += UnpackWeight(s.e[1]);
          scores[s.e[2] & 0xFF] += UnpackWeight(s.e[2]);
        }
        break;
      }
      if (s.fp == 0) break;
    }
  }
  for (int i = 0; i < n_sparse; ++i) {
    const Slot& s = slots_[sparse_rows[i]];
    const uint32_t* e = &sparse_[s.e[1]];
    for (uint32_t k = 0; k < s.e[2]; ++k) scores[e[k] & 0xFF] += UnpackWeight(e[k]);
  }
  for (int i = 0; i < n_dense; ++i) {
    const uint16_t* row = &dense_[dense_rows[i]];
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (int a = 0; a < padded_actions_; a += 8) {
      const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + a));
      // bfloat16 -> float: the 16 bits become the high half of each float.
      const __m128 lo = _mm_castsi128_ps(_mm_unpacklo_epi16(zero, h));
      const __m128 hi = _mm_castsi128_ps(_mm_unpackhi_epi16(zero, h));
      _mm_storeu_ps(scores + a, _mm_add_ps(_mm_loadu_ps(scores + a), lo));
      _mm_storeu_ps(scores + a + 4, _mm_add_ps(_mm_loadu_ps(scores + a + 4), hi));
    }
#else
    for (int a = 0; a < padded_actions_; ++a)
      scores[a] += UnpackWeight(static_cast<uint32_t>(row[a]) << 16);
#endif
  }
}

void WeightTable::Prune(float threshold) {
  // Slots keep fingerprints, not keys, so the table cannot be re-hashed:
  // every slot stays (one left without weights scores nothing) and only
  // weights go. Pruning at training time (TrainWeights::Freeze) drops whole
  // features instead.
  std::vector<Slot> old = slots_;
  WeightTable copy;
  copy.sparse_ = sparse_;
  copy.dense_ = dense_;
  copy.num_actions_ = num_actions_;
  sparse_.clear();
  dense_.clear();
  num_weights_ = 0;
  std::vector<uint32_t> entries, packed;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (old[i].fp == 0) continue;
    entries.clear();
    copy.RowEntries(old[i], &entries);
    packed.clear();
    for (uint32_t e : entries) {
      const float w = UnpackWeight(e);
      if (w > threshold || w < -threshold) packed.push_back(e);
    }
    SetRow(&slots_[i], packed.data(), static_cast<uint32_t>(packed.size()));
  }
}

void WeightTable::Serialize(std::string* out) const {
  // Slots keep only fingerprints, so the table is stored as it is laid out:
  // delta-coded indices of the occupied slots, their fingerprints, and the
  // rows in slot order as separate streams of lengths, actions and weights.
  std::vector<uint32_t> deltas, fps;
  std::vector<uint8_t> lengths, actions;
  std::vector<uint16_t> weights;
  deltas.reserve(num_features_);
  fps.reserve(num_features_);
  lengths.reserve(num_features_);
  uint64_t prev = 0;
  std::vector<uint32_t> row;
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.fp == 0) continue;
    deltas.push_back(static_cast<uint32_t>(i - prev));
    prev = i;
    fps.push_back(s.fp);
    row.clear();
    RowEntries(s, &row);
    lengths.push_back(static_cast<uint8_t>(row.size()));
    for (uint32_t e : row) {
      actions.push_back(static_cast<uint8_t>(e & 0xFF));
      weights.push_back(static_cast<uint16_t>(e >> 16));
    }
  }
  BinaryWriter w;
  w.Put<uint64_t>(slots_.size());
  w.PutVector(deltas);
  w.PutVector(fps);
  w.PutVector(lengths);
  w.PutVector(actions);
  w.PutVector(weights);
  out->append(w.data());
}

bool WeightTable::Deserialize(const std::string& data, size_t* pos, int num_actions,
                              std::string* error) {
  BinaryReader r(std::string_view(data).substr(*pos));
  uint64_t cap = 0;
  std::vector<uint32_t> deltas, fps;
  std::vector<uint8_t> lengths, actions;
  std::vector<uint16_t> weights;
  if (!r.Get(&cap) || !r.GetVector(&deltas) || !r.GetVector(&fps) || !r.GetVector(&lengths) ||
      !r.GetVector(&actions) || !r.GetVector(&weights)) {
    *error = "truncated weight table";
    return false;
  }
  const size_t nf = deltas.size();
  if (cap < 16 || (cap & (cap - 1)) != 0 || cap > (uint64_t{1} << 32) || nf != fps.size() ||
      nf != lengths.size() || nf >= cap || actions.size() != weights.size()) {
    *error = "inconsistent weight table header";
    return false;
  }
  Reset(0, num_actions);
  slots_.assign(cap, Slot{0, {0, 0, 0}});
  mask_ = cap - 1;
  uint64_t idx = 0;
  size_t next = 0;
  std::vector<uint32_t> packed;
  for (size_t i = 0; i < nf; ++i) {
    idx += deltas[i];
    if (idx >= cap || fps[i] == 0 || slots_[idx].fp != 0) {
      *error = "bad slot in weight table";
      return false;
    }
    if (lengths[i] > actions.size() - next) {
      *error = "row out of range in weight table";
      return false;
    }
    packed.clear();
    for (uint32_t k = 0; k < lengths[i]; ++k, ++next) {
      if (actions[next] >= num_actions) {
        *error = "action id out of range in weight table";
        return false;
      }
      if (weights[next] != 0)
        packed.push_back((static_cast<uint32_t>(weights[next]) << 16) | actions[next]);
    }
    slots_[idx].fp = fps[i];
    SetRow(&slots_[idx], packed.data(), static_cast<uint32_t>(packed.size()));
  }
  if (next != actions.size()) {
    *error = "trailing weights in weight table";
    return false;
  }
  num_features_ = nf;
  *pos = data.size();  // the table is always the last section
  return true;
}

int ParserModel::LabelId(const std::string& label) const {
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == label) return static_cast<int>(i);
  return -1;
}

std::string ParserModel::Serialize() const {
  BinaryWriter w;
  w.PutStrings(labels);
  w.Put<int32_t>(beam);
  w.Put<int32_t>(fallback_label);
  w.Put<uint8_t>(reverse ? 1 : 0);
  w.PutString(clusters ? clusters->Serialize() : std::string());
  std::string out = w.data();
  weights.Serialize(&out);
  return out;
}

Status ParserModel::Deserialize(const std::string& payload, const std::string& name) {
  return Deserialize(payload, name, kVersion);
}

Status ParserModel::Deserialize(const std::string& payload, const std::string& name,
                                uint32_t version) {
  BinaryReader r(payload);
  int32_t b = 0, fb = 0;
  uint8_t rev = 0;
  const bool legacy = version == kLegacyVersion;
  std::string cluster_payload;
  if (!r.GetStrings(&labels) || !r.Get(&b) || !r.Get(&fb) || (!legacy && !r.Get(&rev)) ||
      !r.GetString(&cluster_payload))
    return Status::Corrupt(name + ": truncated parser model header");
  if (labels.empty() || labels[0] != "root" || static_cast<int>(labels.size()) > kMaxLabels)
    return Status::Corrupt(name + ": parser model has a bad label set (" +
                           std::to_string(labels.size()) + " labels)");
  if (b < 1 || b > 256 || fb < 0 || fb >= static_cast<int>(labels.size()) || rev > 1)
    return Status::Corrupt(name + ": parser model has bad settings");
  beam = b;
  fallback_label = fb;
  reverse = rev != 0;
  // Header length = everything the reader consumed so far.
  BinaryWriter hdr;
  hdr.PutStrings(labels);
  hdr.Put<int32_t>(b);
  hdr.Put<int32_t>(fb);
  if (!legacy) hdr.Put<uint8_t>(rev);
  hdr.PutString(cluster_payload);
  size_t pos = hdr.data().size();
  clusters.reset();
  if (!cluster_payload.empty()) {
    auto c = std::make_shared<WordClusters>();
    Status s = c->Deserialize(cluster_payload, name + " (word clusters)");
    if (!s.ok()) return s;
    clusters = std::move(c);
  }
  std::string error;
  if (!weights.Deserialize(payload, &pos, n_actions(), &error))
    return Status::Corrupt(name + ": " + error);
  return Status::OK();
}

Status ParserModel::Save(const std::string& path) const {
  return WritePayload(path, Serialize());
}

Status ParserModel::WritePayload(const std::string& path, const std::string& payload) {
  return WriteModelFile(path, kMagic, kVersion, payload);
}

Status ParserModel::Load(const std::string& path, ParserModel* out) {
  std::string payload;
  Status s = ReadModelFile(path, kMagic, kVersion, &payload);
  if (s.ok()) return out->Deserialize(payload, path, kVersion);
  // A model of the previous format (no direction flag) still loads.
  if (ReadModelFile(path, kMagic, kLegacyVersion, &payload).ok())
    return out->Deserialize(payload, path, kLegacyVersion);
  return s;
}

}  // namespace dyad::parser
