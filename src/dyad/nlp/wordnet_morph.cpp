#include "dyad/nlp/wordnet_morph.h"

#include <fstream>
#include <sstream>

namespace dyad::nlp {
namespace {

const char* kPosNames[4] = {"noun", "verb", "adj", "adv"};

uint64_t Key(WnPos pos, std::string_view s) { return HashBytes(s, 1000 + static_cast<int>(pos)); }

struct Rule {
  const char* suffix;
  const char* ending;
};
// WordNet morphy's detachment rules (wnintro(3WN), "morphy").
const Rule kNounRules[] = {{"s", ""},     {"ses", "s"},  {"xes", "x"}, {"zes", "z"},
                           {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
const Rule kVerbRules[] = {{"s", ""},    {"ies", "y"}, {"es", "e"}, {"es", ""},
                           {"ed", "e"},  {"ed", ""},   {"ing", "e"}, {"ing", ""}};
const Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

Status WordNetMorph::LoadFromDir(const std::string& dir) {
  for (int p = 0; p < 4; ++p) {
    std::string path = dir + "/index." + kPosNames[p];
    std::ifstream in(path);
    if (!in) return Status::NotFound(path + ": cannot open WordNet index (install wordnet-base)");
    std::string line, out;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      size_t sp = line.find(' ');
      std::string_view lemma(line.data(), sp == std::string::npos ? line.size() : sp);
      if (lemma.find('_') != std::string_view::npos) continue;  // multiword lemmas
      out.append(lemma);
      out.push_back('\n');
    }
    lemmas_[p] = std::move(out);
    std::string epath = dir + "/" + kPosNames[p] + ".exc";
    std::ifstream ein(epath);
    if (!ein) return Status::NotFound(epath + ": cannot open WordNet exception list");
    std::string eout;
    while (std::getline(ein, line)) {
      std::istringstream ss(line);
      std::string form, lemma;
      if (!(ss >> form >> lemma)) continue;
      if (form.find('_') != std::string::npos || lemma.find('_') != std::string::npos) continue;
      eout += form + " " + lemma + "\n";
    }
    exceptions_[p] = std::move(eout);
  }
  Rebuild();
  return Status::OK();
}

void WordNetMorph::Rebuild() {
  lemma_set_ = U64Map();
  exc_map_ = U64Map();
  exc_lemmas_.clear();
  num_lemmas_ = 0;
  for (int p = 0; p < 4; ++p) {
    std::string_view all(lemmas_[p]);
    size_t pos = 0;
    while (pos < all.size()) {
      size_t nl = all.find('\n', pos);
      if (nl == std::string_view::npos) nl = all.size();
      lemma_set_.Insert(Key(static_cast<WnPos>(p), all.substr(pos, nl - pos)), 1);
      ++num_lemmas_;
      pos = nl + 1;
    }
    std::string_view ex(exceptions_[p]);
    pos = 0;
    while (pos < ex.size()) {
      size_t nl = ex.find('\n', pos);
      if (nl == std::string_view::npos) nl = ex.size();
      std::string_view line = ex.substr(pos, nl - pos);
      size_t sp = line.find(' ');
      if (sp != std::string_view::npos) {
        uint64_t k = Key(static_cast<WnPos>(p), line.substr(0, sp));
        if (exc_map_.Find(k) == U64Map::kMissing) {
          exc_map_.Insert(k, static_cast<uint32_t>(exc_lemmas_.size()));
          exc_lemmas_.emplace_back(line.substr(sp + 1));
        }
      }
      pos = nl + 1;
    }
  }
}

bool WordNetMorph::IsLemma(WnPos pos, std::string_view lower) const {
  return lemma_set_.Find(Key(pos, lower)) != U64Map::kMissing;
}

bool WordNetMorph::Exception(WnPos pos, std::string_view lower, std::string* lemma) const {
  uint32_t i = exc_map_.Find(Key(pos, lower));
  if (i == U64Map::kMissing) return false;
  *lemma = exc_lemmas_[i];
  return true;
}

bool WordNetMorph::BaseForm(WnPos pos, std::string_view lower, std::string* lemma) const {
  if (Exception(pos, lower, lemma)) return true;
  if (IsLemma(pos, lower)) {
    lemma->assign(lower);
    return true;
  }
  return InflectedBaseForm(pos, lower, lemma);
}

bool WordNetMorph::InflectedBaseForm(WnPos pos, std::string_view lower, std::string* lemma) const {
  if (Exception(pos, lower, lemma)) return true;
  const Rule* rules = nullptr;
  size_t n = 0;
  switch (pos) {
    case WnPos::kNoun: rules = kNounRules; n = std::size(kNounRules); break;
    case WnPos::kVerb: rules = kVerbRules; n = std::size(kVerbRules); break;
    case WnPos::kAdj: rules = kAdjRules; n = std::size(kAdjRules); break;
    case WnPos::kAdv: return false;
  }
  std::string cand;
  for (size_t r = 0; r < n; ++r) {
    std::string_view suf = rules[r].suffix;
    if (!EndsWith(lower, suf)) continue;
    cand.assign(lower.substr(0, lower.size() - suf.size()));
    cand.append(rules[r].ending);
    if (IsLemma(pos, cand)) {
      *lemma = cand;
      return true;
    }
  }
  // Doubled consonant before -ed/-ing/-er/-est ("stopped" -> "stop"): not in
  // morphy's rules but regular English spelling; the exception lists cover
  // many, not all.
  for (std::string_view suf : {"ed", "ing", "er", "est"}) {
    if ((pos == WnPos::kVerb) != (suf == "ed" || suf == "ing")) continue;
    if (!EndsWith(lower, suf) || lower.size() < suf.size() + 3) continue;
    std::string_view stem = lower.substr(0, lower.size() - suf.size());
    if (stem[stem.size() - 1] == stem[stem.size() - 2]) {
      cand.assign(stem.substr(0, stem.size() - 1));
      if (IsLemma(pos, cand)) {
        *lemma = cand;
        return true;
      }
    }
  }
  return false;
}

uint32_t WordNetMorph::Signature(std::string_view lower) const {
  uint32_t sig = 0;
  std::string tmp;
  if (IsLemma(WnPos::kNoun, lower)) sig |= kSigNoun;
  if (IsLemma(WnPos::kVerb, lower)) sig |= kSigVerb;
  if (IsLemma(WnPos::kAdj, lower)) sig |= kSigAdj;
  if (IsLemma(WnPos::kAdv, lower)) sig |= kSigAdv;
  if (Exception(WnPos::kNoun, lower, &tmp) && tmp != lower) sig |= kSigNounExc;
  if (Exception(WnPos::kVerb, lower, &tmp) && tmp != lower) sig |= kSigVerbExc;
  if (Exception(WnPos::kAdj, lower, &tmp) && tmp != lower) sig |= kSigAdjExc;
  auto check = [&](WnPos pos, const Rule* rules, size_t n, auto&& bit_for) {
    for (size_t r = 0; r < n; ++r) {
      std::string_view suf = rules[r].suffix;
      if (!EndsWith(lower, suf)) continue;
      tmp.assign(lower.substr(0, lower.size() - suf.size()));
      tmp.append(rules[r].ending);
      if (IsLemma(pos, tmp)) sig |= bit_for(suf);
    }
  };
  check(WnPos::kNoun, kNounRules, std::size(kNounRules), [](std::string_view) { return kSigNounPlural; });
  check(WnPos::kVerb, kVerbRules, std::size(kVerbRules), [](std::string_view s) {
    return s == "ing" ? kSigVerbIng : s == "ed" ? kSigVerbEd : kSigVerbS;
  });
  check(WnPos::kAdj, kAdjRules, std::size(kAdjRules), [](std::string_view s) {
    return s == "er" ? kSigAdjEr : kSigAdjEst;
  });
  for (std::string_view suf : {"ed", "ing"}) {
    if (!EndsWith(lower, suf) || lower.size() < suf.size() + 3) continue;
    std::string_view stem = lower.substr(0, lower.size() - suf.size());
    if (stem[stem.size() - 1] == stem[stem.size() - 2]) {
      tmp.assign(stem.substr(0, stem.size() - 1));
      if (IsLemma(WnPos::kVerb, tmp)) sig |= suf == "ed" ? kSigVerbEd : kSigVerbIng;
    }
  }
  return sig;
}

void WordNetMorph::Write(BinaryWriter* w) const {
  for (int p = 0; p < 4; ++p) {
    w->PutString(lemmas_[p]);
    w->PutString(exceptions_[p]);
  }
}

bool WordNetMorph::Read(BinaryReader* r) {
  for (int p = 0; p < 4; ++p)
    if (!r->GetString(&lemmas_[p]) || !r->GetString(&exceptions_[p])) return false;
  Rebuild();
  return true;
}

}  // namespace dyad::nlp
