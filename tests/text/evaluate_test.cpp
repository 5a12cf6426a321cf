#include "dyad/nlp/evaluate.h"

#include <gtest/gtest.h>

#include "dyad/text/conllu.h"

namespace dyad {
namespace {

std::vector<Sentence> Parse(const std::string& block) {
  std::vector<Sentence> s;
  Status st = ParseConllu(block, "test", &s);
  EXPECT_TRUE(st.ok()) << st.message();
  return s;
}

const char* kGold =
    "1\tKim\tKim\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";

double F1(const EvalResult& r, const char* m) { return r.Find(m)->f1(); }

TEST(Evaluate, IdenticalIsPerfect) {
  auto g = Parse(kGold);
  EvalResult r;
  ASSERT_TRUE(EvaluateSentences(g, g, &r).ok());
  for (const char* m : {"Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS"})
    EXPECT_DOUBLE_EQ(F1(r, m), 1.0) << m;
}

TEST(Evaluate, MistokenisedSystem) {
  // System did not split "can't" and glued the two sentences together.
  auto g = Parse(kGold);
  auto s = Parse(
      "1\tKim\tKim\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\tcan't\tcan't\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t2\txcomp\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "5\tYes\tyes\tINTJ\tUH\t_\t2\tdiscourse\t_\t_\n\n");
  EvalResult r;
  ASSERT_TRUE(EvaluateSentences(g, s, &r).ok());
  // Tokens: gold 5 (Kim can't go . Yes), system 5, all spans equal.
  EXPECT_DOUBLE_EQ(F1(r, "Tokens"), 1.0);
  // Sentences: gold 2, system 1, none equal.
  EXPECT_EQ(r.Find("Sentences")->gold, 2u);
  EXPECT_EQ(r.Find("Sentences")->system, 1u);
  EXPECT_EQ(r.Find("Sentences")->correct, 0u);
  // Words: gold 6, system 5; "can't" aligns to neither "ca" nor "n't" by form.
  const EvalScore* w = r.Find("Words");
  EXPECT_EQ(w->gold, 6u);
  EXPECT_EQ(w->system, 5u);
  EXPECT_EQ(w->correct, 4u);
  EXPECT_NEAR(w->f1(), 2.0 * 4 / 11, 1e-12);
  // UPOS: Kim, go, ., Yes correct.
  EXPECT_EQ(r.Find("UPOS")->correct, 4u);
  // UAS: Kim -> can't (gold: go) wrong; go -> root wrong; "." -> can't wrong; Yes -> wrong.
  EXPECT_EQ(r.Find("UAS")->correct, 0u);
}

TEST(Evaluate, SplitTokenAndSubtypesAndFeatures) {
  auto g = Parse(
      "1\tNew\tNew\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
      "2\tYork-based\tbase\tADJ\tJJ\tDegree=Pos\t0\troot\t_\t_\n\n");
  auto s = Parse(
      "1\tNew\tnew\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "2\tYork\tYork\tPROPN\tNNP\t_\t4\tcompound\t_\tSpaceAfter=No\n"
      "3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No\n"
      "4\tbased\tbase\tVERB\tVBN\tDegree=Pos|Foo=Bar\t0\troot:sub\t_\t_\n\n");
  EvalResult r;
  ASSERT_TRUE(EvaluateSentences(g, s, &r).ok());
  EXPECT_EQ(r.Find("Tokens")->correct, 1u);     // only "New"
  EXPECT_EQ(r.Find("Words")->correct, 1u);
  EXPECT_EQ(r.Find("Lemmas")->correct, 0u);     // "New" vs "new"
  EXPECT_EQ(r.Find("LAS")->correct, 0u);        // New's head is unaligned
  EXPECT_EQ(UniversalFeatures("Foo=Bar|Number=Sing|Degree=Pos"), "Degree=Pos|Number=Sing");
}

TEST(Evaluate, RelationSubtypesIgnored) {
  auto g = Parse("1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n2\ttoday\ttoday\tNOUN\tNN\t_\t1\tobl:tmod\t_\t_\n\n");
  auto s = Parse("1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n2\ttoday\ttoday\tNOUN\tNN\t_\t1\tobl\t_\t_\n\n");
  EvalResult r;
  ASSERT_TRUE(EvaluateSentences(g, s, &r).ok());
  EXPECT_DOUBLE_EQ(F1(r, "LAS"), 1.0);
}

TEST(Evaluate, DifferentTextIsAnError) {
  auto g = Parse("1\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto s = Parse("1\tabd\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  EvalResult r;
  Status st = EvaluateSentences(g, s, &r);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("character 2"), std::string::npos);
}

TEST(Evaluate, DescribeDifferences) {
  auto g = Parse(kGold);
  auto s = Parse("1\tKim\t_\t_\t_\t_\t_\t_\t_\t_\n2\tcan\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                 "3\t'\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\tt\t_\t_\t_\t_\t_\t_\t_\t_\n"
                 "5\tgo.\t_\t_\t_\t_\t_\t_\t_\t_\n6\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto d = DescribeDifferences(g, s, 10, false);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], "gold: can't   system: can|'|t");
  EXPECT_EQ(d[1], "gold: go|.   system: go.");
  auto sd = DescribeDifferences(g, s, 10, true);
  ASSERT_EQ(sd.size(), 1u);
  EXPECT_EQ(sd[0].rfind("missed:", 0), 0u);
}

}  // namespace
}  // namespace dyad
