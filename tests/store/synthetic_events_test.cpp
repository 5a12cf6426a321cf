// The synthetic event generator behind `dyad bench-store`: exactly N events
// written through the normal import path, the same store for the same seed,
// codes and weights taken from the ontology, actors from the country list.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <set>

#include "dyad/store/synthetic_events.h"
#include "store_test_util.h"

namespace dyad {
namespace {

using testing_util::QueryInt;
using testing_util::QueryText;
using testing_util::TempDir;

// A small ontology: every root with its generic code, a few more codes.
std::unique_ptr<Ontology> SmallOntology(const TempDir& dir) {
  std::ofstream cameo(dir.File("cameo.tsv"));
  for (int r = 1; r <= 20; ++r) {
    char root[3];
    std::snprintf(root, sizeof root, "%02d", r);
    const double g = r <= 9 ? r * 0.8 : -r * 0.45;
    cameo << root << "\t" << g << "\tROOT " << root << "\n";
    cameo << root << "0\t" << g << "\tGeneric " << root << "\n";
    cameo << root << "1\t" << g / 2 << "\tSpecific " << root << "\n";
  }
  cameo << "0311\t5.2\tSub-specific 031\n";
  cameo.close();
  std::ofstream(dir.File("plover.tsv")) << "04\tCONSULT\t-\t-\n19\tASSAULT\t-\t-\n";
  std::unique_ptr<Ontology> o;
  Status s = Ontology::LoadFiles(dir.File("cameo.tsv"), dir.File("plover.tsv"), &o);
  EXPECT_TRUE(s.ok()) << s.message();
  return o;
}

std::vector<SyntheticCountry> FewCountries() {
  return {{"USA", "United States"}, {"CHN", "China"}, {"RUS", "Russia"}, {"FRA", "France"},
          {"MLI", "Mali"},          {"BRA", "Brazil"}, {"IND", "India"},  {"NGA", "Nigeria"}};
}

SyntheticOptions Small(uint64_t seed) {
  SyntheticOptions o;
  o.events = 600;
  o.seed = seed;
  o.first_day = "2020-03-01";
  o.days = 90;
  o.batch = 100;
  return o;
}

// Everything that identifies the stored events, in storage order.
std::string Dump(EventStore* store) {
  sql::Stmt st;
  EXPECT_TRUE(store->db().Prepare(
      "SELECT merge_key, source_name, target_name, goldstein, n_mentions, n_articles FROM events ORDER BY event_key",
      &st).ok());
  std::string out;
  while (st.Step()) {
    for (int c = 0; c < 6; ++c) out += st.Text(c) + "|";
    out += "\n";
  }
  return out;
}

TEST(SyntheticEvents, WritesExactlyNEventsThroughTheImportPath) {
  TempDir dir;
  auto onto = SmallOntology(dir);
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(dir.File("s.db"), {}, &store).ok());
  SyntheticStats st;
  int64_t progress_calls = 0;
  SyntheticOptions o = Small(3);
  o.progress = [&](int64_t, int64_t) { ++progress_calls; };
  Status s = GenerateSyntheticEvents(*onto, FewCountries(), o, store.get(), &st);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(st.events, 600);
  EXPECT_EQ(st.records, st.events + st.merged);
  EXPECT_GT(st.merged, 0);  // some events are reported more than once
  EXPECT_GT(progress_calls, 1);
  StoreCounts c;
  ASSERT_TRUE(store->Counts(&c).ok());
  EXPECT_EQ(c.events, 600);
  EXPECT_EQ(c.mentions, st.records);
  EXPECT_EQ(c.documents, 0);
  EXPECT_GE(c.first_day, "2020-03-01");
  EXPECT_LE(c.last_day, "2020-05-29");  // 90 days
  EXPECT_EQ(st.first_day, c.first_day);
  EXPECT_EQ(QueryInt(store->db(), "SELECT sum(n_mentions) FROM events"), st.records);
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM mentions WHERE origin <> 'synthetic'"), 0);
  const std::string recipe = SyntheticRecipe(*onto, FewCountries(), o);
  EXPECT_EQ(recipe.rfind("events=600 seed=3 first_day=2020-03-01 days=90 countries=200 inputs=", 0), 0u) << recipe;
  EXPECT_EQ(QueryText(store->db(), "SELECT value FROM meta WHERE key = 'synthetic'"), recipe);
  // Other inputs, another recipe.
  auto fewer = FewCountries();
  fewer.pop_back();
  EXPECT_NE(SyntheticRecipe(*onto, fewer, o), recipe);
  // Actor names are counted as for real imports.
  EXPECT_GT(QueryInt(store->db(), "SELECT count(*) FROM actor_names WHERE code = 'USA' AND name = 'United States'"), 0);
}

TEST(SyntheticEvents, CodesActorsAndDatesAreSane) {
  TempDir dir;
  auto onto = SmallOntology(dir);
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(dir.File("s.db"), {}, &store).ok());
  SyntheticStats st;
  ASSERT_TRUE(GenerateSyntheticEvents(*onto, FewCountries(), Small(5), store.get(), &st).ok());
  std::set<std::string> countries;
  for (const auto& c : FewCountries()) countries.insert(c.code);
  sql::Stmt q;
  ASSERT_TRUE(store->db().Prepare("SELECT cameo, cameo_root, cameo_name, goldstein, quad_class, source_code, "
                                  "source_country, source_sector, target_code, target_country, day FROM events", &q).ok());
  std::set<int> quads;
  int unknown_targets = 0, rows = 0;
  while (q.Step()) {
    ++rows;
    const std::string cameo = q.Text(0);
    const CameoCode* c = onto->Find(cameo);
    ASSERT_NE(c, nullptr) << cameo;
    EXPECT_GE(c->level, 2) << cameo;  // event codes, not bare roots
    EXPECT_EQ(q.Text(1), cameo.substr(0, 2));
    EXPECT_EQ(q.Text(2), c->name);
    EXPECT_DOUBLE_EQ(q.Double(3), c->goldstein);
    EXPECT_EQ(q.Int(4), QuadClassOfCode(cameo));
    quads.insert(static_cast<int>(q.Int(4)));
    EXPECT_TRUE(countries.count(q.Text(6))) << q.Text(6);
    EXPECT_EQ(q.Text(5), q.Text(6) + q.Text(7));
    if (q.Text(8).empty()) ++unknown_targets;
    else EXPECT_TRUE(countries.count(q.Text(9))) << q.Text(9);
    EXPECT_TRUE(IsIsoDay(q.Text(10)));
  }
  ASSERT_TRUE(q.status().ok());
  EXPECT_EQ(rows, 600);
  EXPECT_EQ(quads, (std::set<int>{1, 2, 3, 4}));
  EXPECT_LT(unknown_targets, 60);
  // The Zipf head dominates: the first country is the busiest source.
  EXPECT_EQ(QueryText(store->db(), "SELECT source_country FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"), "USA");
}

