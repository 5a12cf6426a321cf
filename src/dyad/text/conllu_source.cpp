// CoNLL-U input: pre-tokenised sentences. The stream is cut into documents at
// "# newdoc" (or every 1000 sentences) and each block is parsed with
// ReadConllu (nlp/conllu.h); the document text is rebuilt from the forms so
// that offsets work as for raw text. A malformed block is skipped with a
// warning giving the file and line of the bad row.
#include <charconv>
#include <string>

#include "dyad/text/conllu.h"
#include "dyad/text/input_sources.h"
#include "dyad/text/utf8.h"

namespace dyad {
namespace {

constexpr size_t kMaxSentencesPerDocument = 1000;

class ConlluSource : public Source {
 public:
  ConlluSource(std::istream* in, std::string name, std::unique_ptr<std::istream> owned)
      : in_(in), owned_(std::move(owned)), name_(std::move(name)) {}

  bool Next(Document* doc, std::vector<InputWarning>* warnings) override {
    while (true) {
      std::string block, doc_id;
      uint64_t first_line = 0;
      size_t sentences = 0;
      bool in_sentence = false;
      if (has_pending_) {
        doc_id = NewdocId(pending_);
        block = pending_ + "\n";
        first_line = pending_line_;
        has_pending_ = false;
      }
      std::string line;
      bool eof = true;
      while (std::getline(*in_, line)) {
        ++lineno_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("# newdoc", 0) == 0) {
          if (sentences > 0 || in_sentence) {
            pending_ = line;
            pending_line_ = lineno_;
            has_pending_ = true;
            eof = false;
            break;
          }
          doc_id = NewdocId(line);
        }
        if (first_line == 0) first_line = lineno_;
        block += line;
        block += '\n';
        if (line.empty()) {
          if (in_sentence && ++sentences >= kMaxSentencesPerDocument) { eof = false; break; }
          in_sentence = false;
        } else if (line[0] != '#') {
          in_sentence = true;
        }
      }
      if (sentences == 0 && !in_sentence) {
        if (eof && !has_pending_) return false;
        continue;
      }
      *doc = Document();
      Status st = ParseConllu(block, name_, &doc->sentences);
      if (!st.ok()) {
        warnings->push_back({name_, first_line + LineInMessage(st.message()) - (LineInMessage(st.message()) ? 1 : 0),
                             Problem(st.message()) + "; block skipped"});
        continue;
      }
      NormalizeStats ns;
      std::string tmp;
      for (auto& s : doc->sentences) {
        for (auto& w : s.words) { NormalizeText(w.form, &tmp, &ns); w.form = tmp; }
        for (auto& m : s.mwts) { NormalizeText(m.form, &tmp, &ns); m.form = tmp; }
      }
      if (ns.invalid_sequences || ns.control_chars) {
        ns.first_invalid_line = ns.first_control_line = 1;
        ReportNormalization(ns, name_, first_line, warnings);
      }
      doc->text = RebuildText(&doc->sentences);
      doc->origin = name_ + ":" + std::to_string(first_line);
      doc->id = doc_id.empty() ? doc->origin : doc_id;
      return true;
    }
  }

 private:
  static std::string NewdocId(const std::string& line) {
    size_t eq = line.find('=');
    if (eq == std::string::npos) return "";
    size_t b = line.find_first_not_of(' ', eq + 1);
    return b == std::string::npos ? "" : line.substr(b);
  }

  // ReadConllu messages look like "NAME:LINE: problem"; the line is relative
  // to the block.
  uint64_t LineInMessage(const std::string& msg) const {
    if (msg.rfind(name_ + ":", 0) != 0) return 0;
    uint64_t v = 0;
    const char* p = msg.data() + name_.size() + 1;
    auto [end, ec] = std::from_chars(p, msg.data() + msg.size(), v);
    return ec == std::errc() && end < msg.data() + msg.size() && *end == ':' ? v : 0;
  }
  std::string Problem(const std::string& msg) const {
    if (msg.rfind(name_ + ":", 0) != 0) return msg;
    size_t colon = msg.find(':', name_.size() + 1);
    return colon == std::string::npos ? msg : msg.substr(msg.find_first_not_of(' ', colon + 1));
  }

  std::istream* in_;
  std::unique_ptr<std::istream> owned_;
  std::string name_;
  uint64_t lineno_ = 0;
  std::string pending_;
  uint64_t pending_line_ = 0;
  bool has_pending_ = false;
};

}  // namespace

std::unique_ptr<Source> MakeConlluSource(std::istream* in, const std::string& name,
                                         std::unique_ptr<std::istream> owned, const InputOptions& options) {
  (void)options;
  return std::make_unique<ConlluSource>(in, name, std::move(owned));
}

}  // namespace dyad
