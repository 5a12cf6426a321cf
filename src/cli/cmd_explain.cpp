// dyad explain: why a sentence did or did not code. Prints, per sentence,
// the parse in compact form, the actors found, every pattern tried and why
// it fired or not, and the events before output filters.
//
//   dyad explain "Kim Jong Un pledged to develop ties with China." --date 2024-10-06
//   dyad explain --conllu parsed.conllu
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/text/conllu.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string text;
  std::string date;
  std::string conllu;
  std::string dict, models;
};

void Run(const Args& a) {
  CoderOptions copt;
  copt.dict_dir = a.dict;
  std::unique_ptr<Coder> coder;
  Status st = Coder::Load(copt, &coder);
  if (!st.ok()) Fail(st.message());
  Document doc;
  doc.id = "explain";
  doc.date = a.date;
  if (!a.conllu.empty()) {
    st = ReadConlluFile(a.conllu, &doc.sentences);
    if (!st.ok()) Fail(st.message());
    doc.text = RebuildText(&doc.sentences);
  } else {
    if (a.text.empty()) Fail("give the text to explain (or --conllu FILE)");
    auto pipeline = LoadPipelineOrWarn(a.models, true);
    if (!pipeline) Fail("the parser is needed to explain raw text (or give --conllu FILE)");
    doc.text = a.text;
    pipeline->Annotate(&doc);
  }
  std::cout << coder->Explain(doc);
}

CommandRegistrar reg(35, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("explain", "Show the parse, actors and coding rules tried for a text");
  cmd->add_option("text", args->text, "the text to code");
  cmd->add_option("--date", args->date, "article date YYYY-MM-DD");
  cmd->add_option("--conllu", args->conllu, "explain a parsed CoNLL-U file instead of raw text");
  cmd->add_option("--dict", args->dict, "dictionary directory (default: dict/)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
