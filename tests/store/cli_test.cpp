// The store commands as users run them: dyad import (bad rows reported with
// file:line, summary, re-import), dyad ingest of pre-parsed CoNLL-U
// (idempotent re-run), and dyad query over the result.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store_test_util.h"

namespace dyad {
namespace {

using testing_util::QueryInt;
using testing_util::TempDir;

struct Result {
  int rc = -1;
  std::string out, err;
};

// Runs the dyad binary with `args` (already shell-quoted where needed).
Result Dyad(const std::string& args, const TempDir& dir) {
  Result r;
  const std::string err_file = dir.File("stderr.txt");
  const std::string cmd = std::string(DYAD_CLI) + " " + args + " 2>" + err_file;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

const char* kHeader =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude\n";

std::string Row(int id, const std::string& day, const std::string& src, const std::string& tgt,
                const std::string& code, const std::string& g) {
  return std::to_string(id) + "\t" + day + "\t" + src + "\t\t" + src + "\tx\t" + code + "\t" + g + "\t" + tgt +
         "\t\t" + tgt + "\tst" + std::to_string(id) + "\t1\tWire\t\t\t\t\t\t\n";
}

TEST(StoreCli, ImportReportsBadRowsAndQueriesWork) {
  TempDir dir;
  std::string tsv = kHeader;
  tsv += Row(1, "2022-05-02", "Kenya", "Uganda", "042", "1.9");
  tsv += Row(2, "2022-05-03", "Kenya", "Uganda", "057", "8");
  tsv += Row(3, "2022-05-03", "Uganda", "Kenya", "112", "-2");
  tsv += Row(4, "2022-05-04", "Kenya", "Uganda", "9999", "1");  // line 5: bad code
  tsv += Row(5, "2022-05-04", "Narnia", "Kenya", "043", "2.8");  // unmapped country
  const std::string path = dir.File("ic.tsv");
  std::ofstream(path) << tsv;
  const std::string db = dir.File("cli.db");

  Result r = Dyad("import --format icews " + path + " --db " + db, dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("5 rows, 4 imported, 0 already stored, 1 bad"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(path + ":5: CAMEO Code '9999'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Narnia (1)"), std::string::npos) << r.err;

  r = Dyad("import --format icews " + path + " --db " + db, dir);
  EXPECT_NE(r.out.find("0 imported, 4 already stored"), std::string::npos) << r.out;

  r = Dyad("query network --db " + db + " --format tsv", dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("KEN\tUGA\t2\t2\t2\t0\t2\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("UGA\tKEN\t1\t1\t0\t1\t-1\t"), std::string::npos) << r.out;

  r = Dyad("query series --db " + db + " --source KEN --target UGA --granularity day", dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  auto series = nlohmann::json::parse(r.out);
  ASSERT_EQ(series["points"].size(), 2u);
  EXPECT_EQ(series["points"][1]["verbal_cooperation"], 1);

  r = Dyad("query actor KEN --db " + db, dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["events"], 4);  // Narnia -> Kenya counts for Kenya

  r = Dyad("query alerts --db " + db + " --format tsv", dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out.rfind("week\tsource\ttarget", 0), 0u) << r.out;

  r = Dyad("query events --db " + db + " --from 2022-13-01", dir);
  EXPECT_NE(r.rc, 0);
  EXPECT_NE(r.err.find("is not YYYY-MM-DD"), std::string::npos) << r.err;

  r = Dyad("import --format csv " + path + " --db " + db, dir);
  EXPECT_NE(r.rc, 0);
  EXPECT_NE(r.err.find("--format must be icews, gdelt or jsonl"), std::string::npos) << r.err;
}

TEST(StoreCli, IngestOfParsedInputIsIdempotent) {
  TempDir dir;
  const std::string conllu = dir.File("in.conllu");
  std::ofstream(conllu) << "# text = Kenya thanked Uganda.\n"
                           "1\tKenya\tKenya\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
                           "2\tthanked\tthank\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
                           "3\tUganda\tUganda\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n"
                           "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  const std::string db = dir.File("ing.db");
  Result r = Dyad("ingest --conllu " + conllu + " --db " + db + " --date 2022-06-01", dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("1 documents read, 1 stored"), std::string::npos) << r.out;
  r = Dyad("ingest --conllu " + conllu + " --db " + db + " --date 2022-06-01", dir);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("1 documents read, 0 stored, 1 already stored"), std::string::npos) << r.out;
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(db, {}, &store).ok());
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'thanking'"), 1);

  r = Dyad("ingest " + conllu + " --db " + db + " --date 2022-06-01x", dir);
  EXPECT_NE(r.rc, 0);
  EXPECT_NE(r.err.find("--date must be YYYY-MM-DD"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace dyad
