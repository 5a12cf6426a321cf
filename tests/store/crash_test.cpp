// kill -9 in the middle of an ingest: the database stays consistent (only
// whole batches are visible) and re-running the ingest completes the work
// with the same result as an uninterrupted run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dyad/store/ingest.h"
#include "dyad/store/store.h"
#include "store_test_util.h"

namespace dyad {
namespace {

using testing_util::MakeDoc;
using testing_util::MakeEvent;
using testing_util::QueryInt;
using testing_util::QueryText;
using testing_util::TempDir;

std::vector<Document> Corpus() {
  std::vector<Document> docs;
  const char* pairs[][4] = {{"IRN", "Iran", "IRQ", "Iraq"},
                            {"IND", "India", "PAK", "Pakistan"},
                            {"USA", "Washington", "CHN", "Beijing"}};
  for (int i = 0; i < 50; ++i) {
    const auto& p = pairs[i % 3];
    std::string day = "2020-03-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    docs.push_back(MakeDoc("doc-" + std::to_string(i), day,
                           {std::string(p[1]) + " warned " + p[3] + " in report " + std::to_string(i) + ".",
                            std::string(p[3]) + " answered."}));
  }
  return docs;
}

// Every document gives one event; same-day reports of the same dyad merge.
Status CodeStub(Document* d, std::vector<Event>* ev) {
  const std::string first = d->text.substr(0, d->text.find(' '));
  const std::string code = first == "Iran" ? "IRN" : first == "India" ? "IND" : "USA";
  const std::string tcode = code == "IRN" ? "IRQ" : code == "IND" ? "PAK" : "CHN";
  ev->push_back(MakeEvent(*d, 0, code, first, tcode, "x", "130", 3, -4.4, "warned"));
  return Status::OK();
}

Status RunIngest(const std::string& path, const IngestOptions& o) {
  std::unique_ptr<EventStore> store;
  Status s = EventStore::Open(path, {}, &store);
  if (!s.ok()) return s;
  testing_util::VectorReader reader(Corpus());
  IngestStats stats;
  return Ingest(&reader, CodeStub, store.get(), o, &stats);
}

// A summary of the whole store that two equivalent stores share.
std::string Fingerprint(sql::Db& db) {
  return QueryText(db,
                   "SELECT group_concat(x, ';') FROM (SELECT merge_key || '=' || n_mentions || '/' || "
                   "n_articles AS x FROM events ORDER BY merge_key)") +
         "|" + std::to_string(QueryInt(db, "SELECT count(*) FROM documents")) + "|" +
         std::to_string(QueryInt(db, "SELECT count(*) FROM sentences")) + "|" +
         std::to_string(QueryInt(db, "SELECT count(*) FROM mentions"));
}

TEST(StoreCrash, KilledIngestLeavesWholeBatchesAndRerunCompletes) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  IngestOptions o;
  o.batch_docs = 10;
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // Child: die by SIGKILL with a transaction open, 5 documents into the
    // third batch.
    int batches_done = 0;
    IngestOptions co = o;
    co.on_commit = [&](const IngestStats&) { ++batches_done; };
    co.after_add = [&](size_t n) {
      if (batches_done == 2 && n == 5) kill(getpid(), SIGKILL);
    };
    RunIngest(path, co);
    _exit(0);  // not reached when the kill worked
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the child was expected to die by SIGKILL";
  ASSERT_EQ(WTERMSIG(wstatus), SIGKILL);

  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(path, {}, &store).ok());
    EXPECT_EQ(QueryText(store->db(), "PRAGMA integrity_check"), "ok");
    // Only the two committed batches are visible.
    EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM documents"), 20);
    EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM sentences"), 40);
    // Counters agree with the rows they count.
    EXPECT_EQ(QueryInt(store->db(), "SELECT sum(n_mentions) FROM events"),
              QueryInt(store->db(), "SELECT sum(weight_mentions) FROM mentions"));
    EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'warned'"), 20);
  }
  ASSERT_TRUE(RunIngest(path, o).ok());

  const std::string clean = dir.File("clean.db");
  ASSERT_TRUE(RunIngest(clean, o).ok());
  std::unique_ptr<EventStore> a, b;
  ASSERT_TRUE(EventStore::Open(path, {}, &a).ok());
  ASSERT_TRUE(EventStore::Open(clean, {}, &b).ok());
  EXPECT_EQ(QueryInt(a->db(), "SELECT count(*) FROM documents"), 50);
  EXPECT_EQ(Fingerprint(a->db()), Fingerprint(b->db()));
}

TEST(StoreCrash, AbortedTransactionLeavesNothing) {
  TempDir dir;
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(dir.File("a.db"), {}, &store).ok());
  ASSERT_TRUE(store->Begin().ok());
  Document d = MakeDoc("d", "2020-01-01", {"Chile thanked Peru."});
  AddDocumentResult r;
  ASSERT_TRUE(store->AddDocument(d, {MakeEvent(d, 0, "CHL", "Chile", "PER", "Peru", "051", 1, 3.4, "thanked")}, &r).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM documents"), 0);
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM events"), 0);
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'thanked'"), 0);
}

}  // namespace
}  // namespace dyad
