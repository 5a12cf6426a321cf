// The trained parser model: its relation labels and the averaged perceptron
// weights, stored sparsely (a feature keeps weights only for the actions it
// was ever updated for) in an open-addressing table, plus (de)serialisation
// to the zstd model file format of util/serialize.h.
//
// Table layout, chosen for cache behaviour at parse time: a slot is 16 bytes,
// a 32-bit fingerprint of the feature hash and up to three packed weights
// inline (longer rows overflow to a side array). A packed weight's upper 16
// bits are the weight as a bfloat16 (a 7-bit mantissa: 0.4% relative error,
// far below what matters for a perceptron), its low 8 bits the action id. On
// disk the rows are written in slot order as separate streams (lengths,
// actions, weights), which zstd compresses well.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/word_clusters.h"
#include "dyad/util/status.h"

namespace dyad::parser {

// One feature's weights as the trainer hands them over.
struct FeatureRow {
  uint64_t key = 0;
  std::vector<std::pair<uint8_t, float>> weights;  // (action, weight)
};

class WeightTable {
 public:
  // Builds the table from rows (keys must be distinct; actions < num_actions).
  void Build(const std::vector<FeatureRow>& rows, int num_actions);

  // Adds the weights of each of the n features to scores[action].
  // scores must be zeroed by the caller and hold num_actions rounded up to
  // a multiple of 8 (see ScoreBufferSize).
  void Score(const uint64_t* feats, int n, float* scores) const;
  static int ScoreBufferSize(int num_actions) { return (num_actions + 7) & ~7; }

  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_weights_; }
  // Drops weights with |w| <= threshold (their slots stay).
  void Prune(float threshold);

  void Serialize(std::string* out) const;
  // Returns false when the data is inconsistent (names nothing: the caller
  // adds the file name).
  bool Deserialize(const std::string& data, size_t* pos, int num_actions, std::string* error);

 private:
  // A slot is 16 bytes: a feature's fingerprint and, for the usual short
  // rows, its weights inline (one memory access per feature). Unused inline
  // entries are 0, which adds 0.0 to action 0: harmless. Longer rows are
  // marked in e[0]'s action byte (never a real action, as actions < 254):
  //   kSparseMark: packed entries in sparse_[e[1] .. e[1] + e[2]);
  //   kDenseMark:  a bfloat16 per action in dense_[e[1] .. + padded actions),
  //                added with SIMD (frequent features have long rows).
  static constexpr int kInline = 3;
  static constexpr uint32_t kSparseMark = 0xFF;
  static constexpr uint32_t kDenseMark = 0xFE;
  static constexpr uint32_t kDenseMinLength = 16;
  struct Slot {
    uint32_t fp;  // high 32 bits of the key; 0 marks an empty slot
    uint32_t e[kInline];
  };
  static uint32_t Fingerprint(uint64_t key) {
    const uint32_t fp = static_cast<uint32_t>(key >> 32);
    return fp == 0 ? 1 : fp;
  }
  void Reset(size_t capacity, int num_actions);
  void SetRow(Slot* slot, const uint32_t* packed, uint32_t len);
  // Appends the packed entries of an occupied slot to *out.
  void RowEntries(const Slot& slot, std::vector<uint32_t>* out) const;

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  int num_actions_ = 0;
  int padded_actions_ = 0;
  std::vector<uint32_t> sparse_;
  std::vector<uint16_t> dense_;
  size_t num_features_ = 0;
  size_t num_weights_ = 0;
};

inline uint32_t PackWeight(uint8_t action, float w) {
  uint32_t bits;
  __builtin_memcpy(&bits, &w, 4);
  bits += 0x7FFFu + ((bits >> 16) & 1);  // round to nearest even bfloat16
  return (bits & 0xFFFF0000u) | action;
}
inline float UnpackWeight(uint32_t e) {
  const uint32_t bits = e & 0xFFFF0000u;
  float w;
  __builtin_memcpy(&w, &bits, 4);
  return w;
}

class ParserModel {
 public:
  std::vector<std::string> labels;  // labels[0] == "root"
  int beam = 1;                     // beam width the model was trained with
  int fallback_label = 0;           // label for words attached by Finish ("dep")
  // Right-to-left model: trained on, and applied to, sentences read
  // backwards (word n first). Parser combines it with a left-to-right model.
  bool reverse = false;
  WeightTable weights;
  // Word clusters the features use, stored inside the model so that a parser
  // file is self-contained; null when trained without clusters.
  std::shared_ptr<const WordClusters> clusters;

  int n_labels() const { return static_cast<int>(labels.size()); }
  int n_actions() const { return 2 + 2 * n_labels(); }
  int LabelId(const std::string& label) const;  // -1 when unknown

  Status Save(const std::string& path) const;
  // Writes a serialised payload as a parser model file (Save = this + Serialize).
  static Status WritePayload(const std::string& path, const std::string& payload);
  static Status Load(const std::string& path, ParserModel* out);
  // Serialised form, for tests and in-memory round trips.
  std::string Serialize() const;
  Status Deserialize(const std::string& payload, const std::string& name);

 private:
  Status Deserialize(const std::string& payload, const std::string& name, uint32_t version);
};

}  // namespace dyad::parser
