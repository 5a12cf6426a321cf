// nlp/train/treebank — loading the UD English training data with the licence
// filter: EWT (CC BY-SA) plus only the CC BY / public-domain genres of GUM
// (news, interview, bio, voyage, textbook, speech). The NC-licensed GUM
// genres and the LinES/ParTUT treebanks are for evaluation only and are
// never used to train shipped models.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

// True when a GUM sentence/document id (e.g. "GUM_news_afghan-12") belongs to
// a genre whose licence allows it in shipped models.
bool IsTrainableGumId(std::string_view sent_id);

// EWT train + the trainable GUM genres of GUM train, from
// <shared_dir>/data/ud/. Fails naming the missing file.
Status LoadTrainingTreebank(const std::string& shared_dir, std::vector<Sentence>* out);

// EWT dev (development set for model selection).
Status LoadDevTreebank(const std::string& shared_dir, std::vector<Sentence>* out);

// EWT test (report only, never for model selection).
Status LoadTestTreebank(const std::string& shared_dir, std::vector<Sentence>* out);

}  // namespace dyad
