// Helpers for the coder tests: build a parsed Document from a compact
// hand-written parse, and load the real dictionaries of the source tree.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/coder/coder.h"
#include "dyad/text/document.h"

namespace dyad::testing {

// One sentence per string, one word per line: "form lemma UPOS XPOS head deprel"
// (head 1-based, 0 = root). Words are joined with spaces to build the text.
inline Document MakeDoc(const std::vector<std::string>& sentences, const std::string& date,
                        const std::string& id = "t") {
  Document d;
  d.id = id;
  d.date = date;
  for (const std::string& block : sentences) {
    Sentence s;
    if (!d.text.empty()) d.text += ' ';
    s.start = static_cast<uint32_t>(d.text.size());
    std::istringstream in(block);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream l(line);
      Word w;
      l >> w.form >> w.lemma >> w.upos >> w.xpos >> w.head >> w.deprel;
      if (w.form.empty()) continue;
      if (!s.words.empty()) d.text += ' ';
      w.start = static_cast<uint32_t>(d.text.size());
      d.text += w.form;
      w.end = static_cast<uint32_t>(d.text.size());
      s.words.push_back(w);
    }
    s.end = static_cast<uint32_t>(d.text.size());
    d.sentences.push_back(std::move(s));
  }
  return d;
}

inline std::string DictDir() { return std::string(DYAD_SOURCE_DIR) + "/dict"; }

// "SRC>TGT:CODE" for each event, codes as given ("" side = "-").
inline std::vector<std::string> Summary(const std::vector<Event>& evs) {
  std::vector<std::string> out;
  for (const Event& e : evs)
    out.push_back((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" + e.cameo);
  return out;
}

// "SRC>TGT:ROOT" for each event: the code cut to its root ("IRN>ISR:11").
inline std::vector<std::string> Roots(const std::vector<Event>& evs) {
  std::vector<std::string> out;
  for (const Event& e : evs)
    out.push_back((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" + e.cameo_root);
  return out;
}

// A test suite over the coder with the source tree's dictionaries, loaded
// once per suite: coder_ with the default options, dyadic_ with
// require_dyad (both actors needed).
class ShippedCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CoderOptions o;
    o.dict_dir = DictDir();
    Status st = Coder::Load(o, &coder_);
    ASSERT_TRUE(st.ok()) << st.message();
    o.require_dyad = true;
    st = Coder::Load(o, &dyadic_);
    ASSERT_TRUE(st.ok()) << st.message();
  }
  static void TearDownTestSuite() {
    coder_.reset();
    dyadic_.reset();
  }
  static inline std::unique_ptr<Coder> coder_, dyadic_;
};

}  // namespace dyad::testing
