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
  EXPECT_EQ(ht.event_date, "");  // not known to the day: the article date stands
  EXPECT_EQ(ht.period, "1953");
}

TEST(Temporal, WeekdayFollowsTense) {
  // "Russia will hold talks on Friday" in an article of Sunday 2024-10-06:
  // the coming Friday; "held talks on Friday": the one before.
  Document d = testing::MakeDoc({"Russia Russia PROPN NNP 3 nsubj\n"
                                 "will will AUX MD 3 aux\n"
                                 "hold hold VERB VB 0 root\n"
                                 "talks talk NOUN NNS 3 obj\n"
                                 "on on ADP IN 6 case\n"
                                 "Friday Friday PROPN NNP 3 obl\n",
                                 "Russia Russia PROPN NNP 2 nsubj\n"
                                 "held hold VERB VBD 0 root\n"
                                 "talks talk NOUN NNS 2 obj\n"
                                 "on on ADP IN 5 case\n"
                                 "Friday Friday PROPN NNP 2 obl\n"},
                                "2024-10-06");
  ParseView fut(d.sentences[0]);
  EXPECT_EQ(TemporalOf(fut, {2}, "2024-10-06").event_date, "2024-10-11");
  ParseView past(d.sentences[1]);
  EXPECT_EQ(TemporalOf(past, {1}, "2024-10-06").event_date, "2024-10-04");
}

TEST(Temporal, CoarseTimesGiveAPeriodNotADay) {
  // "Iran attacked Iraq last year" / "... last month" / "... tomorrow".
  auto doc = [](const char* adj, const char* unit) {
    return testing::MakeDoc({std::string("Iran Iran PROPN NNP 2 nsubj\n"
                                         "attacked attack VERB VBD 0 root\n"
                                         "Iraq Iraq PROPN NNP 2 obj\n") +
                             adj + " " + adj + " ADJ JJ 5 amod\n" + unit + " " + unit + " NOUN NN 2 obl:tmod\n"},
                            "2024-10-06");
  };
  Document y = doc("last", "year");
  ParseView yv(y.sentences[0]);
  TimeInfo yt = TemporalOf(yv, {1}, "2024-10-06");
  EXPECT_TRUE(yt.historical);
  EXPECT_EQ(yt.event_date, "");
  EXPECT_EQ(yt.period, "2023");
  Document m = doc("last", "month");
  ParseView mv(m.sentences[0]);
  TimeInfo mt = TemporalOf(mv, {1}, "2024-10-06");
  EXPECT_FALSE(mt.historical);
  EXPECT_EQ(mt.event_date, "");
  EXPECT_EQ(mt.period, "2024-09");
}

}  // namespace
}  // namespace dyad
