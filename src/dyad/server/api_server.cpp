// server — routes, parameters, limits and the token rule (see server.h).
#include <httplib.h>

#include <arpa/inet.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "dyad/analytics/analytics.h"
#include "dyad/server/api_json.h"
#include "dyad/server/server.h"
#include "dyad/store/event_query.h"
#include "dyad/store/store.h"

namespace dyad {

using api::Json;

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr a4{};
  if (inet_pton(AF_INET, host.c_str(), &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
  return false;
}

namespace {

// An HTTP error on its way out of a handler.
struct ApiError {
  int status;
  std::string message;
};

[[noreturn]] void Fail(int status, std::string message) { throw ApiError{status, std::move(message)}; }

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidInput: return 400;
    case Status::Code::kNotFound: return 404;
    default: return 500;
  }
}

void SendJson(httplib::Response& res, int status, const Json& j) {
  res.status = status;
  res.set_content(api::Dump(j), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, Json{{"error", Json{{"status", status}, {"message", message}}}});
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

int64_t IntParam(const httplib::Request& req, const char* name, int64_t def, int64_t lo, int64_t hi) {
  if (!req.has_param(name)) return def;
  const std::string v = req.get_param_value(name);
  int64_t x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x < lo || x > hi)
    Fail(400, std::string("parameter '") + name + "' must be an integer in " + std::to_string(lo) + ".." +
                  std::to_string(hi) + " (got '" + v + "')");
  return x;
}

double DoubleParam(const httplib::Request& req, const char* name, double def, double lo, double hi) {
  if (!req.has_param(name)) return def;
  const std::string v = req.get_param_value(name);
  double x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || !(x >= lo && x <= hi))
    Fail(400, std::string("parameter '") + name + "' must be a number in " + std::to_string(lo) + ".." +
                  std::to_string(hi) + " (got '" + v + "')");
  return x;
}

bool BoolParam(const httplib::Request& req, const char* name) {
  const std::string v = Param(req, name);
  if (v.empty() || v == "0" || v == "false" || v == "no") return false;
  if (v == "1" || v == "true" || v == "yes") return true;
  Fail(400, std::string("parameter '") + name + "' must be true or false (got '" + v + "')");
}

std::vector<std::string> ListParam(const httplib::Request& req, const char* name) {
  std::vector<std::string> out;
  std::stringstream ss(Param(req, name));
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

EventFilter FilterFrom(const httplib::Request& req) {
  EventFilter f;
  f.actor = Upper(Param(req, "actor"));
  f.source = Upper(Param(req, "source"));
  f.target = Upper(Param(req, "target"));
  if (req.has_param("dyad")) {
    auto parts = ListParam(req, "dyad");
    if (parts.size() != 2) Fail(400, "parameter 'dyad' must be SOURCE,TARGET (got '" + Param(req, "dyad") + "')");
    f.source = Upper(parts[0]);
    f.target = Upper(parts[1]);
  }
  f.both_directions = BoolParam(req, "both");
  f.code = Param(req, "code");
  f.roots = ListParam(req, "root");
  for (const auto& q : ListParam(req, "quad")) {
    if (q.size() != 1 || q[0] < '0' || q[0] > '4') Fail(400, "parameter 'quad' must list quad classes 0..4 (got '" + q + "')");
    f.quad_classes.push_back(q[0] - '0');
  }
  f.from = Param(req, "from");
  f.to = Param(req, "to");
  f.text = Param(req, "q");
  if (f.text.size() > 500) Fail(400, "parameter 'q' is longer than 500 bytes");
  f.doc_id = Param(req, "doc");
  f.origin = Param(req, "origin");
  f.include_negated = BoolParam(req, "negated");
  f.min_mentions = IntParam(req, "min_mentions", 0, 0, 1000000000);
  Status s = ValidateFilter(f);
  if (!s.ok()) Fail(400, s.message());
  return f;
}

ActorLevel LevelFrom(const httplib::Request& req) {
  ActorLevel l;
  if (!ParseActorLevel(Param(req, "level"), &l))
    Fail(400, "parameter 'level' must be country, sector or code (got '" + Param(req, "level") + "')");
  return l;
}

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const std::string& x = a.size() == b.size() ? b : a;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ x[i]);
  return diff == 0;
}

