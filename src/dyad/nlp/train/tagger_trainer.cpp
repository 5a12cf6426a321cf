#include "dyad/nlp/train/tagger_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

#include "dyad/nlp/tagger_features.h"
#include "dyad/nlp/tagger_model.h"
#include "dyad/nlp/train/perceptron.h"

namespace dyad {

using nlp::HashBytes;
using nlp::TokenInfo;
using nlp::TrainablePerceptron;

namespace {

struct TagSet {
  std::vector<std::string> upos, xpos;
  std::unordered_map<std::string, uint16_t> id;  // "UPOS\tXPOS" -> id
};

std::string JointKey(const Word& w) { return w.upos + "\t" + w.xpos; }

// Joint tags by descending frequency; at most kMaxTags (the rarest beyond that
// are dropped: their words are trained as if tagged with the most frequent).
TagSet BuildTagSet(const std::vector<Sentence>& train) {
  std::unordered_map<std::string, size_t> counts;
  for (const auto& s : train)
    for (const auto& w : s.words) ++counts[JointKey(w)];
  std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
  std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (v.size() > static_cast<size_t>(kMaxTags)) v.resize(kMaxTags);
  TagSet ts;
  for (auto& [k, c] : v) {
    size_t tab = k.find('\t');
    ts.id[k] = static_cast<uint16_t>(ts.upos.size());
    ts.upos.push_back(k.substr(0, tab));
    ts.xpos.push_back(k.substr(tab + 1));
  }
  return ts;
}

uint16_t TagOf(const TagSet& ts, const Word& w) {
  auto it = ts.id.find(JointKey(w));
  return it == ts.id.end() ? 0 : it->second;
}

void BuildLexicon(const std::vector<Sentence>& train, const TagSet& ts, TaggerModel* m) {
  struct Counts {
    uint32_t total = 0;
    std::map<uint16_t, uint32_t> per_tag;
    std::string lower;
  };
  std::unordered_map<uint64_t, Counts> by_key;
  std::string lower;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      uint16_t t = TagOf(ts, w);
      nlp::LowercaseUtf8(w.form, &lower);
      for (uint64_t key : {HashBytes(w.form, 1), HashBytes(lower, 2)}) {
        Counts& c = by_key[key];
        ++c.total;
        ++c.per_tag[t];
        if (c.lower.empty()) c.lower = lower;
      }
    }
  // Sorted keys: the model file does not depend on hash-map order.
  std::vector<uint64_t> keys;
  keys.reserve(by_key.size());
  for (auto& kv : by_key) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  m->lex.clear();
  m->lexicon = nlp::U64Map();
  m->lexicon.Reserve(keys.size());
  for (uint64_t key : keys) {
    const Counts& c = by_key[key];
    TaggerLexEntry e;
    std::memset(static_cast<void*>(&e), 0, sizeof e);  // padding too: files are reproducible
    e.count = c.total;
    uint64_t amb[2] = {0, 0};
    for (auto& [t, n] : c.per_tag) {
      e.mask[t >> 6] |= 1ULL << (t & 63);
      if (n * 20 >= c.total) amb[t >> 6] |= 1ULL << (t & 63);
    }
    e.ambiguity = nlp::Combine(nlp::Mix64(amb[0] + 0xA1), amb[1]);
    e.wn_signature = m->wordnet.empty() ? 0 : m->wordnet.Signature(c.lower);
    m->lexicon.Set(key, static_cast<uint32_t>(m->lex.size()));
    m->lex.push_back(e);
  }
}

void BuildFeatsCandidates(const std::vector<Sentence>& train, const TagSet& ts, TaggerModel* m) {
  std::vector<std::unordered_map<std::string, size_t>> per_tag(ts.upos.size());
  for (const auto& s : train)
    for (const auto& w : s.words) {
      auto it = ts.id.find(JointKey(w));
      if (it != ts.id.end()) ++per_tag[it->second][w.feats];
    }
  std::map<std::string, uint16_t> ids;  // id 0 = "" (no features)
  m->feats = {""};
  ids[""] = 0;
  m->feats_candidates.assign(ts.upos.size(), {});
  m->feats_default.assign(ts.upos.size(), 0);
  for (size_t t = 0; t < per_tag.size(); ++t) {
    std::vector<std::pair<std::string, size_t>> v(per_tag[t].begin(), per_tag[t].end());
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (size_t k = 0; k < v.size(); ++k) {
      // Bundles seen once are mostly annotation noise or typos (Typo=Yes).
      if (k > 0 && v[k].second < 2) continue;
      auto [it, inserted] = ids.emplace(v[k].first, static_cast<uint16_t>(m->feats.size()));
      if (inserted) m->feats.push_back(v[k].first);
      m->feats_candidates[t].push_back(it->second);
    }
    if (m->feats_candidates[t].empty()) m->feats_candidates[t].push_back(0);
    m->feats_default[t] = m->feats_candidates[t][0];
  }
}

// A training sentence, reduced to what the training loop needs.
struct Prepared {
  std::vector<TokenInfo> toks;
  std::vector<uint64_t> sfeat;   // kMaxStaticFeatures per token
  std::vector<int> scount;
  std::vector<uint16_t> gold;
  std::vector<int> gold_feats;   // index into the tag's candidates, -1 if absent
};

}  // namespace

