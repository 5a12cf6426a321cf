#include "dyad/text/sentence_splitter.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace dyad {
namespace {

using testing::SegmentText;
using testing::Words;

TEST(SentenceSplitter, BasicPunctuation) {
  EXPECT_EQ(Words("It rained. We stayed home! Why? Nobody knows."),
            "It rained . || We stayed home ! || Why ? || Nobody knows .");
}

TEST(SentenceSplitter, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Words("Mr. Smith met Gen. Lee in the U.S. capital on Jan. 5."),
            "Mr. Smith met Gen. Lee in the U.S. capital on Jan. 5 .");
  EXPECT_EQ(Words("J. R. R. Tolkien wrote it. He was English."),
            "J. R. R. Tolkien wrote it . || He was English .");
  EXPECT_EQ(Words("He works for Acme Inc. The company agreed."),
            "He works for Acme Inc . || The company agreed .");
}

TEST(SentenceSplitter, QuotationsEndWithTheirSentence) {
  EXPECT_EQ(Words("He said: \"We will fight.\" Then he left."),
            "He said : \" We will fight . \" || Then he left .");
  EXPECT_EQ(Words("\"Why?\" he asked."), "\" Why ? \" he asked .");
  EXPECT_EQ(Words("\xE2\x80\x9CNo.\xE2\x80\x9D She smiled."),
            "\xE2\x80\x9C No . \xE2\x80\x9D || She smiled .");
}

TEST(SentenceSplitter, HeadlineAndDateline) {
  Document d = SegmentText(
      "North Korea warns U.S. over drills\n\n"
      "PYONGYANG, Oct 6 (Reuters) - North Korea on Monday accused the United States. It said more.\n");
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_EQ(d.sentences[0].words.back().form, "drills");
  // The dateline stands alone, so its place is not read as the lead's subject.
  EXPECT_EQ(d.sentences[1].words.front().form, "PYONGYANG");
  EXPECT_EQ(d.sentences[1].words.back().form, "-");
  EXPECT_EQ(d.sentences[2].words.front().form, "North");
  EXPECT_EQ(d.sentences[2].words.back().form, ".");
  EXPECT_EQ(d.sentences[3].words.front().form, "It");
  // A headline followed by a single newline is a sentence too.
  EXPECT_EQ(Words("Talks collapse\nSEOUL (Reuters) - Talks collapsed."),
            "Talks collapse || SEOUL ( Reuters ) - || Talks collapsed .");
  EXPECT_EQ(Words("LIMA \xE2\x80\x94 Rain fell."), "LIMA \xE2\x80\x94 || Rain fell .");
  // Capitals before a plain hyphen are no dateline without a comma or agency.
  EXPECT_EQ(Words("NATO - Russia talks resumed."), "NATO - Russia talks resumed .");
  EXPECT_EQ(Words("OSLO - it rained."), "OSLO - it rained .");
}

TEST(SentenceSplitter, BlankLinesAndBullets) {
  EXPECT_EQ(Words("First paragraph without stop\n\nSecond one"), "First paragraph without stop || Second one");
  EXPECT_EQ(Words("Demands:\n- a ceasefire\n- talks\n- aid"), "Demands : || - a ceasefire || - talks || - aid");
}

TEST(SentenceSplitter, HardWrappedTextKeepsSentencesTogether) {
  const std::string text =
      "The minister said on Monday that the government would not accept the\n"
      "conditions set by the rebels, who had demanded the release of all their\n"
      "prisoners before any talks could begin in the capital next month.\n"
      "Officials in the neighbouring country said they were ready to host the\n"
      "meeting if both sides agreed to a ceasefire first.\n";
  Document d = SegmentText(text);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.sentences[1].words.front().form, "Officials");
}

TEST(SentenceSplitter, EllipsisAndLowercase) {
  EXPECT_EQ(Words("well... maybe not"), "well ... maybe not");
  EXPECT_EQ(Words("I waited... Nobody came."), "I waited ... || Nobody came .");
  EXPECT_EQ(Words("1. The first point is clear."), "1 . The first point is clear .");
}

TEST(SentenceSplitter, LongRunsAreCut) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word ";
  Document d = SegmentText(text);
  ASSERT_GE(d.sentences.size(), 8u);
  for (const auto& s : d.sentences) EXPECT_LE(s.words.size(), 250u);
}

TEST(SentenceSplitter, SentenceSpansCoverTheirWords) {
  Document d = SegmentText("One. Two three! \"Four?\" Five.");
  for (const auto& s : d.sentences) {
    EXPECT_EQ(s.start, s.words.front().start);
    EXPECT_EQ(s.end, s.words.back().end);
  }
}

}  // namespace
}  // namespace dyad
