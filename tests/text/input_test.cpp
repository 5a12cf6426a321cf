#include "dyad/text/input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "dyad/text/conllu.h"

namespace fs = std::filesystem;

namespace dyad {
namespace {

class InputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_input_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Reads all documents from `paths`; warnings are collected in warnings_.
  std::vector<Document> ReadAll(const std::vector<std::string>& paths, InputOptions opt = {}) {
    std::unique_ptr<DocumentReader> r;
    Status st = DocumentReader::Open(paths, opt, &r);
    EXPECT_TRUE(st.ok()) << st.message();
    std::vector<Document> docs;
    if (!r) return docs;
    Document d;
    while (r->Next(&d)) docs.push_back(d);
    warnings_ = r->TakeWarnings();
    return docs;
  }

  bool Warned(const std::string& needle, uint64_t line = 0) const {
    for (const auto& w : warnings_)
      if (w.message.find(needle) != std::string::npos && (line == 0 || w.line == line)) return true;
    return false;
  }

  fs::path dir_;
  std::vector<InputWarning> warnings_;
};

TEST_F(InputTest, PlainTextFileIsOneDocument) {
  std::string p = Write("a.txt", "Headline\n\nSome text.\r\n");
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, p);
  EXPECT_EQ(docs[0].text, "Headline\n\nSome text.\n");
  EXPECT_TRUE(docs[0].sentences.empty());
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(InputTest, JsonLinesRecordsAndBadLines) {
  std::string p = Write("n.jsonl",
                        "{\"id\":\"a1\",\"date\":\"2004-11-13\",\"title\":\"T\",\"text\":\"One.\",\"source\":\"x\"}\n"
                        "\n"
                        "{\"date\":\"2005-01-02T10:00:00Z\",\"text\":\"No id here.\",\"url\":\"http://u\"}\n"
                        "{\"id\":\"cut\",\"text\":\"this line is trunc\n"
                        "not json at all\n"
                        "{\"id\":\"bad\",\"text\":\"caf\xC3 au lait\"}\n"
                        "{\"id\":7,\"text\":\"numeric id\"}\n"
                        "{\"id\":\"notext\"}\n");
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].date, "2004-11-13");
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].source, "x");
  EXPECT_EQ(docs[0].text, "One.");
  EXPECT_EQ(docs[1].id, p + ":3");   // missing id -> file:line
  EXPECT_EQ(docs[1].date, "2005-01-02");
  EXPECT_EQ(docs[1].url, "http://u");
  EXPECT_EQ(docs[2].id, "bad");
  EXPECT_EQ(docs[2].text, "caf\xEF\xBF\xBD au lait");
  EXPECT_EQ(docs[3].id, "7");
  EXPECT_TRUE(Warned("malformed JSON", 4));
  EXPECT_TRUE(Warned("malformed JSON", 5));
  EXPECT_TRUE(Warned("U+FFFD", 6));
  EXPECT_TRUE(Warned("no \"text\"", 8));
  for (const auto& w : warnings_) EXPECT_EQ(w.source, p);
}

TEST_F(InputTest, HugeJsonLine) {
  std::string big(10u << 20, 'x');
  for (size_t i = 100; i < big.size(); i += 100) big[i] = ' ';
  std::string p = Write("big.jsonl", "{\"id\":\"big\",\"text\":\"" + big + "\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n");
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text.size(), big.size());
  EXPECT_EQ(docs[1].id, "after");
}

TEST_F(InputTest, DirectoryIsReadInSortedOrder) {
  Write("d/b.jsonl", "{\"id\":\"b\",\"text\":\"B.\"}\n");
  Write("d/a.txt", "A.");
  Write("d/c.conllu", "# newdoc id = c\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  Write("d/skip.bin", "ignored");
  auto docs = ReadAll({(dir_ / "d").string()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "A.");
  EXPECT_EQ(docs[1].id, "b");
  EXPECT_EQ(docs[2].id, "c");
}

TEST_F(InputTest, ConlluDocumentsWithSentencesAndText) {
  std::string p = Write("g.conllu",
                        "# newdoc id = d1\n# sent_id = 1\n"
                        "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                        "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                        "2\tca\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n"
                        "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
                        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
                        "# newdoc id = d2\n"
                        "1\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                        "1\tOK\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "d1");
  ASSERT_EQ(docs[0].sentences.size(), 1u);
  EXPECT_EQ(docs[0].text, "Kim can't.");
  EXPECT_EQ(docs[0].sentences[0].words[2].start, 6u);
  EXPECT_EQ(docs[1].id, "d2");
  EXPECT_EQ(docs[1].sentences.size(), 2u);
  EXPECT_EQ(docs[1].text, "Yes OK");
}

TEST_F(InputTest, MalformedConlluBlockIsSkippedWithItsLine) {
  std::string p = Write("bad.conllu",
                        "# newdoc id = ok\n1\tFine\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                        "# newdoc id = broken\n1\tonly three\tcolumns\n\n"
                        "# newdoc id = ok2\n1\tFine\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "ok2");
  EXPECT_TRUE(Warned("10 tab-separated columns", 5));
}

TEST_F(InputTest, EmptyInputWarns) {
  std::string p = Write("empty.txt", "");
  std::string j = Write("empty.jsonl", "\n\n");
  auto docs = ReadAll({j});
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(Warned("no documents in " + j));
  docs = ReadAll({p});
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(Warned("no documents in " + p));
  fs::create_directories(dir_ / "emptydir");
  docs = ReadAll({(dir_ / "emptydir").string()});
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(Warned("no documents in"));
}

TEST_F(InputTest, BinaryDataGivesTextAndAWarning) {
  std::string bin(4096, '\0');
  std::mt19937 rng(7);
  for (auto& c : bin) c = static_cast<char>(rng() & 0xFF);
  std::string p = Write("noise.txt", bin);
  auto docs = ReadAll({p});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].text.empty());
  EXPECT_TRUE(Warned("U+FFFD"));
  EXPECT_TRUE(Warned("control character"));
  std::string pj = Write("noise.jsonl", bin);
  docs = ReadAll({pj});
  EXPECT_TRUE(docs.empty());
  EXPECT_FALSE(warnings_.empty());
  EXPECT_LE(warnings_.size(), 60u);   // reports are capped, not one per garbage line
}

TEST_F(InputTest, MissingPathFails) {
  std::unique_ptr<DocumentReader> r;
  Status st = DocumentReader::Open({(dir_ / "nope.txt").string()}, {}, &r);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("nope.txt"), std::string::npos);
}

TEST_F(InputTest, OversizedDocumentIsTruncatedWithWarning) {
  InputOptions opt;
  opt.max_document_bytes = 100;
  std::string p = Write("long.txt", std::string(1000, 'a'));
  auto docs = ReadAll({p}, opt);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text.size(), 100u);
  EXPECT_TRUE(Warned("truncated"));
}

}  // namespace
}  // namespace dyad
