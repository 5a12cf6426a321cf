// Dependency parser runtime: loads a trained transition-based model and
// parses tagged sentences into labelled UD v2 trees (basic relations with
// subtypes). The model is an averaged perceptron over Zhang & Nivre (2011)
// style features, decoded greedily or with a small beam, in the arc-eager
// system with a single-root constraint, so every sentence — empty of
// punctuation, 1 word or 300 — gets a well-formed tree (one root, no cycles).
// Training lives in nlp/train/parser_trainer.h.
#pragma once

#include <memory>
#include <string>

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

  // Reads form, lemma, upos, xpos, feats of s->words; writes head (1-based,
  // 0 = root) and deprel. Thread-safe: a Parser may be shared by threads.
  void Parse(Sentence* s) const;

  // Beam width used by Parse (1 = greedy). Defaults to the width the model
  // was trained with.
  int beam_width() const { return beam_; }
  void set_beam_width(int k) { beam_ = k < 1 ? 1 : k; }

  const parser::ParserModel& model() const { return *model_; }

  // Takes ownership of an in-memory model (used by the trainer for dev
  // evaluation without a round trip through disk).
  explicit Parser(std::shared_ptr<const parser::ParserModel> model);

 private:
  std::shared_ptr<const parser::ParserModel> model_;
  int beam_ = 1;
};

}  // namespace dyad
