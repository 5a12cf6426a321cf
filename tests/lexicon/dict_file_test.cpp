// The dictionary file format: parsing, validation messages with file:line,
// and date-dependent code resolution.
#include "dyad/lexicon/dict_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dyad {
namespace {

using ::testing::HasSubstr;

std::vector<DictEntry> ParseOk(const std::string& text) {
  std::vector<DictEntry> out;
  Status s = ParseDictText(text, "t.txt", CodeSyntax::kActor, &out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

Status ParseErr(const std::string& text, CodeSyntax syntax = CodeSyntax::kActor) {
  std::vector<DictEntry> out;
  return ParseDictText(text, "bad.txt", syntax, &out);
}

TEST(DictDate, ParsesFullAndPartialDates) {
  DictDate d = 0;
  ASSERT_TRUE(ParseDictDate("2011-12-17", false, &d));
  EXPECT_EQ(d, 20111217);
  ASSERT_TRUE(ParseDictDate("2011-12", false, &d));
  EXPECT_EQ(d, 20111201);
  ASSERT_TRUE(ParseDictDate("2011-12", true, &d));
  EXPECT_EQ(d, 20111231);
  ASSERT_TRUE(ParseDictDate("2024-02", true, &d));
  EXPECT_EQ(d, 20240229);  // leap year
  ASSERT_TRUE(ParseDictDate("2011", true, &d));
  EXPECT_EQ(d, 20111231);
  EXPECT_FALSE(ParseDictDate("2011-13-01", false, &d));
  EXPECT_FALSE(ParseDictDate("2023-02-29", false, &d));
  EXPECT_FALSE(ParseDictDate("11-12-17", false, &d));
  EXPECT_FALSE(ParseDictDate("2011/12/17", false, &d));
  EXPECT_FALSE(ParseDictDate("", false, &d));
}

TEST(DictFile, ParsesEntriesNamesCodesAndComments) {
  auto e = ParseOk(
      "# a comment\n"
      "= North Korea | DPRK | Democratic People's Republic of Korea   # trailing comment\n"
      "  PRK\n"
      "\n"
      "= Kim Jong Un | Kim Jong-un\n"
      "  PRKGOV 2011-12-17 ..\n"
      "\tPRKMIL 2010-09-28 .. 2011-12-16\n"
      "  PRKELI\n");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_THAT(e[0].names, ::testing::ElementsAre("North Korea", "DPRK", "Democratic People's Republic of Korea"));
  EXPECT_EQ(e[0].line, 2);
  ASSERT_EQ(e[1].codes.size(), 3u);
  EXPECT_TRUE(e[1].codes[0].dated);
  EXPECT_EQ(e[1].codes[0].from, 20111217);
  EXPECT_EQ(e[1].codes[0].to, kDateMax);
  EXPECT_EQ(e[1].codes[1].from, 20100928);
  EXPECT_EQ(e[1].codes[1].to, 20111216);
  EXPECT_FALSE(e[1].codes[2].dated);
  EXPECT_EQ(e[1].codes[1].line, 7);
}

TEST(DictFile, OpenStartRangeAndKindTag) {
  auto e = ParseOk("= Old Leader {person}\n  USAGOV .. 2009-01-20\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].tag, "person");
  EXPECT_EQ(e[0].codes[0].from, kDateMin);
  EXPECT_EQ(e[0].codes[0].to, 20090120);
}

TEST(DictFile, DateDependentCodes) {
  auto e = ParseOk(
      "= Kim Jong Un\n"
      "  PRKGOV 2011-12-17 ..\n"
      "  PRKMIL 2010-09-28 .. 2011-12-16\n"
      "  PRKELI\n"
      "= Only Dated\n"
      "  USAGOV 2001 .. 2008\n");
  const DictEntry& kim = e[0];
  EXPECT_EQ(kim.CodeFor(20240101)->code, "PRKGOV");
  EXPECT_EQ(kim.CodeFor(20111217)->code, "PRKGOV");  // first day, inclusive
  EXPECT_EQ(kim.CodeFor(20111216)->code, "PRKMIL");  // last day, inclusive
  EXPECT_EQ(kim.CodeFor(20100928)->code, "PRKMIL");
  EXPECT_EQ(kim.CodeFor(20050101)->code, "PRKELI");  // undated fallback
  EXPECT_EQ(kim.CodeFor(0)->code, "PRKGOV");         // unknown date: the open-ended role
  const DictEntry& dated = e[1];
  EXPECT_EQ(dated.CodeFor(20050615)->code, "USAGOV");
  EXPECT_EQ(dated.CodeFor(20090101), nullptr);  // no fallback: does not apply
  EXPECT_EQ(dated.CodeFor(0), nullptr);
}

TEST(DictFile, ErrorsNameFileLineAndProblem) {
  Status s = ParseErr("= Good\n  USA\n= Bad\n  usagov\n");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:4"));
  EXPECT_THAT(s.message(), HasSubstr("bad code"));

  s = ParseErr("= X\n  USA 2011-13-01 ..\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:2"));
  EXPECT_THAT(s.message(), HasSubstr("bad date '2011-13-01'"));

  s = ParseErr("= X\n  USA 2012 .. 2011\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:2"));
  EXPECT_THAT(s.message(), HasSubstr("starts after it ends"));

  s = ParseErr("  USA\n= X\n  USA\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:1"));
  EXPECT_THAT(s.message(), HasSubstr("code line before any entry"));

  s = ParseErr("= A | | B\n  USA\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:1"));
  EXPECT_THAT(s.message(), HasSubstr("empty name"));

