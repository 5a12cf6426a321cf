// Tests of the dependency parser: the arc-eager transition system and its
// oracles, projectivisation, tree well-formedness on edge cases, model
// save/load and corrupt model files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "dyad/text/conllu.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/train/parser_oracle.h"
#include "dyad/nlp/train/parser_trainer.h"
#include "dyad/nlp/transition_system.h"
#include "dyad/nlp/word_clusters.h"
#include "tiny_treebank.h"

namespace dyad {
namespace {

using parser::GoldTree;
using parser::ParseState;

// A small hand-made treebank (UD English conventions).

std::vector<Sentence> Tiny() {
  std::vector<Sentence> v;
  Status s = ParseConllu(kTinyTreebank, "tiny", &v);
  EXPECT_TRUE(s.ok()) << s.message();
  return v;
}

std::vector<std::string> Labels(const std::vector<Sentence>& sents) {
  std::vector<std::string> labels = {"root", "dep"};
  for (const auto& s : sents)
    for (const auto& w : s.words)
      if (std::find(labels.begin(), labels.end(), w.deprel) == labels.end())
        labels.push_back(w.deprel);
  return labels;
}

GoldTree ToGold(const Sentence& s, const std::vector<std::string>& labels) {
  GoldTree g;
  const int n = static_cast<int>(s.words.size());
  g.head.assign(n + 1, -1);
  g.label.assign(n + 1, -1);
  for (int i = 0; i < n; ++i) {
    g.head[i + 1] = s.words[i].head;
    g.label[i + 1] =
        static_cast<int>(std::find(labels.begin(), labels.end(), s.words[i].deprel) - labels.begin());
  }
  return g;
}

// Runs the static oracle to the end and returns the tree it built.
void RunOracle(const GoldTree& g, int n_labels, ParseState* st) {
  st->Init(g.n());
  for (int step = 0; step < 4 * g.n() + 8 && !st->Terminal(); ++step) {
    if (st->ApplyForcedMove()) continue;
    const int a = parser::StaticOracle(*st, g, n_labels);
    ASSERT_GE(a, 0);
    ASSERT_TRUE(st->IsLegal(a, n_labels));
    st->Apply(a, n_labels);
  }
  ASSERT_TRUE(st->Terminal());
}

// Checks heads in 0..n, exactly one root, no cycle.
void ExpectTree(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (const auto& w : s.words) {
    ASSERT_GE(w.head, 0);
    ASSERT_LE(w.head, n);
    EXPECT_FALSE(w.deprel.empty());
    if (w.head == 0) {
      ++roots;
      EXPECT_EQ(w.deprel, "root");
    } else {
      EXPECT_NE(w.deprel, "root");
    }
  }
  EXPECT_EQ(roots, 1);
  for (int i = 1; i <= n; ++i) {
    int k = i, steps = 0;
    while (k != 0 && steps <= n) {
      k = s.words[k - 1].head;
      ++steps;
    }
    EXPECT_EQ(k, 0) << "cycle through word " << i;
  }
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) / name).string();
}

// A tiny trained model shared by the tests below.
const std::string& TinyModelPath() {
  static const std::string path = [] {
    std::string p = TempPath("dyad_parser_tiny.bin.zst");
    ParserTrainOptions opts;
    opts.iterations = 3;
    opts.prune = 0;  // 3 sentences: every weight is small
    opts.verbose = false;
    std::vector<Sentence> train = Tiny();
    Status s = TrainParser(train, train, opts, p);
    EXPECT_TRUE(s.ok()) << s.message();
    return p;
  }();
  return path;
}

TEST(TransitionSystem, OracleReproducesHandmadeTrees) {
  auto sents = Tiny();
  auto labels = Labels(sents);
  for (const auto& s : sents) {
    GoldTree g = ToGold(s, labels);
    ASSERT_TRUE(parser::IsProjective(g.head));
    ParseState st;
    RunOracle(g, static_cast<int>(labels.size()), &st);
    for (int t = 1; t <= g.n(); ++t) {
      EXPECT_EQ(st.head(t), g.head[t]) << s.sent_id << " word " << t;
      EXPECT_EQ(st.label(t), g.label[t]) << s.sent_id << " word " << t;
    }
  }
}

TEST(TransitionSystem, OracleReproducesProjectiveEwtDevTrees) {
  const std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::vector<Sentence> sents;
  ASSERT_TRUE(ReadConlluFile(path, &sents).ok());
  auto labels = Labels(sents);
  int checked = 0, nonprojective = 0;
  for (const auto& s : sents) {
    GoldTree g = ToGold(s, labels);
    if (!parser::IsProjective(g.head)) {
      ++nonprojective;
      continue;
    }
    ParseState st;
    RunOracle(g, static_cast<int>(labels.size()), &st);
    for (int t = 1; t <= g.n(); ++t) {
      ASSERT_EQ(st.head(t), g.head[t]) << s.sent_id << " word " << t;
      ASSERT_EQ(st.label(t), g.label[t]) << s.sent_id << " word " << t;
    }
    ++checked;
  }
  EXPECT_GT(checked, 1900);
  EXPECT_GT(nonprojective, 0);
}

