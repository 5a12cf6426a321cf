#include "dyad/nlp/parser_model.h"

#include <algorithm>

#include "dyad/util/serialize.h"

namespace dyad::parser {
namespace {

constexpr char kMagic[] = "dyad-parser";
constexpr uint32_t kVersion = 2;
constexpr int kMaxLabels = 126;  // actions must fit the 8 bits packed into a weight

}  // namespace

void WeightTable::Reset(size_t capacity) {
  size_t cap = 16;
  while (cap < capacity + capacity / 2) cap <<= 1;
  slots_.assign(cap, Slot{0, {0, 0, 0}});
  mask_ = cap - 1;
  overflow_.clear();
  num_features_ = 0;
  num_weights_ = 0;
}

void WeightTable::SetRow(Slot* slot, const uint32_t* packed, uint32_t len) {
  slot->e[0] = slot->e[1] = slot->e[2] = 0;
  if (len <= static_cast<uint32_t>(kInline)) {
    for (uint32_t k = 0; k < len; ++k) slot->e[k] = packed[k];
  } else {
    slot->e[0] = kOverflowMark;
    slot->e[1] = static_cast<uint32_t>(overflow_.size());
    slot->e[2] = len;
    overflow_.insert(overflow_.end(), packed, packed + len);
  }
  num_weights_ += len;
}

std::pair<const uint32_t*, uint32_t> WeightTable::Row(const Slot& slot) const {
  if ((slot.e[0] & 0xFF) == kOverflowMark) return {&overflow_[slot.e[1]], slot.e[2]};
  uint32_t len = 0;
  while (len < static_cast<uint32_t>(kInline) && slot.e[len] != 0) ++len;
  return {slot.e, len};
}

void WeightTable::Build(const std::vector<FeatureRow>& rows) {
  size_t nonempty = 0;
  for (const auto& r : rows) nonempty += !r.weights.empty();
  Reset(nonempty);
  std::vector<uint32_t> packed;
  for (const auto& r : rows) {
    packed.clear();
    for (const auto& [a, w] : r.weights) {
      const uint32_t e = PackWeight(a, w);
      if (e != 0) packed.push_back(e);  // 0 is "no entry" in an inline row
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
  for (int i = 0; i < n; ++i) {
    const uint64_t key = feats[i];
    const uint32_t fp = Fingerprint(key);
    for (uint64_t j = key & mask_;; j = (j + 1) & mask_) {
      const Slot& s = slots_[j];
      if (s.fp == fp) {
        if ((s.e[0] & 0xFF) != kOverflowMark) {
          scores[s.e[0] & 0xFF] += UnpackWeight(s.e[0]);
          scores[s.e[1] & 0xFF] += UnpackWeight(s.e[1]);
          scores[s.e[2] & 0xFF] += UnpackWeight(s.e[2]);
        } else {
          const uint32_t* e = &overflow_[s.e[1]];
          for (uint32_t k = 0; k < s.e[2]; ++k) scores[e[k] & 0xFF] += UnpackWeight(e[k]);
        }
        break;
      }
      if (s.fp == 0) break;
    }
  }
}

void WeightTable::Prune(float threshold) {
  // Slots keep fingerprints, not keys, so the table cannot be re-hashed:
  // every slot stays (one left without weights scores nothing) and only
  // weights go. Pruning at training time (TrainWeights::Freeze) drops whole
  // features instead.
  std::vector<Slot> old = slots_;
  std::vector<uint32_t> old_overflow = std::move(overflow_);
  overflow_.clear();
  num_weights_ = 0;
  std::vector<uint32_t> packed;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (old[i].fp == 0) continue;
    const Slot& o = old[i];
    const uint32_t* e;
    uint32_t len;
    if ((o.e[0] & 0xFF) == kOverflowMark) {
      e = &old_overflow[o.e[1]];
      len = o.e[2];
    } else {
      e = o.e;
      len = 0;
      while (len < static_cast<uint32_t>(kInline) && o.e[len] != 0) ++len;
    }
    packed.clear();
    for (uint32_t k = 0; k < len; ++k) {
      const float w = UnpackWeight(e[k]);
      if (w > threshold || w < -threshold) packed.push_back(e[k]);
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
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.fp == 0) continue;
    deltas.push_back(static_cast<uint32_t>(i - prev));
    prev = i;
    fps.push_back(s.fp);
    auto [e, len] = Row(s);
    lengths.push_back(static_cast<uint8_t>(len));
    for (uint32_t k = 0; k < len; ++k) {
      actions.push_back(static_cast<uint8_t>(e[k] & 0xFF));
      weights.push_back(static_cast<uint16_t>(e[k] >> 16));
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
  slots_.assign(cap, Slot{0, {0, 0, 0}});
  mask_ = cap - 1;
  overflow_.clear();
  num_weights_ = 0;
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
      const uint32_t e = (static_cast<uint32_t>(weights[next]) << 16) | actions[next];
      if (e != 0) packed.push_back(e);
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
  w.PutString(clusters ? clusters->Serialize() : std::string());
  std::string out = w.data();
  weights.Serialize(&out);
  return out;
}

Status ParserModel::Deserialize(const std::string& payload, const std::string& name) {
  BinaryReader r(payload);
  int32_t b = 0, fb = 0;
  std::string cluster_payload;
  if (!r.GetStrings(&labels) || !r.Get(&b) || !r.Get(&fb) || !r.GetString(&cluster_payload))
    return Status::Corrupt(name + ": truncated parser model header");
  if (labels.empty() || labels[0] != "root" || static_cast<int>(labels.size()) > kMaxLabels)
    return Status::Corrupt(name + ": parser model has a bad label set (" +
                           std::to_string(labels.size()) + " labels)");
  if (b < 1 || b > 256 || fb < 0 || fb >= static_cast<int>(labels.size()))
    return Status::Corrupt(name + ": parser model has bad settings");
  beam = b;
  fallback_label = fb;
  // Header length = everything the reader consumed so far.
  BinaryWriter hdr;
  hdr.PutStrings(labels);
  hdr.Put<int32_t>(b);
  hdr.Put<int32_t>(fb);
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
  if (!s.ok()) return s;
  return out->Deserialize(payload, path);
}

}  // namespace dyad::parser
