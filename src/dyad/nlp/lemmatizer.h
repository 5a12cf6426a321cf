// nlp/lemmatizer — lemmas from form + tags. Three sources, in order:
//   1. a table learned from the treebanks (lowercase form + XPOS -> lemma),
//   2. WordNet morphology: irregular forms (*.exc) and the detachment rules
//      of WordNet's morphy, accepted only when the result is a WordNet lemma
//      of the right part of speech,
//   3. suffix rewrite rules learned from the treebank for everything else.
// The WordNet tables are compiled into the model file at training time, so
// the runtime needs no WordNet installation.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct LemmatizerModel;  // nlp/lemmatizer_model.h

class Lemmatizer {
 public:
  explicit Lemmatizer(std::unique_ptr<LemmatizerModel> model);
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // Loads a model written by SaveLemmatizer (nlp/train/lemmatizer_trainer.h).
  static Status Load(const std::string& path, std::unique_ptr<Lemmatizer>* out);

  // The lemma of one word given its tags (upos "VERB", xpos "VBD").
  std::string Lemmatize(std::string_view form, std::string_view upos,
                        std::string_view xpos) const;

  // Fills Word::lemma of every word from its form, upos and xpos.
  void LemmatizeSentence(Sentence* s) const;

  const LemmatizerModel& model() const { return *model_; }

 private:
  std::unique_ptr<LemmatizerModel> model_;
};

}  // namespace dyad
