// Tagger: training a tiny model, save/load round trip, corrupt files, and the
// shipped model on obvious sentences.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/text/conllu.h"
#include "dyad/nlp/model_files.h"
#include "dyad/nlp/tagger.h"
#include "dyad/nlp/tagger_model.h"
#include "dyad/nlp/train/jackknife.h"
#include "dyad/nlp/train/tagger_trainer.h"
#include "dyad/nlp/train/treebank.h"
#include "dyad/nlp/word_clusters.h"

namespace dyad {
namespace {

// Hand-written training sentences: form UPOS XPOS FEATS per word.
const char* kTiny[] = {
    "The DET DT Definite=Def|PronType=Art ; troops NOUN NNS Number=Plur ; fired VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ; shells NOUN NNS Number=Plur ; . PUNCT . _",
    "The DET DT Definite=Def|PronType=Art ; army NOUN NN Number=Sing ; attacked VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin ; the DET DT Definite=Def|PronType=Art ; town NOUN NN Number=Sing ; . PUNCT . _",
    "Police PROPN NNP Number=Sing ; arrested VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ; two NUM CD NumForm=Word|NumType=Card ; men NOUN NNS Number=Plur ; . PUNCT . _",
    "A DET DT Definite=Ind|PronType=Art ; soldier NOUN NN Number=Sing ; was AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin ; killed VERB VBN Tense=Past|VerbForm=Part|Voice=Pass ; . PUNCT . _",
    "They PRON PRP Case=Nom|Number=Plur|Person=3|PronType=Prs ; fired VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ; the DET DT Definite=Def|PronType=Art ; guns NOUN NNS Number=Plur ; . PUNCT . _",
    "Rebels NOUN NNS Number=Plur ; attacked VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ; a DET DT Definite=Ind|PronType=Art ; base NOUN NN Number=Sing ; . PUNCT . _",
    "The DET DT Definite=Def|PronType=Art ; government NOUN NN Number=Sing ; denied VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin ; the DET DT Definite=Def|PronType=Art ; report NOUN NN Number=Sing ; . PUNCT . _",
    "Troops NOUN NNS Number=Plur ; will AUX MD VerbForm=Fin ; attack VERB VB VerbForm=Inf ; the DET DT Definite=Def|PronType=Art ; city NOUN NN Number=Sing ; . PUNCT . _",
};

std::vector<Sentence> TinyTreebank() {
  std::vector<Sentence> out;
  for (const char* line : kTiny) {
    Sentence s;
    std::stringstream ss(line);
    std::string item;
    while (std::getline(ss, item, ';')) {
      std::stringstream ws(item);
      Word w;
      ws >> w.form >> w.upos >> w.xpos >> w.feats;
      if (w.feats == "_") w.feats.clear();
      w.lemma = w.form;
      w.head = 0;
      w.deprel = "dep";
      s.words.push_back(w);
    }
    out.push_back(s);
  }
  return out;
}

Sentence Words(std::initializer_list<const char*> forms) {
  Sentence s;
  for (const char* f : forms) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  return s;
}

TaggerTrainOptions TinyOptions() {
  TaggerTrainOptions o;
  o.iterations = 6;
  o.wordnet_dir = "";  // independent of the machine's WordNet
  o.verbose = false;
  return o;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_tagger_test_" + name)).string();
}

TEST(TaggerTest, TinyModelLearnsItsTrainingData) {
  auto train = TinyTreebank();
  std::unique_ptr<Tagger> tagger;
  ASSERT_TRUE(TrainTagger(train, nullptr, TinyOptions(), &tagger).ok());
  TaggerAccuracy a = EvaluateTagger(*tagger, train);
  EXPECT_GT(a.upos, 95.0);
  EXPECT_GT(a.xpos, 95.0);
  EXPECT_GT(a.feats, 90.0);
}

TEST(TaggerTest, SaveLoadRoundTripGivesIdenticalTags) {
  auto train = TinyTreebank();
  std::unique_ptr<Tagger> tagger;
  ASSERT_TRUE(TrainTagger(train, nullptr, TinyOptions(), &tagger).ok());
  std::string path = TempPath("roundtrip.bin.zst");
  ASSERT_TRUE(SaveTagger(*tagger, path).ok());
  std::unique_ptr<Tagger> loaded;
  Status st = Tagger::Load(path, &loaded);
  ASSERT_TRUE(st.ok()) << st.message();
  for (auto sent : {Words({"The", "rebels", "fired", "the", "guns", "."}),
                    Words({"Unseen", "words", "attacked", "quickly", "!"})}) {
    Sentence a = sent, b = sent;
    tagger->Tag(&a);
    loaded->Tag(&b);
    for (size_t i = 0; i < a.words.size(); ++i) {
      EXPECT_EQ(a.words[i].upos, b.words[i].upos);
      EXPECT_EQ(a.words[i].xpos, b.words[i].xpos);
      EXPECT_EQ(a.words[i].feats, b.words[i].feats);
      EXPECT_FALSE(b.words[i].upos.empty());
    }
  }
  // Saving the loaded model gives the same bytes: the format is canonical.
  std::string path2 = TempPath("roundtrip2.bin.zst");
  ASSERT_TRUE(SaveTagger(*loaded, path2).ok());
  std::ifstream f1(path, std::ios::binary), f2(path2, std::ios::binary);
  std::stringstream s1, s2;
  s1 << f1.rdbuf();
  s2 << f2.rdbuf();
  EXPECT_EQ(s1.str(), s2.str());
  std::filesystem::remove(path);
  std::filesystem::remove(path2);
}

TEST(TaggerTest, MissingAndCorruptModelsGiveClearStatus) {
  std::unique_ptr<Tagger> t;
  Status st = Tagger::Load("/nonexistent/dir/tagger.bin.zst", &t);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/dir/tagger.bin.zst"), std::string::npos);

  std::string garbage = TempPath("garbage.bin.zst");
  {
    std::ofstream f(garbage, std::ios::binary);
    f << "this is not a model file at all";
  }
  st = Tagger::Load(garbage, &t);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(garbage), std::string::npos);

