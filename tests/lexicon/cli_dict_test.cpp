// `dyad dict check|lookup|stats` end to end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace {

using ::testing::HasSubstr;

struct CliResult {
  int code = -1;
  std::string out;
};

CliResult Dyad(const std::string& args) {
  std::string cmd = std::string(DYAD_CLI) + " " + args + " 2>&1";
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kDict = std::string(DYAD_SOURCE_DIR) + "/dict";

TEST(CliDict, CheckShippedDictionaries) {
  CliResult r = Dyad("dict check " + kDict);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("0 error(s)"));
}

TEST(CliDict, CheckReportsFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_dict_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "actors");
  std::filesystem::copy_file(kDict + "/cameo.tsv", dir / "cameo.tsv");
  std::filesystem::copy_file(kDict + "/plover.tsv", dir / "plover.tsv");
  std::ofstream(dir / "agents.txt") << "= troops\n  MIL\n";
  std::ofstream(dir / "actors" / "countries.txt") << "= Korea\n  KOR\n= Chosun\n  KOR 1392 .. 1897-13\n";
  std::ofstream(dir / "actors" / "people-x.txt") << "= Someone\n  XQZGOV\n";
  CliResult r = Dyad("dict check " + dir.string());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("countries.txt:4: error: bad date '1897-13'"));
  EXPECT_THAT(r.out, HasSubstr("people-x.txt:2: warning"));  // unknown primary block
  std::filesystem::remove_all(dir);
}

TEST(CliDict, LookupShowsCodes) {
  CliResult r = Dyad("dict lookup \"North Korean troops\" --date 2024-10-06 --dir " + kDict);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("PRKMIL"));
  r = Dyad("dict lookup --cameo 0332 --dir " + kDict);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("AGREE"));
  EXPECT_THAT(r.out, HasSubstr("5.2"));
}

TEST(CliDict, StatsCountsPerFileAndKind) {
  CliResult r = Dyad("dict stats " + kDict);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("countries.txt"));
  EXPECT_THAT(r.out, HasSubstr("TOTAL"));
  EXPECT_THAT(r.out, HasSubstr("CAMEO codes: 312"));
}

}  // namespace
