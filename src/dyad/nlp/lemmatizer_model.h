// nlp/lemmatizer_model — the data of a trained lemmatizer: the treebank
// table, learned suffix rules and WordNet's morphology tables. Shared by the
// runtime (nlp/lemmatizer.cpp) and the trainer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/nlp/hashing.h"
#include "dyad/nlp/wordnet_morph.h"
#include "dyad/util/status.h"

namespace dyad {

struct LemmatizerModel {
  // HashBytes(form + '\t' + xpos, 1) and HashBytes(lowercase + '\t' + xpos, 2)
  // -> index into `lemmas`.
  nlp::U64Map table;
  std::vector<std::string> lemmas;
  // HashBytes(xpos + '\t' + suffix, 3) -> rule: strip `strip` bytes, append.
  nlp::U64Map rules;
  std::vector<uint8_t> rule_strip;
  std::vector<std::string> rule_append;
  uint32_t max_suffix = 6;
  nlp::WordNetMorph wordnet;

  std::string Serialize() const;
  Status Deserialize(std::string_view payload, const std::string& name);
};

inline constexpr char kLemmatizerMagic[] = "dyad-lemmatizer";
inline constexpr uint32_t kLemmatizerVersion = 1;

}  // namespace dyad
