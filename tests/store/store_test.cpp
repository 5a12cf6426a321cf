// Event store: schema and migrations, idempotent ingest, the cross-document
// merge, full-text search, event and document queries.
#include <gtest/gtest.h>

#include "dyad/store/event_query.h"
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

std::unique_ptr<EventStore> OpenStore(const std::string& path, StoreOptions o = {}) {
  std::unique_ptr<EventStore> s;
  Status st = EventStore::Open(path, o, &s);
  EXPECT_TRUE(st.ok()) << st.message();
  return s;
}

TEST(StoreSchema, NewFileGetsLatestVersionAndWal) {
  TempDir dir;
  auto store = OpenStore(dir.File("a.db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), StoreSchemaVersion());
  EXPECT_EQ(QueryInt(store->db(), "PRAGMA user_version"), StoreSchemaVersion());
  EXPECT_EQ(QueryText(store->db(), "PRAGMA journal_mode"), "wal");
  store.reset();
  auto again = OpenStore(dir.File("a.db"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->schema_version(), StoreSchemaVersion());
}

TEST(StoreSchema, RefusesForeignDatabase) {
  TempDir dir;
  {
    sql::Db db;
    ASSERT_TRUE(db.Open(dir.File("other.db"), true).ok());
    ASSERT_TRUE(db.Exec("CREATE TABLE t (x INTEGER)").ok());
  }
  std::unique_ptr<EventStore> s;
  Status st = EventStore::Open(dir.File("other.db"), {}, &s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("not a dyad store"), std::string::npos) << st.message();
}

TEST(StoreSchema, RefusesNewerSchema) {
  TempDir dir;
  {
    auto store = OpenStore(dir.File("a.db"));
    ASSERT_TRUE(store->db().Exec("PRAGMA user_version = 99").ok());
  }
  std::unique_ptr<EventStore> s;
  Status st = EventStore::Open(dir.File("a.db"), {}, &s);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported) << st.message();
  EXPECT_NE(st.message().find("99"), std::string::npos);
}

TEST(StoreSchema, MigrationFromVersion1BackfillsFullTextIndex) {
  TempDir dir;
  {
    StoreOptions o;
    o.migrate_to = 1;
    auto v1 = OpenStore(dir.File("a.db"), o);
    ASSERT_EQ(v1->schema_version(), 1);
    ASSERT_TRUE(v1->db().Exec(
        "INSERT INTO documents (id, content_hash, text) VALUES ('d1', 1, 'Troops shelled the border town.');"
        "INSERT INTO sentences (doc_key, idx, start_byte, end_byte, text) VALUES "
        "(1, 0, 0, 31, 'Troops shelled the border town.');"
        "INSERT INTO events (merge_key, day, source_code, source_name, target_code, target_name, cameo, "
        "cameo_root) VALUES ('k1', '2020-01-01', 'SYRMIL', 'Syrian troops', 'TUR', 'Turkey', '190', '19');").ok());
    EXPECT_EQ(QueryInt(v1->db(), "SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts'"), 0);
  }
  auto store = OpenStore(dir.File("a.db"));
  EXPECT_EQ(store->schema_version(), StoreSchemaVersion());
  // "shelling" stems like "shelled": the back-filled index finds the old row.
  EXPECT_EQ(QueryInt(store->db(), "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'shelling'"), 1);
  // Migration 3 back-fills the actor names from the events.
  EXPECT_EQ(QueryText(store->db(), "SELECT group_concat(code || '=' || name || '/' || n, ';') FROM "
                                   "(SELECT * FROM actor_names ORDER BY code)"),
            "SYRMIL=Syrian troops/1;TUR=Turkey/1");
}

TEST(StoreSchema, ReadOnlyOpenRefusesWrites) {
  TempDir dir;
  { OpenStore(dir.File("a.db")); }
  StoreOptions o;
  o.read_only = true;
  auto ro = OpenStore(dir.File("a.db"), o);
  ASSERT_TRUE(ro);
  Document d = MakeDoc("x", "2020-01-01", {"Hello."});
  AddDocumentResult r;
  EXPECT_FALSE(ro->AddDocument(d, {}, &r).ok());
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = OpenStore(dir_.File("events.db")); }
  TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(StoreTest, DocumentIsStoredOnceByIdAndByText) {
  Document d = MakeDoc("doc-1", "2021-03-04", {"Russia condemned Ukraine.", "Ukraine denied it."});
  std::vector<Event> ev = {MakeEvent(d, 0, "RUS", "Russia", "UKR", "Ukraine", "111", 3, -2, "condemned")};
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(d, ev, &r).ok());
  EXPECT_TRUE(r.added);
  EXPECT_EQ(r.events_new, 1);
  EXPECT_EQ(r.mentions, 1);

  ASSERT_TRUE(store_->AddDocument(d, ev, &r).ok());
  EXPECT_FALSE(r.added);
  EXPECT_EQ(r.duplicate_of, "doc-1");

  Document same_text = d;
  same_text.id = "doc-1-copy";
  ASSERT_TRUE(store_->AddDocument(same_text, ev, &r).ok());
  EXPECT_FALSE(r.added);
  EXPECT_EQ(r.duplicate_of, "doc-1");

  StoreCounts c;
  ASSERT_TRUE(store_->Counts(&c).ok());
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.sentences, 2);
  EXPECT_EQ(c.events, 1);
  EXPECT_EQ(c.mentions, 1);
  EXPECT_EQ(QueryText(store_->db(), "SELECT text FROM sentences WHERE idx = 1"), "Ukraine denied it.");
}

