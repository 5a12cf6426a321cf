// Parser evaluation with the metrics of the CoNLL 2018 shared task
// (conll18_ud_eval): Tokens, Sentences, Words, UPOS, XPOS, UFeats, AllTags,
// Lemmas, UAS, LAS, as precision / recall / F1.
//
// Gold and system must cover the same text once whitespace is removed. Tokens
// and sentences are compared as character spans of that text; words are
// aligned by span, and inside a stretch touched by a multiword token (on
// either side) by the longest common subsequence of their lower-cased forms.
// Attachment scores compare the aligned gold index of the system head with
// the gold head; LAS ignores relation subtypes ("obl:tmod" = "obl"); UFeats
// compares only the universal features. A gold lemma "_" counts as correct.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct EvalScore {
  std::string metric;        // "Tokens", "Sentences", "Words", "UPOS", ... "LAS"
  uint64_t gold = 0;         // items in gold
  uint64_t system = 0;       // items in system output
  uint64_t correct = 0;      // matching items
  uint64_t aligned = 0;      // aligned words (word-level metrics)
  double precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const { return gold + system ? 2.0 * correct / static_cast<double>(gold + system) : 0.0; }
  double aligned_accuracy() const { return aligned ? static_cast<double>(correct) / aligned : 0.0; }
};

struct EvalResult {
  std::vector<EvalScore> scores;   // in the order listed above
  const EvalScore* Find(const std::string& metric) const;
};

// Scores `system` against `gold`. Fails (naming the first differing
// character offset) when the two do not spell the same text.
Status EvaluateSentences(const std::vector<Sentence>& gold, const std::vector<Sentence>& system,
                         EvalResult* result);

// Human-readable differences for tuning: with `sentences` false, stretches
// where token boundaries differ ("gold: can|not  system: cannot"); with it
// true, missed and extra sentence breaks with a few tokens of context.
std::vector<std::string> DescribeDifferences(const std::vector<Sentence>& gold,
                                             const std::vector<Sentence>& system, size_t max_items,
                                             bool sentences);

// The universal features of a FEATS string, sorted ("Number=Sing|PronType=Prs").
std::string UniversalFeatures(const std::string& feats);

}  // namespace dyad
