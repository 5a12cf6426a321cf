// The coder's document-level reading on hand-parsed sentences written for
// these tests (UD v2, one word per line: form lemma UPOS XPOS head deprel):
// a title before an unknown name is one actor, sectors of no stated country
// take the country a one-country story is about, "the two Koreas" and "the
// South", threats with a condition, rejected accusations aimed at their
// maker, appeals to "both sides", offers to mediate, titled unknown people,
// long-standing grievances as background, and talks a speaker says it will
// send a delegation for.
// Real dictionaries of the source tree; no models, nothing from ../shared.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coder_test_util.h"
#include "dyad/coder/coder.h"

namespace dyad {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;
using testing::MakeDoc;
using testing::Roots;

class DocContext : public testing::ShippedCoderTest {};

const char* kDate = "2024-05-03";

// "LIMA, May 3 -": a dateline split off as a sentence.
const char* kLimaDateline =
    "LIMA Lima PROPN NNP 0 root\n"
    ", , PUNCT , 1 punct\n"
    "May May PROPN NNP 1 appos\n"
    "3 3 NUM CD 3 nummod\n"
    "- - PUNCT HYPH 1 punct\n";

TEST_F(DocContext, TitleBeforeUnknownNameIsOneActor) {
  // "Opposition leader Lucia Varga criticized the government.", parsed with
  // the title and the name as two subjects: one actor, one event.
  Document d = MakeDoc({"Opposition opposition NOUN NN 2 compound\n"
                        "leader leader NOUN NN 5 nsubj\n"
                        "Lucia Lucia PROPN NNP 5 nsubj\n"
                        "Varga Varga PROPN NNP 3 flat\n"
                        "criticized criticize VERB VBD 0 root\n"
                        "the the DET DT 7 det\n"
                        "government government NOUN NN 5 obj\n"
                        ". . PUNCT . 5 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_THAT(Roots(evs), UnorderedElementsAre("---OPP>---GOV:11")) << ::testing::PrintToString(Roots(evs));
  EXPECT_EQ(evs[0].source->text, "Opposition leader Lucia Varga");
}

TEST_F(DocContext, SectorsTakeTheCountryOfAOneCountryStory) {
  // "LIMA, May 3 - Protesters denounced the government of fraud.": the
  // dateline makes it a Peruvian story; "the government of fraud" names no
  // other country.
  Document d = MakeDoc({kLimaDateline,
                        "Protesters protester NOUN NNS 2 nsubj\n"
                        "denounced denounce VERB VBD 0 root\n"
                        "the the DET DT 4 det\n"
                        "government government NOUN NN 2 obj\n"
                        "of of ADP IN 6 case\n"
                        "fraud fraud NOUN NN 4 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(Roots(evs), UnorderedElementsAre("PEROPP>PERGOV:11")) << ::testing::PrintToString(Roots(evs));
}

TEST_F(DocContext, NoCountryContextWhenNoneDominates) {
  // "Chile praised Peru. Protesters denounced the army.": two countries, none
  // dominating: the protesters stay of unknown country.
  Document d = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "praised praise VERB VBD 0 root\n"
                        "Peru Peru PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n",
                        "Protesters protester NOUN NNS 2 nsubj\n"
                        "denounced denounce VERB VBD 0 root\n"
                        "the the DET DT 4 det\n"
                        "army army NOUN NN 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->CodeAll(d);
  bool found = false;
  for (const Event& e : evs)
    if (e.sentence == 1) {
      found = true;
      ASSERT_TRUE(e.source);
      EXPECT_EQ(e.source->code, "---OPP");
    }
  EXPECT_TRUE(found) << ::testing::PrintToString(Roots(evs));
}

TEST_F(DocContext, AdjectiveSectorTakesNoContext) {
  // "LIMA, May 3 - Military drills with Chile angered Bolivia.": "military"
  // as a modifier is no actor, whatever the story's country.
  Document d = MakeDoc({kLimaDateline,
                        "Military military ADJ JJ 2 amod\n"
                        "drills drill NOUN NNS 5 nsubj\n"
                        "with with ADP IN 4 case\n"
                        "Chile Chile PROPN NNP 2 nmod\n"
                        "angered anger VERB VBD 0 root\n"
                        "Bolivia Bolivia PROPN NNP 5 obj\n"
                        ". . PUNCT . 5 punct\n"},
                       kDate);
  for (const Event& e : coder_->CodeAll(d)) {
    if (e.source) EXPECT_NE(e.source->code, "PERMIL");
    if (e.target) EXPECT_NE(e.target->code, "PERMIL");
  }
}

TEST_F(DocContext, TwoKoreasAreBothKoreas) {
  // "Japan praised the two Koreas."
  Document d = MakeDoc({"Japan Japan PROPN NNP 2 nsubj\n"
                        "praised praise VERB VBD 0 root\n"
                        "the the DET DT 5 det\n"
                        "two two NUM CD 5 nummod\n"
                        "Koreas Koreas PROPN NNPS 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(coder_->Code(d)), UnorderedElementsAre("JPN>KOR:05", "JPN>PRK:05"));
}

TEST_F(DocContext, TheSouthAfterNorthKorea) {
  // "North Korea criticized the South."
  Document d = MakeDoc({"North North PROPN NNP 2 compound\n"
                        "Korea Korea PROPN NNP 3 nsubj\n"
                        "criticized criticize VERB VBD 0 root\n"
                        "the the DET DT 5 det\n"
                        "South South PROPN NNP 3 obj\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_THAT(Roots(evs), UnorderedElementsAre("PRK>KOR:11")) << ::testing::PrintToString(Roots(evs));
  EXPECT_EQ(evs[0].target->text, "the South");
}

TEST_F(DocContext, LoneCompassWordWithoutContextStaysUnknown) {
  // "Chile criticized the South.": no "North X"/"South X" country before.
  Document d = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "criticized criticize VERB VBD 0 root\n"
                        "the the DET DT 4 det\n"
                        "South South PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  for (const Event& e : coder_->CodeAll(d))
    if (e.target) EXPECT_EQ(e.target->code, "");
}

TEST_F(DocContext, ThreatWithAnIfClauseIsConditionalAndAimedAtItsParties) {
  // "Iran accused Israel of spying and threatened retaliation if Turkey joins
  // the drills.", with the if-clause hung on "accused".
  Document d = MakeDoc({"Iran Iran PROPN NNP 2 nsubj\n"
                        "accused accuse VERB VBD 0 root\n"
                        "Israel Israel PROPN NNP 2 obj\n"
                        "of of SCONJ IN 5 mark\n"
                        "spying spy VERB VBG 2 advcl\n"
                        "and and CCONJ CC 7 cc\n"
                        "threatened threaten VERB VBD 2 conj\n"
                        "retaliation retaliation NOUN NN 7 obj\n"
                        "if if SCONJ IN 11 mark\n"
                        "Turkey Turkey PROPN NNP 11 nsubj\n"
                        "joins join VERB VBZ 2 parataxis\n"
                        "the the DET DT 13 det\n"
                        "drills drill NOUN NNS 11 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  std::vector<std::string> threats;
  for (const Event& e : evs)
    if (e.cameo_root == "13") {
      EXPECT_EQ(e.modality, Modality::kConditional);
      threats.push_back(e.target ? e.target->code : "-");
    }
  EXPECT_THAT(threats, UnorderedElementsAre("ISR", "TUR")) << ::testing::PrintToString(Roots(evs));
}

TEST_F(DocContext, RejectedAccusationIsAimedAtItsMaker) {
  // "Iran accused Israel of spying. Israel rejected the accusation."
  Document d = MakeDoc({"Iran Iran PROPN NNP 2 nsubj\n"
                        "accused accuse VERB VBD 0 root\n"
                        "Israel Israel PROPN NNP 2 obj\n"
                        "of of SCONJ IN 5 mark\n"
                        "spying spy VERB VBG 2 advcl\n"
                        ". . PUNCT . 2 punct\n",
                        "Israel Israel PROPN NNP 2 nsubj\n"
                        "rejected reject VERB VBD 0 root\n"
                        "the the DET DT 4 det\n"
                        "accusation accusation NOUN NN 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  std::vector<std::string> second;
  for (const Event& e : coder_->Code(d))
    if (e.sentence == 1) second.push_back((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-"));
  EXPECT_THAT(second, UnorderedElementsAre("ISR>IRN"));
}

TEST_F(DocContext, AppealToBothSidesGoesToTheMainDyad) {
  // "Chile accused Peru of spying. Brazil urged restraint on all sides."
  auto doc = [](const char* det) {
    return MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                    "accused accuse VERB VBD 0 root\n"
                    "Peru Peru PROPN NNP 2 obj\n"
                    "of of SCONJ IN 5 mark\n"
                    "spying spy VERB VBG 2 advcl\n"
                    ". . PUNCT . 2 punct\n",
                    std::string("Brazil Brazil PROPN NNP 2 nsubj\n"
                                "urged urge VERB VBD 0 root\n"
                                "restraint restraint NOUN NN 2 obj\n"
                                "on on ADP IN 6 case\n") +
                        det + " " + det +
                        " DET DT 6 det\n"
                        "sides side NOUN NNS 2 obl\n"
                        ". . PUNCT . 2 punct\n"},
                   kDate);
  };
  for (const char* det : {"all", "both"}) {
    std::vector<std::string> second;
    for (const Event& e : coder_->Code(doc(det)))
      if (e.sentence == 1) second.push_back((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-"));
    EXPECT_THAT(second, UnorderedElementsAre("BRA>CHL", "BRA>PER")) << det;
  }
}

TEST_F(DocContext, LongStandingComplaintIsBackground) {
  // "Peru sent aid to the region, where farmers have long complained about
  // Chile.", the where-clause parsed as parataxis: a standing grievance,
  // background to the news (historical), not an event of the day.
  Document d = MakeDoc({"Peru Peru PROPN NNP 2 nsubj\n"
                        "sent send VERB VBD 0 root\n"
                        "aid aid NOUN NN 2 obj\n"
                        "to to ADP IN 6 case\n"
                        "the the DET DT 6 det\n"
                        "region region NOUN NN 2 obl\n"
                        ", , PUNCT , 12 punct\n"
                        "where where ADV WRB 12 advmod\n"
                        "farmers farmer NOUN NNS 12 nsubj\n"
                        "have have AUX VBP 12 aux\n"
                        "long long ADV RB 12 advmod\n"
                        "complained complain VERB VBN 2 parataxis\n"
                        "about about ADP IN 14 case\n"
                        "Chile Chile PROPN NNP 12 obl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  bool complaint = false;
  for (const Event& e : coder_->CodeAll(d))
    if (e.cameo_root == "11") {
      complaint = true;
      EXPECT_TRUE(e.historical);
    }
  EXPECT_TRUE(complaint) << ::testing::PrintToString(Roots(coder_->CodeAll(d)));
  for (const Event& e : coder_->Code(d)) EXPECT_NE(e.cameo_root, "11");
}

TEST_F(DocContext, OfferToMediateIsBetweenTheMainSides) {
  // "Chile accused Peru of spying. Brazil offered to mediate."
  Document d = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "accused accuse VERB VBD 0 root\n"
                        "Peru Peru PROPN NNP 2 obj\n"
                        "of of SCONJ IN 5 mark\n"
                        "spying spy VERB VBG 2 advcl\n"
                        ". . PUNCT . 2 punct\n",
                        "Brazil Brazil PROPN NNP 2 nsubj\n"
                        "offered offer VERB VBD 0 root\n"
                        "to to PART TO 4 mark\n"
                        "mediate mediate VERB VB 2 xcomp\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  std::vector<std::string> second;
  for (const Event& e : coder_->Code(d))
    if (e.sentence == 1) second.push_back(Roots({e})[0]);
  EXPECT_THAT(second, UnorderedElementsAre("BRA>CHL:03", "BRA>PER:03"));
}

TEST_F(DocContext, TitledUnknownPersonTakesTheTitlesSector) {
  // "Interior Minister Tomas Berg criticized Chile.", the title parsed as
  // nmod:desc of the name.
  Document d = MakeDoc({"Interior Interior PROPN NNP 2 compound\n"
                        "Minister Minister PROPN NNP 3 nmod:desc\n"
                        "Tomas Tomas PROPN NNP 5 nsubj\n"
                        "Berg Berg PROPN NNP 3 flat\n"
                        "criticized criticize VERB VBD 0 root\n"
                        "Chile Chile PROPN NNP 5 obj\n"
                        ". . PUNCT . 5 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Roots(evs));
  ASSERT_TRUE(evs[0].source);
  EXPECT_EQ(evs[0].source->sector.substr(0, 3), "GOV");
  EXPECT_EQ(evs[0].source->country, "---");
  EXPECT_EQ(evs[0].source->text, "Interior Minister Tomas Berg");
}

TEST_F(DocContext, SendingADelegationForTalksIsTheSpeakersIntent) {
  // "Chile said it would send a delegation for talks with Peru.": the talks
  // are Chile's stated intent to meet (036), not a meeting that happened.
  Document d = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "said say VERB VBD 0 root\n"
                        "it it PRON PRP 5 nsubj\n"
                        "would would AUX MD 5 aux\n"
                        "send send VERB VB 2 ccomp\n"
                        "a a DET DT 7 det\n"
                        "delegation delegation NOUN NN 5 obj\n"
                        "for for ADP IN 9 case\n"
                        "talks talk NOUN NNS 5 obl\n"
                        "with with ADP IN 11 case\n"
                        "Peru Peru PROPN NNP 9 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_THAT(Roots(evs), UnorderedElementsAre("CHL>PER:03")) << ::testing::PrintToString(Roots(evs));
  EXPECT_EQ(evs[0].modality, Modality::kIntended);
}

}  // namespace
}  // namespace dyad
