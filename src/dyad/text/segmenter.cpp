#include "dyad/text/segmenter.h"

#include <string_view>
#include <vector>

#include "dyad/text/sentence_splitter.h"
#include "dyad/text/tokenizer.h"

namespace dyad {
namespace {

void AddToken(std::string_view text, uint32_t start, uint32_t end, bool space_after, Sentence* s) {
  std::string_view form = text.substr(start, end - start);
  uint32_t cuts[3];
  int ncuts = SplitIntoWords(form, cuts);
  if (ncuts == 0) {
    Word w;
    w.form = std::string(form);
    w.start = start;
    w.end = end;
    w.space_after = space_after;
    s->words.push_back(std::move(w));
    return;
  }
  MultiwordToken m;
  m.first = static_cast<int>(s->words.size());
  m.form = std::string(form);
  m.start = start;
  m.end = end;
  m.space_after = space_after;
  uint32_t prev = 0;
  for (int k = 0; k <= ncuts; ++k) {
    uint32_t to = k < ncuts ? cuts[k] : static_cast<uint32_t>(form.size());
    Word w;
    w.form = std::string(form.substr(prev, to - prev));
    w.start = start + prev;
    w.end = start + to;
    w.space_after = k == ncuts ? space_after : false;
    s->words.push_back(std::move(w));
    prev = to;
  }
  m.last = static_cast<int>(s->words.size()) - 1;
  s->mwts.push_back(std::move(m));
}

}  // namespace

void Segment(Document* doc) {
  doc->sentences.clear();
  const std::string_view text = doc->text;
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<uint32_t> starts;
  SplitSentences(text, tokens, &starts);
  doc->sentences.reserve(starts.size());
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t a = starts[k];
    size_t b = k + 1 < starts.size() ? starts[k + 1] : tokens.size();
    if (a >= b) continue;
    Sentence s;
    s.start = tokens[a].start;
    s.end = tokens[b - 1].end;
    s.words.reserve(b - a + 2);
    for (size_t i = a; i < b; ++i) {
      const Token& t = tokens[i];
      bool space_after = i + 1 < tokens.size() ? tokens[i + 1].space_before : true;
      // A sentence-final abbreviation gives its period to the sentence
      // ("... and so on, etc." -> etc + ., "5 p.m." -> p.m + .), as EWT
      // does; capital acronyms (U.S.) keep it, as GUM does.
      if (i + 1 == b && t.abbreviation && t.end - t.start >= 2) {
        std::string_view form = text.substr(t.start, t.end - t.start - 1);
        bool upper_acronym = form.find('.') != std::string_view::npos &&
                             form.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
        if (!upper_acronym) {
          AddToken(text, t.start, t.end - 1, false, &s);
          AddToken(text, t.end - 1, t.end, space_after, &s);
          continue;
        }
      }
      AddToken(text, t.start, t.end, space_after, &s);
    }
    doc->sentences.push_back(std::move(s));
  }
}

}  // namespace dyad