  // A valid container whose payload is truncated: reported as corrupt.
  auto train = TinyTreebank();
  std::unique_ptr<Tagger> tagger;
  ASSERT_TRUE(TrainTagger(train, nullptr, TinyOptions(), &tagger).ok());
  std::string payload = tagger->model().Serialize();
  std::string truncated = TempPath("truncated.bin.zst");
  ASSERT_TRUE(WriteModelFile(truncated, kTaggerMagic, kTaggerVersion, payload.substr(0, payload.size() / 2)).ok());
  st = Tagger::Load(truncated, &t);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kCorrupt);
  EXPECT_NE(st.message().find("corrupt"), std::string::npos);
  std::filesystem::remove(garbage);
  std::filesystem::remove(truncated);
}

TEST(TaggerTest, OddInputNeverCrashesAndTagsEveryWord) {
  auto train = TinyTreebank();
  std::unique_ptr<Tagger> tagger;
  ASSERT_TRUE(TrainTagger(train, nullptr, TinyOptions(), &tagger).ok());
  Sentence empty;
  tagger->Tag(&empty);
  EXPECT_TRUE(empty.words.empty());
  Sentence odd = Words({"\xff\xfe", "", "😀😀", "ÉLYSÉE", "-", "1,000,000.5"});
  Word very_long;
  very_long.form = std::string(5000, 'a');
  odd.words.push_back(very_long);
  tagger->Tag(&odd);
  for (const auto& w : odd.words) EXPECT_FALSE(w.upos.empty());
}

TEST(TaggerTest, ShippedModelTagsObviousSentence) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/models/" + kTaggerModelFile;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shipped tagger at " << path;
  std::unique_ptr<Tagger> tagger;
  Status st = Tagger::Load(path, &tagger);
  ASSERT_TRUE(st.ok()) << st.message();
  Sentence s = Words({"The", "troops", "fired", "artillery", "."});
  tagger->Tag(&s);
  const char* upos[] = {"DET", "NOUN", "VERB", "NOUN", "PUNCT"};
  const char* xpos[] = {"DT", "NNS", "VBD", "NN", "."};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(s.words[i].upos, upos[i]) << s.words[i].form;
    EXPECT_EQ(s.words[i].xpos, xpos[i]) << s.words[i].form;
  }
  // EWT marks "troops" as plurale tantum (Number=Ptan).
  EXPECT_TRUE(s.words[1].feats == "Number=Plur" || s.words[1].feats == "Number=Ptan") << s.words[1].feats;
  EXPECT_NE(s.words[2].feats.find("Tense=Past"), std::string::npos);
  EXPECT_NE(s.words[2].feats.find("VerbForm=Fin"), std::string::npos);

  Sentence p = Words({"Protesters", "were", "arrested", "by", "police", "in", "Cairo", "."});
  tagger->Tag(&p);
  EXPECT_EQ(p.words[1].upos, "AUX");
  EXPECT_EQ(p.words[2].xpos, "VBN");
  EXPECT_NE(p.words[2].feats.find("Voice=Pass"), std::string::npos);
  EXPECT_EQ(p.words[6].upos, "PROPN");
}