  s = ParseErr("= \n  USA\n");
  EXPECT_THAT(s.message(), HasSubstr("empty name"));

  s = ParseErr("= A\n= B\n  USA\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:1"));
  EXPECT_THAT(s.message(), HasSubstr("no code lines"));

  s = ParseErr("= A\n  USA 2011-12-17\n");
  EXPECT_THAT(s.message(), HasSubstr("FROM .. TO"));

  s = ParseErr("=A\n  USA\n");
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:1"));

  s = ParseErr("North Korea\n  PRK\n");
  EXPECT_THAT(s.message(), HasSubstr("expected an entry line"));

  s = ParseErr("= A\n  USAG\n");
  EXPECT_THAT(s.message(), HasSubstr("3-letter blocks"));
}

TEST(DictFile, CodeSyntaxDiffersForActorsAndAgents) {
  EXPECT_TRUE(ValidCode("---GOV", CodeSyntax::kActor, nullptr));
  EXPECT_FALSE(ValidCode("---", CodeSyntax::kActor, nullptr));
  EXPECT_FALSE(ValidCode("GOV---", CodeSyntax::kActor, nullptr));
  EXPECT_TRUE(ValidCode("GOVMIL", CodeSyntax::kAgent, nullptr));
  EXPECT_FALSE(ValidCode("---GOV", CodeSyntax::kAgent, nullptr));
  EXPECT_FALSE(ParseErr("= troops\n  ---MIL\n", CodeSyntax::kAgent).ok());
}

TEST(DictFile, CollectsAllProblemsWhenAsked) {
  std::vector<DictEntry> out;
  std::vector<DictProblem> problems;
  Status s = ParseDictText("= A\n  bad\n= B\n  USA 2011-02-30 ..\n= C | C\n  USA\n", "m.txt", CodeSyntax::kActor,
                           &out, &problems);
  EXPECT_FALSE(s.ok());
  ASSERT_GE(problems.size(), 3u);
  EXPECT_EQ(problems[0].where, "m.txt:2");
  EXPECT_EQ(problems[1].where, "m.txt:4");
  bool dup_warning = false;
  for (const auto& p : problems)
    if (!p.error && p.message.find("listed twice") != std::string::npos) dup_warning = true;
  EXPECT_TRUE(dup_warning);
  // The good entry still loaded.
  bool have_c = false;
  for (const auto& e : out)
    if (e.names[0] == "C") have_c = true;
  EXPECT_TRUE(have_c);
}

TEST(DictFile, ToleratesCrlfAndBom) {
  auto e = ParseOk("\xEF\xBB\xBF= A | B\r\n  USA\r\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].names[1], "B");
  EXPECT_EQ(e[0].codes[0].code, "USA");
}

TEST(DictFile, MissingFileIsAnIOError) {
  std::vector<DictEntry> out;
  Status s = ParseDictFile("/nonexistent/dyad/x.txt", CodeSyntax::kActor, &out);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_THAT(s.message(), HasSubstr("/nonexistent/dyad/x.txt"));
}

}  // namespace
}  // namespace dyad
