#include "dyad/nlp/train/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <random>

#include "dyad/nlp/parser.h"
#include "dyad/nlp/parser_features.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/train/parser_eval.h"
#include "dyad/nlp/train/parser_oracle.h"
#include "dyad/nlp/train/parser_weights.h"

namespace dyad {

using namespace parser;

namespace {

struct TrainSentence {
  SentenceAtoms atoms;
  GoldTree gold;
};

// Label set: "root" first (the transition system relies on id 0), then by
// descending frequency; "dep" is always present as the fallback label.
std::vector<std::string> CollectLabels(const std::vector<Sentence>& train) {
  std::map<std::string, long> freq;
  for (const auto& s : train)
    for (const auto& w : s.words)
      if (!w.deprel.empty() && w.deprel != "root") ++freq[w.deprel];
  freq.emplace("dep", 0);
  std::vector<std::pair<long, std::string>> v;
  for (auto& [l, c] : freq) v.push_back({-c, l});
  std::sort(v.begin(), v.end());
  std::vector<std::string> labels = {"root"};
  for (auto& [c, l] : v) labels.push_back(l);
  return labels;
}

// A training sentence needs a complete tree: every head in range, exactly
// one root, no cycle.
bool IsTree(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (const auto& w : s.words) {
    if (w.head < 0 || w.head > n) return false;
    roots += w.head == 0;
  }
  if (roots != 1) return false;
  for (int i = 1; i <= n; ++i) {
    int k = i;
    for (int steps = 0; k != 0; ++steps) {
      if (steps > n) return false;
      k = s.words[k - 1].head;
    }
  }
  return true;
}

class Trainer {
 public:
  Trainer(const ParserTrainOptions& opts, std::vector<std::string> labels,
          std::shared_ptr<const WordClusters> clusters)
      : opts_(opts), rng_(opts.seed), clusters_(std::move(clusters)) {
    model_labels_ = std::move(labels);
    L_ = static_cast<int>(model_labels_.size());
    A_ = NumActions(L_);
    scores_.resize(A_);
    legal_.resize(A_);
    costs_.resize(A_);
  }

  int LabelId(const std::string& l) const {
    for (int i = 0; i < L_; ++i)
      if (model_labels_[i] == l) return i;
    return -1;
  }

  void TrainGreedy(const TrainSentence& ts, bool explore) {
    ParseState& st = state_;
    st.Init(ts.gold.n());
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (int step = 0, max = 4 * ts.gold.n() + 8; step < max && !st.Terminal(); ++step) {
      if (st.ApplyForcedMove()) continue;
      if (st.LegalActions(L_, legal_.data()) == 0) break;
      ExtractFeatures(st, ts.atoms, feats_);
      std::fill(scores_.begin(), scores_.end(), 0.0f);
      weights_.Score(feats_, kNumFeatures, scores_.data());
      ActionCosts(st, ts.gold, L_, legal_.data(), costs_.data());
      int pred = -1, gold = -1, min_cost = 1 << 30;
      for (int a = 0; a < A_; ++a)
        if (legal_[a]) min_cost = std::min(min_cost, costs_[a]);
      for (int a = 0; a < A_; ++a) {
        if (!legal_[a]) continue;
        if (pred < 0 || scores_[a] > scores_[pred]) pred = a;
        if (costs_[a] == min_cost && (gold < 0 || scores_[a] > scores_[gold])) gold = a;
      }
      ++now_;
      if (costs_[pred] > min_cost) {
        weights_.Update(feats_, kNumFeatures, gold, 1.0f, now_);
        weights_.Update(feats_, kNumFeatures, pred, -1.0f, now_);
      }
      const bool follow_pred = explore && coin(rng_) < opts_.explore_prob;
      st.Apply(follow_pred ? pred : gold, L_);
    }
  }