// Read-only connections, one per concurrent request.
class ReadPool {
 public:
  explicit ReadPool(std::string path) : path_(std::move(path)) {}
  class Lease {
   public:
    Lease(ReadPool* pool, std::unique_ptr<EventStore> s) : pool_(pool), store_(std::move(s)) {}
    ~Lease() {
      store_->db().SetDeadline(std::nullopt);
      pool_->Release(std::move(store_));
    }
    sql::Db& db() { return store_->db(); }

   private:
    ReadPool* pool_;
    std::unique_ptr<EventStore> store_;
  };
  std::unique_ptr<Lease> Acquire(int timeout_ms) {
    std::unique_ptr<EventStore> s;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        s = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!s) {
      StoreOptions o;
      o.read_only = true;
      Status st = EventStore::Open(path_, o, &s);
      if (!st.ok()) Fail(500, st.message());
    }
    s->db().SetDeadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms));
    return std::make_unique<Lease>(this, std::move(s));
  }
  void Release(std::unique_ptr<EventStore> s) {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.size() < 16) free_.push_back(std::move(s));
  }

 private:
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<EventStore>> free_;
};

// Turns a failed Status from a query into the right HTTP error.
void Check(const Status& s, sql::Db& db) {
  if (s.ok()) return;
  if (db.deadline_hit()) Fail(503, "query time limit exceeded; narrow the query (dates, actors)");
  Fail(HttpStatusFor(s), s.message());
}

}  // namespace

struct ApiServer::Impl {
  ServerOptions opt;
  httplib::Server http;
  std::unique_ptr<ReadPool> pool;
  std::mutex write_mu;
  std::unique_ptr<EventStore> writer;  // opened at start; used by POST /api/code store=true
  bool loopback = true;
  int port = 0;

  void Routes();
  void Guard(const httplib::Request& req, httplib::Response& res,
             const std::function<void(const httplib::Request&, httplib::Response&)>& h) {
    try {
      h(req, res);
    } catch (const ApiError& e) {
      SendError(res, e.status, e.message);
    } catch (const std::exception& e) {
      SendError(res, 500, std::string("internal error: ") + e.what());
    }
  }
  void Get(const std::string& pattern, std::function<void(const httplib::Request&, httplib::Response&)> h) {
    http.Get(pattern, [this, h](const httplib::Request& req, httplib::Response& res) { Guard(req, res, h); });
  }
  void Post(const std::string& pattern, std::function<void(const httplib::Request&, httplib::Response&)> h) {
    http.Post(pattern, [this, h](const httplib::Request& req, httplib::Response& res) { Guard(req, res, h); });
  }
  // The token rule. `writes`: the request changes the database.
  void Authorize(const httplib::Request& req, bool writes) {
    const bool need = !opt.token.empty() || (writes && !loopback);
    if (!need) return;
    if (opt.token.empty())
      Fail(403, "writes are disabled: the server is bound to a non-loopback address without --token");
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.rfind(prefix, 0) != 0 || !ConstantTimeEquals(auth.substr(prefix.size()), opt.token))
      Fail(401, "missing or wrong bearer token (Authorization: Bearer <token>)");
  }
};

ApiServer::ApiServer() : impl_(std::make_unique<Impl>()) {}
ApiServer::~ApiServer() { Stop(); }

int ApiServer::port() const { return impl_->port; }
std::string ApiServer::url() const {
  const std::string& h = impl_->opt.host;
  return "http://" + (h.find(':') != std::string::npos ? "[" + h + "]" : h) + ":" + std::to_string(impl_->port);
}
void ApiServer::Run() { impl_->http.listen_after_bind(); }
void ApiServer::Stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

std::vector<std::string> ApiServer::RoutedPaths() {
  return {"/api/health",  "/api/events",         "/api/events/{id}",      "/api/series",
          "/api/network", "/api/alerts",         "/api/actors",           "/api/actors/{code}",
          "/api/documents/{id}", "/api/code",    "/api/openapi"};
}

