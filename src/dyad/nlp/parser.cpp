#include "dyad/nlp/parser.h"

#include <algorithm>
#include <limits>

#include "dyad/nlp/parser_features.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/transition_system.h"

namespace dyad {

using parser::ParseState;
using parser::ParserModel;
using parser::SentenceAtoms;

namespace {

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
};

Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}

// Upper bound on transitions: each word is pushed, popped and unshifted at
// most once or twice; anything beyond is a bug, and Finish() repairs it.
int MaxSteps(int n) { return 4 * n + 8; }

void WriteTree(const ParserModel& m, const ParseState& st, Sentence* s) {
  for (int i = 0; i < st.n(); ++i) {
    Word& w = s->words[i];
    w.head = st.head(i + 1);
    const int l = st.label(i + 1);
    w.deprel = l >= 0 && l < m.n_labels() ? m.labels[l] : "dep";
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

void ParseGreedy(const ParserModel& m, Sentence* s, Scratch& sc) {
  const int n = static_cast<int>(s->words.size());
  const int L = m.n_labels(), A = m.n_actions();
  sc.atoms.Build(*s, m.clusters.get());
  if (sc.beam.empty()) sc.beam.resize(1);
  ParseState& st = sc.beam[0];
  st.Init(n);
  sc.scores.resize(parser::WeightTable::ScoreBufferSize(A));
  sc.legal.resize(A);
  for (int step = 0, max = MaxSteps(n); step < max && !st.Terminal(); ++step) {
    if (st.ApplyForcedMove()) continue;
    if (st.LegalActions(L, sc.legal.data()) == 0) break;
    parser::ExtractFeatures(st, sc.atoms, sc.feats);
    std::fill(sc.scores.begin(), sc.scores.end(), 0.0f);
    m.weights.Score(sc.feats, parser::kNumFeatures, sc.scores.data());
    st.Apply(BestLegal(sc.scores.data(), sc.legal.data(), A), L);
  }
  st.Finish(m.fallback_label);
  WriteTree(m, st, s);
}

void ParseBeam(const ParserModel& m, int k, Sentence* s, Scratch& sc) {
  const int n = static_cast<int>(s->words.size());
  const int L = m.n_labels(), A = m.n_actions();
  sc.atoms.Build(*s, m.clusters.get());
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

}  // namespace

Parser::Parser(std::shared_ptr<const ParserModel> model) : model_(std::move(model)) {
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

void Parser::Parse(Sentence* s) const {
  if (s->words.empty()) return;
  Scratch& sc = ThreadScratch();
  if (beam_ <= 1) {
    ParseGreedy(*model_, s, sc);
  } else {
    ParseBeam(*model_, beam_, s, sc);
  }
}

}  // namespace dyad
