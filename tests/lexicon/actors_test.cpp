// Actor and agent matching over words, with fixtures written here (not the
// shipped dictionaries): longest match, case rules, possessives, hyphens,
// dates, and folding agents into actors.
#include "dyad/lexicon/actors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/lexicon/lexicon.h"
#include "dyad/lexicon/phrase_matcher.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

const char* kCountries = R"(
= North Korea | DPRK | Democratic People's Republic of Korea | N. Korea | North Korean | North Koreans
  PRK
= South Korea | Republic of Korea | Korea | South Korean
  KOR
= China | Chinese
  CHN
= Russia | Russian
  RUS
= Ukraine | Ukrainian
  UKR
= United States | US | U.S. | America | American
  USA
= Turkey | Türkiye | Turkish
  TUR
= Georgia
  GEO
)";

const char* kCapitals = R"(
= Pyongyang
  PRKGOV
= Élysée | Elysee Palace
  FRAGOV
)";

const char* kPeople = R"(
= Kim Jong Un | Kim Jong-un
  PRKGOV 2011-12-17 ..
  PRKMIL 2010-09-28 .. 2011-12-16
  PRKELI
= Volodymyr Zelensky | Zelensky
  UKRGOV 2019-05-20 ..
= Xi Jinping | Xi
  CHNGOV 2013-03-14 ..
  CHNELI
)";

const char* kIgos = R"(
= NATO | North Atlantic Treaty Organization
  IGOWSTNAT
= United Nations | UN
  IGOUNO
= World Health Organization | WHO
  IGOUNOHLHWHO
= Lashkar-e-Taiba | LeT
  IMGSASMUS
= John McCain | McCain
  USALEG
)";

const char* kAgents = R"(
= troops | soldier | army | military
  MIL
= police | riot police
  COP
= foreign ministry | ministry
  GOV
= president | leader
  GOV
= parliament
  LEG
= defence minister
  GOVMIL
= peacekeeper
  MIL
)";

class ActorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<ActorLexicon> actors;
    Status s = ActorLexicon::FromText({{"countries.txt", kCountries},
                                       {"capitals.txt", kCapitals},
                                       {"people-test.txt", kPeople},
                                       {"igos.txt", kIgos}},
                                      &actors);
    ASSERT_TRUE(s.ok()) << s.message();
    std::unique_ptr<AgentLexicon> agents;
    s = AgentLexicon::FromText("agents.txt", kAgents, &agents);
    ASSERT_TRUE(s.ok()) << s.message();
    lex_ = Lexicon::FromParts(nullptr, std::move(actors), std::move(agents));
  }

  std::vector<ActorMatch> Actors(const std::string& text, const std::string& date = "2024-10-06") {
    return lex_->actors().Find(Lexicon::SimpleWords(text), date);
  }
  std::vector<ActorMatch> Folded(const std::string& text, const std::string& date = "2024-10-06") {
    return lex_->FindActors(Lexicon::SimpleWords(text), date);
  }
  static std::vector<std::string> Codes(const std::vector<ActorMatch>& m) {
    std::vector<std::string> c;
    for (const auto& x : m) c.push_back(x.code);
    return c;
  }

  std::unique_ptr<Lexicon> lex_;
};

TEST_F(ActorsTest, LongestMatchWins) {
  auto m = Actors("The Democratic People's Republic of Korea and the Republic of Korea met");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "PRK");
  EXPECT_EQ(m[0].first, 1);
  EXPECT_EQ(m[0].name, "Democratic People's Republic of Korea");
  EXPECT_EQ(m[1].code, "KOR");
  EXPECT_EQ(m[1].name, "Republic of Korea");
  // "North Korea" is not "Korea".
  EXPECT_THAT(Codes(Actors("North Korea fired a missile")), ::testing::ElementsAre("PRK"));
}

TEST_F(ActorsTest, SpanKindAndEntry) {
  auto m = Actors("Officials in Pyongyang said");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first, 2);
  EXPECT_EQ(m[0].last, 2);
  EXPECT_EQ(m[0].kind, ActorKind::kCapital);
  EXPECT_EQ(m[0].country, "PRK");
  EXPECT_EQ(m[0].sector, "GOV");
  const DictEntry& e = lex_->actors().entry(m[0].entry);
  EXPECT_EQ(e.file, "capitals.txt");
  EXPECT_EQ(e.line, 2);
}

