// dyad serve: the HTTP API and the dashboard over an event store.
//
//   dyad serve --db events.db                  # http://127.0.0.1:8080
//   dyad serve --db events.db --port 0         # any free port (printed)
//   dyad serve --db events.db --host 0.0.0.0 --token "$TOKEN"
//
// Prints "dyad serve: listening on URL" once the port is bound (tests read
// it). Stops cleanly on SIGINT/SIGTERM.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/server/server.h"
#include "dyad/util/resources.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string db, host = "127.0.0.1", token, web, dict, models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
  int port = 8080;
  int threads = 8;
  int timeout_ms = 5000;
  bool no_code = false;
  bool quiet = false;
  bool print_openapi = false;
};

void Run(const Args& a) {
  if (a.print_openapi) {
    std::cout << ApiServer::OpenApiJson() << "\n";
    return;
  }
  if (a.db.empty()) Fail("--db FILE is required");
  ServerOptions o;
  o.db_path = a.db;
  o.host = a.host;
  o.port = a.port;
  o.token = a.token;
  o.threads = a.threads;
  o.query_timeout_ms = a.timeout_ms;
  if (o.token.empty()) {
    if (const char* t = std::getenv("DYAD_TOKEN")) o.token = t;
  }
  // The dashboard: --web, else the built one next to the sources/install.
  if (a.web == "none") {
    o.web_dir.clear();
  } else if (!a.web.empty()) {
    o.web_dir = a.web;
  } else {
    std::string d = ResourcePath("web/dist");
    if (std::filesystem::exists(d + "/index.html")) {
      o.web_dir = d;
    } else {
      std::cerr << "dyad: warning: " << d << " not built (npm run build in web/); serving the API only\n";
    }
  }
  // Coding on the fly needs the models; without them POST /api/code answers 503.
  std::shared_ptr<Coder> coder;
  std::shared_ptr<Pipeline> pipeline;
  if (a.no_code) {
    o.code_unavailable = "disabled with --no-code";
  } else {
    CoderOptions copt;
    copt.dict_dir = a.dict;
    std::unique_ptr<Coder> c;
    Status st = Coder::Load(copt, &c);
    if (!st.ok()) {
      o.code_unavailable = st.message();
    } else {
      pipeline = LoadPipelineOrWarn(a.models, true, a.fast);
      if (!pipeline) o.code_unavailable = "the tagger/parser models are not available (see the warning at startup)";
      coder = std::move(c);
    }
    if (coder && pipeline) {
      o.code = [pipeline, coder](Document* doc, std::vector<Event>* events) {
        pipeline->Annotate(doc);
        *events = coder->Code(*doc);
        return Status::OK();
      };
    } else {
      std::cerr << "dyad: warning: POST /api/code disabled: " << o.code_unavailable << "\n";
    }
  }
  if (!a.quiet) o.log = [](const std::string& line) { std::cerr << "dyad serve: " << line << "\n"; };
  if (!IsLoopbackHost(o.host) && o.token.empty())
    std::cerr << "dyad: warning: bound to " << o.host << " without --token: writes (POST /api/code with store) are refused\n";

  // Block the stop signals in every thread; one thread waits for them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  std::unique_ptr<ApiServer> server;
  Status st = ApiServer::Start(o, &server);
  if (!st.ok()) Fail(st.message());
  std::cout << "dyad serve: listening on " << server->url() << std::endl;
  ApiServer* srv = server.get();
  std::thread stopper([set, srv]() {
    int sig = 0;
    sigwait(&set, &sig);
    srv->Stop();
  });
  stopper.detach();
  server->Run();
  std::cerr << "dyad serve: stopped\n";
}

CommandRegistrar reg(60, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API and the dashboard over an event store");
  cmd->add_option("--db", args->db, "the event store (SQLite file)");
  cmd->add_option("--host", args->host, "address to bind (default 127.0.0.1)");
  cmd->add_option("--port", args->port, "port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--token", args->token, "bearer token for writes (or $DYAD_TOKEN)");
  cmd->add_option("--web", args->web, "dashboard directory (default: web/dist; 'none' = API only)");
  cmd->add_option("--threads", args->threads, "worker threads (default 8)")->check(CLI::Range(1, 256));
  cmd->add_option("--timeout-ms", args->timeout_ms, "query time limit per request (default 5000)")->check(CLI::Range(1, 600000));
  cmd->add_flag("--no-code", args->no_code, "do not load models: POST /api/code answers 503");
  cmd->add_option("--dict", args->dict, "dictionary directory (default: dict/)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->add_flag("-q,--quiet", args->quiet, "no request log");
  cmd->add_flag("--print-openapi", args->print_openapi, "print the OpenAPI document and exit");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
