// Pipeline: loading from a models directory, clear errors for missing
// models, and end-to-end annotation with the shipped models.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/nlp/model_files.h"
#include "dyad/nlp/pipeline.h"

namespace dyad {
namespace {

std::string ShippedModels() { return std::string(DYAD_SOURCE_DIR) + "/models"; }

bool Have(const char* file) { return std::filesystem::exists(ShippedModels() + "/" + file); }

TEST(PipelineTest, MissingModelsDirectoryNamesTheFile) {
  PipelineOptions o;
  o.models_dir = "/nonexistent/models";
  std::unique_ptr<Pipeline> p;
  Status st = Pipeline::Load(o, &p);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/models/"), std::string::npos) << st.message();
  EXPECT_EQ(p, nullptr);
}

TEST(PipelineTest, TagsAndLemmatisesWithoutParser) {
  if (!Have(kTaggerModelFile) || !Have(kLemmatizerModelFile)) GTEST_SKIP() << "shipped models missing";
  PipelineOptions o;
  o.parse = false;
  std::unique_ptr<Pipeline> p;
  Status st = Pipeline::Load(o, &p);
  ASSERT_TRUE(st.ok()) << st.message();
  Sentence s;
  for (const char* f : {"Soldiers", "fired", "on", "protesters", "."}) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  p->AnnotateSentence(&s);
  EXPECT_EQ(s.words[0].lemma, "soldier");
  EXPECT_EQ(s.words[1].lemma, "fire");
  EXPECT_EQ(s.words[1].upos, "VERB");
  EXPECT_EQ(s.words[3].lemma, "protester");
  for (const auto& w : s.words) EXPECT_EQ(w.head, -1);  // not parsed
  Sentence empty;
  p->AnnotateSentence(&empty);
  EXPECT_TRUE(empty.words.empty());
}

TEST(PipelineTest, AnnotatesRawTextEndToEnd) {
  if (!Have(kTaggerModelFile) || !Have(kLemmatizerModelFile) || !Have(kParserModelFile))
    GTEST_SKIP() << "shipped models missing";
  std::unique_ptr<Pipeline> p;
  Status st = Pipeline::Load(PipelineOptions(), &p);
  ASSERT_TRUE(st.ok()) << st.message();
  Document doc;
  doc.text = "Israeli troops fired artillery at the border. The army denied it.";
  p->Annotate(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  for (const auto& s : doc.sentences) {
    int roots = 0;
    for (const auto& w : s.words) {
      EXPECT_FALSE(w.upos.empty());
      EXPECT_FALSE(w.lemma.empty());
      EXPECT_GE(w.head, 0);
      EXPECT_LE(w.head, static_cast<int>(s.words.size()));
      roots += w.head == 0;
    }
    EXPECT_EQ(roots, 1);
  }
  const auto& w = doc.sentences[0].words;
  ASSERT_GE(w.size(), 3u);
  EXPECT_EQ(w[2].form, "fired");
  EXPECT_EQ(w[2].lemma, "fire");
  EXPECT_EQ(w[2].head, 0);               // the main verb is the root
  EXPECT_EQ(w[1].deprel, "nsubj");       // troops
  EXPECT_EQ(w[1].head, 3);
}


// The right-to-left parser is read only when both parsers are wanted: a
// damaged one fails the default load, naming it, and single_parser skips it.
TEST(PipelineTest, SingleParserLeavesTheRightToLeftModelAlone) {
  for (const char* f : {kTaggerModelFile, kLemmatizerModelFile, kClustersModelFile, kParserModelFile})
    if (!Have(f)) GTEST_SKIP() << "shipped models missing";
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "dyad_single_parser_models";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {kTaggerModelFile, kLemmatizerModelFile, kClustersModelFile, kParserModelFile})
    fs::copy_file(ShippedModels() + "/" + f, dir / f);
  std::ofstream(dir / kParserReverseModelFile) << "not a model";
  PipelineOptions o;
  o.models_dir = dir.string();
  std::unique_ptr<Pipeline> p;
  Status st = Pipeline::Load(o, &p);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(kParserReverseModelFile), std::string::npos) << st.message();
  o.single_parser = true;
  st = Pipeline::Load(o, &p);
  ASSERT_TRUE(st.ok()) << st.message();
  Document d;
  d.text = "Rebels attacked the town on Sunday.";
  p->Annotate(&d);
  ASSERT_EQ(d.sentences.size(), 1u);
  int roots = 0;
  for (const Word& w : d.sentences[0].words) roots += w.head == 0;
  EXPECT_EQ(roots, 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
