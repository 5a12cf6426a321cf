#include "dyad/nlp/train/cluster_trainer.h"

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <unordered_map>

#include "dyad/nlp/tagger_features.h"
#include "dyad/text/segmenter.h"

namespace dyad {
namespace {

inline double XLogX(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// Word-bigram statistics over the vocabulary (id 0 = sentence boundary,
// id 1 = any rarer word).
struct Corpus {
  std::vector<std::string> words;
  std::vector<int64_t> count;
  // Adjacency: for word w, right neighbours [rbeg[w], rbeg[w+1]) in rnb/rcnt.
  std::vector<uint32_t> rbeg, rnb, lbeg, lnb;
  std::vector<int64_t> rcnt, lcnt;
  std::vector<int64_t> self;  // bigram (w, w)
};

Corpus BuildCorpus(const std::vector<std::vector<std::string>>& sents, const ClusterTrainOptions& o) {
  std::unordered_map<std::string, int64_t> freq;
  for (const auto& s : sents)
    for (const auto& w : s) ++freq[w];
  std::vector<std::pair<std::string, int64_t>> v;
  for (auto& kv : freq)
    if (kv.second >= o.min_count) v.emplace_back(kv.first, kv.second);
  std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (v.size() > static_cast<size_t>(o.max_words)) v.resize(o.max_words);
  Corpus c;
  c.words = {"<s>", "<rare>"};
  std::unordered_map<std::string, uint32_t> id;
  for (auto& [w, n] : v) {
    id[w] = static_cast<uint32_t>(c.words.size());
    c.words.push_back(w);
  }
  const size_t V = c.words.size();
  c.count.assign(V, 0);
  std::unordered_map<uint64_t, int64_t> bigrams;
  for (const auto& s : sents) {
    uint32_t prev = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      uint32_t cur = 0;
      if (i < s.size()) {
        auto it = id.find(s[i]);
        cur = it == id.end() ? 1 : it->second;
      }
      ++c.count[cur];
      ++bigrams[(static_cast<uint64_t>(prev) << 32) | cur];
      prev = cur;
    }
  }
  std::vector<std::pair<uint64_t, int64_t>> bl(bigrams.begin(), bigrams.end());
  std::sort(bl.begin(), bl.end());
  c.self.assign(V, 0);
  c.rbeg.assign(V + 1, 0);
  c.lbeg.assign(V + 1, 0);
  for (auto& [k, n] : bl) {
    uint32_t a = k >> 32, b = static_cast<uint32_t>(k);
    if (a == b) { c.self[a] += n; continue; }
    ++c.rbeg[a + 1];
    ++c.lbeg[b + 1];
  }
  for (size_t w = 0; w < V; ++w) { c.rbeg[w + 1] += c.rbeg[w]; c.lbeg[w + 1] += c.lbeg[w]; }
  c.rnb.resize(c.rbeg[V]); c.rcnt.resize(c.rbeg[V]);
  c.lnb.resize(c.lbeg[V]); c.lcnt.resize(c.lbeg[V]);
  std::vector<uint32_t> rp(c.rbeg.begin(), c.rbeg.end() - 1), lp(c.lbeg.begin(), c.lbeg.end() - 1);
  for (auto& [k, n] : bl) {
    uint32_t a = k >> 32, b = static_cast<uint32_t>(k);
    if (a == b) continue;
    c.rnb[rp[a]] = b; c.rcnt[rp[a]++] = n;
    c.lnb[lp[b]] = a; c.lcnt[lp[b]++] = n;
  }
  return c;
}

// One level of top-down splitting: every class c becomes 2c / 2c+1, words
// moving only between the two halves of their parent, by the exchange
// algorithm on the class-bigram likelihood.
class Level {
 public:
  Level(const Corpus& c, std::vector<uint32_t>* cls, uint32_t k) : c_(c), cls_(*cls), K_(k) {
    M_.assign(static_cast<size_t>(K_) * K_, 0);
    nl_.assign(K_, 0);
    nr_.assign(K_, 0);
    L_.assign(K_, 0);
    R_.assign(K_, 0);
    const size_t V = c_.words.size();
    for (uint32_t w = 0; w < V; ++w) {
      for (uint32_t e = c_.rbeg[w]; e < c_.rbeg[w + 1]; ++e) M_[cls_[w] * K_ + cls_[c_.rnb[e]]] += c_.rcnt[e];
      M_[cls_[w] * K_ + cls_[w]] += c_.self[w];
      nl_[cls_[w]] += Out(w);
      nr_[cls_[w]] += In(w);
    }
  }

  // Returns the number of words that moved.
  size_t Pass() {
    size_t moved = 0;
    const size_t V = c_.words.size();
    for (uint32_t w = 2; w < V; ++w) {  // boundary and <rare> stay put
      uint32_t a = cls_[w], b = a ^ 1u;
      Gather(w);
      Move(w, a, -1);
      double ga = Gain(w, a), gb = Gain(w, b);
      uint32_t to = gb > ga + 1e-9 ? b : a;
      Move(w, to, +1);
      cls_[w] = to;
      moved += to != a;
      Scatter(w);
    }
    return moved;
  }

