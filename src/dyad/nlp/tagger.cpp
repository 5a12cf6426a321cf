#include "dyad/nlp/tagger.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "dyad/nlp/tagger_features.h"
#include "dyad/nlp/tagger_model.h"
#include "dyad/util/serialize.h"

namespace dyad {

using nlp::SparseWeights;
using nlp::TokenInfo;

void TaggerModel::Finalize() {
  tag_kind.assign(upos.size(), kOther);
  for (size_t t = 0; t < upos.size(); ++t) {
    const std::string& u = upos[t];
    if (u == "NOUN" || u == "PRON" || u == "PROPN") tag_kind[t] = kNominal;
    else if (u == "AUX") tag_kind[t] = kAux;
    else if (u == "VERB") tag_kind[t] = kVerb;
  }
  joint = two_pass ? nlp::SparseWeights::Merge(pass1, pass2, static_cast<uint16_t>(upos.size()))
                   : nlp::SparseWeights();
  // Role scores of frequent words and of the padding, so tagging a sentence
  // of common words needs few hash probes.
  const size_t width = score_width();
  const nlp::SparseWeights& wts = scoring_table();
  const bool cl = clusters != nullptr;
  uint64_t f[nlp::kMaxStaticFeatures];
  pad_rows.assign(nlp::kNumRoles * width, 0);
  for (int r = 1; r < nlp::kNumRoles; ++r) {
    int k = nlp::RoleFeatures(nullptr, r, cl, f);
    wts.AddScores(f, k, &pad_rows[r * width]);
  }
  cache_index = nlp::U64Map();
  cache_index.Reserve(cache_words.size());
  cache_rows.assign(cache_words.size() * nlp::kNumRoles * width, 0);
  std::vector<Word> one(1);
  std::vector<nlp::TokenInfo> toks;
  for (size_t c = 0; c < cache_words.size(); ++c) {
    one[0].form = cache_words[c];
    nlp::PrepareTokens(*this, one, &toks);
    for (int r = 0; r < nlp::kNumRoles; ++r) {
      int k = nlp::RoleFeatures(&toks[0], r, cl, f);
      wts.AddScores(f, k, &cache_rows[(c * nlp::kNumRoles + r) * width]);
    }
    cache_index.Set(toks[0].form, static_cast<uint32_t>(c));
  }
}

std::string TaggerModel::Serialize() const {
  BinaryWriter w;
  w.PutStrings(upos);
  w.PutStrings(xpos);
  w.PutStrings(feats);
  w.Put<uint32_t>(static_cast<uint32_t>(feats_candidates.size()));
  for (const auto& c : feats_candidates) w.PutVector(c);
  w.PutVector(feats_default);
  lexicon.Write(&w);
  w.PutVector(lex);
  w.Put<uint32_t>(min_ambiguity_count);
  w.Put<uint32_t>(constrain_count);
  wordnet.Write(&w);
  w.Put<uint8_t>(clusters ? 1 : 0);
  if (clusters) w.PutString(clusters->Serialize());
  w.Put<uint8_t>(two_pass ? 1 : 0);
  pass1.Write(&w);
  pass2.Write(&w);
  featw.Write(&w);
  feats_lexicon.Write(&w);
  w.PutStrings(cache_words);
  return w.data();
}

Status TaggerModel::Deserialize(std::string_view payload, const std::string& name) {
  BinaryReader r(payload);
  auto corrupt = [&](const std::string& what) {
    return Status::Corrupt(name + ": corrupt tagger model (" + what + ")");
  };
  if (!r.GetStrings(&upos) || !r.GetStrings(&xpos) || !r.GetStrings(&feats)) return corrupt("tag set");
  if (upos.empty() || upos.size() != xpos.size() || upos.size() > kMaxTags || feats.empty())
    return corrupt("tag set sizes");
  uint32_t nc;
  if (!r.Get(&nc) || nc != upos.size()) return corrupt("feature candidates");
  feats_candidates.assign(nc, {});
  for (auto& c : feats_candidates) {
    if (!r.GetVector(&c) || c.empty()) return corrupt("feature candidates");
    for (uint16_t f : c)
      if (f >= feats.size()) return corrupt("feature bundle id");
  }
  if (!r.GetVector(&feats_default) || feats_default.size() != nc) return corrupt("feature defaults");
  for (uint16_t f : feats_default)
    if (f >= feats.size()) return corrupt("feature bundle id");
  if (!lexicon.Read(&r) || !r.GetVector(&lex)) return corrupt("lexicon");
  bool bad_entry = false;
  lexicon.ForEach([&](uint64_t, uint32_t v) { bad_entry |= v >= lex.size(); });
  if (bad_entry) return corrupt("lexicon index");
  if (!r.Get(&min_ambiguity_count) || !r.Get(&constrain_count)) return corrupt("options");
  if (!wordnet.Read(&r)) return corrupt("WordNet tables");
  uint8_t has_clusters;
  if (!r.Get(&has_clusters)) return corrupt("clusters flag");
  clusters.reset();
  if (has_clusters) {
    std::string payload_c;
    if (!r.GetString(&payload_c)) return corrupt("clusters");
    auto c = std::make_unique<WordClusters>();
    Status st = c->Deserialize(payload_c, name);
    if (!st.ok()) return st;
    clusters = std::move(c);
  }
  uint8_t tp;
  if (!r.Get(&tp)) return corrupt("options");
  two_pass = tp != 0;
  if (!pass1.Read(&r, upos.size()) || !pass2.Read(&r, upos.size()) || !featw.Read(&r, feats.size()))
    return corrupt("weights");
  if (!feats_lexicon.Read(&r)) return corrupt("feature lexicon");
  bool bad_feats = false;
  feats_lexicon.ForEach([&](uint64_t, uint32_t v) { bad_feats |= v >= feats.size(); });
  if (bad_feats) return corrupt("feature lexicon index");
  if (!r.GetStrings(&cache_words)) return corrupt("cached words");
  if (!r.at_end()) return corrupt("trailing bytes");
  Finalize();
  return Status::OK();
}

Tagger::Tagger(std::unique_ptr<TaggerModel> model) : model_(std::move(model)) {
  if (model_->tag_kind.size() != model_->upos.size()) model_->Finalize();
}
Tagger::~Tagger() = default;

Status Tagger::Load(const std::string& path, std::unique_ptr<Tagger>* out) {
  std::string payload;
  Status st = ReadModelFile(path, kTaggerMagic, kTaggerVersion, &payload);
  if (!st.ok()) return st;
  auto m = std::make_unique<TaggerModel>();
  st = m->Deserialize(payload, path);
  if (!st.ok()) return st;
  *out = std::make_unique<Tagger>(std::move(m));
  return Status::OK();
}

void Tagger::Tag(Sentence* s) const {
  const TaggerModel& m = *model_;
  const int n = static_cast<int>(s->words.size());
  if (n == 0) return;
  constexpr size_t K = nlp::kMaxStaticFeatures;
  thread_local std::vector<TokenInfo> toks;
  thread_local std::vector<uint64_t> sfeat;
  thread_local std::vector<int> scount;
  thread_local std::vector<uint16_t> p1, p2;
  thread_local std::vector<int32_t> st, fscores;
  nlp::PrepareTokens(m, s->words, &toks);
  const size_t nt = m.num_tags();
  const nlp::SparseWeights& wts = m.scoring_table();
  const size_t width = m.score_width();  // scores of both passes
  sfeat.resize(static_cast<size_t>(n) * K);
  scount.resize(n);
  p1.resize(n);
  p2.resize(n);
  st.assign(static_cast<size_t>(n) * width, 0);
  const bool cl = m.clusters != nullptr;
  for (int i = 0; i < n; ++i) {
    uint32_t row = m.cache_index.Find(toks[i].form);
    toks[i].cache_row = row == nlp::U64Map::kMissing ? -1 : static_cast<int32_t>(row);
  }
  // Static scores: cached role rows where the word is frequent, hash probes
  // for the rest (prefetched one token ahead to hide memory latency).
  for (int i = 0; i < n; ++i) {
    uint64_t* f = &sfeat[i * K];
    int k = nlp::PairFeatures(toks.data(), n, i, f);
    int32_t* out = &st[i * width];
    for (int r = 0; r < nlp::kNumRoles; ++r) {
      int j = i + nlp::kRoleOffset[r];
      const int32_t* row = nullptr;
      if (j < 0 || j >= n) row = &m.pad_rows[r * width];
      else if (toks[j].cache_row >= 0) row = &m.cache_rows[(toks[j].cache_row * nlp::kNumRoles + r) * width];
      else k += nlp::RoleFeatures(&toks[j], r, cl, f + k);
      if (row)
        for (size_t c = 0; c < width; ++c) out[c] += row[c];
    }
    scount[i] = k;
  }
  auto prefetch = [&](int i) {
    const uint64_t* f = &sfeat[i * K];
    for (int k = 0; k < scount[i]; ++k) wts.Prefetch(f[k]);
  };
  prefetch(0);
  for (int i = 0; i < n; ++i) {
    if (i + 1 < n) prefetch(i + 1);
    const uint64_t* f = &sfeat[i * K];
    int32_t* out = &st[i * width];
    for (int k = 0; k < scount[i]; ++k) wts.AddScores(f[k], out);
  }

  int32_t scores[2 * kMaxTags];
  uint64_t dyn[nlp::kMaxTagFeatures];
  auto run_pass = [&](size_t offset, const uint16_t* right, uint16_t* outp) {
    for (int i = 0; i < n; ++i) {
      std::copy(&st[i * width], &st[(i + 1) * width], scores);
      int k = nlp::TagFeatures(toks.data(), n, i, outp, right, dyn);
      wts.AddScores(dyn, k, scores);
      outp[i] = ConstrainedArgmax(scores + offset, nt, toks[i], m.constrain_count);
    }
  };
  run_pass(0, nullptr, p1.data());
  const uint16_t* tags = p1.data();
  if (m.two_pass) {
    run_pass(nt, p1.data(), p2.data());
    tags = p2.data();
  }

  fscores.resize(m.feats.size());
  uint64_t ff[nlp::kMaxFeatsFeatures];
  for (int i = 0; i < n; ++i) {
    Word& w = s->words[i];
    uint16_t t = tags[i];
    w.upos = m.upos[t];
    w.xpos = m.xpos[t];
    const auto& cands = m.feats_candidates[t];
    uint16_t best = m.feats_default[t];
    uint32_t known = cands.size() > 1 ? m.feats_lexicon.Find(nlp::Combine(toks[i].norm, t)) : nlp::U64Map::kMissing;
    if (known != nlp::U64Map::kMissing) {
      best = static_cast<uint16_t>(known);
    } else if (cands.size() > 1) {
      std::fill(fscores.begin(), fscores.end(), 0);
      int k = nlp::FeatsFeatures(m, toks.data(), n, i, tags, ff);
      m.featw.AddScores(ff, k, fscores.data());
      int32_t bs = INT32_MIN;
      for (uint16_t c : cands)
        if (fscores[c] > bs) { bs = fscores[c]; best = c; }
    }
    w.feats = m.feats[best];
  }
}

}  // namespace dyad
