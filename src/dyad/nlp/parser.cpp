#include "dyad/nlp/parser.h"

#include <algorithm>
#include <limits>
#include <thread>

#include "dyad/nlp/parser_combine.h"
#include "dyad/nlp/parser_features.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/transition_system.h"

namespace dyad {

using parser::ParseState;
using parser::ParserModel;
using parser::SentenceAtoms;

namespace {

// One model's tree in the sentence's own word order (1-based; heads 0 =
// root), with the score margin of the decision that built each arc.
struct ModelTree {
  std::vector<int> head, label;
  std::vector<float> margin;
};

// Per-thread buffers reused across sentences, so parsing allocates only when
// a sentence is longer than any seen before on this thread.
struct Scratch {
  SentenceAtoms atoms;
  std::vector<ParseState> beam, next;
  std::vector<double> beam_score, next_score;
  std::vector<float> scores;
  std::vector<uint8_t> legal;
  struct Cand {
    double score;
    int item;
    int action;
  };
  std::vector<Cand> cands;
  uint64_t feats[parser::kNumFeatures];
  std::vector<float> token_margin;  // by token of the parse state
  std::vector<ModelTree> trees;     // one per model (ensembles)
  parser::Combiner combiner;
};

Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}

// Upper bound on transitions: each word is pushed, popped and unshifted at
// most once or twice; anything beyond is a bug, and Finish() repairs it.
int MaxSteps(int n) { return 4 * n + 8; }

// Word (1-based, 0 = root) of a parse-state token: models reading right to
// left see word n+1-t as token t.
inline int WordOf(const ParserModel& m, int n, int t) { return m.reverse && t > 0 ? n + 1 - t : t; }

std::string_view LabelName(const ParserModel& m, int l) {
  return l >= 0 && l < m.n_labels() ? std::string_view(m.labels[l]) : std::string_view("dep");
}

void WriteTree(const ParserModel& m, const ParseState& st, Sentence* s) {
  const int n = st.n();
  for (int t = 1; t <= n; ++t) {
    Word& w = s->words[WordOf(m, n, t) - 1];
    w.head = WordOf(m, n, st.head(t));
    w.deprel = LabelName(m, st.label(t));
  }
}

int BestLegal(const float* scores, const uint8_t* legal, int n) {
  int best = -1;
  float bs = -std::numeric_limits<float>::infinity();
  for (int a = 0; a < n; ++a) {
    if (legal[a] && (best < 0 || scores[a] > bs)) {
      best = a;
      bs = scores[a];
    }
  }
  return best;
}

// How sure the model is of the arc `action` builds: its score minus that of
// the best legal action of another kind (other labels of the same arc do
// not count: they build the same arc).
float ArcMargin(const float* scores, const uint8_t* legal, int action, int L) {
  const parser::ActionKind kind = parser::KindOf(action, L);
  float other = -std::numeric_limits<float>::infinity();
  const int A = parser::NumActions(L);
  for (int a = 0; a < A; ++a)
    if (legal[a] && parser::KindOf(a, L) != kind && scores[a] > other) other = scores[a];
  if (other == -std::numeric_limits<float>::infinity()) return 0.0f;  // no choice, no evidence
  return scores[action] - other;
}

// Greedy parse; fills st and, when margins is non-null, margins[t] for each
// token t that got its head by a decision (others keep 0).
void ParseGreedy(const ParserModel& m, const Sentence& s, Scratch& sc, ParseState& st,
                 std::vector<float>* margins) {
  const int n = static_cast<int>(s.words.size());
  const int L = m.n_labels(), A = m.n_actions();
  sc.atoms.Build(s, m.clusters.get(), m.reverse);
  st.Init(n);
  sc.scores.resize(parser::WeightTable::ScoreBufferSize(A));
  sc.legal.resize(A);
  if (margins) margins->assign(n + 1, 0.0f);
  for (int step = 0, max = MaxSteps(n); step < max && !st.Terminal(); ++step) {
    if (st.ApplyForcedMove()) continue;
    if (st.LegalActions(L, sc.legal.data()) == 0) break;
    parser::ExtractFeatures(st, sc.atoms, sc.feats);
    std::fill(sc.scores.begin(), sc.scores.end(), 0.0f);
    m.weights.Score(sc.feats, parser::kNumFeatures, sc.scores.data());
    const int a = BestLegal(sc.scores.data(), sc.legal.data(), A);
    if (margins) {
      const parser::ActionKind k = parser::KindOf(a, L);
      if (k == parser::ActionKind::kLeft)
        (*margins)[st.Stack(0)] = ArcMargin(sc.scores.data(), sc.legal.data(), a, L);
      else if (k == parser::ActionKind::kRight)
        (*margins)[st.Buffer(0)] = ArcMargin(sc.scores.data(), sc.legal.data(), a, L);
    }
    st.Apply(a, L);
  }
  st.Finish(m.fallback_label);
}

void ParseBeam(const ParserModel& m, int k, Sentence* s, Scratch& sc) {
  const int n = static_cast<int>(s->words.size());
  const int L = m.n_labels(), A = m.n_actions();
  sc.atoms.Build(*s, m.clusters.get(), m.reverse);
  if (static_cast<int>(sc.beam.size()) < k) sc.beam.resize(k);
  if (static_cast<int>(sc.next.size()) < k) sc.next.resize(k);
  sc.beam_score.assign(k, 0.0);
  sc.next_score.assign(k, 0.0);
  sc.scores.resize(parser::WeightTable::ScoreBufferSize(A));
  sc.legal.resize(A);
  sc.beam[0].Init(n);
  int size = 1;
  for (int step = 0, max = MaxSteps(n); step < max; ++step) {
    sc.cands.clear();
    bool any_open = false;
    for (int i = 0; i < size; ++i) {
      ParseState& st = sc.beam[i];
      while (st.ApplyForcedMove()) {
      }
      if (st.Terminal() || st.LegalActions(L, sc.legal.data()) == 0) {
        sc.cands.push_back({sc.beam_score[i], i, -1});  // finished: carried over
        continue;
      }
      any_open = true;
      parser::ExtractFeatures(st, sc.atoms, sc.feats);
      std::fill(sc.scores.begin(), sc.scores.end(), 0.0f);
      m.weights.Score(sc.feats, parser::kNumFeatures, sc.scores.data());
      for (int a = 0; a < A; ++a)
        if (sc.legal[a]) sc.cands.push_back({sc.beam_score[i] + sc.scores[a], i, a});
    }
    if (!any_open) break;
    const int keep = std::min<int>(k, static_cast<int>(sc.cands.size()));
    auto better = [](const Scratch::Cand& a, const Scratch::Cand& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.item != b.item) return a.item < b.item;
      return a.action < b.action;
    };
    std::partial_sort(sc.cands.begin(), sc.cands.begin() + keep, sc.cands.end(), better);
    for (int j = 0; j < keep; ++j) {
      const auto& c = sc.cands[j];
      sc.next[j].CopyFrom(sc.beam[c.item]);
      if (c.action >= 0) sc.next[j].Apply(c.action, L);
      sc.next_score[j] = c.score;
    }
    std::swap(sc.beam, sc.next);
    std::swap(sc.beam_score, sc.next_score);
    size = keep;
  }
  // The best finished state; the beam is sorted, so that is item 0.
  ParseState& best = sc.beam[0];
  best.Finish(m.fallback_label);
  WriteTree(m, best, s);
}

