#include "dyad/nlp/train/parser_eval.h"

#include <tbb/parallel_for.h>

#include <chrono>
#include <ctime>

namespace dyad {
namespace {
std::string_view Universal(std::string_view l) { return l.substr(0, l.find(':')); }
}  // namespace

void ScoreParses(const std::vector<Sentence>& parsed, const std::vector<Sentence>& gold,
                 ParseScores* out) {
  for (size_t i = 0; i < gold.size() && i < parsed.size(); ++i) {
    const auto& g = gold[i].words;
    const auto& p = parsed[i].words;
    for (size_t j = 0; j < g.size(); ++j) {
      ++out->words;
      if (j >= p.size() || p[j].head != g[j].head) continue;
      ++out->head_correct;
      if (p[j].deprel == g[j].deprel) ++out->label_correct;
      if (Universal(p[j].deprel) == Universal(g[j].deprel)) ++out->ulabel_correct;
    }
  }
}

ParseScores EvaluateParser(const Parser& parser, const std::vector<Sentence>& gold,
                           bool parallel) {
  std::vector<Sentence> parsed = gold;
  for (auto& s : parsed)
    for (auto& w : s.words) {
      w.head = -1;
      w.deprel.clear();
    }
  double secs = 0;
  if (parallel) {
    const auto t0 = std::chrono::steady_clock::now();
    tbb::parallel_for(size_t{0}, parsed.size(), [&](size_t i) { parser.Parse(&parsed[i]); });
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  } else {
    // CPU time of this thread: the machine is shared, wall time would
    // measure the neighbours.
    timespec a{}, b{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    for (auto& s : parsed) parser.Parse(&s);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
  }
  ParseScores sc;
  ScoreParses(parsed, gold, &sc);
  sc.words_per_second = secs > 0 ? sc.words / secs : 0;
  return sc;
}

}  // namespace dyad