TEST_F(StoreTest, SameEventFromSeveralArticlesIsOneEventWithMentions) {
  Document a = MakeDoc("a", "2021-03-04", {"Russia condemned Ukraine on Monday."});
  Document b = MakeDoc("b", "2021-03-04", {"Moscow condemned Kyiv.", "Again, Moscow condemned Kyiv."});
  Event ea = MakeEvent(a, 0, "RUS", "Russia", "UKR", "Ukraine", "111", 3, -2, "condemned");
  // b reports it twice: the coder merged the repeat into one Event with a mention.
  Event eb = MakeEvent(b, 0, "RUS", "Moscow", "UKR", "Kyiv", "111", 3, -2, "condemned");
  Mention m;
  m.sentence = 1;
  m.evidence.text = "Again, Moscow condemned Kyiv.";
  m.evidence.start = b.sentences[1].start;
  m.evidence.end = b.sentences[1].end;
  eb.mentions.push_back(m);
  // Same dyad and day, other code: a different event.
  Event other = MakeEvent(a, 0, "RUS", "Russia", "UKR", "Ukraine", "112", 3, -2, "condemned");
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(a, {ea, other}, &r).ok());
  EXPECT_EQ(r.events_new, 2);
  ASSERT_TRUE(store_->AddDocument(b, {eb}, &r).ok());
  EXPECT_EQ(r.events_new, 0);
  EXPECT_EQ(r.events_merged, 1);
  EXPECT_EQ(r.mentions, 2);

  EXPECT_EQ(QueryInt(store_->db(), "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(QueryInt(store_->db(), "SELECT n_mentions FROM events WHERE cameo = '111'"), 3);
  EXPECT_EQ(QueryInt(store_->db(), "SELECT n_articles FROM events WHERE cameo = '111'"), 2);
  EXPECT_EQ(QueryInt(store_->db(), "SELECT n_articles FROM events WHERE cameo = '112'"), 1);
}

TEST_F(StoreTest, NegatedAndAssertedEventsStaySeparate) {
  Document a = MakeDoc("a", "2021-03-04", {"Russia attacked Ukraine."});
  Document b = MakeDoc("b", "2021-03-04", {"Russia did not attack Ukraine."});
  Event ea = MakeEvent(a, 0, "RUS", "Russia", "UKR", "Ukraine", "190", 4, -10, "attacked");
  Event eb = MakeEvent(b, 0, "RUS", "Russia", "UKR", "Ukraine", "190", 4, -10, "attack");
  eb.negated = true;
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(a, {ea}, &r).ok());
  ASSERT_TRUE(store_->AddDocument(b, {eb}, &r).ok());
  EXPECT_EQ(r.events_new, 1);
  EventPage page;
  ASSERT_TRUE(QueryEvents(store_->db(), EventFilter{}, EventSort::kDateDesc, 10, 0, 1, &page).ok());
  EXPECT_EQ(page.total, 1);  // negated events are left out by default
  EventFilter all;
  all.include_negated = true;
  ASSERT_TRUE(QueryEvents(store_->db(), all, EventSort::kDateDesc, 10, 0, 1, &page).ok());
  EXPECT_EQ(page.total, 2);
}

