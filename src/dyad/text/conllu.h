// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
//
// Reading fills Sentence::words (rows with an integer id), Sentence::mwts
// (range rows "3-4") and sent_id / gold_text from the comments; empty-node
// rows ("8.1") are skipped. Word offsets are synthesised from the forms and
// SpaceAfter=No so that a CoNLL-U file can stand in for raw text.
// Writing emits the ten columns, MWT rows, and the token byte offsets in MISC
// as "TokenRange=start:end" (the UDPipe convention).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

// Reads all sentences of a CoNLL-U file. `name` is used in error messages,
// which give the line number of a malformed row.
Status ReadConllu(std::istream& in, const std::string& name, std::vector<Sentence>* out);
Status ReadConlluFile(const std::string& path, std::vector<Sentence>* out);

// Parses one CoNLL-U block (as found in the gold files' `parse_conllu`).
Status ParseConllu(const std::string& block, const std::string& name, std::vector<Sentence>* out);

// Rebuilds the text of `sentences` as it would read raw (forms joined with
// spaces per SpaceAfter), and sets every word's offsets into that text.
// Used when CoNLL-U stands in for a document.
std::string RebuildText(std::vector<Sentence>* sentences);

struct ConlluWriteOptions {
  bool token_ranges = true;     // TokenRange=start:end in MISC
  bool text_comment = true;     // "# text = ..." from the document text
};

// Writes the sentences of `doc` as CoNLL-U (with "# newdoc id" and
// "# sent_id = <doc id>-<n>" comments).
void WriteConllu(const Document& doc, std::ostream& out, const ConlluWriteOptions& opts = {});

}  // namespace dyad
