// Helpers shared by the text-stage commands (parse, eval-parse, bench):
// loading the nlp Pipeline with a segmentation-only fallback, and printing
// input warnings as "dyad: FILE:LINE: problem".
#pragma once

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dyad/nlp/pipeline.h"
#include "dyad/text/document.h"

namespace dyad::cli {

// Loads the pipeline from `models_dir` ("" = default). Returns null, after
// printing a warning, when the models (or the nlp runtime) are unavailable:
// callers then fall back to segmentation only. `fast`: one parser only
// (PipelineOptions::single_parser).
inline std::unique_ptr<Pipeline> LoadPipelineOrWarn(const std::string& models_dir, bool parse, bool fast = false) {
  PipelineOptions opt;
  opt.models_dir = models_dir;
  opt.parse = parse;
  opt.single_parser = fast;
  std::unique_ptr<Pipeline> p;
  Status st = Pipeline::Load(opt, &p);
  if (st.ok() && p) return p;
  std::cerr << "dyad: warning: " << st.message() << "; running segmentation only\n";
  return nullptr;
}

inline void PrintWarnings(const std::vector<InputWarning>& warnings) {
  for (const auto& w : warnings) {
    std::cerr << "dyad: " << w.source;
    if (w.line > 0) std::cerr << ":" << w.line;
    std::cerr << ": " << w.message << "\n";
  }
}

}  // namespace dyad::cli
