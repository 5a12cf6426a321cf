// dyad ingest: documents in, event store out. Reads the text stage's inputs,
// skips documents the store already has, annotates and codes the rest (in
// parallel) and stores documents, sentences, events and mentions in batched
// transactions. Safe to interrupt and re-run.
//
//   dyad ingest ../shared/data/news/wikinews_en.jsonl --db news.db
//   dyad ingest examples/ --db events.db --date 2024-10-06
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/store/ingest.h"
#include "dyad/store/store.h"
#include "dyad/text/input.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::vector<std::string> inputs;
  std::string db, date, dict, models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
  size_t batch = 64;
  int threads = 0;
  bool conllu = false;
  bool quiet = false;
};

void Run(const Args& a) {
  if (a.db.empty()) Fail("--db FILE is required");
  if (!a.date.empty() && !IsIsoDay(a.date)) Fail("--date must be YYYY-MM-DD (got '" + a.date + "')");
  CoderOptions copt;
  copt.dict_dir = a.dict;
  std::unique_ptr<Coder> coder;
  Status st = Coder::Load(copt, &coder);
  if (!st.ok()) Fail(st.message());
  std::unique_ptr<Pipeline> pipeline;
  if (!a.conllu) {
    pipeline = LoadPipelineOrWarn(a.models, true, a.fast);
    // Storing documents without their events would mark them done: refuse.
    if (!pipeline) Fail("the tagger/parser models are needed to ingest raw text (or give --conllu with parsed input)");
  }

  InputOptions iopt;
  iopt.default_date = a.date;
  if (a.conllu) iopt.format = InputFormat::kConllu;
  std::vector<std::string> inputs = a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs;
  std::unique_ptr<DocumentReader> reader;
  if (!(st = DocumentReader::Open(inputs, iopt, &reader)).ok()) Fail(st.message());

  std::unique_ptr<EventStore> store;
  if (!(st = EventStore::Open(a.db, {}, &store)).ok()) Fail(st.message());

  const Pipeline* pl = pipeline.get();
  const Coder* cd = coder.get();
  CodeDocumentFn code = [pl, cd](Document* doc, std::vector<Event>* events) {
    if (pl) pl->Annotate(doc);
    *events = cd->Code(*doc);
    return Status::OK();
  };
  IngestOptions o;
  o.batch_docs = a.batch;
  o.threads = a.threads > 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  o.on_warning = [](const std::string& w) { std::cerr << "dyad: " << w << "\n"; };
  const bool progress = !a.quiet && isatty(2);
  if (progress) {
    o.on_commit = [](const IngestStats& s) {
      std::cerr << "\rdyad ingest: " << s.documents_read << " documents read, " << s.documents_added
                << " stored, " << s.events << " events" << std::flush;
    };
  }
  IngestStats stats;
  st = Ingest(reader.get(), code, store.get(), o, &stats);
  if (progress) std::cerr << "\n";
  if (!st.ok()) Fail(st.message() + " (documents committed so far are kept; re-run to continue)");
  const double secs = stats.seconds > 0 ? stats.seconds : 1e-9;
  std::cout << "dyad ingest: " << stats.documents_read << " documents read, " << stats.documents_added
            << " stored, " << stats.documents_duplicate << " already stored, " << stats.documents_failed
            << " failed; " << stats.sentences << " sentences, " << stats.events << " events ("
            << stats.events_new << " new, " << stats.events_merged << " merged into stored events), "
            << stats.mentions << " mentions; " << stats.warnings << " input warnings";
  if (stats.coarse_dates)
    std::cout << "; " << stats.coarse_dates << " events dated by year or month only, filed under their article date";
  std::cout << "\n"
            << "dyad ingest: " << stats.seconds << " s, " << stats.documents_added / secs << " docs/s, "
            << stats.events / secs << " events/s (" << o.threads << " threads)\n";
}

CommandRegistrar reg(50, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("ingest", "Code documents and store them with their events in an SQLite event store");
  cmd->add_option("inputs", args->inputs, "text/JSONL/CoNLL-U files, directories, or - for stdin (default: -)");
  cmd->add_option("--db", args->db, "the event store (SQLite file; created when missing)")->required();
  cmd->add_option("--date", args->date, "article date (YYYY-MM-DD) for documents that have none");
  cmd->add_option("--batch", args->batch, "documents per transaction (default 64)")->check(CLI::Range(1, 100000));
  cmd->add_option("--threads", args->threads, "coding threads (default: all cores)")->check(CLI::Range(0, 256));
  cmd->add_flag("--conllu", args->conllu, "input is parsed CoNLL-U: code it as is, no parsing");
  cmd->add_option("--dict", args->dict, "dictionary directory (default: dict/)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress line (shown only on a terminal anyway)");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