 private:
  int64_t Out(uint32_t w) const {
    int64_t n = c_.self[w];
    for (uint32_t e = c_.rbeg[w]; e < c_.rbeg[w + 1]; ++e) n += c_.rcnt[e];
    return n;
  }
  int64_t In(uint32_t w) const {
    int64_t n = c_.self[w];
    for (uint32_t e = c_.lbeg[w]; e < c_.lbeg[w + 1]; ++e) n += c_.lcnt[e];
    return n;
  }
  // R_[c] = bigrams (w, v) with class(v) = c, v != w; L_ likewise to the left.
  void Gather(uint32_t w) {
    touched_.clear();
    out_ = c_.self[w];
    in_ = c_.self[w];
    for (uint32_t e = c_.rbeg[w]; e < c_.rbeg[w + 1]; ++e) {
      uint32_t k = cls_[c_.rnb[e]];
      if (R_[k] == 0 && L_[k] == 0) touched_.push_back(k);
      R_[k] += c_.rcnt[e];
      out_ += c_.rcnt[e];
    }
    for (uint32_t e = c_.lbeg[w]; e < c_.lbeg[w + 1]; ++e) {
      uint32_t k = cls_[c_.lnb[e]];
      if (R_[k] == 0 && L_[k] == 0) touched_.push_back(k);
      L_[k] += c_.lcnt[e];
      in_ += c_.lcnt[e];
    }
  }
  void Scatter(uint32_t) {
    for (uint32_t k : touched_) R_[k] = L_[k] = 0;
  }
  void Move(uint32_t w, uint32_t x, int sign) {
    for (uint32_t k : touched_) {
      if (k == x) continue;
      M_[x * K_ + k] += sign * R_[k];
      M_[k * K_ + x] += sign * L_[k];
    }
    M_[x * K_ + x] += sign * (R_[x] + L_[x] + c_.self[w]);
    nl_[x] += sign * out_;
    nr_[x] += sign * in_;
  }
  // Likelihood gain of adding (removed) w to class x.
  double Gain(uint32_t w, uint32_t x) const {
    double g = 0;
    for (uint32_t k : touched_) {
      if (k == x) continue;
      if (R_[k]) { double m = M_[x * K_ + k]; g += XLogX(m + R_[k]) - XLogX(m); }
      if (L_[k]) { double m = M_[k * K_ + x]; g += XLogX(m + L_[k]) - XLogX(m); }
    }
    double mxx = M_[x * K_ + x];
    g += XLogX(mxx + R_[x] + L_[x] + c_.self[w]) - XLogX(mxx);
    g -= XLogX(static_cast<double>(nl_[x] + out_)) - XLogX(static_cast<double>(nl_[x]));
    g -= XLogX(static_cast<double>(nr_[x] + in_)) - XLogX(static_cast<double>(nr_[x]));
    return g;
  }

  const Corpus& c_;
  std::vector<uint32_t>& cls_;
  uint32_t K_;
  std::vector<int64_t> M_, nl_, nr_, L_, R_;
  std::vector<uint32_t> touched_;
  int64_t out_ = 0, in_ = 0;
};

}  // namespace

Status TrainWordClusters(const std::vector<std::vector<std::string>>& sentences,
                         const ClusterTrainOptions& opts, std::unique_ptr<WordClusters>* out) {
  if (opts.depth < 1 || opts.depth > 16) return Status::InvalidInput("clusters: depth must be 1..16");
  auto t0 = std::chrono::steady_clock::now();
  Corpus c = BuildCorpus(sentences, opts);
  if (c.words.size() < 4) return Status::InvalidInput("clusters: corpus too small");
  const size_t V = c.words.size();
  std::vector<uint32_t> cls(V, 0);
  for (int d = 0; d < opts.depth; ++d) {
    // Initial split of each class: alternate by frequency rank, so both
    // halves start with similar mass.
    std::vector<uint32_t> seen(1u << d, 0);
    for (uint32_t w = 0; w < V; ++w) cls[w] = 2 * cls[w] + (seen[cls[w]]++ & 1);
    Level level(c, &cls, 1u << (d + 1));
    size_t moved = 0;
    for (int p = 0; p < opts.exchange_passes; ++p) {
      moved = level.Pass();
      if (moved * 1000 < V) break;
    }
    if (opts.verbose)
      std::fprintf(stderr, "clusters: level %2d (%5u classes) last pass moved %zu words (%.0fs)\n", d + 1,
                   1u << (d + 1), moved,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::vector<std::pair<std::string, std::string>> paths;
  paths.reserve(V);
  for (uint32_t w = 2; w < V; ++w) {
    std::string p(opts.depth, '0');
    for (int b = 0; b < opts.depth; ++b)
      if ((cls[w] >> (opts.depth - 1 - b)) & 1) p[b] = '1';
    paths.emplace_back(c.words[w], p);
  }
  *out = WordClusters::FromPaths(paths);
  return Status::OK();
}

Status LoadNewsSentences(const std::string& jsonl_path, size_t max_docs,
                         std::vector<std::vector<std::string>>* out) {
  std::ifstream in(jsonl_path);
  if (!in) return Status::IOError(jsonl_path + ": cannot open");
  simdjson::ondemand::parser parser;
  std::string line, lower;
  size_t lineno = 0, docs = 0;
  Document doc;
  while (std::getline(in, line) && docs < max_docs) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::padded_string padded(line);
    std::string_view text;
    auto parsed = parser.iterate(padded);
    if (parsed.error() || parsed["text"].get_string().get(text))
      return Status::InvalidInput(jsonl_path + ":" + std::to_string(lineno) + ": no \"text\" string");
    doc = Document();
    doc.text.assign(text);
    Segment(&doc);
    for (const auto& s : doc.sentences) {
      std::vector<std::string> toks;
      toks.reserve(s.words.size());
      for (const auto& w : s.words) {
        nlp::LowercaseUtf8(w.form, &lower);
        toks.push_back(lower);
      }
      if (!toks.empty()) out->push_back(std::move(toks));
    }
    ++docs;
  }
  return Status::OK();
}

}  // namespace dyad