TEST_F(ActorsTest, DateDecidesCode) {
  EXPECT_THAT(Codes(Actors("Kim Jong Un visited", "2024-10-06")), ::testing::ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(Actors("Kim Jong Un visited", "2011-12-17")), ::testing::ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(Actors("Kim Jong Un visited", "2011-01-05")), ::testing::ElementsAre("PRKMIL"));
  EXPECT_THAT(Codes(Actors("Kim Jong Un visited", "2005-06-01")), ::testing::ElementsAre("PRKELI"));
  EXPECT_THAT(Codes(Actors("Kim Jong Un visited", "")), ::testing::ElementsAre("PRKGOV"));
  // An entry with no code for the date is skipped, not emitted without a code.
  EXPECT_TRUE(Actors("Zelensky spoke", "2015-01-01").empty());
  EXPECT_THAT(Codes(Actors("Zelensky spoke", "2023-01-01")), ::testing::ElementsAre("UKRGOV"));
}

TEST_F(ActorsTest, Possessives) {
  // Split as UD does ("China" + "'s") and kept whole.
  auto m = lex_->actors().Find(std::vector<std::string>{"China", "'s", "navy"}, "2024-01-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "CHN");
  EXPECT_EQ(m[0].last, 0);
  m = lex_->actors().Find(std::vector<std::string>{"China's", "navy"}, "2024-01-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "CHN");
  m = lex_->actors().Find(std::vector<std::string>{"China\xE2\x80\x99s", "navy"}, "2024-01-01");
  ASSERT_EQ(m.size(), 1u);
  m = lex_->actors().Find(std::vector<std::string>{"North", "Koreans'", "homes"}, "2024-01-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "PRK");
  EXPECT_EQ(m[0].last, 1);
}

TEST_F(ActorsTest, CaseRules) {
  EXPECT_TRUE(Actors("let us talk turkey").empty());                 // pronoun, bird
  EXPECT_THAT(Codes(Actors("US and Turkey")), ::testing::ElementsAre("USA", "TUR"));
  EXPECT_THAT(Codes(Actors("the U.S. said")), ::testing::ElementsAre("USA"));
  EXPECT_TRUE(Actors("who said it").empty());                       // not WHO
  EXPECT_THAT(Codes(Actors("the WHO said")), ::testing::ElementsAre("IGOUNOHLHWHO"));
  EXPECT_THAT(Codes(Actors("Nato allies")), ::testing::ElementsAre("IGOWSTNAT"));  // 4+ letters: Title case ok
  EXPECT_TRUE(Actors("un accord").empty());
  // Inner capitals: exactly as written, or all capitals.
  EXPECT_TRUE(Actors("Let us go").empty());
  EXPECT_THAT(Codes(Actors("LeT claimed it")), ::testing::ElementsAre("IMGSASMUS"));
  EXPECT_THAT(Codes(Actors("MCCAIN SPEAKS")), ::testing::ElementsAre("USALEG"));
  EXPECT_TRUE(Actors("Mccain").empty());
  // All-caps headline.
  EXPECT_THAT(Codes(Actors("NORTH KOREA SLAMS US")), ::testing::ElementsAre("PRK", "USA"));
  // Accents and case folding.
  EXPECT_THAT(Codes(Actors("the Elysee said")), ::testing::ElementsAre("FRAGOV"));
  EXPECT_THAT(Codes(Actors("TÜRKIYE")), ::testing::ElementsAre("TUR"));
}

TEST_F(ActorsTest, HyphensAndAbbreviations) {
  EXPECT_THAT(Codes(Actors("Kim Jong-un")), ::testing::ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(Actors("Kim Jong - un")), ::testing::ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(Actors("Kim Jong Un")), ::testing::ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(Actors("N. Korea")), ::testing::ElementsAre("PRK"));
  // Compounds: a name may end at a hyphen, and the next one start after it.
  EXPECT_THAT(Codes(Actors("the Russia-Ukraine war")), ::testing::ElementsAre("RUS", "UKR"));
  EXPECT_THAT(Codes(Actors("U.S.-led forces")), ::testing::ElementsAre("USA"));
  // ... but not start inside a word on its own.
  EXPECT_TRUE(Actors("anti-China protests").empty());
}

TEST_F(ActorsTest, AdjectivePlusAgent) {
  auto m = Folded("North Korean troops crossed");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "PRKMIL");
  EXPECT_EQ(m[0].country, "PRK");
  EXPECT_EQ(m[0].sector, "MIL");
  EXPECT_EQ(m[0].first, 0);
  EXPECT_EQ(m[0].last, 2);
  EXPECT_EQ(m[0].kind, ActorKind::kCountry);
}

TEST_F(ActorsTest, FoldingRules) {
  EXPECT_THAT(Codes(Folded("China's foreign ministry said")), ::testing::ElementsAre("CHNGOV"));
  EXPECT_THAT(Codes(Folded("the parliament of Georgia voted")), ::testing::ElementsAre("GEOLEG"));
  EXPECT_THAT(Codes(Folded("riot police fired")), ::testing::ElementsAre("---COP"));
  EXPECT_THAT(Codes(Folded("UN peacekeepers")), ::testing::ElementsAre("IGOUNOMIL"));
  EXPECT_THAT(Codes(Folded("Russian defence minister")), ::testing::ElementsAre("RUSGOVMIL"));
  // A title between the adjective and a person: the person's code.
  auto m = Folded("Ukrainian President Volodymyr Zelensky said");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "UKRGOV");
  EXPECT_EQ(m[0].first, 0);
  EXPECT_EQ(m[0].last, 3);
  EXPECT_EQ(m[0].kind, ActorKind::kPerson);
  EXPECT_THAT(Codes(Folded("President Xi Jinping met leader Kim Jong Un")),
              ::testing::ElementsAre("CHNGOV", "PRKGOV"));
  // An agent already in the code is not appended twice.
  EXPECT_THAT(Codes(Folded("Pyongyang ministry")), ::testing::ElementsAre("PRKGOV"));
  // Two actors with nothing between them stay separate.
  EXPECT_THAT(Codes(Folded("China Russia")), ::testing::ElementsAre("CHN", "RUS"));
}

TEST_F(ActorsTest, AgentPluralsAreAutomatic) {
  EXPECT_THAT(Codes(Folded("Chinese soldiers")), ::testing::ElementsAre("CHNMIL"));
  EXPECT_THAT(Codes(Folded("UN peacekeepers")), ::testing::ElementsAre("IGOUNOMIL"));
  EXPECT_THAT(Codes(Folded("Ukrainian presidents")), ::testing::ElementsAre("UKRGOV"));
  EXPECT_THAT(Codes(Folded("armies")), ::testing::ElementsAre("---MIL"));
}

TEST_F(ActorsTest, WorksOnSentenceWords) {
  Sentence s;
  for (const char* f : {"North", "Korean", "troops", "entered", "Russia", "."}) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  auto m = lex_->FindActors(s, "2024-10-06");
  EXPECT_THAT(Codes(m), ::testing::ElementsAre("PRKMIL", "RUS"));
  EXPECT_EQ(m[1].first, 4);
}

TEST_F(ActorsTest, LowerCaseNameAfterATitle) {
  // "President zelensky": careless case after a title still names the
  // person when the tagger takes the word for a name; never a country
  // ("president china"), and not a word tagged otherwise.
  auto sentence = [](std::vector<std::pair<const char*, const char*>> words) {
    Sentence s;
    for (auto [f, u] : words) {
      Word w;
      w.form = f;
      w.upos = u;
      s.words.push_back(w);
    }
    return s;
  };
  auto m = lex_->actors().Find(sentence({{"President", "PROPN"}, {"zelensky", "PROPN"}, {"spoke", "VERB"}}),
                               "2024-10-06");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].code, "UKRGOV");
  EXPECT_EQ(m[0].first, 1);
  EXPECT_TRUE(lex_->actors().Find(sentence({{"President", "PROPN"}, {"zelensky", "VERB"}}), "2024-10-06").empty());
  EXPECT_TRUE(lex_->actors().Find(sentence({{"the", "DET"}, {"zelensky", "PROPN"}}), "2024-10-06").empty());
  EXPECT_TRUE(lex_->actors().Find(sentence({{"President", "PROPN"}, {"france", "PROPN"}}), "2024-10-06").empty());
}

