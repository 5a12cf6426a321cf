// JSON Lines input: {"id","date","text", optional "title","url","source"}
// per line, parsed with simdjson On-Demand. A line that is not a complete
// JSON object is skipped with a warning naming the file and line; invalid
// UTF-8 inside a record is replaced (U+FFFD) rather than losing the record.
#include <simdjson.h>

#include <string>

#include "dyad/text/input_sources.h"
#include "dyad/text/utf8.h"

namespace dyad {
namespace {

constexpr int kMaxMalformedReports = 20;   // per file; the rest are counted

bool IsBlank(const std::string& s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

bool HasControlBytes(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return true;
  return false;
}

bool LooksLikeDate(std::string_view d) {
  if (d.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return d[4] == '-' && d[7] == '-';
}

class JsonlSource : public Source {
 public:
  JsonlSource(std::istream* in, std::string name, std::unique_ptr<std::istream> owned, InputOptions options)
      : in_(in), owned_(std::move(owned)), name_(std::move(name)), options_(std::move(options)) {}

  bool Next(Document* doc, std::vector<InputWarning>* warnings) override {
    std::string line;
    while (std::getline(*in_, line)) {
      ++lineno_;
      if (IsBlank(line)) continue;
      if (Parse(line, doc, warnings)) return true;
    }
    if (malformed_ > kMaxMalformedReports) {
      warnings->push_back({name_, 0, std::to_string(malformed_ - kMaxMalformedReports) +
                                         " further malformed line(s) skipped"});
    }
    malformed_ = 0;
    return false;
  }

 private:
  void Malformed(const std::string& why, std::vector<InputWarning>* warnings) {
    if (++malformed_ <= kMaxMalformedReports) warnings->push_back({name_, lineno_, why + "; record skipped"});
  }

  bool Parse(std::string& line, Document* doc, std::vector<InputWarning>* warnings) {
    // Invalid UTF-8 or raw control bytes would make the whole line invalid
    // JSON; repair them first so the record survives (and say so).
    // (Reported only when the record parses: a line of binary garbage gets
    // one "malformed" warning, not two.)
    std::vector<InputWarning> repaired;
    if (HasControlBytes(line) || !simdjson::validate_utf8(line.data(), line.size())) {
      NormalizeStats st;
      std::string fixed;
      NormalizeText(line, &fixed, &st);
      ReportNormalization(st, name_, lineno_, &repaired);
      line.swap(fixed);
    }
    simdjson::padded_string json(line);
    simdjson::ondemand::document d;
    auto error = parser_.iterate(json).get(d);
    simdjson::ondemand::object obj;
    if (!error) error = d.get_object().get(obj);
    if (error) {
      Malformed(std::string("malformed JSON (") + simdjson::error_message(error) + ")", warnings);
      return false;
    }
    std::string id, date, text, title, url, source;
    bool have_text = false;
    for (auto field_result : obj) {
      simdjson::ondemand::field field;
      std::string_view key;
      if ((error = std::move(field_result).get(field)) || (error = field.unescaped_key().get(key))) break;
      std::string* target = nullptr;
      if (key == "id") target = &id;
      else if (key == "date") target = &date;
      else if (key == "text" || ((key == "body" || key == "content") && !have_text)) { target = &text; have_text = true; }
      else if (key == "title" || (key == "headline" && title.empty())) target = &title;
      else if (key == "url") target = &url;
      else if (key == "source") target = &source;
      simdjson::ondemand::value v = field.value();
      simdjson::ondemand::json_type type;
      if ((error = v.type().get(type))) break;
      if (!target) continue;   // unknown fields: skipped by the iterator
      if (type == simdjson::ondemand::json_type::string) {
        std::string_view sv;
        if ((error = v.get_string().get(sv))) break;
        target->assign(sv);
      } else if (type == simdjson::ondemand::json_type::null) {
        target->clear();
      } else {
        if (type == simdjson::ondemand::json_type::number || type == simdjson::ondemand::json_type::boolean) {
          std::string_view raw = v.raw_json_token();
          target->assign(raw);
          while (!target->empty() && (target->back() == ' ' || target->back() == '\n')) target->pop_back();
        } else if (target == &text) {
          Malformed("\"text\" is not a string", warnings);
          return false;
        }
      }
    }
    if (error) {
      Malformed(std::string("malformed JSON (") + simdjson::error_message(error) + ")", warnings);
      return false;
    }
    if (!have_text) {
      Malformed("record has no \"text\" field", warnings);
      return false;
    }
    warnings->insert(warnings->end(), repaired.begin(), repaired.end());
    *doc = Document();
    std::string origin = name_ + ":" + std::to_string(lineno_);
    NormalizeStats st;
    if (text.size() > options_.max_document_bytes) {
      size_t cut = options_.max_document_bytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.resize(cut);
      warnings->push_back({name_, lineno_, "text larger than " + std::to_string(options_.max_document_bytes) +
                                               " bytes: truncated"});
    }
    NormalizeText(text, &doc->text, &st);
    ReportNormalization(st, name_, lineno_, warnings);
    std::string tmp;
    NormalizeText(title, &tmp);
    doc->title = tmp;
    for (char& c : doc->title)
      if (c == '\n' || c == '\t') c = ' ';
    doc->id = id.empty() ? origin : id;
    if (!date.empty()) {
      if (LooksLikeDate(date)) {
        doc->date = date.substr(0, 10);
      } else {
        warnings->push_back({name_, lineno_, "date '" + date.substr(0, 40) + "' is not YYYY-MM-DD; ignored"});
      }
    }
    doc->url = url;
    doc->source = source;
    doc->origin = origin;
    return true;
  }

  std::istream* in_;
  std::unique_ptr<std::istream> owned_;
  std::string name_;
  InputOptions options_;
  simdjson::ondemand::parser parser_;
  uint64_t lineno_ = 0;
  int malformed_ = 0;
};

}  // namespace

std::unique_ptr<Source> MakeJsonlSource(std::istream* in, const std::string& name,
                                        std::unique_ptr<std::istream> owned, const InputOptions& options) {
  return std::make_unique<JsonlSource>(in, name, std::move(owned), options);
}

}  // namespace dyad
