// The coder on hand-parsed sentences (UD v2): actors, control words,
// negation, modality, reported speech, coreference, apposition, duplicates,
// history, passives, light verbs. Uses the real dictionaries of the source
// tree but no models and nothing from ../shared.
#include "dyad/coder/coder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coder_test_util.h"
#include "dyad/coder/event_json.h"

namespace dyad {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using testing::MakeDoc;
using testing::Summary;

class CoderSentences : public testing::ShippedCoderTest {};

const char* kDate = "2024-10-06";

TEST_F(CoderSentences, ReciprocalPledgeGivesBothDirections) {
  // "Japan and India pledged to strengthen their defence cooperation."
  Document d = MakeDoc({"Japan Japan PROPN NNP 4 nsubj\n"
                        "and and CCONJ CC 3 cc\n"
                        "India India PROPN NNP 1 conj\n"
                        "pledged pledge VERB VBD 0 root\n"
                        "to to PART TO 6 mark\n"
                        "strengthen strengthen VERB VB 4 xcomp\n"
                        "their their PRON PRP$ 9 nmod:poss\n"
                        "defence defence NOUN NN 9 compound\n"
                        "cooperation cooperation NOUN NN 6 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 2u) << ::testing::PrintToString(Summary(evs));
  for (const Event& e : evs) {
    EXPECT_EQ(e.cameo_root, "03");
    EXPECT_EQ(e.modality, Modality::kIntended);
    EXPECT_EQ(e.evidence.trigger, "pledged");
  }
  EXPECT_THAT(std::vector<std::string>({evs[0].source->code + ">" + evs[0].target->code,
                                        evs[1].source->code + ">" + evs[1].target->code}),
              UnorderedElementsAre("JPN>IND", "IND>JPN"));
}

TEST_F(CoderSentences, ThreatToAttack) {
  Document d = MakeDoc({"Kim Kim PROPN NNP 4 nsubj\n"
                        "Jong Jong PROPN NNP 1 flat\n"
                        "Un Un PROPN NNP 1 flat\n"
                        "threatened threaten VERB VBD 0 root\n"
                        "to to PART TO 6 mark\n"
                        "attack attack VERB VB 4 xcomp\n"
                        "South South PROPN NNP 8 compound\n"
                        "Korea Korea PROPN NNP 6 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Summary(evs));
  EXPECT_EQ(evs[0].cameo.substr(0, 3), "138");  // threaten with military force (1384: conventional attack)
  EXPECT_EQ(evs[0].source->code, "PRKGOV");
  EXPECT_EQ(evs[0].target->code, "KOR");
  EXPECT_EQ(evs[0].source->text, "Kim Jong Un");
  EXPECT_EQ(d.text.substr(evs[0].source->start, evs[0].source->end - evs[0].source->start), "Kim Jong Un");
  EXPECT_EQ(evs[0].quad_class, 3);
  EXPECT_EQ(evs[0].plover.event, "THREATEN");
}

TEST_F(CoderSentences, NegatedEventIsFlaggedAndLeftOut) {
  Document d = MakeDoc({"Russia Russia PROPN NNP 4 nsubj\n"
                        "did do AUX VBD 4 aux\n"
                        "not not PART RB 4 advmod\n"
                        "attack attack VERB VB 0 root\n"
                        "Ukraine Ukraine PROPN NNP 4 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  EXPECT_THAT(coder_->Code(d), IsEmpty());
  auto all = coder_->CodeAll(d);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].negated);
  EXPECT_EQ(Summary(all)[0], "RUS>UKR:190");
}

TEST_F(CoderSentences, ReportedFutureAttackIsTheSubjectsThreat) {
  Document d = MakeDoc({"Israel Israel PROPN NNP 2 nsubj\n"
                        "said say VERB VBD 0 root\n"
                        "Iran Iran PROPN NNP 5 nsubj\n"
                        "will will AUX MD 5 aux\n"
                        "attack attack VERB VB 2 ccomp\n"
                        "Saudi Saudi PROPN NNP 7 compound\n"
                        "Arabia Arabia PROPN NNP 5 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(Summary(evs), ElementsAre("IRN>SAU:138"));
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].modality, Modality::kIntended);
}

TEST_F(CoderSentences, CoreferenceAppositionAndDuplicates) {
  Document d = MakeDoc({"Kim Kim PROPN NNP 4 nsubj\n"
                        "Jong Jong PROPN NNP 1 flat\n"
                        "Un Un PROPN NNP 1 flat\n"
                        "met meet VERB VBD 0 root\n"
                        "Xi Xi PROPN NNP 4 obj\n"
                        "Jinping Jinping PROPN NNP 5 flat\n"
                        ". . PUNCT . 4 punct\n",
                        "Kim Kim PROPN NNP 3 nmod:poss\n"
                        "'s 's PART POS 1 case\n"
                        "sister sister NOUN NN 9 nsubj\n"
                        ", , PUNCT , 5 punct\n"
                        "Kim Kim PROPN NNP 3 appos\n"
                        "Yo Yo PROPN NNP 5 flat\n"
                        "Jong Jong PROPN NNP 5 flat\n"
                        ", , PUNCT , 5 punct\n"
                        "denounced denounce VERB VBD 0 root\n"
                        "the the DET DT 12 det\n"
                        "United United PROPN NNP 12 compound\n"
                        "States States PROPN NNP 9 obj\n"
                        ". . PUNCT . 9 punct\n",
                        "Kim Kim PROPN NNP 2 nsubj\n"
                        "met meet VERB VBD 0 root\n"
                        "Xi Xi PROPN NNP 2 obj\n"
                        "again again ADV RB 2 advmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(Summary(evs), ElementsAre("PRKGOV>CHNGOV:040", "PRKGOV>USA:111"));
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].mentions.size(), 1u) << "the second meeting report is merged into the first";
  EXPECT_EQ(evs[0].mentions[0].sentence, 2);
  EXPECT_EQ(evs[1].source->text, "Kim Yo Jong");
  EXPECT_EQ(evs[1].sentence, 1);
  for (const Event& e : evs) {  // offsets are byte offsets into the document text
    EXPECT_EQ(d.text.substr(e.source->start, e.source->end - e.source->start), e.source->text);
    EXPECT_EQ(d.text.substr(e.evidence.trigger_start, e.evidence.trigger_end - e.evidence.trigger_start),
              e.evidence.trigger);
  }
  // A merged event serialises with its mentions and reads back the same.
  std::string line = EventToJson(evs[0]);
  Event back;
  ASSERT_TRUE(EventFromJson(line, &back).ok()) << line;
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].sentence, 2);
  EXPECT_EQ(EventToJson(back), line);
}

TEST_F(CoderSentences, HistoricalEventIsFlagged) {
  Document d = MakeDoc({"China China PROPN NNP 2 nsubj\n"
                        "supported support VERB VBD 0 root\n"
                        "North North PROPN NNP 4 compound\n"
                        "Korea Korea PROPN NNP 2 obj\n"
                        "during during ADP IN 8 case\n"
                        "the the DET DT 8 det\n"
                        "Korean Korean ADJ JJ 8 amod\n"
                        "War War PROPN NNP 2 obl\n"
                        "( ( PUNCT -LRB- 10 punct\n"
                        "1950-1953 1950-1953 NUM CD 8 appos\n"
                        ") ) PUNCT -RRB- 10 punct\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  EXPECT_THAT(coder_->Code(d), IsEmpty());
  auto all = coder_->CodeAll(d);
  ASSERT_EQ(all.size(), 1u) << ::testing::PrintToString(Summary(all));
  EXPECT_TRUE(all[0].historical);
  // event_date is always a full date: only the year is known, so the
  // article date stands and the historical flag says it is earlier.
  EXPECT_EQ(all[0].event_date, kDate);
  EXPECT_EQ(Summary(all)[0], "CHN>PRK:051");
}

TEST_F(CoderSentences, PassiveAgentIsTheSource) {
  Document d = MakeDoc({"Ukraine Ukraine PROPN NNP 3 nsubj:pass\n"
                        "was be AUX VBD 3 aux:pass\n"
                        "attacked attack VERB VBN 0 root\n"
                        "by by ADP IN 5 case\n"
                        "Russia Russia PROPN NNP 3 obl\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(coder_->Code(d)), ElementsAre("RUS>UKR:190"));
}

TEST_F(CoderSentences, LightVerbNounEventAndRequireDyad) {
  // "Kim Jong Un watched a missile drill." - the drill is his show of force.
  Document d = MakeDoc({"Kim Kim PROPN NNP 4 nsubj\n"
                        "Jong Jong PROPN NNP 1 flat\n"
                        "Un Un PROPN NNP 1 flat\n"
                        "watched watch VERB VBD 0 root\n"
                        "a a DET DT 7 det\n"
                        "missile missile NOUN NN 7 compound\n"
                        "drill drill NOUN NN 4 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(Summary(evs), ElementsAre("PRKGOV>-:150"));
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].evidence.trigger, "drill");
  EXPECT_THAT(dyadic_->Code(d), IsEmpty()) << "no target: not a dyad";
}

TEST_F(CoderSentences, AppealTransformsTheGovernedEvent) {
  Document d = MakeDoc({"The the DET DT 3 det\n"
                        "United United PROPN NNP 3 compound\n"
                        "Nations Nations PROPN NNPS 4 nsubj\n"
                        "urged urge VERB VBD 0 root\n"
                        "Israel Israel PROPN NNP 4 obj\n"
                        "to to PART TO 7 mark\n"
                        "release release VERB VB 4 xcomp\n"
                        "the the DET DT 9 det\n"
                        "prisoners prisoner NOUN NNS 7 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  EXPECT_THAT(Summary(coder_->Code(d)), ElementsAre("IGOUNO>ISR:0253"));
}

TEST_F(CoderSentences, ConditionalNuclearThreat) {
  // "Iran threatened a nuclear response if its territory is attacked."
  Document d = MakeDoc({"Iran Iran PROPN NNP 2 nsubj\n"
                        "threatened threaten VERB VBD 0 root\n"
                        "a a DET DT 5 det\n"
                        "nuclear nuclear ADJ JJ 5 amod\n"
                        "response response NOUN NN 2 obj\n"
                        "if if SCONJ IN 10 mark\n"
                        "its its PRON PRP$ 8 nmod:poss\n"
                        "territory territory NOUN NN 10 nsubj:pass\n"
                        "is be AUX VBZ 10 aux:pass\n"
                        "attacked attack VERB VBN 2 advcl\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(Summary(evs), ElementsAre("IRN>-:1385"));
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].modality, Modality::kConditional);
}

TEST_F(CoderSentences, UnknownNamedActorStaysVisible) {
  Document d = MakeDoc({"Zorblatt Zorblatt PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].source.has_value());
  EXPECT_EQ(evs[0].source->code, "");
  EXPECT_EQ(evs[0].source->text, "Zorblatt");
  EXPECT_THAT(dyadic_->Code(d), IsEmpty());
}

TEST_F(CoderSentences, ExplainNamesRulesAndActors) {
  Document d = MakeDoc({"Russia Russia PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  std::string x = coder_->Explain(d);
  EXPECT_NE(x.find("-- actors"), std::string::npos);
  EXPECT_NE(x.find("[RUS \"Russia\"]"), std::string::npos) << x;
  EXPECT_NE(x.find("19_fight.txt:"), std::string::npos) << x;
  EXPECT_NE(x.find("event 190 RUS -> UKR"), std::string::npos) << x;
}

TEST_F(CoderSentences, GarbageInputNeverCrashes) {
  // Unparsed words, a cycle in the heads, an empty sentence.
  Document d = MakeDoc({"attack attack VERB VB -1 _\nRussia Russia PROPN NNP -1 _\n",
                        "a a DET DT 2 det\nb b NOUN NN 1 nmod\n", ""},
                       "");
  EXPECT_NO_THROW(coder_->CodeAll(d));
  EXPECT_NO_THROW(coder_->Explain(d));
}

}  // namespace
}  // namespace dyad