TEST(SyntheticEvents, SameSeedSameStoreOtherSeedOtherStore) {
  TempDir dir;
  auto onto = SmallOntology(dir);
  auto make = [&](const std::string& name, uint64_t seed) {
    std::unique_ptr<EventStore> store;
    EXPECT_TRUE(EventStore::Open(dir.File(name), {}, &store).ok());
    SyntheticStats st;
    Status s = GenerateSyntheticEvents(*onto, FewCountries(), Small(seed), store.get(), &st);
    EXPECT_TRUE(s.ok()) << s.message();
    return Dump(store.get());
  };
  const std::string a = make("a.db", 11), b = make("b.db", 11), c = make("c.db", 12);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(SyntheticEvents, RefusesWhatItCannotMake) {
  TempDir dir;
  auto onto = SmallOntology(dir);
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(dir.File("s.db"), {}, &store).ok());
  SyntheticStats st;
  EXPECT_FALSE(GenerateSyntheticEvents(*onto, {{"USA", "United States"}}, Small(1), store.get(), &st).ok());
  SyntheticOptions o = Small(1);
  o.first_day = "2020-02-30";
  EXPECT_FALSE(GenerateSyntheticEvents(*onto, FewCountries(), o, store.get(), &st).ok());
  // Far more distinct events on one day than two countries can make.
  o = Small(1);
  o.days = 1;
  o.events = 200000;
  Status s = GenerateSyntheticEvents(*onto, {{"USA", "United States"}, {"CHN", "China"}}, o, store.get(), &st);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("more days"), std::string::npos) << s.message();
  EXPECT_FALSE(store->in_transaction());
}

TEST(SyntheticEvents, CountriesFromTheLexiconProminentFirst) {
  std::unique_ptr<ActorLexicon> lex;
  Status s = ActorLexicon::FromText({{"countries.txt",
                                      "= Aland | Alanders\n  ALA\n= France | French\n  FRA\n"
                                      "= United States | USA\n  USA\n"},
                                     {"people.txt", "= Some Leader\n  FRAGOV\n"}},
                                    &lex);
  ASSERT_TRUE(s.ok()) << s.message();
  auto c = SyntheticCountriesFrom(*lex);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].code, "USA");
  EXPECT_EQ(c[0].name, "United States");
  EXPECT_EQ(c[1].code, "FRA");
  EXPECT_EQ(c[2].code, "ALA");
}

// Runs `dyad bench-store` with args; stdout, and the exit code in *rc.
std::string BenchStore(const std::string& args, int* rc) {
  const std::string cmd = std::string(DYAD_CLI) + " bench-store " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  const int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

TEST(SyntheticEvents, BenchCommandBuildsReusesAndPrintsPercentiles) {
  TempDir dir;
  const std::string db = dir.File("bench.db");
  int rc = -1;
  std::string out = BenchStore("--db " + db + " --events 3000 --queries 3", &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("built        3000 events"), std::string::npos) << out;
  for (const char* call : {"series ", "network ", "alerts "}) {
    const size_t at = out.find(std::string("\n") + call);
    ASSERT_NE(at, std::string::npos) << call << " in " << out;
    EXPECT_NE(out.find("p50", at), std::string::npos);
    EXPECT_NE(out.find("p95", at), std::string::npos);
  }
  out = BenchStore("--db " + db + " --events 3000 --queries 1", &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("reused"), std::string::npos) << out;
  EXPECT_EQ(out.find("built"), std::string::npos) << out;

  // A store that is not one of its own is never replaced.
  const std::string real = dir.File("real.db");
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(real, {}, &store).ok());
  }
  BenchStore("--db " + real + " --events 3000 --queries 1", &rc);
  EXPECT_NE(rc, 0);
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(real, {}, &store).ok());
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM meta WHERE key = 'synthetic'"), 0);
}

}  // namespace
}  // namespace dyad
