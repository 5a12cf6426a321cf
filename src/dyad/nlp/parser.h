// Dependency parser runtime: loads a trained transition-based model and
// parses tagged sentences into labelled UD v2 trees (basic relations with
// subtypes). The model is an averaged perceptron over Zhang & Nivre (2011)
// style features, decoded greedily or with a small beam, in the arc-eager
// system with a single-root constraint, so every sentence — empty of
// punctuation, 1 word or 300 — gets a well-formed tree (one root, no cycles).
// Training lives in nlp/train/parser_trainer.h.
//
// A Parser may hold several models (e.g. a left-to-right and a right-to-left
// one): each parses the sentence greedily, every model's arcs vote with a
// weight that grows with the model's confidence in the decision that built
// the arc (its score margin), and the tree with the most votes is found
// with Eisner's algorithm (after Sagae & Lavie 2006). Models disagree on
// few sentences, and only those are reparsed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

namespace parser {
class ParserModel;  // nlp/parser_model.h
}

class Parser {
 public:
  ~Parser();

  // Loads a model written by TrainParser (models/parser.bin.zst). Fails with
  // a message naming the file when it is missing, corrupt or of another
  // format version.
  static Status Load(const std::string& path, std::unique_ptr<Parser>* out);
  // Loads several models (in parallel) and combines them; the first one is
  // the tie-breaker and gives the labels of arcs no model proposed.
  static Status Load(const std::vector<std::string>& paths, std::unique_ptr<Parser>* out);

  // Reads form, lemma, upos, xpos, feats of s->words; writes head (1-based,
  // 0 = root) and deprel. Thread-safe: a Parser may be shared by threads.
  void Parse(Sentence* s) const;

  // Beam width used by Parse (1 = greedy). Defaults to the width the model
  // was trained with.
  int beam_width() const { return beam_; }
  void set_beam_width(int k) { beam_ = k < 1 ? 1 : k; }

  const parser::ParserModel& model() const { return *model_; }

  // How the votes of several models are weighted: a model's arc weighs
  // 1 + confidence * min(margin, margin_cap) / margin_cap, where margin is
  // the score difference between the arc's action and the best action that
  // would not have built it (0 when there was no other choice). The first
  // model's weight gets +first_bonus (it breaks ties); the others' are
  // scaled by other_scale. Defaults tuned on EWT dev for the shipped
  // left-to-right + right-to-left pair (predicted tags): margins of those
  // models are mostly 50..600, and capping at 200 was best.
  struct CombineOptions {
    float confidence = 1.0f;
    float margin_cap = 200.0f;
    float first_bonus = 0.05f;
    float other_scale = 1.0f;
  };
  const CombineOptions& combine_options() const { return combine_; }
  void set_combine_options(const CombineOptions& o) { combine_ = o; }
  int num_models() const { return static_cast<int>(models_.size()); }

  // Takes ownership of in-memory models (used by the trainer for dev
  // evaluation without a round trip through disk).
  explicit Parser(std::shared_ptr<const parser::ParserModel> model);
  explicit Parser(std::vector<std::shared_ptr<const parser::ParserModel>> models);

 private:
  std::shared_ptr<const parser::ParserModel> model_;  // models_[0]
  std::vector<std::shared_ptr<const parser::ParserModel>> models_;
  int beam_ = 1;
  CombineOptions combine_;
};

}  // namespace dyad
