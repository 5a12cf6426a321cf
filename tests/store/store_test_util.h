// Helpers for store tests: temporary database files, constructed documents
// and events, and an in-memory DocumentReader.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/store/store.h"
#include "dyad/text/document.h"
#include "dyad/text/input.h"

namespace dyad::testing_util {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline EventActor Actor(const std::string& code, const std::string& text, uint32_t start = 0) {
  EventActor a;
  a.code = code;
  a.country = code.substr(0, std::min<size_t>(3, code.size()));
  a.sector = code.size() > 3 ? code.substr(3) : "";
  a.text = text;
  a.start = start;
  a.end = start + static_cast<uint32_t>(text.size());
  return a;
}

// A document whose sentences are the given strings joined by spaces.
inline Document MakeDoc(const std::string& id, const std::string& date,
                        const std::vector<std::string>& sentences) {
  Document d;
  d.id = id;
  d.date = date;
  for (const auto& s : sentences) {
    if (!d.text.empty()) d.text += ' ';
    Sentence sent;
    sent.start = static_cast<uint32_t>(d.text.size());
    d.text += s;
    sent.end = static_cast<uint32_t>(d.text.size());
    d.sentences.push_back(sent);
  }
  return d;
}

// An event of doc's sentence `sentence` from src to tgt; the actor names and
// the trigger are located in the sentence text.
inline Event MakeEvent(const Document& doc, int sentence, const std::string& src_code,
                       const std::string& src_text, const std::string& tgt_code,
                       const std::string& tgt_text, const std::string& cameo, int quad,
                       double goldstein, const std::string& trigger) {
  Event e;
  e.doc_id = doc.id;
  e.sentence = sentence;
  e.date = doc.date;
  e.event_date = doc.date;
  const Sentence& s = doc.sentences.at(sentence);
  const std::string text = doc.text.substr(s.start, s.end - s.start);
  auto at = [&](const std::string& w) {
    size_t p = text.find(w);
    return static_cast<uint32_t>(s.start + (p == std::string::npos ? 0 : p));
  };
  e.source = Actor(src_code, src_text, at(src_text));
  e.target = Actor(tgt_code, tgt_text, at(tgt_text));
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.quad_class = quad;
  e.goldstein = goldstein;
  e.evidence.text = text;
  e.evidence.start = s.start;
  e.evidence.end = s.end;
  e.evidence.trigger = trigger;
  e.evidence.trigger_start = at(trigger);
  e.evidence.trigger_end = at(trigger) + static_cast<uint32_t>(trigger.size());
  e.evidence.rule = "test";
  return e;
}

// Serves documents from memory, with an optional warning per document.
class VectorReader : public DocumentReader {
 public:
  explicit VectorReader(std::vector<Document> docs) : docs_(std::move(docs)) {}
  bool Next(Document* doc) override {
    if (next_ >= docs_.size()) return false;
    *doc = docs_[next_++];
    return true;
  }
  std::vector<InputWarning> TakeWarnings() override {
    auto w = std::move(warnings_);
    warnings_.clear();
    return w;
  }
  void AddWarning(InputWarning w) { warnings_.push_back(std::move(w)); }

 private:
  std::vector<Document> docs_;
  size_t next_ = 0;
  std::vector<InputWarning> warnings_;
};

inline int64_t QueryInt(sql::Db& db, const std::string& q) {
  sql::Stmt st;
  if (!db.Prepare(q, &st).ok() || !st.Step()) return -1;
  return st.Int(0);
}

inline std::string QueryText(sql::Db& db, const std::string& q) {
  sql::Stmt st;
  if (!db.Prepare(q, &st).ok() || !st.Step()) return "<error>";
  return st.Text(0);
}

}  // namespace dyad::testing_util