TEST(TransitionSystem, DynamicOracleCostsAreZeroOnTheGoldPath) {
  auto sents = Tiny();
  auto labels = Labels(sents);
  const int L = static_cast<int>(labels.size());
  GoldTree g = ToGold(sents[1], labels);
  ParseState st;
  st.Init(g.n());
  std::vector<uint8_t> legal(parser::NumActions(L));
  std::vector<int> costs(parser::NumActions(L));
  // At the start, SHIFT of "Rebels" is free; attaching it to the root costs.
  st.LegalActions(L, legal.data());
  parser::ActionCosts(st, g, L, legal.data(), costs.data());
  EXPECT_EQ(costs[parser::kShift], 0);
  EXPECT_GT(costs[parser::RightArc(0, L)], 0);
}

TEST(TransitionSystem, RandomLegalActionsAlwaysEndInATree) {
  std::mt19937 rng(7);
  const int L = 5;
  std::vector<uint8_t> legal(parser::NumActions(L));
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 40);
    ParseState st;
    st.Init(n);
    int steps = 0;
    while (!st.Terminal()) {
      ASSERT_LT(++steps, 4 * n + 8) << "no termination, n=" << n;
      if (st.ApplyForcedMove()) continue;
      ASSERT_GT(st.LegalActions(L, legal.data()), 0) << "dead end, n=" << n;
      std::vector<int> options;
      for (int a = 0; a < parser::NumActions(L); ++a)
        if (legal[a]) options.push_back(a);
      st.Apply(options[rng() % options.size()], L);
    }
    st.Finish(1);
    Sentence s;
    s.words.resize(n);
    for (int t = 1; t <= n; ++t) {
      s.words[t - 1].head = st.head(t);
      s.words[t - 1].deprel = st.label(t) == 0 ? "root" : "x";
    }
    ExpectTree(s);
  }
}

TEST(Projectivize, LiftsCrossingArcs) {
  // 1 <- 3 (root), 2 <- 4, 4 <- 1: arc 4->2 crosses 3's root arc region.
  std::vector<int> head = {-1, 3, 4, 0, 1};
  EXPECT_FALSE(parser::IsProjective(head));
  const int lifts = parser::Projectivize(&head);
  EXPECT_GT(lifts, 0);
  EXPECT_TRUE(parser::IsProjective(head));
  std::vector<int> proj = {-1, 2, 0, 2};
  EXPECT_EQ(parser::Projectivize(&proj), 0);
}

TEST(Parser, TrainsAndReproducesItsTrainingTrees) {
  std::unique_ptr<Parser> p;
  Status s = Parser::Load(TinyModelPath(), &p);
  ASSERT_TRUE(s.ok()) << s.message();
  auto sents = Tiny();
  int correct = 0, total = 0;
  for (const auto& gold : sents) {
    Sentence x = gold;
    p->Parse(&x);
    ExpectTree(x);
    for (size_t i = 0; i < x.words.size(); ++i, ++total)
      correct += x.words[i].head == gold.words[i].head && x.words[i].deprel == gold.words[i].deprel;
  }
  EXPECT_GE(correct, total - 2);  // a perceptron fits 3 sentences after 3 passes
}

TEST(Parser, BeamTrainingFitsItsTrainingTrees) {
  ParserTrainOptions opts;
  opts.iterations = 4;
  opts.beam = 4;
  opts.prune = 0;
  opts.verbose = false;
  const std::string path = TempPath("dyad_parser_beam.bin.zst");
  std::vector<Sentence> train = Tiny();
  ASSERT_TRUE(TrainParser(train, train, opts, path).ok());
  std::unique_ptr<Parser> p;
  ASSERT_TRUE(Parser::Load(path, &p).ok());
  EXPECT_EQ(p->beam_width(), 4);  // the model remembers its training beam
  int correct = 0, total = 0;
  for (const auto& gold : train) {
    Sentence x = gold;
    p->Parse(&x);
    ExpectTree(x);
    for (size_t i = 0; i < x.words.size(); ++i, ++total)
      correct += x.words[i].head == gold.words[i].head && x.words[i].deprel == gold.words[i].deprel;
  }
  EXPECT_GE(correct, total - 2);
}

Sentence MakeSentence(const std::vector<std::pair<std::string, std::string>>& words) {
  Sentence s;
  for (const auto& [form, upos] : words) {
    Word w;
    w.form = form;
    w.lemma = form;
    w.upos = upos;
    w.xpos = upos == "PUNCT" ? "." : upos;
    s.words.push_back(w);
  }
  return s;
}

