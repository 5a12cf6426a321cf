// Importing ICEWS and GDELT files: mapping, merging, bad rows reported with
// line numbers and skipped, re-import without duplicates. The fixture rows
// are invented for these tests.
#include <gtest/gtest.h>

#include <fstream>

#include "dyad/coder/event_json.h"
#include "dyad/store/country_names.h"
#include "dyad/store/event_query.h"
#include "dyad/store/importers.h"
#include "store_test_util.h"

namespace dyad {
namespace {

using testing_util::QueryInt;
using testing_util::QueryText;
using testing_util::TempDir;

const char* kIcewsHeader =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
    "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

std::string IcewsRow(const std::string& id, const std::string& date, const std::string& src,
                     const std::string& src_sectors, const std::string& src_country,
                     const std::string& text, const std::string& code, const std::string& intensity,
                     const std::string& tgt, const std::string& tgt_sectors,
                     const std::string& tgt_country, const std::string& story) {
  return id + "\t" + date + "\t" + src + "\t" + src_sectors + "\t" + src_country + "\t" + text + "\t" +
         code + "\t" + intensity + "\t" + tgt + "\t" + tgt_sectors + "\t" + tgt_country + "\t" + story +
         "\t1\tExample Wire\tSampletown\t\tNorth Province\t" + tgt_country + "\t12.5\t-3.25";
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(EventStore::Open(dir_.File("i.db"), {}, &store_).ok()); }
  Status Import(const std::string& path, ImportFormat f, ImportStats* stats) {
    ImportOptions o;
    o.batch_rows = 2;
    o.on_problem = [&](const ImportProblem& p) { problems_.push_back(p.ToString()); };
    return ImportFile(path, f, store_.get(), o, stats);
  }
  TempDir dir_;
  std::unique_ptr<EventStore> store_;
  std::vector<std::string> problems_;
};

TEST_F(ImportTest, IcewsRowsAreMappedMergedAndBadRowsReported) {
  std::string f = std::string(kIcewsHeader) + "\r\n" +
      IcewsRow("101", "2019-06-03", "Russia", "", "Russian Federation", "Criticize or denounce", "111", "-2",
               "Ukraine", "", "Ukraine", "s1") + "\r\n" +
      // The same dyad, code and day from another story: one event, two articles.
      IcewsRow("102", "2019-06-03", "Russia", "", "Russian Federation", "Criticize or denounce", "111", "-2",
               "Ukraine", "", "Ukraine", "s2") + "\n" +
      IcewsRow("103", "2019-06-04", "Police (Ukraine)", "Police,Government", "Ukraine", "Arrest, detain",
               "173", "-5", "Protester (Ukraine)", "Protestors / Popular Opposition", "Ukraine", "s3") + "\n" +
      "\n" +
      IcewsRow("104", "2019-13-01", "Russia", "", "Russia", "x", "111", "-2", "Ukraine", "", "Ukraine", "s4") + "\n" +
      IcewsRow("105", "2019-06-05", "Russia", "", "Russia", "x", "211", "-2", "Ukraine", "", "Ukraine", "s5") + "\n" +
      "106\t2019-06-05\tRussia\n" +
      IcewsRow("107", "2019-06-05", "Russia", "", "Russia", "x", "111", "very bad", "Ukraine", "", "Ukraine", "s7") + "\n" +
      IcewsRow("108", "2019-06-06", "Citizen (Atlantis)", "", "Atlantis", "Make statement", "010", "0",
               "Ukraine", "Government", "Ukraine", "s8") + "\n";
  const std::string path = dir_.File("icews.tsv");
  WriteFile(path, f);
  ImportStats stats;
  Status s = Import(path, ImportFormat::kIcews, &stats);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(stats.lines, 8u);
  EXPECT_EQ(stats.imported, 4u);
  EXPECT_EQ(stats.bad, 4u);
  ASSERT_EQ(problems_.size(), 4u);
  EXPECT_EQ(problems_[0].rfind(path + ":6: Event Date '2019-13-01'", 0), 0u) << problems_[0];
  EXPECT_EQ(problems_[1].rfind(path + ":7: CAMEO Code '211'", 0), 0u) << problems_[1];
  EXPECT_EQ(problems_[2].rfind(path + ":8: expected 20 tab-separated columns, found 3", 0), 0u) << problems_[2];
  EXPECT_EQ(problems_[3].rfind(path + ":9: Intensity 'very bad'", 0), 0u) << problems_[3];
  EXPECT_EQ(stats.unmapped_countries["Atlantis"], 1u);

  sql::Db& db = store_->db();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM events"), 3);
  EXPECT_EQ(QueryText(db, "SELECT source_code || '>' || target_code || ' ' || n_mentions || '/' || n_articles "
                          "FROM events WHERE cameo = '111'"), "RUS>UKR 2/2");
  EXPECT_EQ(QueryText(db, "SELECT source_code || '>' || target_code || ' q' || quad_class FROM events WHERE cameo = '173'"),
            "UKRCOP>UKROPP q4");
  EXPECT_EQ(QueryText(db, "SELECT source_code || '|' || source_name || '>' || target_code FROM events WHERE cameo = '010'"),
            "|Citizen (Atlantis)>UKRGOV");
  EXPECT_EQ(QueryText(db, "SELECT place FROM mentions WHERE external_id = '103'"), "Sampletown, North Province, Ukraine");

  // Importing the file again adds nothing.
  problems_.clear();
  ImportStats again;
  ASSERT_TRUE(Import(path, ImportFormat::kIcews, &again).ok());
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.duplicates, 4u);
  EXPECT_EQ(QueryInt(db, "SELECT sum(n_mentions) FROM events"), 4);
}

