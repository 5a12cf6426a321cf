// nlp/tagger — the runtime part-of-speech and morphology tagger: a greedy
// averaged-perceptron model (two passes: left-to-right, then a second pass
// that also sees the first pass's tags to the right) predicting the joint
// UPOS+XPOS tag, followed by a small perceptron choosing the UD feature
// bundle among those seen with that tag in training. The tagger only loads
// and applies a model; nlp/train/tagger_trainer.h trains and saves one.
#pragma once

#include <memory>
#include <string>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct TaggerModel;   // defined in nlp/tagger_model.h (weights, tag set, lexicon)

class Tagger {
 public:
  explicit Tagger(std::unique_ptr<TaggerModel> model);
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Loads a model file written by SaveTagger (nlp/train/tagger_trainer.h).
  // Fails with a message naming the file when it is missing or corrupt.
  static Status Load(const std::string& path, std::unique_ptr<Tagger>* out);

  // Fills upos, xpos and feats of every word of `s` (words are kept).
  // Thread-safe: Tag on one Tagger may run concurrently from many threads.
  void Tag(Sentence* s) const;

  const TaggerModel& model() const { return *model_; }
  TaggerModel* mutable_model() { return model_.get(); }

 private:
  std::unique_ptr<TaggerModel> model_;
};

}  // namespace dyad
