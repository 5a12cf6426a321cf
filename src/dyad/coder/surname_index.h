// coder — finding a dictionary person from a surname alone ("President
// Bush" in 2008, "Mr. Putin", "Merkel"). The actor dictionary lists bare
// surnames only when they are unambiguous; this index lets the coder use
// the article date to decide: among the people whose name ends (or, for
// East Asian names, starts) with the word, one holding a dated role on that
// day wins (the first listed if several do).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/lexicon/actors.h"

namespace dyad {

class SurnameIndex {
 public:
  void Build(const ActorLexicon& actors);
  // Entry id of the first-listed person with `token` as surname who has a
  // dated code covering `date` (DictDate); -1 when none. Callers use it only
  // with a title ("President Bush"), where the office disambiguates.
  int Find(std::string_view token, DictDate date) const;

 private:
  std::unordered_map<std::string, std::vector<int>> last_, first_;
  const ActorLexicon* actors_ = nullptr;
};

}  // namespace dyad
