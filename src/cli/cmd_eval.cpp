// dyad eval: scores the event coder against a gold-standard file (the JSON
// Lines format of ../shared/data/gold). Each record's raw `text` is parsed
// with our pipeline (--parses ours, the default) or its `parse_conllu` is
// used (--parses gold; UD v1 relations are mapped to v2 by the coder).
// How records and events are counted: src/dyad/coder/gold_eval.h and
// docs/events.md.
//
//   dyad eval --gold ../shared/data/gold/petr2_gsr_validation.jsonl
//   dyad eval --gold FILE --parses gold --level strict --records
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/coder/gold_eval.h"
#include "dyad/text/conllu.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string gold;
  std::string level = "root";
  std::string parses = "ours";
  bool records = false;
  std::string dict, models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
};

void Run(const Args& a) {
  EvalLevel level;
  if (!ParseEvalLevel(a.level, &level)) Fail("--level must be root, strict or plover");
  if (a.parses != "ours" && a.parses != "gold") Fail("--parses must be ours or gold");
  std::vector<GoldRecord> records;
  Status st = ReadGoldFile(a.gold, &records);
  if (!st.ok()) Fail(st.message());
  CoderOptions copt;
  copt.dict_dir = a.dict;
  copt.require_dyad = true;
  std::unique_ptr<Coder> coder;
  st = Coder::Load(copt, &coder);
  if (!st.ok()) Fail(st.message());
  std::unique_ptr<Pipeline> pipeline;
  if (a.parses == "ours") {
    pipeline = LoadPipelineOrWarn(a.models, true, a.fast);
    if (!pipeline) Fail("--parses ours needs the parser models (try --parses gold)");
  }
  int bad_parses = 0;
  auto annotate = [&](const GoldRecord& g, Document* doc) {
    if (a.parses == "gold") {
      Status s = ParseConllu(g.parse_conllu, a.gold + ":" + std::to_string(g.line), &doc->sentences);
      if (!s.ok() || doc->sentences.empty()) {
        ++bad_parses;
        if (!s.ok()) std::cerr << "dyad: " << s.message() << "\n";
        doc->sentences.clear();
        return;
      }
      doc->text = RebuildText(&doc->sentences);
    } else {
      pipeline->Annotate(doc);
    }
  };
  std::cout << "gold " << a.gold << ", parses " << a.parses << ", " << coder->pattern_count()
            << " verb patterns\n";
  EvalReport main = EvaluateGold(records, *coder, level, annotate);
  std::cout << main.Format(a.records);
  for (EvalLevel other : {EvalLevel::kRoot, EvalLevel::kStrict, EvalLevel::kPlover}) {
    if (other == level) continue;
    EvalReport r = EvaluateGold(records, *coder, other, annotate);
    const char* name = other == EvalLevel::kRoot ? "root" : other == EvalLevel::kStrict ? "strict" : "plover";
    std::printf("level %-6s: P %.3f R %.3f F1 %.3f, exact records %d/%d\n", name, r.total.Precision(),
                r.total.Recall(), r.total.F1(), r.exact, r.records);
  }
  if (bad_parses) std::cerr << "dyad: " << bad_parses << " records had no usable parse\n";
}

CommandRegistrar reg(45, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("eval", "Score the event coder against a gold JSON Lines file");
  cmd->add_option("--gold", args->gold, "gold file (../shared/data/gold/*.jsonl)")->required();
  cmd->add_option("--level", args->level, "root (default), strict or plover");
  cmd->add_option("--parses", args->parses, "ours (default: parse the raw text) or gold (the record's parse)");
  cmd->add_flag("--records", args->records, "list every record that does not match exactly");
  cmd->add_option("--dict", args->dict, "dictionary directory (default: dict/)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
