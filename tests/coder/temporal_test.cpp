// Dates relative to the article date and historical references.
#include "dyad/coder/temporal.h"

#include <gtest/gtest.h>

#include "coder_test_util.h"
#include "dyad/coder/parse_view.h"

namespace dyad {
namespace {

TEST(Temporal, DateArithmetic) {
  EXPECT_EQ(AddDays("2024-10-06", -6), "2024-09-30");
  EXPECT_EQ(AddDays("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(Weekday("2024-10-06"), 6);  // a Sunday
  EXPECT_EQ(Weekday("bad"), -1);
  EXPECT_EQ(AddDays("2024-13-01", 1), "");
}

TEST(Temporal, WeekdayAndYear) {
  // "Israel attacked Gaza on Tuesday" in an article of Sunday 2024-10-06.
  Document d = testing::MakeDoc({"Israel Israel PROPN NNP 2 nsubj\n"
                                 "attacked attack VERB VBD 0 root\n"
                                 "Gaza Gaza PROPN NNP 2 obj\n"
                                 "on on ADP IN 5 case\n"
                                 "Tuesday Tuesday PROPN NNP 2 obl\n"},
                                "2024-10-06");
  ParseView v(d.sentences[0]);
  TimeInfo t = TemporalOf(v, {1}, "2024-10-06");
  EXPECT_EQ(t.event_date, "2024-10-01");
  EXPECT_FALSE(t.historical);

  Document h = testing::MakeDoc({"China China PROPN NNP 2 nsubj\n"
                                 "helped help VERB VBD 0 root\n"
                                 "Korea Korea PROPN NNP 2 obj\n"
                                 "during during ADP IN 7 case\n"
                                 "the the DET DT 7 det\n"
                                 "Korean Korean ADJ JJ 7 amod\n"
                                 "War war PROPN NNP 2 obl\n"
                                 "( ( PUNCT -LRB- 9 punct\n"
                                 "1950-1953 1950-1953 NUM CD 7 appos\n"
                                 ") ) PUNCT -RRB- 9 punct\n"},
                                "2024-10-06");
  ParseView hv(h.sentences[0]);
  TimeInfo ht = TemporalOf(hv, {1}, "2024-10-06");
  EXPECT_TRUE(ht.historical);
  EXPECT_EQ(ht.event_date, "1953");
}

}  // namespace
}  // namespace dyad
