#include "dyad/text/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

const char* kBlock =
    "# sent_id = t1\n"
    "# text = Kim didn't go.\n"
    "1\tKim\tKim\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

TEST(Conllu, ReadsWordsMwtsAndComments) {
  std::vector<Sentence> ss;
  ASSERT_TRUE(ParseConllu(kBlock, "block", &ss).ok());
  ASSERT_EQ(ss.size(), 1u);
  const Sentence& s = ss[0];
  EXPECT_EQ(s.sent_id, "t1");
  EXPECT_EQ(s.gold_text, "Kim didn't go.");
  ASSERT_EQ(s.words.size(), 5u);
  ASSERT_EQ(s.mwts.size(), 1u);
  EXPECT_EQ(s.mwts[0].first, 1);
  EXPECT_EQ(s.mwts[0].last, 2);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_EQ(s.words[2].feats, "Polarity=Neg");
}

TEST(Conllu, RebuildTextGivesOffsets) {
  std::vector<Sentence> ss;
  ASSERT_TRUE(ParseConllu(kBlock, "block", &ss).ok());
  std::string text = RebuildText(&ss);
  EXPECT_EQ(text, "Kim didn't go.");
  const Word& nt = ss[0].words[2];
  EXPECT_EQ(text.substr(nt.start, nt.end - nt.start), "n't");
  const Word& go = ss[0].words[3];
  EXPECT_EQ(text.substr(go.start, go.end - go.start), "go");
}

TEST(Conllu, WriteRoundTripsColumns) {
  Document doc;
  doc.id = "d";
  ASSERT_TRUE(ParseConllu(kBlock, "block", &doc.sentences).ok());
  doc.text = RebuildText(&doc.sentences);
  std::ostringstream out;
  WriteConllu(doc, out);
  std::vector<Sentence> again;
  ASSERT_TRUE(ParseConllu(out.str(), "out", &again).ok());
  ASSERT_EQ(again.size(), 1u);
  ASSERT_EQ(again[0].words.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(again[0].words[i].form, doc.sentences[0].words[i].form);
    EXPECT_EQ(again[0].words[i].head, doc.sentences[0].words[i].head);
    EXPECT_EQ(again[0].words[i].deprel, doc.sentences[0].words[i].deprel);
  }
  EXPECT_NE(out.str().find("TokenRange=4:10"), std::string::npos);
}

TEST(Conllu, MalformedRowNamesLine) {
  std::vector<Sentence> ss;
  Status s = ParseConllu("1\tonly\tthree\n", "bad.conllu", &ss);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.conllu:1"), std::string::npos);
}

}  // namespace
}  // namespace dyad
