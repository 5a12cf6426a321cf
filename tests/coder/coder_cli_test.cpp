// The coder's CLI commands end to end on pre-parsed input (no models needed):
// dyad code --conllu, dyad explain --conllu, dyad eval --parses gold.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/coder/event_json.h"

namespace {

std::string RunCli(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  *rc = WEXITSTATUS(st);
  return out;
}

const char* kConllu =
    "# sent_id = 1\n"
    "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tTuesday\tTuesday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

class CoderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("dyad_coder_cli_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "s.conllu") << kConllu;
    env_ = "DYAD_HOME=" + std::string(DYAD_SOURCE_DIR) + " ";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string env_;
};

TEST_F(CoderCli, CodeConlluWritesJsonLines) {
  int rc = -1;
  std::string out = RunCli(env_ + DYAD_CLI " code --conllu --date 2024-10-06 " + (dir_ / "s.conllu").string(), &rc);
  ASSERT_EQ(rc, 0) << out;
  dyad::Event e;
  std::string first = out.substr(0, out.find('\n'));
  ASSERT_TRUE(dyad::EventFromJson(first, &e).ok()) << out;
  EXPECT_EQ(e.cameo, "190");
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.source->code, "RUS");
  EXPECT_EQ(e.target->code, "UKR");
  EXPECT_EQ(e.event_date, "2024-10-01");  // the Tuesday before Sunday 6 October

  out = RunCli(env_ + DYAD_CLI " code --conllu --format csv --date 2024-10-06 " + (dir_ / "s.conllu").string(), &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_EQ(out.rfind("doc_id,sentence,date,event_date,source_code", 0), 0u) << out;
  EXPECT_NE(out.find(",RUS,RUS,,Russia,UKR,"), std::string::npos) << out;
}

TEST_F(CoderCli, ExplainShowsTheRule) {
  int rc = -1;
  std::string out = RunCli(env_ + DYAD_CLI " explain --conllu " + (dir_ / "s.conllu").string(), &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("19_fight.txt:"), std::string::npos) << out;
  EXPECT_NE(out.find("-- actors"), std::string::npos) << out;
}

TEST_F(CoderCli, EvalWithGoldParses) {
  std::string parse(kConllu);
  std::string escaped;
  for (char c : parse) {
    if (c == '\n') escaped += "\\n";
    else if (c == '\t') escaped += "\\t";
    else escaped += c;
  }
  std::ofstream(dir_ / "g.jsonl")
      << "{\"id\":\"a\",\"date\":\"2024-10-06\",\"text\":\"Russia attacked Ukraine on Tuesday.\","
         "\"events\":[{\"source\":\"RUS\",\"target\":\"UKR\",\"cameo\":\"190\",\"plover\":\"FIGHT\"}],"
         "\"parse_conllu\":\"" << escaped << "\"}\n"
      << "{\"id\":\"b\",\"date\":\"2024-10-06\",\"text\":\"x\",\"events\":null,\"parse_conllu\":\"\"}\n";
  int rc = -1;
  std::string out = RunCli(env_ + DYAD_CLI " eval --parses gold --gold " + (dir_ / "g.jsonl").string(), &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("records 1 (skipped 1)"), std::string::npos) << out;
  EXPECT_NE(out.find("F1 1.000"), std::string::npos) << out;
  EXPECT_NE(out.find("level strict"), std::string::npos) << out;
}

TEST_F(CoderCli, BadArgumentsFailWithAMessage) {
  int rc = -1;
  std::string out = RunCli(env_ + DYAD_CLI " code --conllu --format xml " + (dir_ / "s.conllu").string(), &rc);
  EXPECT_NE(rc, 0);
  EXPECT_NE(out.find("--format"), std::string::npos) << out;
  out = RunCli(env_ + DYAD_CLI " eval --gold " + (dir_ / "missing.jsonl").string() + " --parses gold", &rc);
  EXPECT_NE(rc, 0);
  EXPECT_NE(out.find("missing.jsonl"), std::string::npos) << out;
}

}  // namespace