  // Beam search with max-violation updates (Huang, Fayong & Guo 2012)
  // against the static oracle's action sequence.
  void TrainBeam(const TrainSentence& ts) {
    const int n = ts.gold.n();
    const int k = opts_.beam;
    // Gold path: states after each decision, with features of each decision.
    gold_feats_.clear();
    gold_actions_.clear();
    {
      ParseState& g = state_;
      g.Init(n);
      for (int step = 0, max = 4 * n + 8; step < max; ++step) {
        while (g.ApplyForcedMove()) {
        }
        if (g.Terminal()) break;
        const int a = StaticOracle(g, ts.gold, L_);
        if (a < 0) break;
        const size_t off = gold_feats_.size();
        gold_feats_.resize(off + kNumFeatures);
        ExtractFeatures(g, ts.atoms, &gold_feats_[off]);
        gold_actions_.push_back(a);
        g.Apply(a, L_);
      }
    }
    const int T = static_cast<int>(gold_actions_.size());
    // Beam items; history nodes hold (parent node, action, feature offset).
    hist_.clear();
    hist_feats_.clear();
    if (static_cast<int>(beam_.size()) < k) beam_.resize(k), next_.resize(k);
    beam_[0].state.Init(n);
    beam_[0].score = 0;
    beam_[0].node = -1;
    beam_[0].gold = true;
    int size = 1;
    double gold_score = 0;
    double max_violation = 0;
    int mv_node = -1, mv_step = -1;
    for (int t = 0; t < T; ++t) {
      // Score of the gold prefix after t+1 decisions.
      std::fill(scores_.begin(), scores_.end(), 0.0f);
      weights_.Score(&gold_feats_[static_cast<size_t>(t) * kNumFeatures], kNumFeatures,
                     scores_.data());
      gold_score += scores_[gold_actions_[t]];
      cands_.clear();
      for (int i = 0; i < size; ++i) {
        Item& it = beam_[i];
        while (it.state.ApplyForcedMove()) {
        }
        if (it.state.Terminal() || it.state.LegalActions(L_, legal_.data()) == 0) {
          cands_.push_back({it.score, i, -1});
          continue;
        }
        const size_t off = hist_feats_.size();
        hist_feats_.resize(off + kNumFeatures);
        ExtractFeatures(it.state, ts.atoms, &hist_feats_[off]);
        it.feat_off = off;
        std::fill(scores_.begin(), scores_.end(), 0.0f);
        weights_.Score(&hist_feats_[off], kNumFeatures, scores_.data());
        for (int a = 0; a < A_; ++a)
          if (legal_[a]) cands_.push_back({it.score + scores_[a], i, a});
      }
      const int keep = std::min<int>(k, static_cast<int>(cands_.size()));
      std::partial_sort(cands_.begin(), cands_.begin() + keep, cands_.end(),
                        [](const Cand& a, const Cand& b) { return a.score > b.score; });
      bool gold_in = false;
      for (int j = 0; j < keep; ++j) {
        const Cand& c = cands_[j];
        Item& src = beam_[c.item];
        Item& dst = next_[j];
        dst.state.CopyFrom(src.state);
        dst.score = c.score;
        if (c.action >= 0) {
          dst.state.Apply(c.action, L_);
          hist_.push_back({src.node, c.action, src.feat_off});
          dst.node = static_cast<int>(hist_.size()) - 1;
        } else {
          dst.node = src.node;
        }
        dst.gold = src.gold && c.action == gold_actions_[t];
        gold_in |= dst.gold;
      }
      std::swap(beam_, next_);
      size = keep;
      const double violation = beam_[0].score - gold_score;
      if (!beam_[0].gold && violation >= max_violation) {
        max_violation = violation;
        mv_node = beam_[0].node;
        mv_step = t;
      }
      if (!gold_in && t + 1 < T && max_violation > 0 && opts_.early_update) break;
    }
    ++now_;
    if (mv_step < 0) return;  // the gold path stayed on top throughout
    for (int t = 0; t <= mv_step; ++t)
      weights_.Update(&gold_feats_[static_cast<size_t>(t) * kNumFeatures], kNumFeatures,
                      gold_actions_[t], 1.0f, now_);
    for (int node = mv_node; node >= 0; node = hist_[node].parent)
      weights_.Update(&hist_feats_[hist_[node].feat_off], kNumFeatures, hist_[node].action,
                      -1.0f, now_);
  }

  std::shared_ptr<ParserModel> Snapshot(float prune) const {
    auto m = std::make_shared<ParserModel>();
    m->labels = model_labels_;
    m->beam = opts_.beam;
    m->fallback_label = std::max(0, LabelId("dep"));
    m->clusters = clusters_;
    m->reverse = opts_.reverse;
    weights_.Freeze(now_, prune, A_, &m->weights);
    return m;
  }

  size_t num_features() const { return weights_.num_features(); }

 private:
  struct Item {
    ParseState state;
    double score = 0;
    int node = -1;
    size_t feat_off = 0;
    bool gold = false;
  };
  struct Cand {
    double score;
    int item;
    int action;
  };
  struct Hist {
    int parent;
    int action;
    size_t feat_off;
  };

