// Event records: JSON Lines round trip and flat tables.
#include "dyad/coder/event_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

Event Sample() {
  Event e;
  e.doc_id = "d1";
  e.sentence = 3;
  e.date = "2024-10-06";
  e.event_date = "2024-10-01";
  e.source = EventActor{"PRKGOV", "PRK", "GOV", "Kim Yo Jong", 10, 21};
  e.cameo = "111";
  e.cameo_root = "11";
  e.cameo_name = "Criticize or denounce";
  e.goldstein = -2;
  e.quad_class = 3;
  e.plover = {"ACCUSE", "disapprove", ""};
  e.modality = Modality::kConditional;
  e.historical = true;
  e.evidence = {"She \"denounced\", it.", 0, 21, "denounced", 5, 14, "11_disapprove.txt:28"};
  Mention m;
  m.sentence = 5;
  m.evidence = {"Again.", 40, 46, "slammed", 40, 47, "11_disapprove.txt:30"};
  e.mentions.push_back(m);
  return e;
}

TEST(EventJson, RoundTrip) {
  Event e = Sample();
  std::string line = EventToJson(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"doc_id\":\"d1\",\"sentence\":3", 0), 0u) << line;
  EXPECT_NE(line.find("\"target\":null"), std::string::npos);
  EXPECT_NE(line.find("\"modality\":\"conditional\""), std::string::npos);
  EXPECT_NE(line.find("\"count\":2"), std::string::npos);
  Event back;
  Status st = EventFromJson(line, &back);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(EventToJson(back), line);
  ASSERT_TRUE(back.source.has_value());
  EXPECT_EQ(back.source->text, "Kim Yo Jong");
  EXPECT_FALSE(back.target.has_value());
  EXPECT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].sentence, 5);
}

TEST(EventJson, EveryMentionIsWritten) {
  // The store reads events with several mentions back; each span keeps its
  // own evidence (a regression test for a serialiser that iterated over a
  // destroyed temporary).
  Event e = Sample();
  for (int i = 0; i < 3; ++i) {
    Mention m;
    m.sentence = 10 + i;
    m.evidence = {"Mention " + std::to_string(i) + ".", 100u + 10u * i, 110u + 10u * i, "hit",
                  101u + 10u * i, 104u + 10u * i, "r" + std::to_string(i)};
    e.mentions.push_back(m);
  }
  std::string line = EventToJson(e);
  EXPECT_NE(line.find("\"count\":5"), std::string::npos) << line;
  Event back;
  ASSERT_TRUE(EventFromJson(line, &back).ok());
  ASSERT_EQ(back.mentions.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    const Mention& m = back.mentions[1 + i];
    EXPECT_EQ(m.sentence, 10 + i);
    EXPECT_EQ(m.evidence.text, "Mention " + std::to_string(i) + ".");
    EXPECT_EQ(m.evidence.start, 100u + 10u * i);
    EXPECT_EQ(m.evidence.trigger_end, 104u + 10u * i);
    EXPECT_EQ(m.evidence.rule, "r" + std::to_string(i));
  }
  EXPECT_EQ(EventToJson(back), line);
}

TEST(EventJson, RejectsBadInput) {
  Event e;
  EXPECT_FALSE(EventFromJson("not json", &e).ok());
  EXPECT_FALSE(EventFromJson("[1,2]", &e).ok());
  EXPECT_FALSE(EventFromJson("{\"doc_id\":\"x\"}", &e).ok());  // no cameo
  EXPECT_FALSE(EventFromJson("{\"cameo\":\"010\",\"modality\":\"maybe\"}", &e).ok());
  EXPECT_FALSE(EventFromJson("{\"cameo\":\"010\",\"sentence\":\"three\"}", &e).ok());
}

TEST(EventTable, CsvQuotesAndTsvFlattens) {
  Event e = Sample();
  std::ostringstream csv, tsv;
  WriteCsvHeader(csv);
  WriteCsvRow(e, csv);
  std::string c = csv.str();
  EXPECT_EQ(c.rfind("doc_id,sentence,date", 0), 0u);
  EXPECT_NE(c.find("\"She \"\"denounced\"\", it.\""), std::string::npos) << c;
  WriteTsvHeader(tsv);
  WriteTsvRow(e, tsv);
  std::string t = tsv.str();
  size_t header_tabs = std::count(t.begin(), t.begin() + t.find('\n'), '\t');
  EXPECT_EQ(header_tabs + 1, EventTableColumns().size());
  std::string row = t.substr(t.find('\n') + 1);
  EXPECT_EQ(static_cast<size_t>(std::count(row.begin(), row.end(), '\t')), header_tabs);
}

}  // namespace
}  // namespace dyad
