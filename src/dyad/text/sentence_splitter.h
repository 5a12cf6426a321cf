// Sentence boundaries over the tokens of a document. Rules, tuned on the
// EWT and GUM training treebanks:
//   - a blank line (paragraph) always ends a sentence; a single newline does
//     too (headlines, datelines on their own line, list items) unless the
//     text is hard-wrapped and the line simply continues;
//   - . ! ? (and runs such as ?! !!!) end a sentence, together with the
//     closing quotes, brackets and emoticons that follow them, unless the
//     next token is punctuation that continues the sentence (", :)");
//   - an ellipsis ends a sentence only before a capital, digit or quote;
//   - a period that belongs to an abbreviation (Mr., Gen., Inc., U.S., J.)
//     ends a sentence only before a typical sentence opener ("Inc. The");
//     titles (Mr., Gen.) and initials never do;
//   - datelines ("PYONGYANG, Oct 6 (Reuters) -") contain no sentence-final
//     punctuation, so they stay with their sentence;
//   - no sentence exceeds `max_tokens`: a longer run is cut (after the last
//     comma or semicolon when there is one), so the parser never sees a
//     sentence of a million words and the pass stays linear.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/text/tokenizer.h"

namespace dyad {

struct SentenceSplitOptions {
  size_t max_tokens = 250;
};

// Fills *starts with the index of the first token of every sentence
// (ascending; starts->front() == 0 when there are tokens).
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::vector<uint32_t>* starts,
                    const SentenceSplitOptions& options = {});

}  // namespace dyad