// Parses with every model and writes the combined tree.
void ParseEnsemble(const std::vector<std::shared_ptr<const ParserModel>>& models,
                   const Parser::CombineOptions& opt, Sentence* s, Scratch& sc) {
  const int n = static_cast<int>(s->words.size());
  const int K = static_cast<int>(models.size());
  if (sc.beam.empty()) sc.beam.resize(1);
  if (static_cast<int>(sc.trees.size()) < K) sc.trees.resize(K);
  bool agree = true;
  for (int k = 0; k < K; ++k) {
    const ParserModel& m = *models[k];
    ParseState& st = sc.beam[0];
    ParseGreedy(m, *s, sc, st, &sc.token_margin);
    ModelTree& tr = sc.trees[k];
    tr.head.assign(n + 1, 0);
    tr.label.assign(n + 1, 0);
    tr.margin.assign(n + 1, 0.0f);
    for (int t = 1; t <= n; ++t) {
      const int w = WordOf(m, n, t);
      tr.head[w] = WordOf(m, n, st.head(t));
      tr.label[w] = st.label(t);
      tr.margin[w] = sc.token_margin[t];
    }
    if (k > 0 && tr.head != sc.trees[0].head) agree = false;
  }
  const ParserModel& first = *models[0];
  const ModelTree& t0 = sc.trees[0];
  auto vote = [&](int k, float margin) {
    const float v = 1.0f + opt.confidence * std::min(margin, opt.margin_cap) / opt.margin_cap;
    return k == 0 ? v + opt.first_bonus : v * opt.other_scale;
  };
  std::vector<int>& heads = sc.combiner.heads();
  if (agree || n > parser::Combiner::kMaxWords) {
    heads.assign(t0.head.begin(), t0.head.end());
  } else {
    sc.combiner.Reset(n);
    for (int k = 0; k < K; ++k) {
      const ModelTree& tr = sc.trees[k];
      for (int d = 1; d <= n; ++d) sc.combiner.AddVote(tr.head[d], d, vote(k, tr.margin[d]));
    }
    sc.combiner.Solve();
  }
  // Labels: the label with the most weight among the models that chose the
  // winning head; the first model's label when none did.
  for (int d = 1; d <= n; ++d) {
    Word& w = s->words[d - 1];
    w.head = heads[d];
    int best_k = -1;
    float best_w = 0;
    for (int k = 0; k < K; ++k) {
      const ModelTree& tr = sc.trees[k];
      if (tr.head[d] != heads[d]) continue;
      float wt = 0;
      for (int j = 0; j < K; ++j) {
        const ModelTree& o = sc.trees[j];
        if (o.head[d] != heads[d]) continue;
        if (models[j]->labels[std::max(0, o.label[d])] != models[k]->labels[std::max(0, tr.label[d])])
          continue;
        wt += vote(j, o.margin[d]);
      }
      if (best_k < 0 || wt > best_w) {
        best_k = k;
        best_w = wt;
      }
    }
    if (best_k < 0) {
      w.deprel = LabelName(first, t0.label[d]);
    } else {
      w.deprel = LabelName(*models[best_k], sc.trees[best_k].label[d]);
    }
    if (w.head == 0) w.deprel = "root";
    else if (w.deprel == "root") w.deprel = LabelName(first, first.fallback_label);
  }
}

}  // namespace