void ApiServer::Impl::Routes() {
  const int timeout = opt.query_timeout_ms;

  Get("/api/health", [this, timeout](const httplib::Request&, httplib::Response& res) {
    auto lease = pool->Acquire(timeout);
    sql::Stmt st;
    Status s = lease->db().Prepare(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM mentions), (SELECT min(day) FROM events WHERE day <> ''), "
        "(SELECT max(day) FROM events), (SELECT user_version FROM pragma_user_version)", &st);
    Check(s, lease->db());
    Json j{{"status", "ok"}, {"version", "0.1.0"}};
    if (st.Step()) {
      j["schema_version"] = st.Int(5);
      j["documents"] = st.Int(0);
      j["events"] = st.Int(1);
      j["mentions"] = st.Int(2);
      j["first_day"] = st.Text(3);
      j["last_day"] = st.Text(4);
    }
    Check(st.status(), lease->db());
    j["code_available"] = static_cast<bool>(opt.code);
    if (!opt.code) j["code_unavailable"] = opt.code_unavailable;
    j["writes_need_token"] = !opt.token.empty() || !loopback;
    SendJson(res, 200, j);
  });

  Get("/api/events", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    EventFilter f = FilterFrom(req);
    EventSort sort;
    if (!ParseEventSort(Param(req, "sort"), &sort))
      Fail(400, "parameter 'sort' must be -date, date or -mentions");
    const int limit = static_cast<int>(IntParam(req, "limit", 50, 1, opt.max_page));
    const int offset = static_cast<int>(IntParam(req, "offset", 0, 0, 100000000));
    const int mentions = static_cast<int>(IntParam(req, "mentions", 1, 0, 20));
    auto lease = pool->Acquire(timeout);
    EventPage page;
    Check(QueryEvents(lease->db(), f, sort, limit, offset, mentions, &page), lease->db());
    Json events = Json::array();
    for (const auto& e : page.events) events.push_back(api::EventJson(e));
    SendJson(res, 200, Json{{"total", page.total}, {"limit", limit}, {"offset", offset}, {"events", std::move(events)}});
  });

  Get(R"(/api/events/(\d{1,18}))", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    const int64_t id = std::stoll(req.matches[1]);
    auto lease = pool->Acquire(timeout);
    StoredEvent e;
    Check(GetEvent(lease->db(), id, 20, &e), lease->db());
    SendJson(res, 200, api::EventJson(e));
  });

  Get("/api/series", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    SeriesQuery q;
    q.filter = FilterFrom(req);
    if (!ParseGranularity(Param(req, "granularity"), &q.granularity))
      Fail(400, "parameter 'granularity' must be day, week or month");
    q.fill_gaps = !req.has_param("fill") || BoolParam(req, "fill");
    auto lease = pool->Acquire(timeout);
    std::vector<SeriesPoint> points;
    Check(DyadSeries(lease->db(), q, &points), lease->db());
    Json j = api::SeriesJson(points, q.granularity);
    j["source"] = q.filter.source;
    j["target"] = q.filter.target;
    j["actor"] = q.filter.actor;
    j["both"] = q.filter.both_directions;
    SendJson(res, 200, j);
  });

  Get("/api/network", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    NetworkQuery q;
    q.filter = FilterFrom(req);
    q.level = LevelFrom(req);
    q.max_nodes = static_cast<int>(IntParam(req, "max_nodes", 40, 1, 500));
    q.min_events = IntParam(req, "min_events", 1, 1, 1000000000);
    q.include_self = BoolParam(req, "self");
    auto lease = pool->Acquire(timeout);
    Network n;
    Check(ActorNetwork(lease->db(), q, &n), lease->db());
    Json j = api::NetworkJson(n, q.level);
    j["from"] = q.filter.from;
    j["to"] = q.filter.to;
    SendJson(res, 200, j);
  });

  Get("/api/alerts", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    AlertQuery q;
    q.filter = FilterFrom(req);
    q.level = LevelFrom(req);
    q.as_of = Param(req, "as_of");
    q.eval_weeks = static_cast<int>(IntParam(req, "weeks", 4, 1, 520));
    q.baseline_weeks = static_cast<int>(IntParam(req, "baseline", 12, 2, 520));
    q.min_baseline_weeks = static_cast<int>(IntParam(req, "min_baseline", std::min(4, q.baseline_weeks), 1, q.baseline_weeks));
    q.min_count = IntParam(req, "min_count", 3, 1, 1000000);
    q.min_surprise = DoubleParam(req, "min_surprise", 2.0, 0.0, 300.0);
    q.limit = static_cast<int>(IntParam(req, "limit", 50, 1, opt.max_page));
    auto lease = pool->Acquire(timeout);
    AlertReport r;
    Check(EarlyWarning(lease->db(), q, &r), lease->db());
    SendJson(res, 200, api::AlertsJson(r, q.level));
  });

  Get("/api/actors", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    ActorListQuery q;
    q.filter = FilterFrom(req);
    q.level = LevelFrom(req);
    q.search = Param(req, "search");
    if (q.search.size() > 100) Fail(400, "parameter 'search' is longer than 100 bytes");
    q.limit = static_cast<int>(IntParam(req, "limit", 100, 1, opt.max_page));
    auto lease = pool->Acquire(timeout);
    std::vector<ActorSummary> actors;
    Check(ListActors(lease->db(), q, &actors), lease->db());
    SendJson(res, 200, api::ActorsJson(actors, q.level));
  });

  Get(R"(/api/actors/([A-Za-z0-9_-]{1,64}))", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    ActorProfileQuery q;
    q.code = Upper(req.matches[1]);
    q.filter = FilterFrom(req);
    q.level = LevelFrom(req);
    q.max_partners = static_cast<int>(IntParam(req, "partners", 20, 1, 200));
    q.max_codes = static_cast<int>(IntParam(req, "codes", 10, 1, 100));
    auto lease = pool->Acquire(timeout);
    ActorProfile p;
    Check(GetActorProfile(lease->db(), q, &p), lease->db());
    SendJson(res, 200, api::ProfileJson(p));
  });

  Get(R"(/api/documents/(.{1,512}))", [this, timeout](const httplib::Request& req, httplib::Response& res) {
    // httplib has already URL-decoded the path, so ids may hold "/".
    const std::string id = req.matches[1];
    auto lease = pool->Acquire(timeout);
    StoredDocument d;
    Check(GetDocument(lease->db(), id, &d), lease->db());
    SendJson(res, 200, api::DocumentJson(d));
  });

  Post("/api/code", [this](const httplib::Request& req, httplib::Response& res) {
    Json body;
    try {
      body = Json::parse(req.body);
    } catch (const std::exception& e) {
      Fail(400, std::string("request body is not JSON: ") + e.what());
    }
    if (!body.is_object()) Fail(400, "request body must be a JSON object {\"text\": ...}");
    auto str = [&](const char* k) -> std::string {
      if (!body.contains(k) || body[k].is_null()) return "";
      if (!body[k].is_string()) Fail(400, std::string("field '") + k + "' must be a string");
      return body[k].get<std::string>();
    };
    const std::string text = str("text");
    const bool store = body.contains("store") && body["store"].is_boolean() && body["store"].get<bool>();
    if (body.contains("store") && !body["store"].is_boolean()) Fail(400, "field 'store' must be true or false");
    Authorize(req, store);
    if (text.empty()) Fail(400, "field 'text' is missing or empty");
    if (text.size() > opt.max_code_bytes)
      Fail(413, "text is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(opt.max_code_bytes));
    std::string date = str("date");
    if (date.empty()) date = Today();
    if (!IsIsoDay(date)) Fail(400, "field 'date' must be YYYY-MM-DD (got '" + date + "')");
    if (!opt.code)
      Fail(503, "coding is unavailable: " + (opt.code_unavailable.empty() ? std::string("no models loaded") : opt.code_unavailable));
    Document doc;
    doc.text = text;
    doc.date = date;
    doc.id = str("id");
    if (doc.id.empty()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "api-%016llx", static_cast<unsigned long long>(ContentHash(text)));
      doc.id = buf;
    }
    if (doc.id.size() > 200) Fail(400, "field 'id' is longer than 200 bytes");
    doc.title = str("title");
    doc.origin = "api";
    std::vector<Event> events;
    Status s = opt.code(&doc, &events);
    if (!s.ok()) Fail(422, "could not code the text: " + s.message());
    Json out;
    Json sents = Json::array();
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const auto& se = doc.sentences[i];
      sents.push_back(Json{{"index", i}, {"start", se.start}, {"end", se.end},
                           {"text", doc.text.substr(se.start, se.end - se.start)}});
    }
    out["document"] = Json{{"id", doc.id}, {"date", doc.date}, {"sentences", std::move(sents)}};
    Json evs = Json::array();
    for (const auto& e : events) evs.push_back(api::EventJson(api::FromCodedEvent(e, doc.id)));
    out["events"] = std::move(evs);
    out["stored"] = false;
    if (store) {
      std::lock_guard<std::mutex> lock(write_mu);
      AddDocumentResult r;
      Status ws = writer->AddDocument(doc, events, &r);
      if (!ws.ok()) Fail(500, ws.message());
      out["stored"] = r.added;
      out["store_result"] = Json{{"added", r.added}, {"duplicate_of", r.duplicate_of},
                                 {"events_new", r.events_new}, {"events_merged", r.events_merged}};
    }
    SendJson(res, 200, out);
  });

  Get("/api/openapi", [](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(ApiServer::OpenApiJson(), "application/json; charset=utf-8");
  });
}

