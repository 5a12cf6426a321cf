// The parser's training treebank when `dyad train-parser` runs on its own:
// UD English EWT train plus the CC BY genres of GUM train (news, interview,
// bio, voyage, textbook, speech). The other GUM genres, LinES and ParTUT are
// non-commercial and only ever used for evaluation.
#pragma once

#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

// True for a GUM sentence id ("GUM_news_..-3") of a CC BY genre.
bool IsCcByGumSentence(const std::string& sent_id);

// Reads <shared>/data/ud/en_ewt-ud-train.conllu and the CC BY part of
// en_gum-ud-train.conllu (when `with_gum`).
Status LoadParserTreebank(const std::string& shared_dir, bool with_gum,
                          std::vector<Sentence>* out);

}  // namespace dyad
