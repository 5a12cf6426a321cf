// The dictionaries shipped in dict/ load without errors and know the actors
// of the seed articles.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "dyad/lexicon/lexicon.h"

namespace dyad {
namespace {

const std::string kDict = std::string(DYAD_SOURCE_DIR) + "/dict";

class ShippedDicts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<DictProblem> problems;
    LexiconLoadOptions opt;
    opt.problems = &problems;
    Status s = Lexicon::Load(kDict, &lex_, opt);
    std::string errors;
    for (const auto& p : problems)
      if (p.error) errors += p.where + ": " + p.message + "\n";
    ASSERT_TRUE(s.ok()) << s.message() << "\n" << errors;
    EXPECT_EQ(errors, "");
  }
  static void TearDownTestSuite() { lex_.reset(); }

  // The folded code of the single actor found in `text`.
  static std::string CodeOf(const std::string& text, const std::string& date = "2024-10-06") {
    auto m = lex_->FindActors(Lexicon::SimpleWords(text), date);
    if (m.size() != 1) return "<" + std::to_string(m.size()) + " matches>";
    return m[0].code;
  }

  static std::unique_ptr<Lexicon> lex_;
};
std::unique_ptr<Lexicon> ShippedDicts::lex_;

TEST_F(ShippedDicts, SeedArticleActors) {
  EXPECT_EQ(CodeOf("China"), "CHN");
  EXPECT_EQ(CodeOf("Chinese"), "CHN");
  EXPECT_EQ(CodeOf("North Korea"), "PRK");
  EXPECT_EQ(CodeOf("DPRK"), "PRK");
  EXPECT_EQ(CodeOf("North Korean"), "PRK");
  EXPECT_EQ(CodeOf("Russia"), "RUS");
  EXPECT_EQ(CodeOf("United States"), "USA");
  EXPECT_EQ(CodeOf("U.S."), "USA");
  EXPECT_EQ(CodeOf("Ukraine"), "UKR");
  EXPECT_EQ(CodeOf("South Korea"), "KOR");
  EXPECT_EQ(CodeOf("Beijing"), "CHNGOV");
  EXPECT_EQ(CodeOf("Pyongyang"), "PRKGOV");
  EXPECT_EQ(CodeOf("Xi Jinping"), "CHNGOV");
  EXPECT_EQ(CodeOf("Kim Jong Un"), "PRKGOV");
  EXPECT_EQ(CodeOf("Kim Yo Jong").substr(0, 3), "PRK");
}

TEST_F(ShippedDicts, CompaniesStandForTheirCountry) {
  EXPECT_EQ(CodeOf("Malaysia Airlines"), "MYSBUS");
  EXPECT_EQ(CodeOf("Gazprom"), "RUSBUS");
  EXPECT_EQ(CodeOf("Malaysia"), "MYS");
}

TEST_F(ShippedDicts, SeatsIgosGroupsAgents) {
  EXPECT_EQ(CodeOf("the White House"), "USAGOV");
  EXPECT_EQ(CodeOf("the Kremlin"), "RUSGOV");
  EXPECT_EQ(CodeOf("the Pentagon"), "USAMIL");
  EXPECT_EQ(CodeOf("Foggy Bottom"), "USAGOV");
  EXPECT_EQ(CodeOf("Downing Street"), "GBRGOV");
  EXPECT_EQ(CodeOf("Zhongnanhai"), "CHNGOV");
  EXPECT_EQ(CodeOf("the United Nations"), "IGOUNO");
  EXPECT_EQ(CodeOf("NATO"), "IGOWSTNAT");
  EXPECT_EQ(CodeOf("the European Union"), "IGOEUREEC");
  EXPECT_EQ(CodeOf("Interpol"), "IGOCOPITP");
  EXPECT_EQ(CodeOf("Amnesty International"), "NGOHRIAMN");
  EXPECT_EQ(CodeOf("Hamas"), "PSEREBHMS");
  EXPECT_EQ(CodeOf("ISIL"), "IMGMUSISI");
  EXPECT_EQ(CodeOf("North Korean troops"), "PRKMIL");
  EXPECT_EQ(CodeOf("Chinese police"), "CHNCOP");
  EXPECT_EQ(CodeOf("Ukrainian lawmakers"), "UKRLEG");
  EXPECT_EQ(CodeOf("UN peacekeepers"), "IGOUNOMIL");
  EXPECT_EQ(CodeOf("Latin America"), "LAM");  // not America
  EXPECT_EQ(CodeOf("Taliban", "2010-05-01"), "AFGREB");
  EXPECT_EQ(CodeOf("Taliban", "2023-05-01"), "AFGGOV");
}

TEST_F(ShippedDicts, SizeAndKinds) {
  std::map<ActorKind, size_t> kinds;
  for (size_t i = 0; i < lex_->actors().size(); ++i) kinds[lex_->actors().kind(static_cast<int>(i))]++;
  EXPECT_GE(kinds[ActorKind::kCountry], 240u);
  EXPECT_GE(kinds[ActorKind::kCapital], 200u);
  EXPECT_GE(kinds[ActorKind::kIgo], 60u);
  EXPECT_GE(kinds[ActorKind::kGroup], 50u);
  EXPECT_GE(lex_->agents().size(), 50u);
  EXPECT_GE(lex_->actors().size() + lex_->agents().size(), 2000u);
  ASSERT_NE(lex_->ontology(), nullptr);
  EXPECT_EQ(lex_->ontology()->codes().size(), 312u);
}

}  // namespace
}  // namespace dyad