TEST_F(ImportTest, IcewsHeaderMustNameTheColumns) {
  const std::string path = dir_.File("bad.tsv");
  WriteFile(path, "Event ID\tDate\tSomething\n1\t2\t3\n");
  ImportStats stats;
  Status s = Import(path, ImportFormat::kIcews, &stats);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":1: ICEWS header lacks column(s): event date"), std::string::npos) << s.message();
  EXPECT_FALSE(Import(dir_.File("missing.tsv"), ImportFormat::kIcews, &stats).ok());
}

std::string GdeltRow(const std::string& id, const std::string& day, const std::string& a1,
                     const std::string& a1country, const std::string& a2, const std::string& a2country,
                     const std::string& code, const std::string& quad, const std::string& goldstein,
                     const std::string& mentions, const std::string& articles, const std::string& url) {
  std::vector<std::string> f(61);
  f[0] = id;
  f[1] = day;
  f[2] = day.substr(0, 6);
  f[3] = day.substr(0, 4);
  f[4] = day.substr(0, 4) + ".5";
  f[5] = a1;
  f[6] = a1.empty() ? "" : "NAME OF " + a1;
  f[7] = a1country;
  f[15] = a2;
  f[16] = a2.empty() ? "" : "NAME OF " + a2;
  f[17] = a2country;
  f[25] = "1";
  f[26] = code;
  f[27] = code.substr(0, 3);
  f[28] = code.substr(0, 2);
  f[29] = quad;
  f[30] = goldstein;
  f[31] = mentions;
  f[32] = "1";
  f[33] = articles;
  f[34] = "-1.5";
  f[52] = "Sampletown, Example";
  f[56] = "10.5";
  f[57] = "20.25";
  f[59] = day + "120000";
  f[60] = url;
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line;
}

TEST_F(ImportTest, GdeltRowsCarryTheirMentionCounts) {
  std::string f =
      GdeltRow("900001", "20200110", "USAGOV", "USA", "IRN", "IRN", "130", "3", "-4.4", "6", "3", "https://a.example/1") + "\n" +
      GdeltRow("900002", "20200110", "USAGOV", "USA", "IRN", "IRN", "130", "3", "-4.4", "2", "1", "https://b.example/2") + "\n" +
      GdeltRow("900003", "20200111", "IGOUNO", "", "IRQ", "IRQ", "043", "1", "2.8", "1", "1", "https://c.example/3") + "\n" +
      GdeltRow("900004", "20200111", "GOV", "", "", "", "0231", "1", "3.4", "1", "1", "https://d.example/4") + "\n" +
      GdeltRow("900005", "2020-01-11", "USA", "USA", "IRN", "IRN", "130", "3", "-4.4", "1", "1", "u") + "\n" +
      GdeltRow("900006", "20200111", "USA", "USA", "IRN", "IRN", "130", "7", "-4.4", "1", "1", "u") + "\n" +
      GdeltRow("900007", "20200111", "USA", "USA", "IRN", "IRN", "190", "4", "-10", "1", "1", "u").substr(0, 40) + "\n";
  const std::string path = dir_.File("gdelt.export.CSV");
  WriteFile(path, f);
  ImportStats stats;
  ASSERT_TRUE(Import(path, ImportFormat::kGdelt, &stats).ok());
  EXPECT_EQ(stats.imported, 4u);
  EXPECT_EQ(stats.bad, 3u);
  ASSERT_EQ(problems_.size(), 3u);
  EXPECT_EQ(problems_[0].rfind(path + ":5: SQLDATE", 0), 0u) << problems_[0];
  EXPECT_EQ(problems_[1].rfind(path + ":6: QuadClass '7'", 0), 0u) << problems_[1];
  EXPECT_EQ(problems_[2].rfind(path + ":7: expected 61", 0), 0u) << problems_[2];

  sql::Db& db = store_->db();
  EXPECT_EQ(QueryText(db, "SELECT source_code || '>' || target_code || ' ' || n_mentions || '/' || n_articles "
                          "FROM events WHERE cameo = '130'"), "USAGOV>IRN 8/4");
  EXPECT_EQ(QueryText(db, "SELECT source_country || '+' || source_sector FROM events WHERE cameo = '043'"), "IGO+UNO");
  EXPECT_EQ(QueryText(db, "SELECT source_country || '+' || source_sector || '+' || has_target FROM events WHERE cameo = '0231'"),
            "+GOV+0");
  EXPECT_EQ(QueryText(db, "SELECT url FROM mentions WHERE external_id = '900003'"), "https://c.example/3");
}

