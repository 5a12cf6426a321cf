// The verb/event-noun dictionary: format, validation messages, transforms,
// and the real dictionary's coverage.
#include "dyad/lexicon/verb_dictionary.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "coder_test_util.h"
#include "dyad/lexicon/ontology.h"

namespace dyad {
namespace {

std::unique_ptr<Ontology> RealOntology() {
  std::unique_ptr<Ontology> o;
  Status st = Ontology::Load(testing::DictDir(), &o);
  EXPECT_TRUE(st.ok()) << st.message();
  return o;
}

TEST(VerbDictionary, ParsesPatternsClassesAndOptions) {
  auto ont = RealOntology();
  std::unique_ptr<VerbDictionary> d;
  Status st = VerbDictionary::FromText(
      {{"a.txt", "&ARMS = weapon | missile\n"
                 "# comment\n"
                 "072  v:supply &ARMS|tank ; tgt=to\n"
                 "111  n:denunciation ; tgt=of dyad\n"
                 "030  pledge ; embed=intent\n"
                 "%set light = hold | stage\n"
                 "%transform intent 07 -> 033\n"}},
      ont.get(), &d);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(d->size(), 3u);
  const VerbPattern& p = d->pattern(0);
  EXPECT_EQ(p.code, "072");
  EXPECT_EQ(p.trigger, "supply");
  EXPECT_EQ(p.pos, TriggerPos::kVerb);
  ASSERT_EQ(p.words.size(), 1u);
  EXPECT_EQ(p.words[0], (std::vector<std::string>{"weapon", "missile", "tank"}));
  EXPECT_EQ(p.target_from, "to");
  EXPECT_TRUE(d->pattern(1).require_target);
  EXPECT_EQ(d->pattern(1).pos, TriggerPos::kNoun);
  EXPECT_EQ(d->pattern(2).embed, Embed::kIntent);
  ASSERT_NE(d->ForTrigger("supply"), nullptr);
  EXPECT_EQ(d->ForTrigger("attack"), nullptr);
  EXPECT_TRUE(d->InSet("light", "stage"));
  EXPECT_FALSE(d->InSet("light", "attack"));
  EXPECT_EQ(d->Transform(Embed::kIntent, "072"), "033");   // falls back to the 2-digit row
  EXPECT_EQ(d->Transform(Embed::kIntent, "190"), "");      // no row, no "*"
}

TEST(VerbDictionary, KeepTransformAndBackCode) {
  auto ont = RealOntology();
  std::unique_ptr<VerbDictionary> d;
  Status st = VerbDictionary::FromText({{"a.txt", "%transform intent 17 -> =\n"
                                                  "%transform intent 19 -> 138\n"
                                                  "043  v:host ; back=042\n"}},
                                       ont.get(), &d);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(d->Transform(Embed::kIntent, "174"), "174");  // "=" keeps the governed code
  EXPECT_EQ(d->Transform(Embed::kIntent, "193"), "138");
  const VerbPattern& p = d->pattern(0);
  EXPECT_EQ(p.back_code, "042");
  EXPECT_TRUE(p.both);
  st = VerbDictionary::FromText({{"b.txt", "043  v:host ; back=999\n"}}, ont.get(), &d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("b.txt:1"), std::string::npos) << st.message();
}

TEST(VerbDictionary, ErrorsNameFileAndLine) {
  auto ont = RealOntology();
  std::unique_ptr<VerbDictionary> d;
  Status st = VerbDictionary::FromText({{"x.txt", "111 denounce\n999 frobnicate\n"}}, ont.get(), &d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("x.txt:2"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("999"), std::string::npos);

  st = VerbDictionary::FromText({{"y.txt", "190 attack &NOPE\n"}}, ont.get(), &d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("y.txt:1"), std::string::npos) << st.message();

  st = VerbDictionary::FromText({{"z.txt", "\n\n190 attack ; sideways\n"}}, ont.get(), &d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("z.txt:3"), std::string::npos) << st.message();

  st = VerbDictionary::FromText({{"w.txt", "- say\n"}}, ont.get(), &d);
  ASSERT_FALSE(st.ok()) << "a '-' pattern without embed= must be refused";
}

TEST(VerbDictionary, RealDictionaryCoversAllRoots) {
  auto ont = RealOntology();
  std::unique_ptr<VerbDictionary> d;
  Status st = VerbDictionary::Load(testing::DictDir() + "/verbs", ont.get(), &d);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_GE(d->size(), 1500u);
  auto counts = d->CountsByRoot();
  std::string line;
  for (int r = 1; r <= 20; ++r) {
    EXPECT_GE(counts[r], 20) << "root " << r << " has few patterns";
    line += (r < 10 ? "0" : "") + std::to_string(r) + ":" + std::to_string(counts[r]) + " ";
  }
  std::printf("patterns per root: %s(no code: %d, total %zu)\n", line.c_str(), counts[0], d->size());
  // Transforms used by the coder exist.
  EXPECT_EQ(d->Transform(Embed::kIntent, "072"), "0332");
  EXPECT_EQ(d->Transform(Embed::kThreat, "190"), "138");
  EXPECT_EQ(d->Transform(Embed::kIntent, "190"), "138");   // vowed to attack: a threat
  EXPECT_EQ(d->Transform(Embed::kIntent, "174"), "174");   // pledged to expel: the expulsion, intended
  EXPECT_EQ(d->Transform(Embed::kAppeal, "0841"), "0253");
  EXPECT_EQ(d->Transform(Embed::kReject, "046"), "125");
  EXPECT_TRUE(d->InSet("light", "hold"));
}

}  // namespace
}  // namespace dyad