TEST(Parser, AlwaysBuildsAWellFormedTree) {
  std::unique_ptr<Parser> p;
  ASSERT_TRUE(Parser::Load(TinyModelPath(), &p).ok());
  std::vector<Sentence> cases;
  cases.push_back(MakeSentence({{"Hello", "INTJ"}}));
  cases.push_back(MakeSentence({{".", "PUNCT"}, {"!", "PUNCT"}, {"?", "PUNCT"}, {"--", "PUNCT"}}));
  cases.push_back(MakeSentence({{"zzq", "WEIRD"}, {"", ""}, {"\xF0\x9F\x98\x80", "SYM"}}));
  Sentence untagged = MakeSentence({{"the", ""}, {"talks", ""}, {"resume", ""}});
  for (auto& w : untagged.words) w.xpos.clear();
  cases.push_back(untagged);
  Sentence longest;
  const char* forms[] = {"Rebels", "attacked", "the", "town", ",", "and", "he", "said", "."};
  const char* tags[] = {"NOUN", "VERB", "DET", "NOUN", "PUNCT", "CCONJ", "PRON", "VERB", "PUNCT"};
  for (int i = 0; i < 300; ++i) {
    Word w;
    w.form = forms[i % 9];
    w.upos = tags[i % 9];
    longest.words.push_back(w);
  }
  cases.push_back(longest);
  for (int beam : {1, 4}) {
    p->set_beam_width(beam);
    for (auto c : cases) {
      p->Parse(&c);
      ExpectTree(c);
    }
  }
  Sentence empty;
  p->Parse(&empty);  // no words: nothing to do, no crash
  EXPECT_TRUE(empty.words.empty());
}

TEST(ParserModel, SaveLoadRoundTripKeepsParses) {
  parser::ParserModel m;
  ASSERT_TRUE(parser::ParserModel::Load(TinyModelPath(), &m).ok());
  const std::string copy = TempPath("dyad_parser_copy.bin.zst");
  ASSERT_TRUE(m.Save(copy).ok());
  std::unique_ptr<Parser> a, b;
  ASSERT_TRUE(Parser::Load(TinyModelPath(), &a).ok());
  ASSERT_TRUE(Parser::Load(copy, &b).ok());
  EXPECT_EQ(a->model().labels, b->model().labels);
  EXPECT_EQ(a->model().weights.num_features(), b->model().weights.num_features());
  EXPECT_GT(a->model().weights.num_features(), 0u);
  for (auto s : Tiny()) {
    Sentence t = s;
    a->Parse(&s);
    b->Parse(&t);
    for (size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(s.words[i].head, t.words[i].head);
      EXPECT_EQ(s.words[i].deprel, t.words[i].deprel);
    }
  }
}

TEST(ParserModel, EmbedsWordClusters) {
  auto clusters = WordClusters::FromPaths(
      {{"minister", "0010"}, {"rebels", "0011"}, {"visited", "1100"}, {"attacked", "1101"}});
  const std::string cpath = TempPath("dyad_parser_clusters.bin");
  ASSERT_TRUE(SaveWordClusters(*clusters, cpath).ok());
  ParserTrainOptions opts;
  opts.iterations = 2;
  opts.prune = 0;
  opts.verbose = false;
  opts.clusters_path = cpath;
  const std::string mpath = TempPath("dyad_parser_with_clusters.bin.zst");
  std::vector<Sentence> train = Tiny();
  ASSERT_TRUE(TrainParser(train, train, opts, mpath).ok());
  std::filesystem::remove(cpath);  // the parser model must not need the clusters file
  std::unique_ptr<Parser> p;
  Status s = Parser::Load(mpath, &p);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_NE(p->model().clusters, nullptr);
  EXPECT_EQ(p->model().clusters->Cluster("rebels"), clusters->Cluster("rebels"));
  Sentence x = train[1];
  p->Parse(&x);
  ExpectTree(x);
}

TEST(ParserTrain, BadClustersPathFails) {
  ParserTrainOptions opts;
  opts.verbose = false;
  opts.clusters_path = TempPath("no_such_clusters.bin");
  Status s = TrainParser(Tiny(), {}, opts, TempPath("unused.bin.zst"));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no_such_clusters"), std::string::npos) << s.message();
}

TEST(ParserModel, CorruptFilesFailWithAClearStatus) {
  std::unique_ptr<Parser> p;
  Status s = Parser::Load(TempPath("no_such_parser.bin.zst"), &p);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no_such_parser"), std::string::npos) << s.message();

  const std::string garbage = TempPath("dyad_parser_garbage.bin.zst");
  { std::ofstream(garbage) << "this is not a model"; }
  s = Parser::Load(garbage, &p);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("dyad_parser_garbage"), std::string::npos) << s.message();

  // A valid zstd file of another model type.
  parser::ParserModel m;
  ASSERT_TRUE(parser::ParserModel::Load(TinyModelPath(), &m).ok());
  std::string payload = m.Serialize();
  const std::string truncated = TempPath("dyad_parser_truncated.bin.zst");
  ASSERT_TRUE(parser::ParserModel::WritePayload(truncated, payload.substr(0, payload.size() / 2)).ok());
  s = Parser::Load(truncated, &p);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.message();
  EXPECT_NE(s.message().find("dyad_parser_truncated"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dyad
