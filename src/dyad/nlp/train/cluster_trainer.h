// nlp/train/cluster_trainer — Brown-style word clusters from raw text.
// Words are grouped into 2^depth classes by top-down binary splitting: each
// level splits every class in two with the exchange algorithm, maximising the
// class-bigram likelihood of the corpus. The splits give each word a
// bit-string path, so path prefixes are coarser clusters (as in Brown et al.).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/word_clusters.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct ClusterTrainOptions {
  int depth = 10;                // 2^depth leaf clusters
  int min_count = 3;             // rarer words are not clustered
  int max_words = 60000;         // most frequent words kept
  int exchange_passes = 4;       // exchange passes per level
  int threads = 1;
  bool verbose = true;
};

// Trains clusters on the lowercase word sequences `sentences` (each a
// sentence of lowercase tokens).
Status TrainWordClusters(const std::vector<std::vector<std::string>>& sentences,
                         const ClusterTrainOptions& opts, std::unique_ptr<WordClusters>* out);

// Reads a JSON Lines news file ({"text": ...} per line), segments each text
// (text stage) and appends lowercase token sequences to `out`.
Status LoadNewsSentences(const std::string& jsonl_path, size_t max_docs,
                         std::vector<std::vector<std::string>>* out);

}  // namespace dyad
