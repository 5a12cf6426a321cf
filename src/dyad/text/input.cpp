// DocumentReader: expands the input paths and streams documents from plain
// text, JSON Lines (jsonl_source.cpp) and CoNLL-U (conllu_source.cpp).
#include "dyad/text/input.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "dyad/text/input_sources.h"
#include "dyad/text/utf8.h"

namespace fs = std::filesystem;

namespace dyad {
namespace {

bool HasExtension(const std::string& path, std::initializer_list<const char*> exts) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : exts)
    if (ext == e) return true;
  return false;
}

InputFormat FormatOf(const std::string& path, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  if (HasExtension(path, {".jsonl", ".json", ".ndjson"})) return InputFormat::kJsonl;
  if (HasExtension(path, {".conllu", ".conll"})) return InputFormat::kConllu;
  return InputFormat::kText;
}

// One plain-text file (or all of stdin): one document.
class TextSource : public Source {
 public:
  TextSource(std::istream* in, std::string name, std::unique_ptr<std::istream> owned, size_t max_bytes)
      : in_(in), owned_(std::move(owned)), name_(std::move(name)), max_bytes_(max_bytes) {}

  bool Next(Document* doc, std::vector<InputWarning>* warnings) override {
    if (done_) return false;
    done_ = true;
    std::string raw;
    char buf[1 << 16];
    bool truncated = false;
    while (in_->read(buf, sizeof buf) || in_->gcount() > 0) {
      raw.append(buf, static_cast<size_t>(in_->gcount()));
      if (raw.size() > max_bytes_) { truncated = true; break; }
    }
    if (in_->bad()) warnings->push_back({name_, 0, "read error"});
    if (truncated) {
      size_t cut = max_bytes_;
      while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
      raw.resize(cut);
      warnings->push_back({name_, 0, "document larger than " + std::to_string(max_bytes_) +
                                         " bytes: truncated (raise the limit or split the file)"});
    }
    *doc = Document();
    NormalizeStats st;
    NormalizeText(raw, &doc->text, &st);
    ReportNormalization(st, name_, 1, warnings);
    if (doc->text.find_first_not_of(" \t\n") == std::string::npos) return false;   // empty
    doc->id = name_;
    doc->origin = name_;
    return true;
  }

 private:
  std::istream* in_;
  std::unique_ptr<std::istream> owned_;
  std::string name_;
  size_t max_bytes_;
  bool done_ = false;
};

class MultiReader : public DocumentReader {
 public:
  MultiReader(std::vector<std::string> files, std::string described, InputOptions options)
      : files_(std::move(files)), described_(std::move(described)), options_(std::move(options)) {}

  bool Next(Document* doc) override {
    while (true) {
      if (!source_) {
        if (next_ >= files_.size()) {
          if (documents_ == 0 && !warned_empty_) {
            warned_empty_ = true;
            warnings_.push_back({described_, 0, "no documents in " + described_});
          }
          return false;
        }
        source_ = OpenSource(files_[next_++]);
        if (!source_) continue;
      }
      if (source_->Next(doc, &warnings_)) {
        if (doc->date.empty()) doc->date = options_.default_date;
        ++documents_;
        return true;
      }
      source_.reset();
    }
  }

  std::vector<InputWarning> TakeWarnings() override {
    std::vector<InputWarning> w;
    w.swap(warnings_);
    return w;
  }

 private:
  std::unique_ptr<Source> OpenSource(const std::string& path) {
    std::istream* in;
    std::unique_ptr<std::istream> owned;
    std::string name = path;
    InputFormat format;
    if (path == "-") {
      name = "<stdin>";
      in = &std::cin;
      format = options_.format;
      if (format == InputFormat::kAuto) {
        // Peek at the first non-blank byte: '{' means JSON Lines.
        format = InputFormat::kText;
        while (true) {
          int c = in->peek();
          if (c == EOF) break;
          if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { in->get(); continue; }
          if (c == '{') format = InputFormat::kJsonl;
          else if (c == '#' || (c >= '0' && c <= '9')) format = InputFormat::kText;
          break;
        }
      }
    } else {
      auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*f) {
        warnings_.push_back({path, 0, "cannot open: " + std::error_code(errno, std::generic_category()).message()});
        return nullptr;
      }
      in = f.get();
      owned = std::move(f);
      format = FormatOf(path, options_.format);
    }
    switch (format) {
      case InputFormat::kJsonl: return MakeJsonlSource(in, name, std::move(owned), options_);
      case InputFormat::kConllu: return MakeConlluSource(in, name, std::move(owned), options_);
      default: return std::make_unique<TextSource>(in, name, std::move(owned), options_.max_document_bytes);
    }
  }

  std::vector<std::string> files_;
  std::string described_;
  InputOptions options_;
  size_t next_ = 0;
  std::unique_ptr<Source> source_;
  std::vector<InputWarning> warnings_;
  uint64_t documents_ = 0;
  bool warned_empty_ = false;
};

}  // namespace

Status DocumentReader::Open(const std::vector<std::string>& paths, const InputOptions& options,
                            std::unique_ptr<DocumentReader>* out) {
  std::vector<std::string> files;
  std::string described;
  for (const auto& p : paths) {
    if (!described.empty()) described += ", ";
    described += p == "-" ? "<stdin>" : p;
    if (p == "-") { files.push_back(p); continue; }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(p + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string f = it->path().string();
        if (HasExtension(f, {".txt", ".text", ".jsonl", ".json", ".ndjson", ".conllu"})) found.push_back(f);
      }
      if (ec) return Status::IOError(p + ": cannot list directory: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  if (paths.empty()) {
    files.push_back("-");
    described = "<stdin>";
  }
  *out = std::make_unique<MultiReader>(std::move(files), described, options);
  return Status::OK();
}

}  // namespace dyad