TEST_F(ActorsTest, NoInputCrashes) {
  EXPECT_TRUE(Actors("").empty());
  EXPECT_TRUE(lex_->FindActors(std::vector<std::string>{"", "-", "'s", "\xFF\xFE", "--"}, "junk").empty());
  std::vector<std::string> many(20000, "Korea");
  EXPECT_EQ(lex_->actors().Find(many, "2024-01-01").size(), many.size());
}

TEST(ActorLexicon, DuplicateNamesWarnAndFirstAppliesFirst) {
  std::unique_ptr<ActorLexicon> lex;
  Status s = ActorLexicon::FromText({{"a.txt", "= Georgia\n  GEO\n"},
                                     {"b.txt", "= Georgia\n  USA 2000 .. 2001\n= Dated Only\n  USA 2000 .. 2001\n"}},
                                    &lex);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(lex->warnings().size(), 1u);
  EXPECT_EQ(lex->warnings()[0].where, "b.txt:1");
  EXPECT_THAT(lex->warnings()[0].message, HasSubstr("a.txt:1"));
  EXPECT_EQ(lex->Find(std::vector<std::string>{"Georgia"}, "2000-06-01")[0].code, "GEO");
}

TEST(ActorLexicon, LaterEntryUsedWhenFirstDoesNotApply) {
  std::unique_ptr<ActorLexicon> lex;
  Status s = ActorLexicon::FromText(
      {{"people.txt", "= Smith\n  GBRGOV 2010 .. 2012\n= Smith\n  USAGOV 2020 ..\n"}}, &lex);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(lex->Find(std::vector<std::string>{"Smith"}, "2011-01-01")[0].code, "GBRGOV");
  EXPECT_EQ(lex->Find(std::vector<std::string>{"Smith"}, "2021-01-01")[0].code, "USAGOV");
  EXPECT_TRUE(lex->Find(std::vector<std::string>{"Smith"}, "2015-01-01").empty());
}

