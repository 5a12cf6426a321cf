// nlp/word_clusters — Brown-style hierarchical word clusters, trained in
// house (nlp/train/cluster_trainer.h) on news text plus the treebank texts.
// Each known lowercase word has a cluster id and a bit-string path in the
// cluster hierarchy; prefixes of the path give coarser clusters, which the
// tagger and the parser use as features for rare and unseen words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/util/status.h"

namespace dyad {

class WordClusters {
 public:
  // Loads a clusters model file (written by SaveWordClusters).
  static Status Load(const std::string& path, std::unique_ptr<WordClusters>* out);

  // Builds clusters from (word, bit-string path) pairs; used by the trainer
  // and tests. Paths are strings of '0'/'1', at most 32 characters.
  static std::unique_ptr<WordClusters> FromPaths(
      const std::vector<std::pair<std::string, std::string>>& word_paths);

  // Cluster id of a lowercase word, 1-based; 0 = unknown word.
  uint32_t Cluster(std::string_view lowercase_word) const;

  // The bit-string path of a cluster ("" for 0 / out of range).
  std::string_view Path(uint32_t cluster) const;

  // The first `length` bits of the word's path ("" when the word is unknown);
  // a shorter path is returned whole.
  std::string Prefix(std::string_view lowercase_word, int length) const;

  // Allocation-free variant for feature extraction: the path prefix of a
  // cluster as an integer code, unique per (prefix length, bits); 0 when
  // unknown.
  uint32_t PrefixCode(uint32_t cluster, int length) const;

  size_t num_words() const { return index_.size(); }
  size_t num_clusters() const { return paths_.size(); }

  // Serialised form (the payload inside the zstd model file).
  std::string Serialize() const;
  Status Deserialize(std::string_view payload, const std::string& name);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index_;
  std::vector<std::string> paths_;     // paths_[id-1]
  std::vector<uint32_t> bits_;         // paths as integers (MSB-first), same order
};

// Writes `c` to `path` (zstd model file).
Status SaveWordClusters(const WordClusters& c, const std::string& path);

}  // namespace dyad