  const ParserTrainOptions& opts_;
  std::mt19937_64 rng_;
  std::shared_ptr<const WordClusters> clusters_;
  std::vector<std::string> model_labels_;
  int L_ = 0, A_ = 0;
  TrainWeights weights_;
  int64_t now_ = 0;
  ParseState state_;
  std::vector<float> scores_;
  std::vector<uint8_t> legal_;
  std::vector<int> costs_;
  uint64_t feats_[kNumFeatures];
  std::vector<uint64_t> gold_feats_, hist_feats_;
  std::vector<int> gold_actions_;
  std::vector<Item> beam_, next_;
  std::vector<Cand> cands_;
  std::vector<Hist> hist_;
};

}  // namespace

Status TrainParser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                   const ParserTrainOptions& opts, const std::string& out_path) {
  if (train.empty()) return Status::InvalidInput("TrainParser: no training sentences");
  if (opts.beam < 1 || opts.beam > 64)
    return Status::InvalidInput("TrainParser: beam must be 1..64");
  const auto t_start = std::chrono::steady_clock::now();
  std::vector<std::string> labels = CollectLabels(train);
  if (labels.size() > 126)
    return Status::InvalidInput("TrainParser: " + std::to_string(labels.size()) +
                                " distinct labels, the model supports 126");
  std::shared_ptr<const WordClusters> clusters;
  if (!opts.clusters_path.empty()) {
    std::unique_ptr<WordClusters> c;
    Status s = WordClusters::Load(opts.clusters_path, &c);
    if (!s.ok()) return s;
    clusters = std::move(c);
  }
  Trainer trainer(opts, labels, clusters);

  std::vector<TrainSentence> data;
  data.reserve(train.size());
  long skipped = 0, lifted_sentences = 0, lifted_arcs = 0, words = 0;
  for (const auto& s : train) {
    if (s.words.empty() || !IsTree(s)) {
      ++skipped;
      continue;
    }
    TrainSentence ts;
    ts.atoms.Build(s, clusters.get(), opts.reverse);
    const int n = static_cast<int>(s.words.size());
    ts.gold.head.assign(n + 1, -1);
    ts.gold.label.assign(n + 1, -1);
    // Token t is word t, or word n+1-t for a right-to-left model.
    auto tok = [&](int i) { return opts.reverse && i > 0 ? n + 1 - i : i; };
    for (int i = 0; i < n; ++i) {
      const int t = tok(i + 1);
      ts.gold.head[t] = tok(s.words[i].head);
      ts.gold.label[t] = s.words[i].head == 0 ? kRootLabel : trainer.LabelId(s.words[i].deprel);
      if (ts.gold.label[t] < 0 || (s.words[i].head != 0 && ts.gold.label[t] == kRootLabel))
        ts.gold.label[t] = trainer.LabelId("dep");
    }
    const int lifts = Projectivize(&ts.gold.head);
    if (lifts > 0) {
      ++lifted_sentences;
      lifted_arcs += lifts;
    }
    words += n;
    data.push_back(std::move(ts));
  }
  if (opts.verbose) {
    std::fprintf(stderr,
                 "%s: %zu sentences, %ld words, %zu labels; %ld non-projective "
                 "sentences made projective by %ld lifts; %ld sentences skipped (not a tree)\n",
                 opts.log_name.c_str(), data.size(), words, labels.size(), lifted_sentences, lifted_arcs, skipped);
  }
  if (data.empty()) return Status::InvalidInput("TrainParser: no usable training tree");

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 shuffle_rng(opts.seed);
  std::shared_ptr<ParserModel> best;
  double best_las = -1;
  int best_iter = 0;
  for (int it = 1; it <= opts.iterations; ++it) {
    const auto t0 = std::chrono::steady_clock::now();
    std::shuffle(order.begin(), order.end(), shuffle_rng);
    for (size_t i : order) {
      if (opts.beam > 1) trainer.TrainBeam(data[i]);
      else trainer.TrainGreedy(data[i], it > opts.explore_after);
    }
    const double train_secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const bool last = it == opts.iterations;
    if (dev.empty() && !last) continue;
    auto model = trainer.Snapshot(opts.prune);
    if (dev.empty()) {
      best = model;
      best_iter = it;
      break;
    }
    Parser p(model);
    ParseScores sc = EvaluateParser(p, dev);
    if (opts.verbose) {
      std::fprintf(stderr,
                   "%s: iter %2d  train %.0fs  features %zu (kept %zu, %zu weights)  dev UAS %.2f  "
                   "LAS %.2f  uLAS %.2f\n",
                   opts.log_name.c_str(), it, train_secs, trainer.num_features(), model->weights.num_features(),
                   model->weights.num_weights(), sc.uas(), sc.las(), sc.ulas());
    }
    if (!opts.pick_best_iteration || sc.las() > best_las) {
      best_las = sc.las();
      best = model;
      best_iter = it;
    }
  }
  if (opts.verbose) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
    if (best_las >= 0)
      std::fprintf(stderr, "%s: best dev LAS %.2f at iteration %d; trained in %.0fs\n",
                   opts.log_name.c_str(), best_las, best_iter, secs);
  }
  return best->Save(out_path);
}

}  // namespace dyad