Status ApiServer::Start(const ServerOptions& options, std::unique_ptr<ApiServer>* out) {
  std::unique_ptr<ApiServer> srv(new ApiServer());
  Impl& im = *srv->impl_;
  im.opt = options;
  im.loopback = IsLoopbackHost(options.host);
  if (options.db_path.empty()) return Status::InvalidInput("no database given (--db)");
  if (!std::filesystem::exists(options.db_path))
    return Status::NotFound(options.db_path + ": no such database (create it with dyad ingest or dyad import)");
  StoreOptions so;
  so.create = false;
  Status s = EventStore::Open(options.db_path, so, &im.writer);  // also migrates
  if (!s.ok()) return s;
  im.pool = std::make_unique<ReadPool>(options.db_path);

  auto& http = im.http;
  const int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.io_timeout_s, 0);
  http.set_write_timeout(options.io_timeout_s, 0);
  http.set_keep_alive_max_count(100);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors raised by httplib itself (unknown path, body too large, bad
  // request) get the same JSON shape as ours.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string msg;
    switch (res.status) {
      case 404: msg = "no such endpoint or file: " + req.path; break;
      case 413: msg = "request body too large"; break;
      case 400: msg = "malformed request"; break;
      case 405: msg = "method not allowed"; break;
      default: msg = "HTTP error " + std::to_string(res.status);
    }
    SendError(res, res.status, msg);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal error");
  });
  if (options.log) {
    auto log = options.log;
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      log(req.method + " " + req.path + " " + std::to_string(res.status) + " " + std::to_string(res.body.size()) + "B");
    });
  }
  im.Routes();
  if (!options.web_dir.empty()) {
    if (!std::filesystem::exists(options.web_dir + "/index.html"))
      return Status::NotFound(options.web_dir + "/index.html: dashboard not built (run npm run build in web/)");
    if (!http.set_mount_point("/", options.web_dir))
      return Status::IOError(options.web_dir + ": cannot serve this directory");
  }
  if (options.port == 0) {
    im.port = http.bind_to_any_port(options.host);
    if (im.port <= 0) return Status::IOError("cannot bind " + options.host + " on any port");
  } else {
    if (options.port < 0 || options.port > 65535) return Status::InvalidInput("port must be 0..65535");
    if (!http.bind_to_port(options.host, options.port))
      return Status::IOError("cannot bind " + options.host + ":" + std::to_string(options.port) +
                             " (in use, or not an address of this machine)");
    im.port = options.port;
  }
  *out = std::move(srv);
  return Status::OK();
}

}  // namespace dyad
