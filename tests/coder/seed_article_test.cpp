// The seed article end to end (raw text -> our pipeline -> coder), dated
// 2024-10-06: the events a reader finds in it must be there, Beijing's
// Korean War support must not be current, and the closing analysis must
// yield nothing. Skips when ../shared or the models are absent.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "coder_test_util.h"
#include "dyad/coder/coder.h"
#include "dyad/nlp/pipeline.h"

namespace dyad {
namespace {

bool Has(const std::vector<Event>& evs, const std::string& src_country, const std::string& tgt_country,
         const std::string& code_prefix) {
  for (const Event& e : evs) {
    if (!e.source || e.source->country != src_country) continue;
    if (!tgt_country.empty() && (!e.target || e.target->country != tgt_country)) continue;
    if (e.cameo.rfind(code_prefix, 0) == 0) return true;
  }
  return false;
}

std::string List(const std::vector<Event>& evs) {
  std::string o;
  for (const Event& e : evs)
    o += "  s" + std::to_string(e.sentence) + " " + (e.source ? e.source->code : "-") + " -> " +
         (e.target ? e.target->code : "-") + " " + e.cameo + " '" + e.evidence.trigger + "'" +
         (e.historical ? " historical" : "") + (e.negated ? " negated" : "") + "\n";
  return o;
}

TEST(SeedArticle, CodesTheArticlesEvents) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/seed/article.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " is absent";
  std::unique_ptr<Pipeline> pipeline;
  Status st = Pipeline::Load(PipelineOptions{}, &pipeline);
  if (!st.ok()) GTEST_SKIP() << "no parser models: " << st.message();
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.id = "seed";
  doc.date = "2024-10-06";
  doc.text = ss.str();
  pipeline->Annotate(&doc);
  ASSERT_GE(doc.sentences.size(), 10u);

  CoderOptions o;
  o.dict_dir = testing::DictDir();
  std::unique_ptr<Coder> coder;
  st = Coder::Load(o, &coder);
  ASSERT_TRUE(st.ok()) << st.message();
  std::vector<Event> evs = coder->Code(doc);
  std::vector<Event> all = coder->CodeAll(doc);
  SCOPED_TRACE("events:\n" + List(evs) + "all candidates:\n" + List(all));

  EXPECT_TRUE(Has(evs, "CHN", "PRK", "03")) << "China's cooperation pledge to North Korea";
  EXPECT_TRUE(Has(evs, "PRK", "CHN", "03")) << "North Korea's cooperation pledge to China";
  EXPECT_TRUE(Has(evs, "PRK", "RUS", "057") || Has(evs, "RUS", "PRK", "057")) << "the treaty signing";
  EXPECT_TRUE(Has(evs, "PRK", "", "15")) << "Kim's artillery drill";
  EXPECT_TRUE(Has(evs, "PRK", "", "138")) << "the threat to use nuclear weapons";
  EXPECT_TRUE(Has(evs, "PRK", "USA", "111")) << "Kim Yo Jong's denunciation of the United States";
  EXPECT_TRUE(Has(evs, "USA", "UKR", "07")) << "US military aid to Ukraine";
  EXPECT_TRUE(Has(evs, "PRK", "KOR", "13")) << "the threat against South Korea";

  // Spans point into the document.
  for (const Event& e : all)
    for (const auto* a : {&e.source, &e.target})
      if (*a) EXPECT_EQ(doc.text.substr((*a)->start, (*a)->end - (*a)->start), (*a)->text);
  // Beijing's support during the Korean War is history, not news.
  for (const Event& e : evs) {
    bool war_sentence = e.evidence.text.find("Korean War") != std::string::npos;
    EXPECT_FALSE(war_sentence && e.evidence.trigger == "support") << "Korean War support coded as current";
  }
  // The two closing sentences of analysis yield nothing.
  int last = static_cast<int>(doc.sentences.size()) - 1;
  for (const Event& e : evs) EXPECT_LT(e.sentence, last - 1) << "an event from the closing analysis";
}

}  // namespace
}  // namespace dyad
