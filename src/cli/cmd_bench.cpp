// dyad bench: throughput of the text + nlp pipeline (and, with --stage code,
// the event coder after it) on a news corpus, single-threaded.
//
//   dyad bench --stage segment
//   dyad bench --input ../shared/data/news/wikinews_en.jsonl --limit-docs 500 --stage parse
//
// Prints documents, sentences, words, bytes, wall time (reading excluded),
// words/s, sentences/s, MB/s, model load time and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/coder/coder.h"
#include "dyad/text/input.h"
#include "dyad/text/segmenter.h"
#include "dyad/util/resources.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string input = "../shared/data/news/wikinews_en.jsonl";
  size_t limit_docs = 0;
  std::string stage = "parse";
  std::string models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
  int repeat = 1;
};

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// User + system CPU time of this process, in seconds: on a busy machine the
// wall clock overstates the cost, so both are reported.
double CpuSeconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

void Run(const Args& a) {
  if (a.stage != "segment" && a.stage != "tag" && a.stage != "parse" && a.stage != "code")
    Fail("--stage must be segment, tag, parse or code (got '" + a.stage + "')");
  std::string input = a.input;
  if (!std::filesystem::exists(input)) {
    // The default is relative to the repository root; also try from the
    // resource root so `dyad bench` works from any directory.
    std::string alt = ResourceRoot() + "/" + input;
    if (std::filesystem::exists(alt)) input = alt;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<DocumentReader> reader;
  Status st = DocumentReader::Open({input}, InputOptions(), &reader);
  if (!st.ok()) Fail(st.message());
  std::vector<Document> docs;
  Document d;
  uint64_t bytes = 0;
  while ((a.limit_docs == 0 || docs.size() < a.limit_docs) && reader->Next(&d)) {
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  PrintWarnings(reader->TakeWarnings());
  auto t1 = std::chrono::steady_clock::now();

  std::unique_ptr<Pipeline> pipeline;
  std::string stage = a.stage;
  if (stage != "segment") {
    pipeline = LoadPipelineOrWarn(a.models, stage != "tag", a.fast);
    if (!pipeline) stage = "segment";
  }
  std::unique_ptr<Coder> coder;
  if (stage == "code") {
    Status cs = Coder::Load(CoderOptions(), &coder);
    if (!cs.ok()) Fail(cs.message());
  }
  auto t2 = std::chrono::steady_clock::now();

  uint64_t sentences = 0, words = 0, events = 0;
  double parse_seconds = 0, code_seconds = 0;
  double cpu0 = CpuSeconds();
  for (int r = 0; r < std::max(1, a.repeat); ++r) {
    for (auto& doc : docs) {
      auto p0 = std::chrono::steady_clock::now();
      if (pipeline) pipeline->Annotate(&doc);
      else Segment(&doc);
      auto p1 = std::chrono::steady_clock::now();
      parse_seconds += Seconds(p0, p1);
      if (coder) {
        events += coder->Code(doc).size();
        code_seconds += Seconds(p1, std::chrono::steady_clock::now());
      }
      sentences += doc.sentences.size();
      for (const auto& s : doc.sentences) words += s.words.size();
      // Drop the annotation once counted, so peak RSS measures the pipeline
      // (models + one document), not a corpus of annotated words.
      std::vector<Sentence>().swap(doc.sentences);
    }
  }
  auto t3 = std::chrono::steady_clock::now();
  double cpu = CpuSeconds() - cpu0;

  double wall = Seconds(t2, t3);
  double mb = static_cast<double>(bytes) * std::max(1, a.repeat) / 1e6;
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("input        %s\n", input.c_str());
  std::printf("stage        %s (single thread)\n", stage.c_str());
  std::printf("documents    %zu%s\n", docs.size(), a.repeat > 1 ? (" x " + std::to_string(a.repeat)).c_str() : "");
  std::printf("sentences    %llu\n", static_cast<unsigned long long>(sentences));
  std::printf("words        %llu\n", static_cast<unsigned long long>(words));
  std::printf("text         %.2f MB\n", mb);
  std::printf("read time    %.3f s (not counted below)\n", Seconds(t0, t1));
  std::printf("model load   %.3f s\n", Seconds(t1, t2));
  std::printf("wall time    %.3f s\n", wall);
  std::printf("cpu time     %.3f s\n", cpu);
  if (wall > 0 && cpu > 0) {
    std::printf("words/s      %.0f (wall)  %.0f (cpu)\n", words / wall, words / cpu);
    std::printf("sentences/s  %.0f (wall)  %.0f (cpu)\n", sentences / wall, sentences / cpu);
    std::printf("MB/s         %.2f (wall)  %.2f (cpu)\n", mb / wall, mb / cpu);
  }
  if (coder) {
    std::printf("events       %llu\n", static_cast<unsigned long long>(events));
    std::printf("coding time  %.3f s = %.1f%% of the text+nlp time (%.3f s)\n", code_seconds,
                parse_seconds > 0 ? 100.0 * code_seconds / parse_seconds : 0.0, parse_seconds);
  }
  std::printf("peak RSS     %.1f MB\n", ru.ru_maxrss / 1024.0);
  std::fflush(stdout);
}

CommandRegistrar reg(90, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("bench", "Measure pipeline throughput (single thread) on a news corpus");
  cmd->add_option("--input", args->input, "JSON Lines, text or CoNLL-U input (default: " + args->input + ")");
  cmd->add_option("--limit-docs", args->limit_docs, "only the first N documents (0 = all)");
  cmd->add_option("--stage", args->stage, "segment, tag, parse or code (default: parse)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->add_option("--repeat", args->repeat, "process the documents N times (steadier timings)");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
