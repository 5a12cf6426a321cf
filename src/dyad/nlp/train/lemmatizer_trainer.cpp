#include "dyad/nlp/train/lemmatizer_trainer.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "dyad/nlp/lemmatizer_model.h"
#include "dyad/nlp/tagger_features.h"
#include "dyad/util/serialize.h"

namespace dyad {

using nlp::HashBytes;

namespace {

// Most frequent value of a counter; ties broken by the smaller string so
// the result does not depend on hash order.
std::string MostFrequent(const std::map<std::string, size_t>& counts) {
  std::string best;
  size_t bc = 0;
  for (const auto& [k, c] : counts)
    if (c > bc) { bc = c; best = k; }
  return best;
}

}  // namespace

Status TrainLemmatizer(const std::vector<Sentence>& train, const LemmatizerTrainOptions& opts,
                       std::unique_ptr<Lemmatizer>* out) {
  auto m = std::make_unique<LemmatizerModel>();
  if (!opts.wordnet_dir.empty()) {
    Status st = m->wordnet.LoadFromDir(opts.wordnet_dir);
    if (!st.ok()) return st;
  }
  // 1. Table: (form, xpos) and (lowercase, xpos) -> most frequent lemma.
  std::map<std::string, std::map<std::string, size_t>> exact, lowered;
  std::string lower;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (w.lemma.empty() || w.form.empty()) continue;
      nlp::LowercaseUtf8(w.form, &lower);
      ++exact[w.form + "\t" + w.xpos][w.lemma];
      ++lowered[lower + "\t" + w.xpos][w.lemma];
    }
  std::unordered_map<std::string, uint32_t> pool;
  auto intern = [&](const std::string& lemma) {
    auto [it, inserted] = pool.emplace(lemma, static_cast<uint32_t>(m->lemmas.size()));
    if (inserted) m->lemmas.push_back(lemma);
    return it->second;
  };
  // A treebank lemma of an inflected form that WordNet does not know, where
  // WordNet derives another base form, is an annotation slip ("fled" ->
  // "flead" in GUM): WordNet's base form is stored instead.
  auto checked = [&](const std::string& key, const std::string& lemma) {
    if (m->wordnet.empty()) return lemma;
    size_t tab = key.find('\t');
    std::string_view xpos = std::string_view(key).substr(tab + 1);
    nlp::WnPos pos;
    if (xpos == "NNS") pos = nlp::WnPos::kNoun;
    else if (xpos == "VBD" || xpos == "VBN" || xpos == "VBZ" || xpos == "VBG") pos = nlp::WnPos::kVerb;
    else return lemma;
    if (m->wordnet.IsLemma(pos, lemma)) return lemma;
    std::string low, base;
    nlp::LowercaseUtf8(key.substr(0, tab), &low);
    if (m->wordnet.Exception(pos, low, &base) && base != lemma) return base;
    return lemma;
  };
  for (const auto& [key, counts] : exact)
    m->table.Set(HashBytes(key, 1), intern(checked(key, MostFrequent(counts))));
  for (const auto& [key, counts] : lowered)
    m->table.Set(HashBytes(key, 2), intern(checked(key, MostFrequent(counts))));

  // 2. Suffix rules from word types: how (xpos, final letters) rewrite.
  std::map<std::string, std::map<std::string, size_t>> rule_counts;  // "xpos\tsuffix" -> "strip\tappend"
  for (const auto& [key, counts] : exact) {
    size_t tab = key.find('\t');
    std::string form = key.substr(0, tab), xpos = key.substr(tab + 1);
    std::string lemma = MostFrequent(counts);
    bool proper = xpos.substr(0, 3) == "NNP";
    std::string base = form;
    if (!proper) {
      nlp::LowercaseUtf8(form, &base);
      std::string ll;
      nlp::LowercaseUtf8(lemma, &ll);
      lemma = ll;
    }
    size_t lcp = 0;
    while (lcp < base.size() && lcp < lemma.size() && base[lcp] == lemma[lcp]) ++lcp;
    size_t strip = base.size() - lcp;
    if (strip > 255) continue;
    std::string rule = std::to_string(strip) + "\t" + lemma.substr(lcp);
    for (size_t l = 0; l <= std::min<size_t>(m->max_suffix, base.size()); ++l)
      ++rule_counts[xpos + "\t" + base.substr(base.size() - l)][rule];
  }
  std::map<std::string, uint32_t> rule_ids;
  for (const auto& [key, counts] : rule_counts) {
    size_t total = 0;
    for (auto& kv : counts) total += kv.second;
    std::string best = MostFrequent(counts);
    if (counts.at(best) < static_cast<size_t>(opts.min_rule_count) && key.find('\t') + 1 != key.size())
      continue;  // keep the empty-suffix fallback of every tag
    auto [it, inserted] = rule_ids.emplace(best, static_cast<uint32_t>(m->rule_strip.size()));
    if (inserted) {
      size_t tab = best.find('\t');
      m->rule_strip.push_back(static_cast<uint8_t>(std::stoi(best.substr(0, tab))));
      m->rule_append.push_back(best.substr(tab + 1));
    }
    m->rules.Set(HashBytes(key, 3), it->second);
  }
  *out = std::make_unique<Lemmatizer>(std::move(m));
  return Status::OK();
}

Status SaveLemmatizer(const Lemmatizer& lemmatizer, const std::string& path) {
  return WriteModelFile(path, kLemmatizerMagic, kLemmatizerVersion, lemmatizer.model().Serialize());
}

double EvaluateLemmatizer(const Lemmatizer& lemmatizer, const std::vector<Sentence>& gold) {
  size_t ok = 0, n = 0;
  for (const auto& s : gold)
    for (const auto& w : s.words) {
      ok += lemmatizer.Lemmatize(w.form, w.upos, w.xpos) == w.lemma;
      ++n;
    }
  return n ? 100.0 * ok / n : 0.0;
}

}  // namespace dyad
