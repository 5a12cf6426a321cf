// The per-file readers behind DocumentReader (input.h): each turns one input
// stream into documents and reports problems with the file name and line.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/text/input.h"

namespace dyad {

class Source {
 public:
  virtual ~Source() = default;
  // Reads the next document; false at the end of the stream.
  virtual bool Next(Document* doc, std::vector<InputWarning>* warnings) = 0;
};

// JSON Lines: one record per line, read as the lines arrive (stdin works as a
// stream). `owned` (may be null) keeps a file stream alive.
std::unique_ptr<Source> MakeJsonlSource(std::istream* in, const std::string& name,
                                        std::unique_ptr<std::istream> owned, const InputOptions& options);

// CoNLL-U: one document per "# newdoc" (or per 1000 sentences when there
// are none), read block by block.
std::unique_ptr<Source> MakeConlluSource(std::istream* in, const std::string& name,
                                         std::unique_ptr<std::istream> owned, const InputOptions& options);

}  // namespace dyad
