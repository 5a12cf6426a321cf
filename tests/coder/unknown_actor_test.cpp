// Unknown named actors (names no dictionary lists): the span they are
// emitted with is the whole flat name ("Blue Lantern", "Harlow & Pike",
// "Office of Rural Waterways"), and words that are no names (a capitalised
// common noun, a fragment in another script) are not emitted as actors.
// Invented hand-parsed sentences; the real dictionaries of the source tree.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coder_test_util.h"
#include "dyad/coder/coder.h"

namespace dyad {
namespace {

using ::testing::ElementsAre;
using testing::MakeDoc;
using testing::Summary;

class UnknownActor : public testing::ShippedCoderTest {};

const char* kDate = "2024-10-06";

// The texts of the unknown actors among the events' sources and targets.
std::vector<std::string> UnknownTexts(const std::vector<Event>& evs) {
  std::vector<std::string> out;
  for (const Event& e : evs) {
    if (e.source && e.source->code.empty()) out.push_back(e.source->text);
    if (e.target && e.target->code.empty()) out.push_back(e.target->text);
  }
  return out;
}

TEST_F(UnknownActor, AdjectiveAndProperNounAreOneName) {
  // "Blue Lantern attacked Ukraine."
  Document d = MakeDoc({"Blue blue ADJ JJ 2 amod\n"
                        "Lantern Lantern PROPN NNP 3 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 3 obj\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Summary(evs));
  ASSERT_TRUE(evs[0].source.has_value());
  EXPECT_EQ(evs[0].source->code, "");
  EXPECT_EQ(evs[0].source->text, "Blue Lantern");
  EXPECT_EQ(d.text.substr(evs[0].source->start, evs[0].source->end - evs[0].source->start), "Blue Lantern");
}

TEST_F(UnknownActor, AmpersandJoinsOneCompanyName) {
  // "Harlow & Pike attacked Ukraine." parsed as two conjuncts.
  Document d = MakeDoc({"Harlow Harlow PROPN NNP 4 nsubj\n"
                        "& & CCONJ CC 3 cc\n"
                        "Pike Pike PROPN NNP 1 conj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 4 obj\n"
                        ". . PUNCT . 4 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Harlow & Pike"));
}

TEST_F(UnknownActor, CommaAndAmpersandListIsOneFirm) {
  // "Ostrander, Bell & Quayle attacked Ukraine."
  Document d = MakeDoc({"Ostrander Ostrander PROPN NNP 7 nsubj\n"
                        ", , PUNCT , 3 punct\n"
                        "Bell Bell PROPN NNP 1 conj\n"
                        "& & CCONJ CC 5 cc\n"
                        "Quayle Quayle PROPN NNP 1 conj\n"
                        "Inc Inc PROPN NNP 5 flat\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 7 obj\n"
                        ". . PUNCT . 7 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  // MakeDoc puts a space before every token, the comma too.
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Ostrander , Bell & Quayle Inc"));
}

TEST_F(UnknownActor, OfPhraseOfAnOrganisationNameBelongsToIt) {
  // "Ukraine attacked the Office of Rural Waterways."
  Document d = MakeDoc({"Ukraine Ukraine PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "the the DET DT 4 det\n"
                        "Office Office PROPN NNP 2 obj\n"
                        "of of ADP IN 7 case\n"
                        "Rural Rural ADJ JJ 7 amod\n"
                        "Waterways Waterways PROPN NNPS 4 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Office of Rural Waterways"));
}

TEST_F(UnknownActor, CompoundChainIsWholeName) {
  // "The Marlow Bay Regional Council attacked Ukraine.": compounds hung
  // on one another, not all on the head.
  Document d = MakeDoc({"The the DET DT 5 det\n"
                        "Marlow Marlow PROPN NNP 3 compound\n"
                        "Bay Bay PROPN NNP 5 compound\n"
                        "Regional Regional ADJ JJ 5 amod\n"
                        "Council Council PROPN NNP 6 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 6 obj\n"
                        ". . PUNCT . 6 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Marlow Bay Regional Council"));
}

TEST_F(UnknownActor, NameStopsBeforeKnownActor) {
  // "Harlow Pike Ukraine attacked ..." is no name; here the known country
  // after the name is its own actor: "Vessel Trask attacked Ukraine".
  Document d = MakeDoc({"Vessel Vessel PROPN NNP 2 compound\n"
                        "Trask Trask PROPN NNP 3 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 3 obj\n"
                        "Monday Monday PROPN NNP 3 obl:tmod\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_EQ(evs.size(), 1u) << ::testing::PrintToString(Summary(evs));
  EXPECT_EQ(evs[0].source->text, "Vessel Trask");
  EXPECT_EQ(evs[0].target->code, "UKR");
  EXPECT_EQ(evs[0].target->text, "Ukraine");
}

TEST_F(UnknownActor, WordInAnotherScriptIsNoActor) {
  // A Devanagari word the tagger called a proper noun.
  Document d = MakeDoc({"\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xbe\xe0\xa4\xac "
                        "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xbe\xe0\xa4\xac PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ::testing::IsEmpty());
}

TEST_F(UnknownActor, CapitalisedCommonNounIsNoActor) {
  // "Farming attacked Ukraine. Officials said farming fell.": the lower-case
  // "farming" elsewhere shows the capital is the sentence's, not a name's.
  Document d = MakeDoc({"Farming Farming PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Ukraine Ukraine PROPN NNP 2 obj\n"
                        ". . PUNCT . 2 punct\n",
                        "Officials official NOUN NNS 2 nsubj\n"
                        "said say VERB VBD 0 root\n"
                        "farming farming NOUN NN 4 nsubj\n"
                        "fell fall VERB VBD 2 ccomp\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ::testing::IsEmpty());
}

TEST_F(UnknownActor, OfAfterAPersonsNameIsNotPartOfIt) {
  // "Ukraine attacked Dana Kress of Westbrook.": where she is from.
  Document d = MakeDoc({"Ukraine Ukraine PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Dana Dana PROPN NNP 2 obj\n"
                        "Kress Kress PROPN NNP 3 flat\n"
                        "of of ADP IN 6 case\n"
                        "Westbrook Westbrook PROPN NNP 3 nmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Dana Kress"));
}

TEST_F(UnknownActor, SplitProperNameIsOneNameWithoutItsTitle) {
  // "Ukraine attacked Prince Omar Dallan" with the parse hanging "Omar" on
  // the verb and "Dallan" apart: one name; the title stays out of it.
  Document d = MakeDoc({"Ukraine Ukraine PROPN NNP 2 nsubj\n"
                        "attacked attack VERB VBD 0 root\n"
                        "Prince Prince PROPN NNP 4 compound\n"
                        "Omar Omar PROPN NNP 2 obj\n"
                        "Dallan Dallan PROPN NNP 2 obl:npmod\n"
                        ". . PUNCT . 2 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  EXPECT_THAT(UnknownTexts(evs), ElementsAre("Omar Dallan"));
}

TEST_F(UnknownActor, MisattachedOfPartWithSectorWordStaysInTheName) {
  // "Dana Kress resigned from the Office of Military Archives", the
  // of-part hung on the verb: one name, and "Military" no sector actor.
  Document d = MakeDoc({"Dana Dana PROPN NNP 3 nsubj\n"
                        "Kress Kress PROPN NNP 1 flat\n"
                        "resigned resign VERB VBD 0 root\n"
                        "from from ADP IN 6 case\n"
                        "the the DET DT 6 det\n"
                        "Office Office PROPN NNP 3 obl\n"
                        "of of ADP IN 9 case\n"
                        "Military military ADJ JJ 9 amod\n"
                        "Archives archive NOUN NNS 3 obl\n"
                        ". . PUNCT . 3 punct\n"},
                       kDate);
  auto evs = coder_->Code(d);
  ASSERT_FALSE(evs.empty());
  for (const Event& e : evs) {
    ASSERT_TRUE(e.target.has_value()) << ::testing::PrintToString(Summary(evs));
    EXPECT_EQ(e.target->text, "Office of Military Archives");
    EXPECT_EQ(e.target->code, "");
  }
}

}  // namespace
}  // namespace dyad