TEST_F(StoreTest, UnknownNamedActorsDoNotMergeWithEachOther) {
  Document a = MakeDoc("a", "2021-03-04", {"Rebels of the Alpha Front attacked Mali."});
  Document b = MakeDoc("b", "2021-03-04", {"The Beta Brigade attacked Mali."});
  Event ea = MakeEvent(a, 0, "", "Alpha Front", "MLI", "Mali", "190", 4, -10, "attacked");
  Event eb = MakeEvent(b, 0, "", "Beta Brigade", "MLI", "Mali", "190", 4, -10, "attacked");
  ea.source->country = eb.source->country = "";
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(a, {ea}, &r).ok());
  ASSERT_TRUE(store_->AddDocument(b, {eb}, &r).ok());
  EXPECT_EQ(r.events_new, 1);
  EXPECT_EQ(QueryInt(store_->db(), "SELECT count(*) FROM events"), 2);
}

TEST_F(StoreTest, BadEventDatesFallBackAndEventsWithoutCodeAreReported) {
  Document d = MakeDoc("a", "2021-03-04", {"Chad accused Sudan."});
  Event good = MakeEvent(d, 0, "TCD", "Chad", "SDN", "Sudan", "112", 3, -2, "accused");
  good.event_date = "2021-02-30";  // no such day
  Event no_code = good;
  no_code.cameo.clear();
  Event coarse = good;  // dated by year only: counted, no warning
  coarse.event_date = "2021";
  coarse.cameo = "111";
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(d, {good, no_code, coarse}, &r).ok());
  EXPECT_TRUE(r.added);
  EXPECT_EQ(r.events_new, 2);
  EXPECT_EQ(r.coarse_dates, 1);
  ASSERT_EQ(r.warnings.size(), 3u) << ::testing::PrintToString(r.warnings);
  EXPECT_EQ(QueryText(store_->db(), "SELECT group_concat(DISTINCT day) FROM events"), "2021-03-04");
}

TEST_F(StoreTest, FullTextSearchUsesStemming) {
  Document a = MakeDoc("a", "2021-03-04", {"Israel attacked positions in Gaza.", "Nothing else happened."});
  Document b = MakeDoc("b", "2021-03-05", {"Egypt hosted talks with Israel."});
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(a, {MakeEvent(a, 0, "ISR", "Israel", "PSE", "Gaza", "190", 4, -10, "attacked")}, &r).ok());
  ASSERT_TRUE(store_->AddDocument(b, {MakeEvent(b, 0, "EGY", "Egypt", "ISR", "Israel", "043", 1, 2.8, "hosted")}, &r).ok());
  EventFilter f;
  f.text = "attacks";
  EventPage page;
  ASSERT_TRUE(QueryEvents(store_->db(), f, EventSort::kDateDesc, 10, 0, 1, &page).ok());
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.events[0].cameo, "190");
  f.text = "talks Israel";  // all words must match
  ASSERT_TRUE(QueryEvents(store_->db(), f, EventSort::kDateDesc, 10, 0, 1, &page).ok());
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.events[0].source.code, "EGY");
  f.text = "happened";  // a sentence without events finds none
  ASSERT_TRUE(QueryEvents(store_->db(), f, EventSort::kDateDesc, 10, 0, 1, &page).ok());
  EXPECT_EQ(page.total, 0);
  f.text = "\"unbalanced";
  EXPECT_FALSE(QueryEvents(store_->db(), f, EventSort::kDateDesc, 10, 0, 1, &page).ok());
}

TEST_F(StoreTest, FtsQueryQuotesPlainWordsAndKeepsSyntax) {
  EXPECT_EQ(FtsQuery("border talks"), "\"border\" \"talks\"");
  EXPECT_EQ(FtsQuery("say \"hi\""), "say \"hi\"");
  EXPECT_EQ(FtsQuery("gaza OR israel"), "gaza OR israel");
  EXPECT_EQ(FtsQuery("talk*"), "talk*");
}

TEST_F(StoreTest, QueryFiltersAndPaging) {
  std::vector<std::tuple<std::string, std::string, std::string, std::string, int>> rows = {
      {"2021-01-01", "USAGOV", "RUS", "036", 1}, {"2021-01-02", "RUSMIL", "UKR", "190", 4},
      {"2021-01-03", "UKR", "RUS", "112", 3},    {"2021-01-04", "USA", "CHN", "042", 1},
      {"2021-01-05", "RUS", "USA", "160", 4},
  };
  int i = 0;
  for (const auto& [day, s, t, code, quad] : rows) {
    Document d = MakeDoc("d" + std::to_string(i++), day, {s + " did " + code + " to " + t + "."});
    AddDocumentResult r;
    ASSERT_TRUE(store_->AddDocument(d, {MakeEvent(d, 0, s, s, t, t, code, quad, 0, "did")}, &r).ok());
  }
  auto total = [&](const EventFilter& f) {
    EventPage p;
    Status s = QueryEvents(store_->db(), f, EventSort::kDateAsc, 2, 0, 0, &p);
    EXPECT_TRUE(s.ok()) << s.message();
    return p.total;
  };
  EventFilter f;
  EXPECT_EQ(total(f), 5);
  f.actor = "RUS";  // prefix: RUS and RUSMIL, either side
  EXPECT_EQ(total(f), 4);
  f = {};
  f.source = "RUS";
  f.target = "UKR";
  EXPECT_EQ(total(f), 1);
  f.both_directions = true;
  EXPECT_EQ(total(f), 2);
  f = {};
  f.roots = {"19", "16"};
  EXPECT_EQ(total(f), 2);
  f = {};
  f.quad_classes = {1};
  EXPECT_EQ(total(f), 2);
  f = {};
  f.code = "04";
  EXPECT_EQ(total(f), 1);
  f = {};
  f.from = "2021-01-02";
  f.to = "2021-01-04";
  EXPECT_EQ(total(f), 3);
  f = {};
  f.doc_id = "d2";
  EXPECT_EQ(total(f), 1);

  EventPage p;
  ASSERT_TRUE(QueryEvents(store_->db(), EventFilter{}, EventSort::kDateAsc, 2, 2, 1, &p).ok());
  ASSERT_EQ(p.events.size(), 2u);
  EXPECT_EQ(p.events[0].day, "2021-01-03");
  EXPECT_EQ(p.events[1].day, "2021-01-04");
  EXPECT_EQ(p.events[0].cameo_name, "Disapprove");  // the root's name when the event has none
  ASSERT_EQ(p.events[0].mentions.size(), 1u);
  EXPECT_EQ(p.events[0].mentions[0].doc_id, "d2");

  f = {};
  f.from = "2021-13-01";
  EXPECT_FALSE(QueryEvents(store_->db(), f, EventSort::kDateAsc, 2, 0, 0, &p).ok());
  f = {};
  f.actor = "RUS'; DROP TABLE events; --";
  EXPECT_FALSE(QueryEvents(store_->db(), f, EventSort::kDateAsc, 2, 0, 0, &p).ok());
}

TEST_F(StoreTest, DocumentComesBackWithSentencesAndEvidenceSpans) {
  Document d = MakeDoc("doc-7", "2022-05-06", {"France and Germany met.", "Paris praised Berlin."});
  d.title = "Summit";
  Event e = MakeEvent(d, 1, "FRA", "Paris", "DEU", "Berlin", "051", 1, 3.4, "praised");
  AddDocumentResult r;
  ASSERT_TRUE(store_->AddDocument(d, {e}, &r).ok());
  StoredDocument doc;
  ASSERT_TRUE(GetDocument(store_->db(), "doc-7", &doc).ok());
  EXPECT_EQ(doc.title, "Summit");
  EXPECT_EQ(doc.text, d.text);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].text, "Paris praised Berlin.");
  ASSERT_EQ(doc.events.size(), 1u);
  ASSERT_EQ(doc.events[0].mentions.size(), 1u);
  const StoredMention& m = doc.events[0].mentions[0];
  EXPECT_EQ(d.text.substr(m.source.start, m.source.end - m.source.start), "Paris");
  EXPECT_EQ(d.text.substr(m.target.start, m.target.end - m.target.start), "Berlin");
  EXPECT_EQ(d.text.substr(m.evidence.trigger_start, m.evidence.trigger_end - m.evidence.trigger_start), "praised");
  EXPECT_EQ(GetDocument(store_->db(), "nope", &doc).code(), Status::Code::kNotFound);
}

TEST_F(StoreTest, IngestSkipsStoredDocumentsBeforeCodingThem) {
  std::vector<Document> docs;
  for (int i = 0; i < 7; ++i)
    docs.push_back(MakeDoc("n" + std::to_string(i), "2020-02-0" + std::to_string(i + 1),
                           {"Kenya thanked Uganda " + std::to_string(i) + " times."}));
  docs.push_back(docs[2]);  // a repeat inside the input
  std::atomic<int> coded{0};
  CodeDocumentFn code = [&](Document* d, std::vector<Event>* ev) {
    ++coded;
    ev->push_back(MakeEvent(*d, 0, "KEN", "Kenya", "UGA", "Uganda", "051", 1, 3.4, "thanked"));
    return Status::OK();
  };
  IngestOptions o;
  o.batch_docs = 3;
  o.threads = 2;
  std::vector<std::string> warnings;
  o.on_warning = [&](const std::string& w) { warnings.push_back(w); };
  testing_util::VectorReader reader(docs);
  reader.AddWarning({"in.jsonl", 4, "invalid JSON; record skipped"});
  IngestStats stats;
  ASSERT_TRUE(Ingest(&reader, code, store_.get(), o, &stats).ok());
  EXPECT_EQ(stats.documents_read, 8u);
  EXPECT_EQ(stats.documents_added, 7u);
  EXPECT_EQ(stats.documents_duplicate, 1u);
  EXPECT_EQ(stats.events, 7u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "in.jsonl:4: invalid JSON; record skipped");

  coded = 0;
  testing_util::VectorReader again(docs);
  IngestStats stats2;
  ASSERT_TRUE(Ingest(&again, code, store_.get(), o, &stats2).ok());
  EXPECT_EQ(stats2.documents_added, 0u);
  EXPECT_EQ(stats2.documents_duplicate, 8u);
  EXPECT_EQ(coded.load(), 0);
  EXPECT_EQ(QueryInt(store_->db(), "SELECT count(*) FROM documents"), 7);
}

TEST_F(StoreTest, IngestReportsDocumentsThatFailToCode) {
  std::vector<Document> docs = {MakeDoc("ok", "2020-01-01", {"A."}), MakeDoc("bad", "2020-01-01", {"B."})};
  docs[1].origin = "in.jsonl:2";
  CodeDocumentFn code = [&](Document* d, std::vector<Event>*) {
    return d->id == "bad" ? Status::InvalidInput("parse failed") : Status::OK();
  };
  std::vector<std::string> warnings;
  IngestOptions o;
  o.on_warning = [&](const std::string& w) { warnings.push_back(w); };
  testing_util::VectorReader reader(docs);
  IngestStats stats;
  ASSERT_TRUE(Ingest(&reader, code, store_.get(), o, &stats).ok());
  EXPECT_EQ(stats.documents_added, 1u);
  EXPECT_EQ(stats.documents_failed, 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("in.jsonl:2: parse failed"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace dyad
