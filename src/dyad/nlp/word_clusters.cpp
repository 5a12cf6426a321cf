#include "dyad/nlp/word_clusters.h"

#include <algorithm>

#include "dyad/util/serialize.h"

namespace dyad {
namespace {
constexpr char kMagic[] = "dyad-clusters";
constexpr uint32_t kVersion = 1;

uint32_t PathBits(std::string_view p) {
  uint32_t b = 0;
  for (char c : p) b = (b << 1) | (c == '1' ? 1u : 0u);
  return b;
}
}  // namespace

std::unique_ptr<WordClusters> WordClusters::FromPaths(
    const std::vector<std::pair<std::string, std::string>>& word_paths) {
  auto c = std::make_unique<WordClusters>();
  std::unordered_map<std::string, uint32_t> path_ids;
  for (const auto& [word, path] : word_paths) {
    std::string p = path.substr(0, 32);
    auto [it, inserted] = path_ids.emplace(p, static_cast<uint32_t>(c->paths_.size() + 1));
    if (inserted) {
      c->paths_.push_back(p);
      c->bits_.push_back(PathBits(p));
    }
    c->index_[word] = it->second;
  }
  return c;
}

uint32_t WordClusters::Cluster(std::string_view w) const {
  auto it = index_.find(w);
  return it == index_.end() ? 0 : it->second;
}

std::string_view WordClusters::Path(uint32_t cluster) const {
  if (cluster == 0 || cluster > paths_.size()) return {};
  return paths_[cluster - 1];
}

std::string WordClusters::Prefix(std::string_view w, int length) const {
  std::string_view p = Path(Cluster(w));
  return std::string(p.substr(0, std::min<size_t>(p.size(), std::max(length, 0))));
}

uint32_t WordClusters::PrefixCode(uint32_t cluster, int length) const {
  if (cluster == 0 || cluster > paths_.size()) return 0;
  int len = static_cast<int>(paths_[cluster - 1].size());
  int l = std::min(std::max(length, 0), len);
  uint32_t bits = l == 0 ? 0 : (bits_[cluster - 1] >> (len - l));
  // A leading 1 marks the length, so "01" and "1" differ; +1 keeps 0 free.
  uint64_t code = (static_cast<uint64_t>(1) << l) | bits;
  return static_cast<uint32_t>((code * 2654435761u) ^ (l << 27)) | 1u;
}

std::string WordClusters::Serialize() const {
  BinaryWriter w;
  w.PutStrings(paths_);
  // Sorted, so the same clusters always give the same file.
  std::vector<std::pair<std::string_view, uint32_t>> sorted(index_.begin(), index_.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> words;
  std::vector<uint32_t> ids;
  words.reserve(sorted.size());
  ids.reserve(sorted.size());
  for (const auto& [word, id] : sorted) {
    words.emplace_back(word);
    ids.push_back(id);
  }
  w.PutStrings(words);
  w.PutVector(ids);
  return w.data();
}

Status WordClusters::Deserialize(std::string_view payload, const std::string& name) {
  BinaryReader r(payload);
  std::vector<std::string> words;
  std::vector<uint32_t> ids;
  if (!r.GetStrings(&paths_) || !r.GetStrings(&words) || !r.GetVector(&ids) ||
      words.size() != ids.size())
    return Status::Corrupt(name + ": corrupt word clusters");
  index_.clear();
  index_.reserve(words.size());
  bits_.clear();
  for (const auto& p : paths_) {
    if (p.size() > 32) return Status::Corrupt(name + ": word cluster path longer than 32 bits");
    bits_.push_back(PathBits(p));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (ids[i] == 0 || ids[i] > paths_.size()) return Status::Corrupt(name + ": word cluster id out of range");
    index_.emplace(std::move(words[i]), ids[i]);
  }
  return Status::OK();
}

Status WordClusters::Load(const std::string& path, std::unique_ptr<WordClusters>* out) {
  std::string payload;
  Status st = ReadModelFile(path, kMagic, kVersion, &payload);
  if (!st.ok()) return st;
  auto c = std::make_unique<WordClusters>();
  st = c->Deserialize(payload, path);
  if (!st.ok()) return st;
  *out = std::move(c);
  return Status::OK();
}

Status SaveWordClusters(const WordClusters& c, const std::string& path) {
  return WriteModelFile(path, kMagic, kVersion, c.Serialize());
}

}  // namespace dyad