TEST(TaggerTest, ShippedModelAccuracyFloorOnEwtDev) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/models/" + kTaggerModelFile;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shipped tagger at " << path;
  std::vector<Sentence> dev;
  if (!LoadDevTreebank(DYAD_SHARED_DIR, &dev).ok()) GTEST_SKIP() << "no EWT dev in " << DYAD_SHARED_DIR;
  std::unique_ptr<Tagger> tagger;
  ASSERT_TRUE(Tagger::Load(path, &tagger).ok());
  TaggerAccuracy a = EvaluateTagger(*tagger, dev);
  EXPECT_GT(a.upos, 94.5);  // a coarse floor; exact figures come from `dyad train --eval-only`
}

TEST(TaggerTest, JackknifeReplacesTagsAndKeepsTrees) {
  // Four copies of the tiny treebank, so each fold's sentences also occur in
  // the other fold and its tagger can get them right.
  std::vector<Sentence> train;
  for (int copy = 0; copy < 4; ++copy)
    for (const auto& s : TinyTreebank()) train.push_back(s);
  auto jk = train;
  for (auto& s : jk)
    for (auto& w : s.words) { w.head = 7; w.deprel = "keep"; }
  // A tag only the first fold has: the second fold's tagger cannot predict
  // it, so the first fold's copy must come back re-tagged.
  jk[0].words[1].xpos = "ZZZ";
  ASSERT_TRUE(JackknifeTags(&jk, 2, TinyOptions()).ok());
  EXPECT_NE(jk[0].words[1].xpos, "ZZZ");
  size_t differ = 0, total = 0;
  for (size_t i = 0; i < jk.size(); ++i)
    for (size_t j = 0; j < jk[i].words.size(); ++j) {
      EXPECT_FALSE(jk[i].words[j].upos.empty());
      EXPECT_EQ(jk[i].words[j].head, 7);
      EXPECT_EQ(jk[i].words[j].deprel, "keep");
      differ += jk[i].words[j].xpos != train[i].words[j].xpos;
      ++total;
    }
  EXPECT_LT(differ * 10, total);
  std::vector<Sentence> one(1);
  EXPECT_FALSE(JackknifeTags(&one, 2, TinyOptions()).ok());
}

TEST(TreebankTest, LicenceFilterKeepsOnlyCcByGumGenres) {
  EXPECT_TRUE(IsTrainableGumId("GUM_news_afghan-3"));
  EXPECT_TRUE(IsTrainableGumId("GUM_speech_nixon-12"));
  EXPECT_TRUE(IsTrainableGumId("GUM_voyage_york-1"));
  EXPECT_FALSE(IsTrainableGumId("GUM_fiction_moon-1"));
  EXPECT_FALSE(IsTrainableGumId("GUM_whow_basil-4"));
  EXPECT_FALSE(IsTrainableGumId("GUM_academic_art-1"));
  EXPECT_FALSE(IsTrainableGumId("GUM_reddit_x-1"));
  std::vector<Sentence> train;
  if (!LoadTrainingTreebank(DYAD_SHARED_DIR, &train).ok()) GTEST_SKIP() << "no treebanks in " << DYAD_SHARED_DIR;
  size_t gum = 0;
  for (const auto& s : train)
    if (s.sent_id.rfind("GUM_", 0) == 0) {
      ++gum;
      EXPECT_TRUE(IsTrainableGumId(s.sent_id)) << s.sent_id;
    }
  EXPECT_GT(gum, 1000u);
  EXPECT_GT(train.size(), 12544u);
}

TEST(WordClustersTest, PathsPrefixesAndRoundTrip) {
  auto c = WordClusters::FromPaths({{"monday", "0011"}, {"tuesday", "0011"}, {"iraq", "0100"}, {"the", "1"}});
  EXPECT_EQ(c->Cluster("monday"), c->Cluster("tuesday"));
  EXPECT_NE(c->Cluster("monday"), c->Cluster("iraq"));
  EXPECT_EQ(c->Cluster("unknownword"), 0u);
  EXPECT_EQ(c->Prefix("iraq", 2), "01");
  EXPECT_EQ(c->Prefix("the", 4), "1");
  EXPECT_EQ(c->Prefix("nothing", 4), "");
  uint32_t m = c->Cluster("monday"), q = c->Cluster("iraq");
  EXPECT_EQ(c->PrefixCode(m, 1), c->PrefixCode(q, 1));   // both start with 0
  EXPECT_NE(c->PrefixCode(m, 2), c->PrefixCode(q, 2));   // 00 vs 01
  EXPECT_NE(c->PrefixCode(m, 1), c->PrefixCode(m, 2));   // lengths differ
  EXPECT_EQ(c->PrefixCode(0, 4), 0u);
  std::string path = TempPath("clusters.bin.zst");
  ASSERT_TRUE(SaveWordClusters(*c, path).ok());
  std::unique_ptr<WordClusters> d;
  ASSERT_TRUE(WordClusters::Load(path, &d).ok());
  EXPECT_EQ(d->Path(d->Cluster("iraq")), "0100");
  EXPECT_EQ(d->num_words(), 4u);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad
