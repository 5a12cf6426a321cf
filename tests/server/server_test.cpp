// HTTP API: endpoints over a constructed store, JSON errors with fitting
// statuses, limits, the token rule, the OpenAPI document and static files.
// Servers listen on a free port (port 0) in this process.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "dyad/server/api_json.h"
#include "dyad/server/server.h"
#include "dyad/store/store.h"

namespace dyad {
namespace {

using nlohmann::json;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-server-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& n) const { return path_ + "/" + n; }

 private:
  std::string path_;
};

Document Doc(const std::string& id, const std::string& date, const std::string& text) {
  Document d;
  d.id = id;
  d.date = date;
  d.text = text;
  d.title = "Title of " + id;
  Sentence s;
  s.start = 0;
  s.end = static_cast<uint32_t>(text.size());
  d.sentences.push_back(s);
  return d;
}

Event Ev(const Document& d, const std::string& src, const std::string& src_text, const std::string& tgt,
         const std::string& tgt_text, const std::string& code, int quad, double g, const std::string& trig) {
  Event e;
  e.doc_id = d.id;
  e.date = e.event_date = d.date;
  auto actor = [&](const std::string& c, const std::string& t) {
    EventActor a;
    a.code = c;
    a.country = c.substr(0, 3);
    a.sector = c.size() > 3 ? c.substr(3) : "";
    a.text = t;
    a.start = static_cast<uint32_t>(d.text.find(t));
    a.end = a.start + static_cast<uint32_t>(t.size());
    return a;
  };
  e.source = actor(src, src_text);
  e.target = actor(tgt, tgt_text);
  e.cameo = code;
  e.cameo_root = code.substr(0, 2);
  e.quad_class = quad;
  e.goldstein = g;
  e.evidence.text = d.text;
  e.evidence.start = 0;
  e.evidence.end = static_cast<uint32_t>(d.text.size());
  e.evidence.trigger = trig;
  e.evidence.trigger_start = static_cast<uint32_t>(d.text.find(trig));
  e.evidence.trigger_end = e.evidence.trigger_start + static_cast<uint32_t>(trig.size());
  return e;
}

// A stand-in for Pipeline + Coder: one sentence; "X praised Y" style texts
// give a 051 event between the first and third words when they are known
// country names.
Status FakeCode(Document* doc, std::vector<Event>* events) {
  doc->sentences.clear();
  Sentence s;
  s.end = static_cast<uint32_t>(doc->text.size());
  doc->sentences.push_back(s);
  static const std::map<std::string, std::string> codes = {{"France", "FRA"}, {"Germany", "DEU"}, {"Mali", "MLI"}};
  std::istringstream in(doc->text);
  std::string a, verb, b;
  in >> a >> verb >> b;
  while (!b.empty() && !std::isalpha(static_cast<unsigned char>(b.back()))) b.pop_back();
  if (codes.count(a) && codes.count(b)) events->push_back(Ev(*doc, codes.at(a), a, codes.at(b), b, "051", 1, 3.4, verb));
  return Status::OK();
}

class ServerFixture {
 public:
  explicit ServerFixture(ServerOptions o, bool populate = true) {
    o.db_path = dir_.File("api.db");
    {
      std::unique_ptr<EventStore> store;
      Status s = EventStore::Open(o.db_path, {}, &store);
      EXPECT_TRUE(s.ok()) << s.message();
      if (populate) Populate(store.get());
    }
    if (o.port == 8080) o.port = 0;
    Status s = ApiServer::Start(o, &server_);
    EXPECT_TRUE(s.ok()) << s.message();
    if (!server_) return;
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30, 0);
  }
  ~ServerFixture() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  static void Populate(EventStore* store) {
    auto add = [&](const Document& d, std::vector<Event> ev) {
      AddDocumentResult r;
      Status s = store->AddDocument(d, ev, &r);
      ASSERT_TRUE(s.ok()) << s.message();
    };
    Document a = Doc("doc/1", "2024-01-02", "Russia condemned Ukraine over the strike.");
    add(a, {Ev(a, "RUS", "Russia", "UKR", "Ukraine", "111", 3, -2, "condemned")});
    Document b = Doc("doc-2", "2024-01-03", "Ukraine accused Russia of shelling Kharkiv.");
    add(b, {Ev(b, "UKR", "Ukraine", "RUS", "Russia", "112", 3, -2, "accused")});
    Document c = Doc("doc-3", "2024-01-10", "France praised Germany for the deal.");
    add(c, {Ev(c, "FRA", "France", "DEU", "Germany", "051", 1, 3.4, "praised")});
    Document e = Doc("doc-4", "2024-01-11", "Russian troops attacked Ukraine near the border.");
    add(e, {Ev(e, "RUSMIL", "Russian troops", "UKR", "Ukraine", "190", 4, -10, "attacked")});
  }
  httplib::Client& client() { return *client_; }
  std::string db_path() const { return dir_.File("api.db"); }
  ApiServer* server() { return server_.get(); }

  json Get(const std::string& path, int expect) {
    auto r = client_->Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, expect) << path << " -> " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    return json::parse(r->body, nullptr, false);
  }
  json Post(const std::string& path, const std::string& body, int expect, const std::string& token = "") {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    auto r = client_->Post(path, h, body, "application/json");
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, expect) << path << " -> " << r->body;
    return json::parse(r->body, nullptr, false);
  }

 private:
  TempDir dir_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST(Server, HealthReportsCountsAndCodingState) {
  ServerFixture f({});
  json j = f.Get("/api/health", 200);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["documents"], 4);
  EXPECT_EQ(j["events"], 4);
  EXPECT_EQ(j["first_day"], "2024-01-02");
  EXPECT_EQ(j["last_day"], "2024-01-11");
  EXPECT_EQ(j["schema_version"], StoreSchemaVersion());
  EXPECT_EQ(j["code_available"], false);
  EXPECT_EQ(j["writes_need_token"], false);
}

TEST(Server, EventsFilterPageAndHighlight) {
  ServerFixture f({});
  json j = f.Get("/api/events?actor=rus&limit=2", 200);
  EXPECT_EQ(j["total"], 3);
  ASSERT_EQ(j["events"].size(), 2u);
  EXPECT_EQ(j["events"][0]["date"], "2024-01-11");  // newest first
  const json& m = j["events"][0]["mentions"][0];
  EXPECT_EQ(m["doc_id"], "doc-4");
  std::string joined, roles;
  for (const auto& seg : m["highlight"]) {
    joined += seg["text"].get<std::string>();
    if (seg.contains("role")) roles += seg["role"].get<std::string>() + "=" + seg["text"].get<std::string>() + ";";
  }
  EXPECT_EQ(joined, "Russian troops attacked Ukraine near the border.");
  EXPECT_EQ(roles, "source=Russian troops;trigger=attacked;target=Ukraine;");

  j = f.Get("/api/events?dyad=RUS,UKR&both=true", 200);
  EXPECT_EQ(j["total"], 3);
  j = f.Get("/api/events?source=RUS&target=UKR", 200);
  EXPECT_EQ(j["total"], 2);
  j = f.Get("/api/events?quad=1", 200);
  EXPECT_EQ(j["total"], 1);
  j = f.Get("/api/events?root=19,11&from=2024-01-01&to=2024-01-10&sort=date", 200);
  ASSERT_EQ(j["total"], 2);  // 111 and 112; the 190 falls after `to`
  EXPECT_EQ(j["events"][0]["cameo"], "111");
  j = f.Get("/api/events?q=shelled", 200);  // stems like "shelling"
  ASSERT_EQ(j["total"], 1);
  EXPECT_EQ(j["events"][0]["source"]["code"], "UKR");
  j = f.Get("/api/events?offset=3", 200);
  EXPECT_EQ(j["events"].size(), 1u);

  const int64_t id = j["events"][0]["id"];
  json one = f.Get("/api/events/" + std::to_string(id), 200);
  EXPECT_EQ(one["id"], id);
  f.Get("/api/events/999999", 404);
}

TEST(Server, BadParametersAreJsonErrors) {
  ServerFixture f({});
  for (const char* path : {"/api/events?limit=0", "/api/events?limit=501", "/api/events?from=2024-02-30",
                           "/api/events?quad=7", "/api/events?root=1", "/api/events?dyad=RUS",
                           "/api/events?actor=R%27US", "/api/events?sort=up", "/api/events?both=maybe",
                           "/api/series?granularity=year", "/api/network?level=planet",
                           "/api/alerts?weeks=0", "/api/alerts?min_surprise=x", "/api/events?q=%22open"}) {
    json j = f.Get(path, 400);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_EQ(j["error"]["status"], 400);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << path;
  }
  json j = f.Get("/api/nothing-here", 404);
  EXPECT_EQ(j["error"]["status"], 404);
  f.Get("/api/actors/ZZZ", 404);
  f.Get("/api/documents/nope", 404);
}

TEST(Server, AnalyticsEndpoints) {
  ServerFixture f({});
  json s = f.Get("/api/series?source=RUS&target=UKR&both=1&granularity=week", 200);
  ASSERT_EQ(s["points"].size(), 2u);
  EXPECT_EQ(s["points"][0]["period"], "2024-01-01");
  EXPECT_EQ(s["points"][0]["verbal_conflict"], 2);
  EXPECT_EQ(s["points"][1]["material_conflict"], 1);
  EXPECT_EQ(s["points"][1]["net_cooperation"], -1);

  json n = f.Get("/api/network?from=2024-01-01&to=2024-01-31", 200);
  EXPECT_EQ(n["level"], "country");
  EXPECT_EQ(n["nodes"].size(), 4u);
  EXPECT_EQ(n["edges"].size(), 3u);
  EXPECT_EQ(n["edges"][0]["source"], "RUS");
  EXPECT_EQ(n["edges"][0]["events"], 2);

  json a = f.Get("/api/alerts?weeks=2&min_baseline=1", 200);
  EXPECT_TRUE(a["alerts"].is_array());
  EXPECT_EQ(a["as_of"], "2024-01-11");

  json actors = f.Get("/api/actors?search=ukr", 200);
  ASSERT_EQ(actors["actors"].size(), 1u);
  EXPECT_EQ(actors["actors"][0]["events"], 3);
  json p = f.Get("/api/actors/rus", 200);
  EXPECT_EQ(p["code"], "RUS");
  EXPECT_EQ(p["events"], 3);
  ASSERT_EQ(p["partners"].size(), 1u);
  EXPECT_EQ(p["partners"][0]["code"], "UKR");
}

TEST(Server, DocumentsWithEvidenceSpans) {
  ServerFixture f({});
  json d = f.Get("/api/documents/doc%2F1", 200);
  EXPECT_EQ(d["id"], "doc/1");
  EXPECT_EQ(d["title"], "Title of doc/1");
  ASSERT_EQ(d["sentences"].size(), 1u);
  ASSERT_EQ(d["events"].size(), 1u);
  const json& m = d["events"][0]["mentions"][0];
  const std::string text = d["text"];
  EXPECT_EQ(text.substr(m["source_span"]["start"], 6), "Russia");
  EXPECT_EQ(m["evidence"]["trigger"], "condemned");
}

TEST(Server, CodeAnswers503WithoutModels) {
  ServerOptions o;
  o.code_unavailable = "models/tagger.bin: not found";
  ServerFixture f(o);
  json j = f.Post("/api/code", R"({"text": "France praised Germany."})", 503);
  EXPECT_NE(j["error"]["message"].get<std::string>().find("models/tagger.bin"), std::string::npos);
}

TEST(Server, CodeReturnsEventsAndCanStoreThem) {
  ServerOptions o;
  o.code = FakeCode;
  ServerFixture f(o);
  json j = f.Post("/api/code", R"({"text": "Mali thanked France.", "date": "2024-02-01"})", 200);
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["source"]["code"], "MLI");
  EXPECT_EQ(j["events"][0]["date"], "2024-02-01");
  EXPECT_EQ(j["stored"], false);
  std::string roles;
  for (const auto& seg : j["events"][0]["mentions"][0]["highlight"])
    if (seg.contains("role")) roles += seg["role"].get<std::string>() + ";";
  EXPECT_EQ(roles, "source;trigger;target;");
  EXPECT_EQ(f.Get("/api/health", 200)["documents"], 4);

  j = f.Post("/api/code", R"({"text": "Germany praised France.", "date": "2024-02-02", "store": true, "id": "pasted-1"})", 200);
  EXPECT_EQ(j["stored"], true);
  EXPECT_EQ(f.Get("/api/health", 200)["documents"], 5);
  EXPECT_EQ(f.Get("/api/documents/pasted-1", 200)["events"].size(), 1u);

  f.Post("/api/code", "not json", 400);
  f.Post("/api/code", R"({"text": ""})", 400);
  f.Post("/api/code", R"({"text": "x", "date": "yesterday"})", 400);
  f.Post("/api/code", R"({"text": "x", "store": "yes"})", 400);
  f.Post("/api/code", json{{"text", std::string(100001, 'a')}}.dump(), 413);
}

TEST(Server, BodyLargerThanLimitIsRefused) {
  ServerOptions o;
  o.code = FakeCode;
  o.max_body_bytes = 1000;
  ServerFixture f(o);
  auto r = f.client().Post("/api/code", json{{"text", std::string(5000, 'a')}}.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 413);
}

TEST(Server, WritesNeedTheTokenOnANonLoopbackBind) {
  ServerOptions o;
  o.code = FakeCode;
  o.host = "0.0.0.0";
  ServerFixture f(o);
  EXPECT_EQ(f.Get("/api/health", 200)["writes_need_token"], true);
  // Coding without storing is no write.
  f.Post("/api/code", R"({"text": "France praised Germany."})", 200);
  json j = f.Post("/api/code", R"({"text": "France praised Germany.", "store": true})", 403);
  EXPECT_NE(j["error"]["message"].get<std::string>().find("--token"), std::string::npos);
}

TEST(Server, TokenWhenSetIsCheckedOnEveryPost) {
  ServerOptions o;
  o.code = FakeCode;
  o.host = "0.0.0.0";
  o.token = "s3cret";
  ServerFixture f(o);
  f.Post("/api/code", R"({"text": "France praised Germany.", "store": true})", 401);
  f.Post("/api/code", R"({"text": "France praised Germany."})", 401);
  f.Post("/api/code", R"({"text": "France praised Germany.", "store": true})", 401, "wrong");
  json j = f.Post("/api/code", R"({"text": "France praised Germany.", "store": true})", 200, "s3cret");
  EXPECT_EQ(j["stored"], true);
  f.Get("/api/health", 200);  // reads stay open
}

TEST(Server, LoopbackWritesNeedNoToken) {
  ServerOptions o;
  o.code = FakeCode;
  ServerFixture f(o);
  f.Post("/api/code", R"({"text": "France praised Germany.", "store": true})", 200);
}

TEST(Server, QueryTimeLimitGives503) {
  ServerOptions o;
  o.query_timeout_ms = 0;  // every query is already late
  ServerFixture f(o, false);
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(f.db_path(), {}, &store).ok());
    ASSERT_TRUE(store->Begin().ok());
    for (int i = 0; i < 3000; ++i) {
      ImportRecord r;
      r.origin = "gdelt";
      r.external_id = std::to_string(i);
      r.event.date = r.event.event_date = "2024-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
      EventActor a;
      a.code = a.country = "A" + std::to_string(i % 50 + 10);
      r.event.source = a;
      a.code = a.country = "B" + std::to_string(i % 7 + 10);
      r.event.target = a;
      r.event.cameo = "190";
      r.event.cameo_root = "19";
      r.event.quad_class = 4;
      bool added;
      ASSERT_TRUE(store->AddImported(r, &added).ok());
    }
    ASSERT_TRUE(store->Commit().ok());
  }
  json j = f.Get("/api/network", 503);
  EXPECT_NE(j["error"]["message"].get<std::string>().find("time limit"), std::string::npos);
}

TEST(Server, OpenApiDescribesEveryRoute) {
  // The served document is docs/openapi.json compiled in; every routed path
  // must be described there, and nothing else.
  ServerFixture f({});
  json spec = f.Get("/api/openapi", 200);
  EXPECT_EQ(spec["openapi"], "3.0.3");
  for (const auto& p : ApiServer::RoutedPaths()) EXPECT_TRUE(spec["paths"].contains(p)) << p;
  EXPECT_EQ(spec["paths"].size(), ApiServer::RoutedPaths().size());
}

TEST(Server, ServesTheDashboardFiles) {
  TempDir web;
  std::ofstream(web.File("index.html")) << "<!doctype html><title>dyad</title>";
  ServerOptions o;
  o.web_dir = web.File("");
  ServerFixture f(o);
  auto r = f.client().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<title>dyad</title>"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  f.Get("/api/health", 200);  // the API still answers under the mount
}

// Sends `target` exactly as written (no client-side normalisation or
// escaping, as an attacker would) and returns the status code and the body.
std::pair<int, std::string> RawGet(int port, const std::string& target) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {-1, ""};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return {-1, ""};
  }
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  const std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (send(fd, req.data(), req.size(), 0) != static_cast<ssize_t>(req.size())) {
    close(fd);
    return {-1, ""};
  }
  std::string resp;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) resp.append(buf, static_cast<size_t>(n));
  close(fd);
  int status = -1;
  if (resp.rfind("HTTP/1.1 ", 0) == 0 && resp.size() >= 12) status = std::stoi(resp.substr(9, 3));
  const size_t body = resp.find("\r\n\r\n");
  return {status, body == std::string::npos ? "" : resp.substr(body + 4)};
}

TEST(Server, StaticFilesNeverEscapeTheWebDirectory) {
  // web/dist holds the dashboard; a secret sits next to it and one level up.
  TempDir root;
  std::filesystem::create_directories(root.File("web/dist/assets"));
  std::ofstream(root.File("web/dist/index.html")) << "<!doctype html><title>dyad</title>";
  std::ofstream(root.File("web/dist/assets/app.js")) << "console.log('dyad');";
  std::ofstream(root.File("web/secret")) << "TOP-SECRET-1";
  std::ofstream(root.File("secret")) << "TOP-SECRET-2";
  ServerOptions o;
  o.web_dir = root.File("web/dist");
  ServerFixture f(o);
  ASSERT_NE(f.server(), nullptr);
  const int port = f.server()->port();
  auto ok = RawGet(port, "/assets/app.js");  // the probe works at all
  ASSERT_EQ(ok.first, 200);
  EXPECT_NE(ok.second.find("console.log"), std::string::npos);
  for (const char* target :
       {"/../secret", "/../../secret", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/secret",
        "/%2E%2E/%2E%2E/secret", "/assets/..%2f..%2fsecret", "/assets/..%2F..%2F..%2Fsecret",
        "/assets/../../secret", "/assets/%2e%2e/%2e%2e/secret", "/..%2fsecret", "/.%2e/secret",
        "/assets/..\\..\\secret", "/%252e%252e/secret", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd", "/assets/../../../../../../etc/passwd"}) {
    auto r = RawGet(port, target);
    EXPECT_TRUE(r.first == 404 || r.first == 400) << target << " -> " << r.first;
    EXPECT_EQ(r.second.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(r.second.find("root:"), std::string::npos) << target;
  }
  // A ".." that stays inside the web directory is harmless either way, but
  // must not leak anything outside it.
  auto inside = RawGet(port, "/assets/../index.html");
  EXPECT_EQ(inside.second.find("TOP-SECRET"), std::string::npos);
}

TEST(Server, CodeRejectsMalformedBodiesWithJsonErrors) {
  ServerOptions o;
  o.code = FakeCode;
  ServerFixture f(o);
  for (const char* body :
       {"", " ", "not json", "{", "{\"text\": \"France praised Germany.\"", "{\"text\": }", "[]",
        "[{\"text\": \"France praised Germany.\"}]", "null", "42", "\"France praised Germany.\"", "{}",
        "{\"text\": null}", "{\"text\": 5}", "{\"text\": true}", "{\"text\": [\"France praised Germany.\"]}",
        "{\"text\": {\"body\": \"France praised Germany.\"}}", "{\"text\": \"France praised Germany.\", \"date\": 20240101}",
        "{\"text\": \"France praised Germany.\", \"date\": \"2024-13-01\"}",
        "{\"text\": \"France praised Germany.\", \"id\": 7}", "{\"text\": \"France praised Germany.\", \"title\": []}",
        "{\"text\": \"France praised Germany.\", \"store\": 1}", "{\"text\": \"France praised Germany.\", \"store\": \"true\"}",
        "{\"text\": \"\\ud800\"}", "{\"text\": \"caf\xc3\"}"}) {
    json j = f.Post("/api/code", body, 400);
    ASSERT_TRUE(j.is_object()) << body;
    ASSERT_TRUE(j.contains("error")) << body;
    EXPECT_EQ(j["error"]["status"], 400) << body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << body;
  }
  EXPECT_EQ(f.Get("/api/health", 200)["documents"], 4);  // nothing was stored
  // The server is still fine afterwards.
  json j = f.Post("/api/code", R"({"text": "France praised Germany.", "date": "2024-02-01"})", 200);
  EXPECT_EQ(j["events"].size(), 1u);
}

TEST(Server, StartFailsClearly) {
  ServerOptions o;
  o.db_path = "/nonexistent/dir/x.db";
  std::unique_ptr<ApiServer> s;
  Status st = ApiServer::Start(o, &s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/dir/x.db"), std::string::npos);
}

TEST(Server, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.1.2.3"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.4"));
  EXPECT_FALSE(IsLoopbackHost("::"));
}

TEST(Highlight, SplitsAtSpansOnCharacterBoundaries) {
  // "Ürümqi" starts with a 2-byte letter; spans are document offsets.
  const std::string s = "Ürümqi police detained activists.";
  auto segs = api::Highlight(s, 100, {{"trigger", {100 + 16, 100 + 24}}, {"source", {100, 100 + 16}}, {"target", {500, 510}}});
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0].text, "Ürümqi police ");
  EXPECT_EQ(segs[0].role, "source");
  EXPECT_EQ(segs[1].text, "detained");
  EXPECT_EQ(segs[1].role, "trigger");
  EXPECT_EQ(segs[2].role, "");
  // A span cutting a character is widened to whole characters.
  segs = api::Highlight(s, 0, {{"source", {1, 2}}});
  ASSERT_GE(segs.size(), 2u);
  EXPECT_EQ(segs[0].text, "Ü");
  EXPECT_EQ(segs[0].role, "source");
}

}  // namespace
}  // namespace dyad
