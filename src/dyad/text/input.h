// Reading documents from the inputs dyad accepts: a plain text file (one
// document), a directory (its .txt, .jsonl and .conllu files, sorted by
// name), JSON Lines records {"id","date","text", optional "title","url",
// "source"}, CoNLL-U (pre-tokenised sentences), and stdin ("-"). Documents
// are streamed one at a time so dyad works as a filter in a pipeline.
//
// Bad input never crashes and is never silently dropped: invalid UTF-8 is
// replaced (U+FFFD) and reported as a warning; a malformed or truncated JSON
// line is skipped and reported with its file and line number.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

enum class InputFormat {
  kAuto,     // by extension: .jsonl/.json/.ndjson -> JSON Lines, .conllu -> CoNLL-U, else text;
             // stdin: JSON Lines if the first non-blank byte is '{', else text
  kText,
  kJsonl,
  kConllu,   // sentences and words come from the file; Document::sentences is filled
};

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  std::string default_date;                 // used when a record has no date
  size_t max_document_bytes = 64u << 20;    // larger documents are truncated, with a warning
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;

  // `paths` are files, directories or "-" (stdin). Fails if a path does not exist.
  static Status Open(const std::vector<std::string>& paths, const InputOptions& options,
                     std::unique_ptr<DocumentReader>* out);

  // Reads the next document into *doc (text valid UTF-8; for CoNLL-U input
  // also sentences). Returns false when all inputs are exhausted.
  virtual bool Next(Document* doc) = 0;

  // Problems met since the last call: bad records skipped, bytes replaced,
  // documents truncated. Each names the input and line.
  virtual std::vector<InputWarning> TakeWarnings() = 0;
};

}  // namespace dyad
