// Gold evaluation: the counting rules on a tiny in-memory case, and a coarse
// floor on the PETRARCH-2 validation set with its own (gold) parses.
#include "dyad/coder/gold_eval.h"

#include <gtest/gtest.h>

#include <fstream>

#include "coder_test_util.h"
#include "dyad/text/conllu.h"

namespace dyad {
namespace {

TEST(GoldEval, TuplesUseCountryBlocks) {
  EXPECT_EQ(EventTuple("PRKGOV", "USA", "111", "ACCUSE", EvalLevel::kRoot), "PRK USA 11");
  EXPECT_EQ(EventTuple("---REB", "SYR", "190", "FIGHT", EvalLevel::kRoot), "--- SYR 19");
  EXPECT_EQ(EventTuple("PRKGOV", "USA", "111", "ACCUSE", EvalLevel::kStrict), "PRKGOV USA 111");
  EXPECT_EQ(EventTuple("PRKGOV", "USA", "111", "ACCUSE", EvalLevel::kPlover), "PRK USA ACCUSE");
  EXPECT_EQ(EventTuple("PRKGOV", "USA", "010", "", EvalLevel::kPlover), "");
}

TEST(GoldEval, MultisetCounting) {
  CoderOptions o;
  o.dict_dir = testing::DictDir();
  o.require_dyad = true;
  std::unique_ptr<Coder> coder;
  ASSERT_TRUE(Coder::Load(o, &coder).ok());
  GoldRecord r;
  r.id = "r1";
  r.date = "2024-10-06";
  r.has_gold = true;
  r.events = {{"RUS", "UKR", "190", "FIGHT"}, {"RUS", "UKR", "190", "FIGHT"}};
  GoldRecord skipped = r;
  skipped.has_gold = false;
  auto annotate = [](const GoldRecord&, Document* d) {
    *d = testing::MakeDoc({"Russia Russia PROPN NNP 2 nsubj\n"
                           "attacked attack VERB VBD 0 root\n"
                           "Ukraine Ukraine PROPN NNP 2 obj\n"},
                          "2024-10-06");
  };
  EvalReport rep = EvaluateGold({r, skipped}, *coder, EvalLevel::kRoot, annotate);
  EXPECT_EQ(rep.records, 1);
  EXPECT_EQ(rep.skipped, 1);
  EXPECT_EQ(rep.total.tp, 1);  // one predicted, two expected: a multiset
  EXPECT_EQ(rep.total.fp, 0);
  EXPECT_EQ(rep.total.fn, 1);
  EXPECT_EQ(rep.exact, 0);
  EXPECT_EQ(rep.by_root["19"].tp, 1);
}

TEST(GoldEval, FloorOnValidationSetWithGoldParses) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/data/gold/petr2_gsr_validation.jsonl";
  if (!std::ifstream(path)) GTEST_SKIP() << path << " is absent";
  std::vector<GoldRecord> recs;
  ASSERT_TRUE(ReadGoldFile(path, &recs).ok());
  CoderOptions o;
  o.dict_dir = testing::DictDir();
  o.require_dyad = true;
  std::unique_ptr<Coder> coder;
  ASSERT_TRUE(Coder::Load(o, &coder).ok());
  auto annotate = [](const GoldRecord& g, Document* d) {
    if (ParseConllu(g.parse_conllu, g.id, &d->sentences).ok()) d->text = RebuildText(&d->sentences);
  };
  EvalReport rep = EvaluateGold(recs, *coder, EvalLevel::kRoot, annotate);
  std::printf("%s", rep.Format(false).c_str());
  EXPECT_EQ(rep.records, 78);
  EXPECT_GE(rep.total.F1(), 0.6) << "coarse floor";
}

}  // namespace
}  // namespace dyad
