// nlp/wordnet_morph — WordNet 3.0's morphology as the tagger and lemmatizer
// need it: which single-word lemmas exist per part of speech (index.*), the
// irregular forms (*.exc), and morphy's detachment rules (a suffix rewrite
// is accepted only when it yields a lemma of that part of speech).
// Read once from /usr/share/wordnet at training time and stored inside the
// model files, so the runtime does not need WordNet installed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/nlp/hashing.h"
#include "dyad/util/serialize.h"
#include "dyad/util/status.h"

namespace dyad::nlp {

enum class WnPos : uint8_t { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };

// Bits of WordNetMorph::Signature.
enum WnSig : uint32_t {
  kSigNoun = 1u << 0, kSigNounPlural = 1u << 1, kSigNounExc = 1u << 2,
  kSigVerb = 1u << 3, kSigVerbS = 1u << 4, kSigVerbEd = 1u << 5, kSigVerbIng = 1u << 6,
  kSigVerbExc = 1u << 7,
  kSigAdj = 1u << 8, kSigAdjEr = 1u << 9, kSigAdjEst = 1u << 10, kSigAdjExc = 1u << 11,
  kSigAdv = 1u << 12,
};

class WordNetMorph {
 public:
  // Reads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from `dir`.
  Status LoadFromDir(const std::string& dir);
  bool empty() const { return num_lemmas_ == 0; }

  bool IsLemma(WnPos pos, std::string_view lower) const;

  // Irregular base form from the exception lists ("went" -> "go"), first
  // listed lemma; false when the form has no exception entry.
  bool Exception(WnPos pos, std::string_view lower, std::string* lemma) const;

  // morphy: the exception list, then the detachment rules validated against
  // the lemma list. A form that is itself a lemma returns itself.
  bool BaseForm(WnPos pos, std::string_view lower, std::string* lemma) const;

  // Like BaseForm for a form known to be inflected (tagged NNS, VBD, JJR...):
  // exceptions, then detachment rules (and consonant undoubling); the form
  // itself is not accepted ("glasses" -> "glass", though "glasses" is a
  // WordNet lemma too).
  bool InflectedBaseForm(WnPos pos, std::string_view lower, std::string* lemma) const;

  // Which parts of speech and inflections can explain `lower` (WnSig bits).
  uint32_t Signature(std::string_view lower) const;

  void Write(BinaryWriter* w) const;
  bool Read(BinaryReader* r);

 private:
  void Rebuild();
  // Stored form: per POS a '\n'-joined lemma list and "form lemma" lines.
  std::string lemmas_[4];
  std::string exceptions_[4];
  // Derived lookup tables.
  U64Map lemma_set_;                      // Hash(pos, lemma) -> 1
  U64Map exc_map_;                        // Hash(pos, form) -> index in exc_lemmas_
  std::vector<std::string> exc_lemmas_;
  size_t num_lemmas_ = 0;
};

}  // namespace dyad::nlp
