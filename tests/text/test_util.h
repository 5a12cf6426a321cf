// Helpers for the text tests: segment a string and render the result.
#pragma once

#include <string>
#include <vector>

#include "dyad/text/document.h"
#include "dyad/text/segmenter.h"
#include "dyad/text/utf8.h"

namespace dyad::testing {

inline Document SegmentText(const std::string& raw) {
  Document d;
  NormalizeText(raw, &d.text);
  Segment(&d);
  return d;
}

// Words of all sentences joined by ' ', sentences by " || ".
inline std::string Words(const std::string& raw) {
  Document d = SegmentText(raw);
  std::string out;
  for (size_t k = 0; k < d.sentences.size(); ++k) {
    if (k) out += " || ";
    for (size_t i = 0; i < d.sentences[k].words.size(); ++i) {
      if (i) out += ' ';
      out += d.sentences[k].words[i].form;
    }
  }
  return out;
}

// Surface tokens (multiword tokens once) joined by ' '.
inline std::string Tokens(const std::string& raw) {
  Document d = SegmentText(raw);
  std::string out;
  for (const auto& s : d.sentences) {
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (!out.empty()) out += ' ';
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i)) {
        out += s.mwts[mi].form;
        i = static_cast<size_t>(s.mwts[mi].last);
        ++mi;
      } else {
        out += s.words[i].form;
      }
    }
  }
  return out;
}

}  // namespace dyad::testing
