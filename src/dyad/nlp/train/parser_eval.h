// Attachment scores of the parser against gold trees, as printed by
// `dyad train-parser`: UAS, LAS with full labels (subtypes count, so
// obl:tmod vs obl is an error) and LAS on universal labels (the part before
// ':' as in the CoNLL 2018 evaluation). All words count, punctuation too.
#pragma once

#include <vector>

#include "dyad/nlp/parser.h"
#include "dyad/text/document.h"

namespace dyad {

struct ParseScores {
  long words = 0;
  long head_correct = 0;
  long label_correct = 0;       // head and full label
  long ulabel_correct = 0;      // head and universal label
  double words_per_second = 0;  // parallel: wall clock; serial: per CPU-second of the thread
  double uas() const { return words ? 100.0 * head_correct / words : 0; }
  double las() const { return words ? 100.0 * label_correct / words : 0; }
  double ulas() const { return words ? 100.0 * ulabel_correct / words : 0; }
};

// Parses copies of `gold` (their tags as given) and scores them. Runs on
// all cores when `parallel`; words_per_second is then aggregate.
ParseScores EvaluateParser(const Parser& parser, const std::vector<Sentence>& gold,
                           bool parallel = true);

// Scores already-parsed sentences against gold ones (same words).
void ScoreParses(const std::vector<Sentence>& parsed, const std::vector<Sentence>& gold,
                 ParseScores* out);

}  // namespace dyad