Parser::Parser(std::shared_ptr<const ParserModel> model) : model_(model), models_{std::move(model)} {
  beam_ = model_->beam;
}

Parser::Parser(std::vector<std::shared_ptr<const ParserModel>> models)
    : model_(models.at(0)), models_(std::move(models)) {
  beam_ = model_->beam;
}

Parser::~Parser() = default;

Status Parser::Load(const std::string& path, std::unique_ptr<Parser>* out) {
  auto model = std::make_shared<ParserModel>();
  Status s = ParserModel::Load(path, model.get());
  if (!s.ok()) return s;
  *out = std::make_unique<Parser>(std::move(model));
  return Status::OK();
}

Status Parser::Load(const std::vector<std::string>& paths, std::unique_ptr<Parser>* out) {
  if (paths.empty()) return Status::InvalidInput("Parser::Load: no model file given");
  std::vector<std::shared_ptr<ParserModel>> models(paths.size());
  std::vector<Status> status(paths.size());
  std::vector<std::thread> threads;
  for (size_t i = 1; i < paths.size(); ++i)
    threads.emplace_back([&, i] {
      models[i] = std::make_shared<ParserModel>();
      status[i] = ParserModel::Load(paths[i], models[i].get());
    });
  models[0] = std::make_shared<ParserModel>();
  status[0] = ParserModel::Load(paths[0], models[0].get());
  for (auto& t : threads) t.join();
  for (const auto& s : status)
    if (!s.ok()) return s;
  std::vector<std::shared_ptr<const ParserModel>> cm(models.begin(), models.end());
  *out = std::make_unique<Parser>(std::move(cm));
  return Status::OK();
}

void Parser::Parse(Sentence* s) const {
  if (s->words.empty()) return;
  Scratch& sc = ThreadScratch();
  if (models_.size() > 1) {
    ParseEnsemble(models_, combine_, s, sc);
  } else if (beam_ <= 1) {
    if (sc.beam.empty()) sc.beam.resize(1);
    ParseGreedy(*model_, *s, sc, sc.beam[0], nullptr);
    WriteTree(*model_, sc.beam[0], s);
  } else {
    ParseBeam(*model_, beam_, s, sc);
  }
}

}  // namespace dyad
