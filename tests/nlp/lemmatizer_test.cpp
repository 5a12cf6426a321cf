// Lemmatizer: WordNet irregular forms and detachment rules, learned suffix
// rules, save/load, corrupt files, and the shipped model.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/lemmatizer_model.h"
#include "dyad/nlp/model_files.h"
#include "dyad/nlp/train/lemmatizer_trainer.h"

namespace dyad {
namespace {

const char* kWordNet = "/usr/share/wordnet";

Word W(const char* form, const char* lemma, const char* upos, const char* xpos) {
  Word w;
  w.form = form;
  w.lemma = lemma;
  w.upos = upos;
  w.xpos = xpos;
  return w;
}

std::vector<Sentence> Tiny() {
  Sentence s;
  s.words = {W("The", "the", "DET", "DT"),         W("soldiers", "soldier", "NOUN", "NNS"),
             W("walked", "walk", "VERB", "VBD"),   W("and", "and", "CCONJ", "CC"),
             W("talked", "talk", "VERB", "VBD"),   W("to", "to", "ADP", "IN"),
             W("reporters", "reporter", "NOUN", "NNS"), W("in", "in", "ADP", "IN"),
             W("Americans", "American", "PROPN", "NNPS"), W("villages", "village", "NOUN", "NNS"),
             W("jumped", "jump", "VERB", "VBD"),   W("looked", "look", "VERB", "VBD"),
             W(".", ".", "PUNCT", ".")};
  return {s};
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_lemmatizer_test_" + name)).string();
}

TEST(LemmatizerTest, WordNetIrregularFormsAndDetachment) {
  if (!std::filesystem::exists(std::string(kWordNet) + "/verb.exc")) GTEST_SKIP() << "WordNet not installed";
  std::unique_ptr<Lemmatizer> lem;
  LemmatizerTrainOptions o;
  o.wordnet_dir = kWordNet;
  ASSERT_TRUE(TrainLemmatizer(Tiny(), o, &lem).ok());
  EXPECT_EQ(lem->Lemmatize("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lem->Lemmatize("mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(lem->Lemmatize("denounced", "VERB", "VBD"), "denounce");
  EXPECT_EQ(lem->Lemmatize("better", "ADJ", "JJR"), "good");
  EXPECT_EQ(lem->Lemmatize("Fought", "VERB", "VBD"), "fight");
  EXPECT_EQ(lem->Lemmatize("stopped", "VERB", "VBN"), "stop");
  EXPECT_EQ(lem->Lemmatize("glasses", "NOUN", "NNS"), "glass");
  EXPECT_EQ(lem->Lemmatize("bombings", "NOUN", "NNS"), "bombing");
  // Treebank table wins over WordNet.
  EXPECT_EQ(lem->Lemmatize("soldiers", "NOUN", "NNS"), "soldier");
}

TEST(LemmatizerTest, LearnedSuffixRulesWithoutWordNet) {
  std::unique_ptr<Lemmatizer> lem;
  LemmatizerTrainOptions o;
  o.wordnet_dir = "";
  o.min_rule_count = 1;
  ASSERT_TRUE(TrainLemmatizer(Tiny(), o, &lem).ok());
  EXPECT_EQ(lem->Lemmatize("walked", "VERB", "VBD"), "walk");   // table
  EXPECT_EQ(lem->Lemmatize("shouted", "VERB", "VBD"), "shout");  // rule -ed
  EXPECT_EQ(lem->Lemmatize("Bridges", "NOUN", "NNS"), "bridge"); // rule -s, lowercased
  EXPECT_EQ(lem->Lemmatize("Iraqis", "PROPN", "NNPS"), "Iraqi"); // proper: case kept
  EXPECT_EQ(lem->Lemmatize("Baghdad", "PROPN", "NNP"), "Baghdad");
  EXPECT_EQ(lem->Lemmatize("", "X", "XX"), "");
}

TEST(LemmatizerTest, SaveLoadAndCorruptFiles) {
  std::unique_ptr<Lemmatizer> lem;
  LemmatizerTrainOptions o;
  o.wordnet_dir = "";
  o.min_rule_count = 1;
  ASSERT_TRUE(TrainLemmatizer(Tiny(), o, &lem).ok());
  std::string path = TempPath("model.bin.zst");
  ASSERT_TRUE(SaveLemmatizer(*lem, path).ok());
  std::unique_ptr<Lemmatizer> loaded;
  Status st = Lemmatizer::Load(path, &loaded);
  ASSERT_TRUE(st.ok()) << st.message();
  for (const char* f : {"walked", "shouted", "Bridges", "the"})
    EXPECT_EQ(loaded->Lemmatize(f, "VERB", "VBD"), lem->Lemmatize(f, "VERB", "VBD"));

  std::string payload = lem->model().Serialize();
  std::string bad = TempPath("bad.bin.zst");
  ASSERT_TRUE(WriteModelFile(bad, kLemmatizerMagic, kLemmatizerVersion, payload.substr(0, 10)).ok());
  st = Lemmatizer::Load(bad, &loaded);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(bad), std::string::npos);
  st = Lemmatizer::Load("/nonexistent/lemmatizer.bin.zst", &loaded);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/lemmatizer.bin.zst"), std::string::npos);
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}

TEST(LemmatizerTest, ShippedModelOnIrregularForms) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/models/" + kLemmatizerModelFile;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shipped lemmatizer at " << path;
  std::unique_ptr<Lemmatizer> lem;
  Status st = Lemmatizer::Load(path, &lem);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(lem->Lemmatize("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lem->Lemmatize("mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(lem->Lemmatize("denounced", "VERB", "VBD"), "denounce");
  EXPECT_EQ(lem->Lemmatize("better", "ADJ", "JJR"), "good");
  EXPECT_EQ(lem->Lemmatize("was", "AUX", "VBD"), "be");
  EXPECT_EQ(lem->Lemmatize("n't", "PART", "RB"), "not");
  EXPECT_EQ(lem->Lemmatize("soldiers", "NOUN", "NNS"), "soldier");
  EXPECT_EQ(lem->Lemmatize("Shelled", "VERB", "VBD"), "shell");
  Sentence s;
  s.words = {W("Rebels", "", "NOUN", "NNS"), W("seized", "", "VERB", "VBD")};
  lem->LemmatizeSentence(&s);
  EXPECT_EQ(s.words[0].lemma, "rebel");
  EXPECT_EQ(s.words[1].lemma, "seize");
}

}  // namespace
}  // namespace dyad
