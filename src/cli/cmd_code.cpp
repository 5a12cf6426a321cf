// dyad code: documents in, events out. Reads the text stage's inputs
// (files, directories, JSON Lines records with id and date, CoNLL-U, stdin),
// annotates them with the nlp Pipeline (or takes pre-parsed CoNLL-U as is
// with --conllu) and writes one event per line.
//
//   dyad code examples/article.txt --date 2024-10-06
//   dyad code news.jsonl --format csv > events.csv
//   dyad code --conllu parsed.conllu --all
//
// Negated and historical events are left out unless --all is given.
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/coder/event_json.h"
#include "dyad/text/input.h"
#include "dyad/text/segmenter.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::vector<std::string> inputs;
  std::string date;
  std::string format = "jsonl";
  bool conllu = false;
  bool all = false;
  bool require_dyad = false;
  bool timing = false;
  std::string dict, models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
};

void Run(const Args& a) {
  if (a.format != "jsonl" && a.format != "csv" && a.format != "tsv")
    Fail("--format must be jsonl, csv or tsv (got '" + a.format + "')");
  CoderOptions copt;
  copt.dict_dir = a.dict;
  copt.include_negated = a.all;
  copt.include_historical = a.all;
  copt.require_dyad = a.require_dyad;
  std::unique_ptr<Coder> coder;
  Status st = Coder::Load(copt, &coder);
  if (!st.ok()) Fail(st.message());

  InputOptions iopt;
  iopt.default_date = a.date;
  if (a.conllu) iopt.format = InputFormat::kConllu;
  std::vector<std::string> inputs = a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs;
  std::unique_ptr<DocumentReader> reader;
  st = DocumentReader::Open(inputs, iopt, &reader);
  if (!st.ok()) Fail(st.message());

  std::unique_ptr<Pipeline> pipeline;
  if (!a.conllu) {
    pipeline = LoadPipelineOrWarn(a.models, true, a.fast);
    if (!pipeline) Fail("the parser is needed to code raw text (or give --conllu with parsed input)");
  }
  if (a.format == "csv") WriteCsvHeader(std::cout);
  if (a.format == "tsv") WriteTsvHeader(std::cout);

  using Clock = std::chrono::steady_clock;
  double parse_s = 0, code_s = 0;
  uint64_t words = 0, events = 0, docs = 0;
  Document doc;
  while (reader->Next(&doc)) {
    PrintWarnings(reader->TakeWarnings());
    if (doc.date.empty()) doc.date = a.date;
    auto t0 = Clock::now();
    if (!a.conllu) pipeline->Annotate(&doc);
    auto t1 = Clock::now();
    std::vector<Event> evs = a.all ? coder->CodeAll(doc) : coder->Code(doc);
    auto t2 = Clock::now();
    parse_s += std::chrono::duration<double>(t1 - t0).count();
    code_s += std::chrono::duration<double>(t2 - t1).count();
    for (const auto& s : doc.sentences) words += s.words.size();
    ++docs;
    for (const Event& e : evs) {
      ++events;
      if (a.format == "jsonl") std::cout << EventToJson(e) << "\n";
      else if (a.format == "csv") WriteCsvRow(e, std::cout);
      else WriteTsvRow(e, std::cout);
    }
    std::cout.flush();
  }
  PrintWarnings(reader->TakeWarnings());
  if (a.timing) {
    std::cerr << "dyad code: " << docs << " documents, " << words << " words, " << events << " events; parse "
              << parse_s << " s (" << (parse_s > 0 ? words / parse_s : 0) << " words/s), code " << code_s
              << " s (" << (code_s > 0 ? words / code_s : 0) << " words/s), coding adds "
              << (parse_s > 0 ? 100.0 * code_s / parse_s : 0) << "% to parsing\n";
  }
}

CommandRegistrar reg(30, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("code", "Code events (who did what to whom) from documents; JSON Lines out");
  cmd->add_option("inputs", args->inputs, "text/JSONL/CoNLL-U files, directories, or - for stdin (default: -)");
  cmd->add_option("--date", args->date, "article date (YYYY-MM-DD) for documents that have none");
  cmd->add_option("--format", args->format, "output: jsonl (default), csv or tsv");
  cmd->add_flag("--conllu", args->conllu, "input is parsed CoNLL-U: code it as is, no parsing");
  cmd->add_flag("--all", args->all, "also print negated and historical events (flagged)");
  cmd->add_flag("--require-dyad", args->require_dyad, "only events with a coded source and target");
  cmd->add_flag("--timing", args->timing, "print parse and coding time to stderr");
  cmd->add_option("--dict", args->dict, "dictionary directory (default: dict/)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
