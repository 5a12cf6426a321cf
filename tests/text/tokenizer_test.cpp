#include "dyad/text/tokenizer.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace dyad {
namespace {

using testing::SegmentText;
using testing::Tokens;
using testing::Words;

TEST(Tokenizer, CliticsAreMultiwordTokens) {
  EXPECT_EQ(Words("I don't know."), "I do n't know .");
  EXPECT_EQ(Words("Kim's car can't go and won't stop"), "Kim 's car ca n't go and wo n't stop");
  EXPECT_EQ(Words("I'm sure we'll see they're right, you've won, I'd go"),
            "I 'm sure we 'll see they 're right , you 've won , I 'd go");
  EXPECT_EQ(Words("We cannot go, we're gonna wait"), "We can not go , we 're gon na wait");
  EXPECT_EQ(Words("It\xE2\x80\x99s Bush\xE2\x80\x99s plan, he didn\xE2\x80\x99t say"),
            "It \xE2\x80\x99s Bush \xE2\x80\x99s plan , he did n\xE2\x80\x99t say");
  EXPECT_EQ(Words("the taxpayers' money"), "the taxpayers ' money");
  EXPECT_EQ(Words("i dont know"), "i do nt know");
  EXPECT_EQ(Tokens("I don't know"), "I don't know");
}

TEST(Tokenizer, MultiwordTokenOffsetsSplitTheTokenBytes) {
  Document d = SegmentText("Kim can't go");
  ASSERT_EQ(d.sentences.size(), 1u);
  const Sentence& s = d.sentences[0];
  ASSERT_EQ(s.words.size(), 4u);
  ASSERT_EQ(s.mwts.size(), 1u);
  EXPECT_EQ(s.mwts[0].form, "can't");
  EXPECT_EQ(s.mwts[0].first, 1);
  EXPECT_EQ(s.mwts[0].last, 2);
  EXPECT_EQ(s.mwts[0].start, 4u);
  EXPECT_EQ(s.mwts[0].end, 9u);
  EXPECT_EQ(s.words[1].form, "ca");
  EXPECT_EQ(s.words[1].start, 4u);
  EXPECT_EQ(s.words[1].end, 6u);
  EXPECT_EQ(s.words[2].form, "n't");
  EXPECT_EQ(s.words[2].start, 6u);
  EXPECT_EQ(s.words[2].end, 9u);
  EXPECT_FALSE(s.words[1].space_after);
  EXPECT_TRUE(s.words[2].space_after);
}

TEST(Tokenizer, EveryWordSpansItsFormInTheText) {
  const std::string raw =
      "PYONGYANG, Oct 6 (Reuters) - North Korea's \"merciless\" U.S. Gen. Kim spent $8 billion in "
      "1950-1953 on the China-DPRK treaty's 75th year, 3.5% of 1,000 e-mails (see http://x.org/a?b=1).";
  Document d = SegmentText(raw);
  size_t words = 0;
  for (const auto& s : d.sentences) {
    for (const auto& w : s.words) {
      ++words;
      ASSERT_LE(w.end, d.text.size());
      EXPECT_EQ(d.text.substr(w.start, w.end - w.start), w.form);
    }
    for (const auto& m : s.mwts) EXPECT_EQ(d.text.substr(m.start, m.end - m.start), m.form);
  }
  EXPECT_GT(words, 40u);
}

TEST(Tokenizer, AbbreviationsAndAcronymsKeepTheirPeriod) {
  EXPECT_EQ(Tokens("Mr. Smith met Gen. Lee of the U.S. Army in Jan. 2004 at Acme Inc. on the road"),
            "Mr. Smith met Gen. Lee of the U.S. Army in Jan. 2004 at Acme Inc. on the road");
  EXPECT_EQ(Tokens("e.g. at 5 p.m. today"), "e.g. at 5 p.m. today");
  EXPECT_EQ(Tokens("J. R. R. Tolkien wrote"), "J. R. R. Tolkien wrote");
  EXPECT_EQ(Tokens("See No. 5 and say no."), "See No. 5 and say no .");
}

TEST(Tokenizer, SentenceFinalAbbreviationGivesUpItsPeriod) {
  EXPECT_EQ(Words("They sold cars, boats, etc. Then they left."),
            "They sold cars , boats , etc . || Then they left .");
}

TEST(Tokenizer, NumbersAndMoney) {
  EXPECT_EQ(Tokens("$8 billion"), "$ 8 billion");
  EXPECT_EQ(Tokens("in 1950-1953 and 1,000 people, 3.5% at 9:30am"),
            "in 1950 - 1953 and 1,000 people , 3.5 % at 9:30 am");
  EXPECT_EQ(Tokens("the 75th year of the 1990s"), "the 75th year of the 1990s");
  EXPECT_EQ(Tokens("5kg of $13.9M"), "5 kg of $ 13.9 M");
  EXPECT_EQ(Tokens("on 10/11/2004 and 9/11, 3/4 of them"), "on 10/11/2004 and 9/11 , 3 / 4 of them");
  EXPECT_EQ(Tokens("call 713-853-3989 or 1-800-991-9019"), "call 713-853-3989 or 1-800-991-9019");
  EXPECT_EQ(Tokens("US$5 million"), "US$ 5 million");
}

TEST(Tokenizer, Hyphens) {
  EXPECT_EQ(Tokens("the China-DPRK treaty"), "the China - DPRK treaty");
  EXPECT_EQ(Tokens("a well-known e-mail"), "a well - known e-mail");
  EXPECT_EQ(Tokens("anti-American and non-violent post-war"), "anti-American and non-violent post-war");
  EXPECT_EQ(Tokens("a 10-year-old"), "a 10 - year - old");
  EXPECT_EQ(Tokens("Al-Zaman -- or not"), "Al - Zaman -- or not");
}

TEST(Tokenizer, UrlsEmailsFilesEmoticons) {
  EXPECT_EQ(Tokens("see http://www.x.com/a_b?c=1, or www.cnn.com."), "see http://www.x.com/a_b?c=1 , or www.cnn.com .");
  EXPECT_EQ(Tokens("mail <jane.doe@enron.com> or Rice@ENRON"), "mail < jane.doe@enron.com > or Rice@ENRON");
  EXPECT_EQ(Tokens("open report.pdf and ld2d-#69366-1.DOC"), "open report.pdf and ld2d-#69366-1.DOC");
  EXPECT_EQ(Tokens("great :)"), "great :)");
}

TEST(Tokenizer, QuotesBracketsDashesEllipses) {
  EXPECT_EQ(Tokens("He said \"no\" (twice)."), "He said \" no \" ( twice ) .");
  EXPECT_EQ(Tokens("\xE2\x80\x9CNo,\xE2\x80\x9D he said\xE2\x80\x94twice..."),
            "\xE2\x80\x9C No , \xE2\x80\x9D he said \xE2\x80\x94 twice ...");
  EXPECT_EQ(Tokens("wait!!! really?!"), "wait !!! really ?!");
  EXPECT_EQ(Tokens("the 'solidarity' word"), "the ' solidarity ' word");
  EXPECT_EQ(Tokens("``quoted''"), "`` quoted ''");
}

TEST(Tokenizer, SplitIntoWordsDirectly) {
  uint32_t cuts[3];
  EXPECT_EQ(SplitIntoWords("don't", cuts), 1);
  EXPECT_EQ(cuts[0], 2u);
  EXPECT_EQ(SplitIntoWords("Cannot", cuts), 1);
  EXPECT_EQ(cuts[0], 3u);
  EXPECT_EQ(SplitIntoWords("house", cuts), 0);
  EXPECT_EQ(SplitIntoWords("Shi'ite", cuts), 0);
  EXPECT_EQ(SplitIntoWords("'s", cuts), 0);
  EXPECT_EQ(SplitIntoWords("its", cuts), 0);
}

TEST(Tokenizer, LinearOnPathologicalInput) {
  // Long runs that would make a backtracking tokenizer quadratic.
  std::string dots, letters(2'000'000, 'a'), emailish;
  for (int i = 0; i < 200'000; ++i) dots += "a.";
  for (int i = 0; i < 200'000; ++i) emailish += "ab.";
  emailish += "!@";
  for (const std::string* s : {&dots, &letters, &emailish}) {
    std::vector<Token> toks;
    Tokenize(*s, &toks);
    ASSERT_FALSE(toks.empty());
    EXPECT_EQ(toks.back().end, s->size());
  }
}

}  // namespace
}  // namespace dyad
