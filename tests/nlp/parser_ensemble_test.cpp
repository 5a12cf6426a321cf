// Tests of parser ensembles: the Eisner reparser behind arc voting, the
// right-to-left models and their combination with a left-to-right one.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "dyad/text/conllu.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/parser_combine.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/train/parser_trainer.h"
#include "tiny_treebank.h"

namespace dyad {
namespace {


std::vector<Sentence> Treebank() {
  std::vector<Sentence> v;
  Status s = ParseConllu(kTinyTreebank, "ensemble", &v);
  EXPECT_TRUE(s.ok()) << s.message();
  return v;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) / name).string();
}

// heads[d] for d = 1..n form a tree rooted at 0 with exactly one root word.
void ExpectTree(const std::vector<int>& heads, int n) {
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    ASSERT_GE(heads[d], 0);
    ASSERT_LE(heads[d], n);
    ASSERT_NE(heads[d], d);
    roots += heads[d] == 0;
  }
  EXPECT_EQ(roots, 1);
  for (int d = 1; d <= n; ++d) {
    int k = d, steps = 0;
    while (k != 0 && steps++ <= n) k = heads[k];
    EXPECT_EQ(k, 0) << "cycle through word " << d;
  }
}

TEST(Combiner, ReturnsTheOnlyProposedProjectiveTree) {
  // 1 <- 2 -> 3, 2 is the root word; 4 <- 3.
  const std::vector<int> tree = {0, 2, 0, 2, 3};
  parser::Combiner c;
  c.Reset(4);
  for (int d = 1; d <= 4; ++d) c.AddVote(tree[d], d, 1.0f);
  c.Solve();
  EXPECT_EQ(c.heads(), tree);
}

TEST(Combiner, HeavierArcsWinAndTheResultIsATree) {
  // Two parsers disagree on word 3; the heavier vote wins.
  parser::Combiner c;
  c.Reset(3);
  c.AddVote(0, 1, 1.0f);
  c.AddVote(1, 2, 2.0f);
  c.AddVote(1, 3, 0.5f);
  c.AddVote(2, 3, 1.5f);
  c.Solve();
  EXPECT_EQ(c.heads(), (std::vector<int>{0, 0, 1, 2}));
  // Votes that form a cycle and two roots still give one tree.
  c.Reset(4);
  c.AddVote(2, 1, 3.0f);
  c.AddVote(1, 2, 3.0f);
  c.AddVote(0, 3, 1.0f);
  c.AddVote(0, 4, 1.0f);
  c.Solve();
  ExpectTree(c.heads(), 4);
  // Random votes: always a tree.
  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 30);
    c.Reset(n);
    for (int v = 0; v < 2 * n; ++v)
      c.AddVote(static_cast<int>(rng() % (n + 1)), 1 + static_cast<int>(rng() % n),
                static_cast<float>(rng() % 100) / 10.0f);
    c.Solve();
    ExpectTree(c.heads(), n);
  }
}

// Tiny left-to-right and right-to-left models of the treebank above.
std::vector<std::string> TinyModels() {
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> p = {TempPath("dyad_ensemble_ltr.bin.zst"),
                                  TempPath("dyad_ensemble_rtl.bin.zst")};
    for (int k = 0; k < 2; ++k) {
      ParserTrainOptions opts;
      opts.iterations = 4;
      opts.prune = 0;
      opts.verbose = false;
      opts.reverse = k == 1;
      std::vector<Sentence> train = Treebank();
      Status s = TrainParser(train, train, opts, p[k]);
      EXPECT_TRUE(s.ok()) << s.message();
    }
    return p;
  }();
  return paths;
}

int CorrectArcs(const Parser& p, int* total) {
  int correct = 0;
  *total = 0;
  for (const auto& gold : Treebank()) {
    Sentence x = gold;
    for (auto& w : x.words) {
      w.head = -1;
      w.deprel.clear();
    }
    p.Parse(&x);
    for (size_t i = 0; i < x.words.size(); ++i, ++*total)
      correct += x.words[i].head == gold.words[i].head && x.words[i].deprel == gold.words[i].deprel;
  }
  return correct;
}

TEST(ParserEnsemble, RightToLeftModelFitsItsTrainingTrees) {
  std::unique_ptr<Parser> p;
  Status s = Parser::Load(TinyModels()[1], &p);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(p->model().reverse);  // the direction is stored in the model file
  int total = 0;
  EXPECT_GE(CorrectArcs(*p, &total), total - 2);
}

TEST(ParserEnsemble, CombinedModelsFitTheTrainingTreesAndAlwaysGiveTrees) {
  std::unique_ptr<Parser> p;
  Status s = Parser::Load(TinyModels(), &p);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(p->num_models(), 2);
  EXPECT_FALSE(p->model().reverse);  // the first model leads
  int total = 0;
  EXPECT_GE(CorrectArcs(*p, &total), total - 2);
  // Odd input the two models will disagree on.
  std::mt19937 rng(3);
  const char* forms[] = {"He", "said", "the", "talks", "on", "Monday", ".", "and", "Paris"};
  const char* tags[] = {"PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "CCONJ", "PROPN"};
  for (int trial = 0; trial < 40; ++trial) {
    Sentence x;
    const int n = 1 + static_cast<int>(rng() % (trial < 35 ? 25 : 260));
    for (int i = 0; i < n; ++i) {
      Word w;
      const int k = static_cast<int>(rng() % 9);
      w.form = forms[k];
      w.upos = tags[k];
      x.words.push_back(w);
    }
    p->Parse(&x);
    std::vector<int> heads = {0};
    for (const auto& w : x.words) {
      heads.push_back(w.head);
      EXPECT_EQ(w.deprel == "root", w.head == 0);
    }
    ExpectTree(heads, n);
  }
}

TEST(ParserEnsemble, MissingPartnerFileFailsNamingIt) {
  std::unique_ptr<Parser> p;
  Status s = Parser::Load({TinyModels()[0], TempPath("no_such_rtl.bin.zst")}, &p);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no_such_rtl"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dyad