TEST(CountryNames, CommonIcewsNamesMap) {
  EXPECT_EQ(CountryCodeForName("Russian Federation"), "RUS");
  EXPECT_EQ(CountryCodeForName("United States"), "USA");
  EXPECT_EQ(CountryCodeForName("Occupied Palestinian Territory"), "PSE");
  EXPECT_EQ(CountryCodeForName("Korea, Democratic People's Republic of"), "PRK");
  EXPECT_EQ(CountryCodeForName("South Korea"), "KOR");
  EXPECT_EQ(CountryCodeForName("Côte d'Ivoire"), "CIV");
  EXPECT_EQ(CountryCodeForName("Democratic Republic of Congo"), "COD");
  EXPECT_EQ(CountryCodeForName("Kosovo"), "KSV");
  EXPECT_EQ(CountryCodeForName("Romania"), "ROU");
  EXPECT_EQ(CountryCodeForName("Atlantis"), "");
  EXPECT_EQ(SectorCodeForIcewsSectors("Police,Government"), "COP");
  EXPECT_EQ(SectorCodeForIcewsSectors("Government,Executive,Executive Office"), "GOV");
  EXPECT_EQ(SectorCodeForIcewsSectors("Rebel,Insurgents"), "REB");
  EXPECT_EQ(SectorCodeForIcewsSectors(""), "");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(ImportJsonl, DyadEventLinesKeepEvidenceAndImportOnce) {
  testing_util::TempDir dir;
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(dir.File("j.db"), {}, &store).ok());
  Document d = testing_util::MakeDoc("art-9", "2023-07-01", {"Kenya praised Uganda warmly."});
  Event e = testing_util::MakeEvent(d, 0, "KEN", "Kenya", "UGA", "Uganda", "051", 1, 3.4, "praised");
  // A record with a repeat mention, written by hand (the same shape as
  // EventToJson's output).
  const std::string with_mention =
      R"({"doc_id":"art-10","sentence":0,"date":"2023-07-02","event_date":"2023-07-02",)"
      R"("source":{"code":"UGA","country":"UGA","sector":"","text":"Uganda","start":0,"end":6},)"
      R"("target":{"code":"KEN","country":"KEN","sector":"","text":"Kenya","start":14,"end":19},)"
      R"("cameo":"051","cameo_root":"05","cameo_name":"Praise or endorse","goldstein":3.4,"quad_class":1,)"
      R"("plover":{"event":"","mode":"","context":""},"negated":false,"modality":"asserted","historical":false,)"
      R"("evidence":{"text":"Uganda thanked Kenya.","start":0,"end":21,"trigger":"thanked","trigger_start":7,)"
      R"("trigger_end":14,"rule":"r1"},"mentions":{"count":2,"spans":[{"sentence":3,"text":"Again.","start":60,)"
      R"("end":66,"trigger":"","trigger_start":0,"trigger_end":0,"rule":""}]}})";
  const std::string path = dir.File("events.jsonl");
  {
    std::ofstream out(path);
    out << EventToJson(e) << "\n";
    out << with_mention << "\n";
    out << "{\"doc_id\": \"x\", \"cameo\": \"999\", \"date\": \"2023-07-01\"}\n";
    out << "{not json\n";
  }
  std::vector<std::string> problems;
  ImportOptions o;
  o.on_problem = [&](const ImportProblem& p) { problems.push_back(p.ToString()); };
  ImportStats stats;
  ASSERT_TRUE(ImportFile(path, ImportFormat::kJsonl, store.get(), o, &stats).ok());
  EXPECT_EQ(stats.imported, 2u);
  EXPECT_EQ(stats.bad, 2u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].rfind(path + ":3: cameo '999'", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind(path + ":4: not a dyad event record", 0), 0u) << problems[1];
  EventPage page;
  ASSERT_TRUE(QueryEvents(store->db(), EventFilter{}, EventSort::kDateAsc, 5, 0, 1, &page).ok());
  ASSERT_EQ(page.events.size(), 2u);
  EXPECT_EQ(page.events[0].n_mentions, 1);
  EXPECT_EQ(page.events[1].n_mentions, 2);
  const StoredMention& m = page.events[0].mentions[0];
  EXPECT_EQ(m.origin, "jsonl");
  EXPECT_EQ(m.report, "art-9");
  EXPECT_EQ(m.evidence.trigger, "praised");
  EXPECT_EQ(m.source.text, "Kenya");
  ImportStats again_stats;
  ASSERT_TRUE(ImportFile(path, ImportFormat::kJsonl, store.get(), o, &again_stats).ok());
  EXPECT_EQ(again_stats.imported, 0u);
  EXPECT_EQ(again_stats.duplicates, 2u);
}

}  // namespace
}  // namespace dyad
