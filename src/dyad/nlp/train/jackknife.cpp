#include "dyad/nlp/train/jackknife.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace dyad {

Status JackknifeTags(std::vector<Sentence>* train, int folds, const TaggerTrainOptions& opts) {
  if (folds < 2) return Status::InvalidInput("JackknifeTags: need at least 2 folds");
  const size_t n = train->size();
  if (n < static_cast<size_t>(folds)) return Status::InvalidInput("JackknifeTags: fewer sentences than folds");
  auto fold_begin = [&](int k) { return n * k / folds; };
  std::vector<std::vector<Sentence>> tagged(folds);
  std::vector<Status> status(folds);
  std::atomic<int> next{0};
  auto worker = [&]() {
    for (int k; (k = next.fetch_add(1)) < folds;) {
      size_t b = fold_begin(k), e = fold_begin(k + 1);
      std::vector<Sentence> rest;
      rest.reserve(n - (e - b));
      for (size_t i = 0; i < n; ++i)
        if (i < b || i >= e) rest.push_back((*train)[i]);
      TaggerTrainOptions o = opts;
      o.verbose = false;
      std::unique_ptr<Tagger> tagger;
      status[k] = TrainTagger(rest, nullptr, o, &tagger);
      if (!status[k].ok()) continue;
      tagged[k].assign(train->begin() + b, train->begin() + e);
      for (auto& s : tagged[k]) tagger->Tag(&s);
      if (opts.verbose) std::fprintf(stderr, "jackknife: fold %d/%d tagged\n", k + 1, folds);
    }
  };
  int threads = std::max(1, std::min(opts.threads, folds));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (const auto& st : status)
    if (!st.ok()) return st;
  for (int k = 0; k < folds; ++k) {
    size_t b = fold_begin(k);
    for (size_t i = 0; i < tagged[k].size(); ++i) {
      auto& dst = (*train)[b + i].words;
      const auto& src = tagged[k][i].words;
      for (size_t j = 0; j < dst.size(); ++j) {
        dst[j].upos = src[j].upos;
        dst[j].xpos = src[j].xpos;
        dst[j].feats = src[j].feats;
      }
    }
  }
  return Status::OK();
}

}  // namespace dyad
