// CLI-level tests of `dyad parse`, `dyad eval-parse` and `dyad bench`,
// including bad input: every case must end with output or a clear message
// naming the input (and line), never a crash or a hang.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Result {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TextCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_text_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Runs `dyad ARGS` (with `stdin_file` as standard input when given); a
  // generous `timeout` turns a hang into a failure instead of a stuck CI.
  Result Run(const std::string& args, const std::string& stdin_file = "") {
    fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::string cmd = "timeout 300 " + std::string(DYAD_CLI) + " " + args + " < " +
                      (stdin_file.empty() ? std::string("/dev/null") : stdin_file) + " > " + out.string() +
                      " 2> " + err.string();
    int status = std::system(cmd.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  static size_t Count(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
  }

  fs::path dir_;
};

TEST_F(TextCli, ParsesTheBundledExample) {
  std::string article = std::string(DYAD_SOURCE_DIR) + "/examples/article.txt";
  Result r = Run("parse --segment-only " + article);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = " + article), std::string::npos);
  EXPECT_GE(Count(r.out, "# sent_id"), 10u);
  EXPECT_NE(r.out.find("TokenRange="), std::string::npos);
  EXPECT_NE(r.out.find("\tPYONGYANG\t"), std::string::npos);
  EXPECT_NE(r.out.find("\tGen.\t"), std::string::npos);
  EXPECT_NE(r.out.find("\tU.S.\t"), std::string::npos);
  EXPECT_NE(r.out.find("\twas\t"), std::string::npos);
  EXPECT_NE(r.out.find("\tn't\t"), std::string::npos);   // wasn't -> was + n't
}

TEST_F(TextCli, ParsesWithModelsOrFallsBackWithAWarning) {
  Result r = Run("parse " + std::string(DYAD_SOURCE_DIR) + "/examples/articles.jsonl");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "# newdoc id = example-"), 3u);
}

TEST_F(TextCli, OutputFormats) {
  std::string p = Write("a.jsonl", "{\"id\":\"x\",\"date\":\"2020-01-02\",\"text\":\"He didn't go. She did.\"}\n");
  Result j = Run("parse --segment-only --format jsonl " + p);
  ASSERT_EQ(j.code, 0) << j.err;
  EXPECT_NE(j.out.find("\"id\":\"x\""), std::string::npos);
  EXPECT_NE(j.out.find("\"date\":\"2020-01-02\""), std::string::npos);
  EXPECT_NE(j.out.find("\"multiword_tokens\""), std::string::npos);
  Result t = Run("parse --segment-only --format text " + p);
  ASSERT_EQ(t.code, 0) << t.err;
  EXPECT_EQ(t.out, "He didn't go .\nShe did .\n\n");
  Result bad = Run("parse --format xml " + p);
  EXPECT_NE(bad.code, 0);
  EXPECT_NE(bad.err.find("--format"), std::string::npos);
}

TEST_F(TextCli, StdinIsStreamed) {
  std::string in = Write("in.jsonl", "{\"id\":\"s1\",\"text\":\"One.\"}\n{\"id\":\"s2\",\"text\":\"Two.\"}\n");
  Result r = Run("parse --segment-only -", in);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = s1"), std::string::npos);
  EXPECT_NE(r.out.find("# newdoc id = s2"), std::string::npos);
  std::string txt = Write("in.txt", "Plain text on stdin.");
  r = Run("parse --segment-only", txt);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\tstdin\t"), std::string::npos);
}

TEST_F(TextCli, TokenizedKeepsTokensAndSentences) {
  std::string p = Write("t.conllu",
                        "1\tNew\t_\t_\t_\t_\t_\t_\t_\t_\n2\tYork-based\tX\tY\tZ\t_\t0\troot\t_\tSpaceAfter=No\n"
                        "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n1\tok\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  Result r = Run("parse --tokenized " + p);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2\tYork-based\t"), std::string::npos);
  EXPECT_EQ(Count(r.out, "# sent_id"), 2u);
}

TEST_F(TextCli, EmptyInputSaysSo) {
  std::string p = Write("empty.txt", "");
  Result r = Run("parse --segment-only " + p);
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("no documents in " + p), std::string::npos) << r.err;
  r = Run("parse --segment-only -");   // empty stdin
  EXPECT_NE(r.err.find("no documents in <stdin>"), std::string::npos) << r.err;
}

TEST_F(TextCli, InvalidUtf8IsReportedWithFileAndLine) {
  std::string p = Write("bad.txt", "First line fine.\nSecond \xFF\xFE line.\n");
  Result r = Run("parse --segment-only " + p);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("dyad: " + p + ":2: invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(TextCli, TruncatedJsonLineIsSkippedWithFileAndLine) {
  std::string p = Write("cut.jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\n{\"id\":\"b\",\"text\":\"Cut off in the mi");
  Result r = Run("parse --segment-only " + p);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = a"), std::string::npos);
  EXPECT_NE(r.err.find("dyad: " + p + ":2: malformed JSON"), std::string::npos) << r.err;
}

TEST_F(TextCli, HugeLineWithoutPunctuation) {
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "word ";
  std::string p = Write("huge.txt", text);
  Result r = Run("parse --segment-only --format text " + p);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_GT(Count(r.out, "\n"), 1000u);   // cut into bounded sentences
}

TEST_F(TextCli, BinaryDataDoesNotCrash) {
  std::string bin(1 << 16, '\0');
  std::mt19937 rng(11);
  for (auto& c : bin) c = static_cast<char>(rng() & 0xFF);
  std::string p = Write("noise.txt", bin);
  Result r = Run("parse --segment-only " + p);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_NE(r.err.find(p), std::string::npos);
  std::string j = Write("noise.jsonl", bin);
  r = Run("parse --segment-only " + j);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find(j + ":"), std::string::npos);
}

TEST_F(TextCli, MissingFileFails) {
  Result r = Run("parse " + (dir_ / "missing.txt").string());
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos);
}

TEST_F(TextCli, EvalParseRawScoresSegmentation) {
  std::string g = Write("g.conllu",
                        "# newdoc id = d\n# newpar\n"
                        "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                        "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
                        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                        "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
                        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
                        "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
                        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
                        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  Result r = Run("eval-parse --raw --gold " + g);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Tokens     |    100.00 |    100.00 |    100.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sentences  |    100.00 |    100.00 |    100.00"), std::string::npos) << r.out;
  Result missing = Run("eval-parse --gold " + (dir_ / "nope.conllu").string());
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("nope.conllu"), std::string::npos);
}

TEST_F(TextCli, BenchSegmentation) {
  Result r = Run("bench --stage segment --input " + std::string(DYAD_SOURCE_DIR) + "/examples/articles.jsonl");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("documents    3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("words/s"), std::string::npos);
  EXPECT_NE(r.out.find("peak RSS"), std::string::npos);
}

}  // namespace
