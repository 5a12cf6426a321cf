// nlp — the trained models that turn words into an annotated sentence:
// a perceptron tagger (UPOS, Penn XPOS, UD features), a lemmatizer (treebank
// table + WordNet morphology) and a transition-based dependency parser. The
// runtime (this folder) only loads and applies models; training lives in
// nlp/train and writes the model files the runtime reads.
//
// Pipeline is the one entry point the rest of dyad uses.
#pragma once

#include <memory>
#include <string>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct PipelineOptions {
  std::string models_dir;    // directory with the model files; "" = ResourcePath("models")
  bool parse = true;         // false: stop after tagging and lemmatising
  // true: the left-to-right parser alone, even when the right-to-left one is
  // present: about 1.6x faster end to end, EWT test LAS 84.0 instead of 84.9.
  bool single_parser = false;
};

class Pipeline {
 public:
  virtual ~Pipeline() = default;

  // Loads the models. Fails with a message naming the missing/corrupt file.
  static Status Load(const PipelineOptions& options, std::unique_ptr<Pipeline>* out);

  // Segments doc->text into sentences and words, then annotates them.
  virtual void Annotate(Document* doc) const = 0;

  // Annotates already-segmented words (CoNLL-U input, gold tokenisation):
  // fills lemma, upos, xpos, feats, head, deprel; keeps the words.
  virtual void AnnotateSentence(Sentence* sentence) const = 0;
};

}  // namespace dyad
