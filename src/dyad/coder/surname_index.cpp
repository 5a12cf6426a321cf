// coder — SurnameIndex (see surname_index.h).
#include "dyad/coder/surname_index.h"

#include <algorithm>

#include "dyad/lexicon/phrase_matcher.h"

namespace dyad {
namespace {

std::vector<std::string> Tokens(std::string_view name) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j > i) {
      std::string k = PhraseKey(name.substr(i, j - i));
      if (!k.empty()) out.push_back(k);
    }
    i = j;
  }
  return out;
}

}  // namespace

void SurnameIndex::Build(const ActorLexicon& actors) {
  actors_ = &actors;
  for (size_t id = 0; id < actors.size(); ++id) {
    if (actors.kind(static_cast<int>(id)) != ActorKind::kPerson) continue;
    for (const std::string& name : actors.entry(static_cast<int>(id)).names) {
      auto toks = Tokens(name);
      if (toks.size() < 2) continue;
      auto add = [&](std::unordered_map<std::string, std::vector<int>>& m, const std::string& t) {
        auto& v = m[t];
        if (std::find(v.begin(), v.end(), static_cast<int>(id)) == v.end()) v.push_back(static_cast<int>(id));
      };
      add(last_, toks.back());
      add(first_, toks.front());
    }
  }
}

int SurnameIndex::Find(std::string_view token, DictDate date) const {
  if (!actors_ || date == 0) return -1;
  std::string key = PhraseKey(token);
  for (const auto* m : {&last_, &first_}) {
    auto it = m->find(key);
    if (it == m->end()) continue;
    // Several in office ("Bush" in 2005: the president and a governor): the
    // first listed, as the dictionaries list the most prominent first.
    for (int id : it->second) {
      const DictEntry& e = actors_->entry(id);
      for (const auto& c : e.codes)
        if (c.dated && c.Contains(date)) return id;
    }
  }
  return -1;
}

}  // namespace dyad
