// The coder's general rules on hand-parsed sentences written for these tests
// (UD v2, one word per line: form lemma UPOS XPOS head deprel): reported
// violence as an accusation, places for unnamed agents and agentless
// violence, meetings abroad, coercion pledged, misparsed "as"-clauses,
// documents speaking for a place, claims of responsibility, two-way codes
// (host/visit, police/protesters), riots, settings and elaborations of an
// event, background relative clauses, require-dyad for sector-only pairs,
// implicit partners of a signing, places deep in an attack's adjuncts,
// subjects shared by a passive conjunct, and "from" phrases of origin.
// Real dictionaries of the source tree; no models, nothing from ../shared.
#include "dyad/coder/coder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coder_test_util.h"
#include <set>

#include "dyad/lexicon/ontology.h"

namespace dyad {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using testing::MakeDoc;
using testing::Roots;
using testing::Summary;

class CoderRules : public testing::ShippedCoderTest {};

const char* kDate = "2024-10-06";

TEST_F(CoderRules, ReportedAttackIsCodedAsTheAccusation) {
  // "Iran said Israel bombed Damascus." The claim is the event (112); the
  // bombing it reports is not established.
  Document d = MakeDoc({"Iran Iran PROPN NNP 2 nsubj\n"
                        "said say VERB VBD 0 root\n"
                        "Israel Israel PROPN NNP 4 nsubj\n"
                        "bombed bomb VERB VBD 2 ccomp\n"
                        "Damascus Damascus PROPN NNP 4 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = dyadic_->Code(d);
  EXPECT_THAT(Summary(evs), UnorderedElementsAre("IRN>ISR:112")) << ::testing::PrintToString(Summary(evs));
}

TEST_F(CoderRules, AllegationIsCodedWithWhatItReports) {
  // "Iran alleged that America armed Israel.": the allegation (110) and the
  // reported arming; "... that America bombed Syria": the accusation only.
  auto doc = [](const char* verb, const char* lemma, const char* obj) {
    return MakeDoc({std::string("Iran Iran PROPN NNP 2 nsubj\n"
                                "alleged allege VERB VBD 0 root\n"
                                "that that SCONJ IN 5 mark\n"
                                "America America PROPN NNP 5 nsubj\n") +
                    verb + " " + lemma + " VERB VBD 2 ccomp\n" + obj + " " + obj +
                    " PROPN NNP 5 obj\n"
                    ". . PUNCT . 2 punct\n"},
                   kDate);
  };
  auto armed = dyadic_->Code(doc("armed", "arm", "Israel"));
  EXPECT_THAT(Summary(armed), UnorderedElementsAre("IRN>USA:110", "USA>ISR:072"));
  for (const Event& e : armed) {
    if (e.cameo == "072") {
      EXPECT_EQ(e.modality, Modality::kReported);
    }
  }
  EXPECT_THAT(Summary(dyadic_->Code(doc("bombed", "bomb", "Syria"))), UnorderedElementsAre("IRN>USA:112"));
}

TEST_F(CoderRules, SectorOnlyPairIsNoDyad) {
  // "Gunmen attacked soldiers.": who fought whom, nowhere in particular.
  Document d = MakeDoc({"Gunmen gunman NOUN NNS 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "soldiers soldier NOUN NNS 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(coder_->Code(d)), Contains("---UAF>---MIL:19"));
  EXPECT_THAT(dyadic_->Code(d), IsEmpty());
}

TEST_F(CoderRules, PlaceGivesUnnamedAgentsTheirCountryAndClashesGoBothWays) {
  // "Police clashed with protesters in Cairo."
  Document d = MakeDoc({"Police police NOUN NN 2 nsubj\n"
                        "clashed clash VERB VBD 0 root\n"
                        "with with ADP IN 4 case\n"
                        "protesters protester NOUN NNS 2 obl\n"
                        "in in ADP IN 6 case\n"
                        "Cairo Cairo PROPN NNP 2 obl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(dyadic_->Code(d)), UnorderedElementsAre("EGYCOP>EGYOPP:175", "EGYOPP>EGYCOP:145"));
}

TEST_F(CoderRules, AgentlessKillingAbroadIsPutDownToThePlace) {
  // "Five French soldiers were killed in Mali." / "... Malian soldiers ...":
  // an unnamed perpetrator is the place only when the victims are foreign.
  auto doc = [](const char* adj, const char* adj_lemma) {
    return MakeDoc({std::string("Five five NUM CD 3 nummod\n") + adj + " " + adj_lemma +
                    " ADJ JJ 3 amod\n"
                    "soldiers soldier NOUN NNS 5 nsubj:pass\n"
                    "were be AUX VBD 5 aux:pass\n"
                    "killed kill VERB VBN 0 root\n"
                    "in in ADP IN 7 case\n"
                    "Mali Mali PROPN NNP 5 obl\n"
                    ". . PUNCT . 5 punct\n"},
                   kDate);
  };
  EXPECT_THAT(Roots(dyadic_->Code(doc("French", "French"))), UnorderedElementsAre("MLI>FRAMIL:19"));
  EXPECT_THAT(dyadic_->Code(doc("Malian", "Malian")), IsEmpty());
}

TEST_F(CoderRules, MeetingAbroadTargetsTheHostPlace) {
  // "Modi and Putin met in Vienna." -> each visits Austria; "Japan and China
  // met in Beijing." -> China is at home: a meeting of the two.
  Document d = MakeDoc({"Modi Modi PROPN NNP 4 nsubj\n"
                        "and and CCONJ CC 3 cc\n"
                        "Putin Putin PROPN NNP 1 conj\n"
                        "met meet VERB VBD 0 root\n"
                        "in in ADP IN 6 case\n"
                        "Vienna Vienna PROPN NNP 4 obl\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), UnorderedElementsAre("INDGOV>AUTGOV:04", "RUSGOV>AUTGOV:04"));
  Document h = MakeDoc({"Japan Japan PROPN NNP 4 nsubj\n"
                        "and and CCONJ CC 3 cc\n"
                        "China China PROPN NNP 1 conj\n"
                        "met meet VERB VBD 0 root\n"
                        "in in ADP IN 6 case\n"
                        "Beijing Beijing PROPN NNP 4 obl\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(h)), UnorderedElementsAre("JPN>CHN:04", "CHN>JPN:04"));
}

TEST_F(CoderRules, MeetingPlaceComesBeforeItsTopic) {
  // "Germany attended a conference in Norway on the war in Syria."
  Document d = MakeDoc({"Germany Germany PROPN NNP 2 nsubj\n"
                        "attended attend VERB VBD 0 root\n"
                        "a a DET DT 4 det\n"
                        "conference conference NOUN NN 2 obj\n"
                        "in in ADP IN 6 case\n"
                        "Norway Norway PROPN NNP 4 nmod\n"
                        "on on ADP IN 9 case\n"
                        "the the DET DT 9 det\n"
                        "war war NOUN NN 4 nmod\n"
                        "in in ADP IN 11 case\n"
                        "Syria Syria PROPN NNP 9 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), UnorderedElementsAre("DEU>NOR:04"));
}

TEST_F(CoderRules, PledgedCoercionKeepsItsCode) {
  // "Turkey pledged to expel Syrian refugees." is an intended expulsion
  // (174), not a threat (13x); "vowed to attack" stays a threat.
  Document d = MakeDoc({"Turkey Turkey PROPN NNP 2 nsubj\n"
                        "pledged pledge VERB VBD 0 root\n"
                        "to to PART TO 4 mark\n"
                        "expel expel VERB VB 2 xcomp\n"
                        "Syrian Syrian ADJ JJ 6 amod\n"
                        "refugees refugee NOUN NNS 4 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = dyadic_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Summary(evs));
  EXPECT_EQ(Summary(evs)[0], "TUR>SYRREF:174");
  EXPECT_EQ(evs[0].modality, Modality::kIntended);
}

TEST_F(CoderRules, SubjectMisparsedAsAnAsPhrase) {
  // "Markets fell as the Chinese premier prepared to visit Japan.", parsed
  // with "the Chinese premier" as an obl of "fell" and "prepared" as its xcomp.
  Document d = MakeDoc({"Markets market NOUN NNS 2 nsubj\n"
                        "fell fall VERB VBD 0 root\n"
                        "as as ADP IN 6 case\n"
                        "the the DET DT 6 det\n"
                        "Chinese Chinese ADJ JJ 6 amod\n"
                        "premier premier NOUN NN 2 obl\n"
                        "prepared prepare VERB VBD 2 xcomp\n"
                        "to to PART TO 9 mark\n"
                        "visit visit VERB VB 7 xcomp\n"
                        "Japan Japan PROPN NNP 9 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), UnorderedElementsAre("CHNGOV>JPN:04"));
}

TEST_F(CoderRules, MisparsedWithClauseStillNamesThePartner) {
  // "Japan met with China to discuss trade.", parsed with "with" as the
  // subordinator of "discuss" and China as its subject.
  Document d = MakeDoc({"Japan Japan PROPN NNP 2 nsubj\n"
                        "met meet VERB VBD 0 root\n"
                        "with with SCONJ IN 6 mark\n"
                        "China China PROPN NNP 6 nsubj\n"
                        "to to PART TO 6 mark\n"
                        "discuss discuss VERB VB 2 advcl\n"
                        "trade trade NOUN NN 6 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), UnorderedElementsAre("JPN>CHN:04"));
}

TEST_F(CoderRules, DocumentSpeaksForThePlaceItWasReleasedIn) {
  // "A report released in Nairobi condemned Uganda."
  Document d = MakeDoc({"A a DET DT 2 det\n"
                        "report report NOUN NN 6 nsubj\n"
                        "released release VERB VBN 2 acl\n"
                        "in in ADP IN 5 case\n"
                        "Nairobi Nairobi PROPN NNP 3 obl\n"
                        "condemned condemn VERB VBD 0 root\n"
                        "Uganda Uganda PROPN NNP 6 obj\n"
                        ". . PUNCT . 6 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), UnorderedElementsAre("KEN>UGA:11"));
}

TEST_F(CoderRules, ClaimOfResponsibilityTargetsWhereTheAttackHappened) {
  // "Boko Haram claimed responsibility for a bombing at a market in Chad."
  Document d = MakeDoc({"Boko Boko PROPN NNP 3 nsubj\n"
                        "Haram Haram PROPN NNP 1 flat\n"
                        "claimed claim VERB VBD 0 root\n"
                        "responsibility responsibility NOUN NN 3 obj\n"
                        "for for ADP IN 7 case\n"
                        "a a DET DT 7 det\n"
                        "bombing bombing NOUN NN 4 nmod\n"
                        "at at ADP IN 10 case\n"
                        "a a DET DT 10 det\n"
                        "market market NOUN NN 7 nmod\n"
                        "in in ADP IN 12 case\n"
                        "Chad Chad PROPN NNP 10 nmod\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(dyadic_->Code(d)), Contains("NGAREB>TCD:015"));
}

TEST_F(CoderRules, FacingPressureIsADemandFromWhoPresses) {
  // "Egypt faces pressure from Qatar."
  Document d = MakeDoc({"Egypt Egypt PROPN NNP 2 nsubj\n"
                        "faces face VERB VBZ 0 root\n"
                        "pressure pressure NOUN NN 2 obj\n"
                        "from from ADP IN 5 case\n"
                        "Qatar Qatar PROPN NNP 3 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(dyadic_->Code(d)), UnorderedElementsAre("QAT>EGY:100"));
}

TEST_F(CoderRules, HostingIsAVisitTheOtherWay) {
  // "China hosted Putin."
  Document d = MakeDoc({"China China PROPN NNP 2 nsubj\n"
                        "hosted host VERB VBD 0 root\n"
                        "Putin Putin PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(dyadic_->Code(d)), UnorderedElementsAre("CHN>RUSGOV:043", "RUSGOV>CHN:042"));
}

TEST_F(CoderRules, ProtestersDestroyingPropertyRiot) {
  // "Protesters destroyed the Russian embassy."
  Document d = MakeDoc({"Protesters protester NOUN NNS 2 nsubj\n"
                        "destroyed destroy VERB VBD 0 root\n"
                        "the the DET DT 5 det\n"
                        "Russian Russian ADJ JJ 5 amod\n"
                        "embassy embassy NOUN NN 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Summary(evs));
  EXPECT_EQ(evs[0].cameo, "145");
}

TEST_F(CoderRules, HeadingBackIsNoVisit) {
  // "Russian warships headed to Cuba." / "Russian warships headed back."
  Document to = MakeDoc({"Russian Russian ADJ JJ 2 amod\n"
                         "warships warship NOUN NNS 3 nsubj\n"
                         "headed head VERB VBD 0 root\n"
                         "to to ADP IN 5 case\n"
                         "Cuba Cuba PROPN NNP 3 obl\n"
                         ". . PUNCT . 3 punct\n"},
                        kDate);
  EXPECT_THAT(Roots(coder_->Code(to)), UnorderedElementsAre("RUSMIL>CUB:04"));
  Document back = MakeDoc({"Russian Russian ADJ JJ 2 amod\n"
                           "warships warship NOUN NNS 3 nsubj\n"
                           "headed head VERB VBD 0 root\n"
                           "back back ADV RB 3 advmod\n"
                           ". . PUNCT . 3 punct\n"},
                          kDate);
  EXPECT_THAT(coder_->Code(back), IsEmpty());
}

TEST_F(CoderRules, VisitDuringTalksIsTheirSetting) {
  // "Blinken held talks with Netanyahu during a visit to Israel."
  Document d = MakeDoc({"Blinken Blinken PROPN NNP 2 nsubj\n"
                        "held hold VERB VBD 0 root\n"
                        "talks talk NOUN NNS 2 obj\n"
                        "with with ADP IN 5 case\n"
                        "Netanyahu Netanyahu PROPN NNP 2 obl\n"
                        "during during ADP IN 8 case\n"
                        "a a DET DT 8 det\n"
                        "visit visit NOUN NN 2 obl\n"
                        "to to ADP IN 10 case\n"
                        "Israel Israel PROPN NNP 8 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(dyadic_->Code(d)), UnorderedElementsAre("USAGOV>ISRGOV:046", "ISRGOV>USAGOV:046"));
}

TEST_F(CoderRules, ParticipleClauseElaboratesTheReportedEvent) {
  // "Russia attacked Kharkiv, the Russian army said, expanding its campaign."
  Document d = MakeDoc({"Russia Russia PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Kharkiv Kharkiv PROPN NNP 2 obj\n"
                        ", , PUNCT , 8 punct\n"
                        "the the DET DT 7 det\n"
                        "Russian Russian ADJ JJ 7 amod\n"
                        "army army NOUN NN 8 nsubj\n"
                        "said say VERB VBD 2 parataxis\n"
                        ", , PUNCT , 10 punct\n"
                        "expanding expand VERB VBG 8 advcl\n"
                        "its its PRON PRP$ 12 nmod:poss\n"
                        "campaign campaign NOUN NN 10 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(coder_->Code(d)), UnorderedElementsAre("RUS>UKR:19"));
}

TEST_F(CoderRules, PerfectInARelativeClauseIsBackground) {
  // "Ukraine attacked rebels who have seized Donetsk."
  Document d = MakeDoc({"Ukraine Ukraine PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "rebels rebel NOUN NNS 2 obj\n"
                        "who who PRON WP 6 nsubj\n"
                        "have have AUX VBP 6 aux\n"
                        "seized seize VERB VBN 3 acl:relcl\n"
                        "Donetsk Donetsk PROPN NNP 6 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(coder_->Code(d)), UnorderedElementsAre("UKR>---REB:19"));
  bool background = false;
  for (const Event& e : coder_->CodeAll(d))
    if (e.evidence.trigger == "seized") background = e.historical;
  EXPECT_TRUE(background);
}

TEST_F(CoderRules, QuadClassComesFromTheOntology) {
  // Events of several roots: the quad class is Ontology::QuadClass of the
  // code in the chosen scheme (ICEWS 01-05 / 06-09 / 10-14 / 15-20).
  Document d = MakeDoc({"China China PROPN NNP 2 nsubj\n"
                        "hosted host VERB VBD 0 root\n"
                        "Putin Putin PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n",
                        "Russia Russia PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Kharkiv Kharkiv PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n",
                        "Iran Iran PROPN NNP 2 nsubj\n"
                        "condemned condemn VERB VBD 0 root\n"
                        "Israel Israel PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_GE(evs.size(), 3u);
  std::set<int> seen;
  for (const Event& e : evs) {
    EXPECT_EQ(e.quad_class, Ontology::QuadClass(e.cameo, QuadScheme::kIcews4)) << e.cameo;
    seen.insert(e.quad_class);
  }
  EXPECT_EQ(seen, (std::set<int>{1, 3, 4}));
  CoderOptions o;
  o.dict_dir = testing::DictDir();
  o.quad_scheme = QuadScheme::kPhoenix5;
  std::unique_ptr<Coder> phoenix;
  ASSERT_TRUE(Coder::Load(o, &phoenix).ok());
  for (const Event& e : phoenix->Code(d))
    EXPECT_EQ(e.quad_class, Ontology::QuadClass(e.cameo, QuadScheme::kPhoenix5)) << e.cameo;
}

TEST_F(CoderRules, SigningTakesItsOtherSideFromATiesPhrase) {
  // "Japan is wary of Vietnam's growing ties with India after the signing of
  // a pact.", parsed with the participle as a clausal subject and the
  // possessive on "signing": the possessive still determines "ties", and
  // the signing's one named side finds its partner in that dyad.
  Document d = MakeDoc({"Japan Japan PROPN NNP 3 nsubj\n"
                        "is be AUX VBZ 3 cop\n"
                        "wary wary ADJ JJ 0 root\n"
                        "of of ADP IN 13 case\n"
                        "Vietnam Vietnam PROPN NNP 13 nmod:poss\n"
                        "'s 's PART POS 5 case\n"
                        "growing grow VERB VBG 13 csubj\n"
                        "ties tie NOUN NNS 7 obj\n"
                        "with with ADP IN 10 case\n"
                        "India India PROPN NNP 8 nmod\n"
                        "after after ADP IN 13 case\n"
                        "the the DET DT 13 det\n"
                        "signing signing NOUN NN 3 obl\n"
                        "of of ADP IN 16 case\n"
                        "a a DET DT 16 det\n"
                        "pact pact NOUN NN 13 nmod\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto evs = Summary(coder_->Code(d));
  EXPECT_THAT(evs, Contains("VNM>IND:057"));
  EXPECT_THAT(evs, Contains("IND>VNM:057"));
}

TEST_F(CoderRules, OneSidedSigningTakesThePartnerOfItsSide) {
  // "Peru's ties with Chile grew after Chile's signing of the pact."
  Document d = MakeDoc({"Peru Peru PROPN NNP 3 nmod:poss\n"
                        "'s 's PART POS 1 case\n"
                        "ties tie NOUN NNS 6 nsubj\n"
                        "with with ADP IN 5 case\n"
                        "Chile Chile PROPN NNP 3 nmod\n"
                        "grew grow VERB VBD 0 root\n"
                        "after after ADP IN 10 case\n"
                        "Chile Chile PROPN NNP 10 nmod:poss\n"
                        "'s 's PART POS 8 case\n"
                        "signing signing NOUN NN 6 obl\n"
                        "of of ADP IN 13 case\n"
                        "the the DET DT 13 det\n"
                        "pact pact NOUN NN 10 nmod\n"
                        ". . PUNCT . 6 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(coder_->Code(d)), Contains("CHL>PER:057"));
  // With no dyad in the sentence, one side alone signs nothing codable.
  Document alone = MakeDoc({"Chile Chile PROPN NNP 3 nmod:poss\n"
                            "'s 's PART POS 1 case\n"
                            "signing signing NOUN NN 5 nsubj:pass\n"
                            "was be AUX VBD 5 aux:pass\n"
                            "delayed delay VERB VBN 0 root\n"
                            ". . PUNCT . 5 punct\n"},
                           kDate);
  for (const Event& e : coder_->Code(alone)) EXPECT_NE(e.cameo, "057") << e.cameo;
}

TEST_F(CoderRules, ViolenceTargetsThePlaceDeepInItsAdjuncts) {
  // "Boko Haram launched attacks during its campaign in Cameroon.", with the
  // campaign hung on the verb rather than on "attacks".
  Document d = MakeDoc({"Boko Boko PROPN NNP 3 nsubj\n"
                        "Haram Haram PROPN NNP 1 flat\n"
                        "launched launch VERB VBD 0 root\n"
                        "attacks attack NOUN NNS 3 obj\n"
                        "during during ADP IN 7 case\n"
                        "its its PRON PRP$ 7 nmod:poss\n"
                        "campaign campaign NOUN NN 3 obl\n"
                        "in in ADP IN 9 case\n"
                        "Cameroon Cameroon PROPN NNP 7 nmod\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(dyadic_->Code(d)), Contains("NGAREB>CMR:19"));
}

TEST_F(CoderRules, PassiveConjunctSharesTheFirstConjunctsSubject) {
  // "The rebels captured in March were released by Chad.", parsed with
  // "captured" as the main verb and "were released" as its conjunct: the
  // shared subject is what was released.
  Document d = MakeDoc({"The the DET DT 2 det\n"
                        "rebels rebel NOUN NNS 3 nsubj\n"
                        "captured capture VERB VBN 0 root\n"
                        "in in ADP IN 5 case\n"
                        "March March PROPN NNP 3 obl\n"
                        "were be AUX VBD 7 aux:pass\n"
                        "released release VERB VBN 3 conj\n"
                        "by by ADP IN 9 case\n"
                        "Chad Chad PROPN NNP 7 obl:agent\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto roots = Roots(coder_->Code(d));
  EXPECT_THAT(roots, Contains("TCD>---REB:08"));
  // The bare participle before it is a reduced relative: the rebels were
  // captured, they captured no one.
  for (const auto& r : roots) EXPECT_NE(r.rfind("---REB>", 0), 0u) << r;
}

TEST_F(CoderRules, FromPhraseAfterAnObjectSaysWhereItsPeopleAreFrom) {
  // "Chile hosted envoys from the Peruvian government.", the from-phrase
  // hung on the verb.
  Document d = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "hosted host VERB VBD 0 root\n"
                        "envoys envoy NOUN NNS 2 obj\n"
                        "from from ADP IN 7 case\n"
                        "the the DET DT 7 det\n"
                        "Peruvian Peruvian ADJ JJ 7 amod\n"
                        "government government NOUN NN 2 obl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(Roots(coder_->Code(d)), Contains("CHL>PERGOV:04"));
  // "Chile withdrew envoys from Peru.": where they were taken from, not
  // where they are from.
  Document w = MakeDoc({"Chile Chile PROPN NNP 2 nsubj\n"
                        "withdrew withdraw VERB VBD 0 root\n"
                        "envoys envoy NOUN NNS 2 obj\n"
                        "from from ADP IN 5 case\n"
                        "Peru Peru PROPN NNP 2 obl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  for (const Event& e : coder_->CodeAll(w)) {
    for (const auto* a : {&e.source, &e.target}) {
      if (*a) {
        EXPECT_NE((*a)->code, "PERGOV");
      }
    }
  }
}

TEST_F(CoderRules, AgentlessCoercionNeedsAKnownVictim) {
  // "Chilean soldiers were deported." names its victims: an event with no
  // source. "Quobrin was deported." names no one the dictionaries know:
  // nothing to code.
  Document known = MakeDoc({"Chilean Chilean ADJ JJ 2 amod\n"
                            "soldiers soldier NOUN NNS 4 nsubj:pass\n"
                            "were be AUX VBD 4 aux:pass\n"
                            "deported deport VERB VBN 0 root\n"
                            ". . PUNCT . 4 punct\n"},
                           kDate);
  EXPECT_THAT(Roots(coder_->Code(known)), Contains("->CHLMIL:17"));
  Document unknown = MakeDoc({"Quobrin Quobrin PROPN NNP 3 nsubj:pass\n"
                              "was be AUX VBD 3 aux:pass\n"
                              "deported deport VERB VBN 0 root\n"
                              ". . PUNCT . 3 punct\n"},
                             kDate);
  EXPECT_THAT(Summary(coder_->CodeAll(unknown)), IsEmpty());
}

TEST_F(CoderRules, EventDateIsAlwaysAFullDate) {
  // "Russia attacked Kharkiv in 2022.": only the year is known.
  Document d = MakeDoc({"Russia Russia PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Kharkiv Kharkiv PROPN NNP 2 obj\n"
                        "in in ADP IN 5 case\n"
                        "2022 2022 NUM CD 2 obl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto all = coder_->CodeAll(d);
  ASSERT_EQ(all.size(), 1u) << ::testing::PrintToString(Summary(all));
  EXPECT_TRUE(all[0].historical);
  EXPECT_EQ(all[0].event_date, kDate);
}

}  // namespace
}  // namespace dyad
