// server — dyad's HTTP API and dashboard host (`dyad serve`): JSON endpoints
// over the event store and the analytics (/api/events, /api/series,
// /api/network, /api/alerts, /api/actors, /api/documents, POST /api/code,
// /api/health, /api/openapi), plus the built dashboard (web/dist) at /.
// Endpoints and parameters: docs/api.md and docs/openapi.json.
//
// Safety: binds 127.0.0.1 unless told otherwise; a request that writes
// (POST /api/code with "store": true) needs the bearer token when the server
// is bound to a non-loopback address, and every POST needs it whenever a
// token is set. Bodies, texts, pages and query time are limited; every error
// is JSON {"error": {"status", "message"}} with a fitting HTTP status.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

// Annotates and codes a document (filled: id, date, text). Thread-safe.
using ServerCodeFn = std::function<Status(Document* doc, std::vector<Event>* events)>;

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0 = any free port (see ApiServer::port())
  std::string token;               // bearer token for writes; "" = none
  std::string web_dir;             // the built dashboard; "" = not served
  ServerCodeFn code;               // empty: POST /api/code answers 503
  std::string code_unavailable;    // why `code` is empty (shown in the 503)
  size_t max_body_bytes = 1u << 20;
  size_t max_code_bytes = 100000;  // text accepted by POST /api/code
  int max_page = 500;              // largest `limit` for listings
  int query_timeout_ms = 5000;     // per request, over all its SQL
  int io_timeout_s = 10;           // socket read/write
  int threads = 8;
  std::function<void(const std::string&)> log;  // one line per request; empty = quiet
};

class ApiServer {
 public:
  ~ApiServer();

  // Opens the store (migrating it if needed; it must exist) and binds the
  // port. Fails with a message naming the database or the address.
  static Status Start(const ServerOptions& options, std::unique_ptr<ApiServer>* out);

  int port() const;                // the bound port
  std::string url() const;         // http://host:port
  // Serves until Stop() (from another thread or a signal handler's thread).
  void Run();
  void Stop();

  // The embedded OpenAPI document (also docs/openapi.json).
  static const std::string& OpenApiJson();
  // Paths the server routes, for checking the OpenAPI document covers them.
  static std::vector<std::string> RoutedPaths();

 private:
  ApiServer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

}  // namespace dyad