TaggerAccuracy EvaluateTagger(const Tagger& tagger, const std::vector<Sentence>& gold) {
  TaggerAccuracy a;
  size_t up = 0, xp = 0, fe = 0, all = 0;
  Sentence s;
  for (const auto& g : gold) {
    s.words = g.words;
    for (auto& w : s.words) { w.upos.clear(); w.xpos.clear(); w.feats.clear(); }
    tagger.Tag(&s);
    for (size_t i = 0; i < g.words.size(); ++i) {
      const Word& p = s.words[i];
      const Word& w = g.words[i];
      bool u = p.upos == w.upos, x = p.xpos == w.xpos, f = p.feats == w.feats;
      up += u; xp += x; fe += f; all += u && x && f;
      ++a.words;
    }
  }
  if (a.words) {
    double n = static_cast<double>(a.words);
    a.upos = 100.0 * up / n; a.xpos = 100.0 * xp / n; a.feats = 100.0 * fe / n; a.all_tags = 100.0 * all / n;
  }
  return a;
}

Status TrainTagger(const std::vector<Sentence>& train, const std::vector<Sentence>* dev,
                   const TaggerTrainOptions& opts, std::unique_ptr<Tagger>* out) {
  if (train.empty()) return Status::InvalidInput("TrainTagger: no training sentences");
  auto t0 = std::chrono::steady_clock::now();
  auto model = std::make_unique<TaggerModel>();
  if (!opts.wordnet_dir.empty()) {
    Status st = model->wordnet.LoadFromDir(opts.wordnet_dir);
    if (!st.ok()) return st;
  }
  if (opts.clusters) {
    auto c = std::make_unique<WordClusters>();
    Status st = c->Deserialize(opts.clusters->Serialize(), "clusters");
    if (!st.ok()) return st;
    model->clusters = std::move(c);
  }
  TagSet ts = BuildTagSet(train);
  model->upos = ts.upos;
  model->xpos = ts.xpos;
  model->two_pass = opts.two_pass;
  model->min_ambiguity_count = opts.min_ambiguity_count;
  model->constrain_count = opts.constrain_count;
  BuildLexicon(train, ts, model.get());
  BuildFeatsCandidates(train, ts, model.get());
  // Word forms frequent enough to have their role scores cached at run time.
  {
    std::unordered_map<std::string, uint32_t> freq;
    for (const auto& s : train)
      for (const auto& w : s.words) ++freq[w.form];
    for (auto& [form, c] : freq)
      if (c >= opts.cache_min_count) model->cache_words.push_back(form);
    std::sort(model->cache_words.begin(), model->cache_words.end());
  }
  model->Finalize();
  const size_t nt = model->num_tags();

  // Static features never change: extract them once.
  std::vector<Prepared> data(train.size());
  for (size_t si = 0; si < train.size(); ++si) {
    const Sentence& s = train[si];
    Prepared& p = data[si];
    const int n = static_cast<int>(s.words.size());
    nlp::PrepareTokens(*model, s.words, &p.toks);
    p.sfeat.resize(static_cast<size_t>(n) * nlp::kMaxStaticFeatures);
    p.scount.resize(n);
    p.gold.resize(n);
    p.gold_feats.resize(n);
    for (int i = 0; i < n; ++i) {
      p.scount[i] = nlp::StaticFeatures(p.toks.data(), n, i, model->clusters != nullptr, &p.sfeat[static_cast<size_t>(i) * nlp::kMaxStaticFeatures]);
      p.gold[i] = TagOf(ts, s.words[i]);
      const auto& cands = model->feats_candidates[p.gold[i]];
      p.gold_feats[i] = -1;
      for (size_t c = 0; c < cands.size(); ++c)
        if (model->feats[cands[c]] == s.words[i].feats) p.gold_feats[i] = static_cast<int>(c);
    }
  }
  // TokenInfo::entry points into model->lex, which must not move from here on.

  // (word, tag) pairs whose feature bundle never varied (seen >= 3 times).
  {
    std::unordered_map<uint64_t, std::pair<int, uint32_t>> seen;  // key -> (bundle or -1, count)
    for (size_t si = 0; si < train.size(); ++si)
      for (size_t i = 0; i < data[si].gold.size(); ++i) {
        const Prepared& p = data[si];
        if (p.gold_feats[i] < 0) continue;
        int bundle = model->feats_candidates[p.gold[i]][p.gold_feats[i]];
        auto [it, inserted] = seen.emplace(nlp::Combine(p.toks[i].norm, p.gold[i]), std::make_pair(bundle, 0u));
        if (it->second.first != bundle) it->second.first = -1;
        ++it->second.second;
      }
    std::vector<std::pair<uint64_t, uint32_t>> keep;
    for (auto& [k, v] : seen)
      if (v.first >= 0 && v.second >= 3) keep.emplace_back(k, static_cast<uint32_t>(v.first));
    std::sort(keep.begin(), keep.end());
    model->feats_lexicon = nlp::U64Map();
    model->feats_lexicon.Reserve(keep.size());
    for (auto& [k, v] : keep) model->feats_lexicon.Set(k, v);
  }

  TrainablePerceptron w1, w2, wf;
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(opts.seed);
  std::vector<uint16_t> p1, p2;
  std::vector<float> fscores(model->feats.size());
  float scores[kMaxTags];
  uint64_t dyn[nlp::kMaxTagFeatures], ff[nlp::kMaxFeatsFeatures];

  auto tagger = std::make_unique<Tagger>(std::move(model));
  TaggerModel* m = tagger->mutable_model();
  double best_score = -1;
  nlp::SparseWeights best1, best2, bestf;
  int best_iter = 0;

  for (int it = 1; it <= opts.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct1 = 0, correct2 = 0, total = 0;
    for (size_t si : order) {
      const Prepared& p = data[si];
      const int n = static_cast<int>(p.gold.size());
      p1.resize(n);
      p2.resize(n);
      auto run = [&](TrainablePerceptron& wts, const uint16_t* right, uint16_t* outp, size_t* correct) {
        for (int i = 0; i < n; ++i) {
          wts.Tick();
          const uint64_t* sf = &p.sfeat[static_cast<size_t>(i) * nlp::kMaxStaticFeatures];
          std::fill(scores, scores + nt, 0.0f);
          wts.Score(sf, p.scount[i], scores);
          int k = nlp::TagFeatures(p.toks.data(), n, i, outp, right, dyn);
          wts.Score(dyn, k, scores);
          uint16_t guess = ConstrainedArgmax(scores, nt, p.toks[i], m->constrain_count);
          uint16_t gold = p.gold[i];
          if (guess != gold) {
            wts.Update(sf, p.scount[i], gold, 1.0f);
            wts.Update(dyn, k, gold, 1.0f);
            wts.Update(sf, p.scount[i], guess, -1.0f);
            wts.Update(dyn, k, guess, -1.0f);
          } else {
            ++*correct;
          }
          outp[i] = guess;
        }
      };
      run(w1, nullptr, p1.data(), &correct1);
      if (opts.two_pass) run(w2, p1.data(), p2.data(), &correct2);
      total += n;
      // Feature bundles, learned on gold tags.
      for (int i = 0; i < n; ++i) {
        const auto& cands = m->feats_candidates[p.gold[i]];
        if (cands.size() < 2 || p.gold_feats[i] < 0) continue;
        wf.Tick();
        int k = nlp::FeatsFeatures(*m, p.toks.data(), n, i, p.gold.data(), ff);
        for (uint16_t c : cands) fscores[c] = 0;
        wf.Score(ff, k, fscores.data());
        uint16_t best = cands[0];
        float bs = -1e30f;
        for (uint16_t c : cands)
          if (fscores[c] > bs) { bs = fscores[c]; best = c; }
        uint16_t gold = cands[p.gold_feats[i]];
        if (best != gold) {
          wf.Update(ff, k, gold, 1.0f);
          wf.Update(ff, k, best, -1.0f);
        }
      }
    }
    m->pass1 = w1.Export(1e-3f);
    if (opts.two_pass) m->pass2 = w2.Export(1e-3f);
    m->featw = wf.Export(1e-3f);
    m->Finalize();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (dev && !dev->empty()) {
      TaggerAccuracy a = EvaluateTagger(*tagger, *dev);
      if (opts.verbose)
        std::fprintf(stderr,
                     "tagger iter %2d  train pass1 %.2f pass2 %.2f | dev UPOS %.2f XPOS %.2f UFeats %.2f "
                     "AllTags %.2f  (%zu feats, %.0fs)\n",
                     it, 100.0 * correct1 / total, 100.0 * correct2 / total, a.upos, a.xpos, a.feats,
                     a.all_tags, w1.num_features(), secs);
      double score = a.upos + 0.5 * a.xpos + 0.25 * a.feats;
      if (score > best_score) {
        best_score = score;
        best_iter = it;
        best1 = m->pass1;
        best2 = m->pass2;
        bestf = m->featw;
      }
    } else if (opts.verbose) {
      std::fprintf(stderr, "tagger iter %2d  train pass1 %.2f pass2 %.2f  (%.0fs)\n", it,
                   100.0 * correct1 / total, 100.0 * correct2 / total, secs);
    }
  }
  if (best_iter > 0) {
    m->pass1 = std::move(best1);
    m->pass2 = std::move(best2);
    m->featw = std::move(bestf);
    m->Finalize();
    if (opts.verbose) std::fprintf(stderr, "tagger: keeping iteration %d\n", best_iter);
  }
  *out = std::move(tagger);
  return Status::OK();
}

Status SaveTagger(const Tagger& tagger, const std::string& path) {
  return WriteModelFile(path, kTaggerMagic, kTaggerVersion, tagger.model().Serialize());
}

}  // namespace dyad
