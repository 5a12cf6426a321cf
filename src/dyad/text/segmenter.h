// Tokenisation and sentence splitting of a document's text, following the
// conventions of UD English (EWT): clitics split into multiword tokens
// ("don't" -> do + n't, "Kim's" -> Kim + 's), abbreviations and acronyms kept
// whole (U.S., Mr., Gen.), numbers and money ($8 billion, 1950-1953, 75th),
// URLs, quotes. Sentence boundaries respect abbreviations, initials,
// quotations, headlines and datelines ("PYONGYANG, Oct 6 (Reuters) -").
#pragma once

#include "dyad/text/document.h"

namespace dyad {

// Fills doc->sentences from doc->text (which must be valid UTF-8; see
// NormalizeText). Every word and multiword token gets byte offsets into
// doc->text. Runs in time linear in the text size, whatever the input.
void Segment(Document* doc);

}  // namespace dyad