TEST(ActorLexicon, LoadErrorsNameFileAndLine) {
  std::unique_ptr<ActorLexicon> lex;
  Status s = ActorLexicon::FromText({{"ok.txt", "= A\n  USA\n"}, {"bad.txt", "= B\n  USA 2020-02-30 ..\n"}}, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("bad.txt:2"));
  s = ActorLexicon::FromText({{"tag.txt", "= B {planet}\n  USA\n"}}, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("tag.txt:1"));
  s = ActorLexicon::FromText({{"dots.txt", "= ...\n  USA\n"}}, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("no word to match"));
}

TEST(ActorLexicon, CapitalsAsCountryOption) {
  std::unique_ptr<ActorLexicon> lex;
  LexiconLoadOptions opt;
  opt.capitals_as_country = true;
  Status s = ActorLexicon::FromText({{"capitals.txt", "= Beijing\n  CHNGOV\n"}, {"seats.txt", "= Kremlin\n  RUSGOV\n"}},
                                    &lex, opt);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(lex->Find(std::vector<std::string>{"Beijing"}, "")[0].code, "CHN");
  EXPECT_EQ(lex->Find(std::vector<std::string>{"Kremlin"}, "")[0].code, "RUSGOV");
}

TEST(ActorLexicon, KindsFromFileNamesAndTags) {
  std::unique_ptr<ActorLexicon> lex;
  Status s = ActorLexicon::FromText({{"groups.txt", "= Hamas\n  PSEREBHMS\n= Fatah {other}\n  PSE\n"},
                                     {"regions.txt", "= Middle East\n  MEA\n"},
                                     {"misc.txt", "= Thing\n  USA\n"}},
                                    &lex);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(lex->kind(0), ActorKind::kGroup);
  EXPECT_EQ(lex->kind(1), ActorKind::kOther);
  EXPECT_EQ(lex->kind(2), ActorKind::kRegion);
  EXPECT_EQ(lex->kind(3), ActorKind::kOther);
  ActorKind k;
  EXPECT_TRUE(ParseActorKind("capital", &k));
  EXPECT_EQ(k, ActorKind::kCapital);
  EXPECT_FALSE(ParseActorKind("planet", &k));
}

TEST(PhraseKey, Normalises) {
  EXPECT_EQ(PhraseKey("Élysée"), "elysee");
  EXPECT_EQ(PhraseKey("U.S."), "us");
  EXPECT_EQ(PhraseKey("\xE2\x80\x99s"), "'s");
  EXPECT_EQ(PhraseKey("..."), "");
}

TEST(AppendAgentBlocks, SkipsBlocksAlreadyPresent) {
  EXPECT_EQ(AppendAgentBlocks("PRK", "MIL"), "PRKMIL");
  EXPECT_EQ(AppendAgentBlocks("RUSGOV", "GOV"), "RUSGOV");
  EXPECT_EQ(AppendAgentBlocks("RUSGOV", "GOVMIL"), "RUSGOVMIL");
  EXPECT_EQ(AppendAgentBlocks("IGOUNO", "MIL"), "IGOUNOMIL");
}

TEST(SimpleWords, SplitsLikeUd) {
  EXPECT_THAT(Lexicon::SimpleWords("China's \"U.S.\" troops, (N. Korea)."),
              ::testing::ElementsAre("China", "'s", "\"", "U.S.", "\"", "troops", ",", "(", "N.", "Korea", ")", "."));
  EXPECT_THAT(Lexicon::SimpleWords("the Koreans' homes"), ::testing::ElementsAre("the", "Koreans", "'", "homes"));
}

}  // namespace
}  // namespace dyad
