// Pipeline: text segmentation -> tagger -> lemmatizer -> parser, with the
// models loaded from one directory (in parallel: loading is mostly
// decompression and hash-table building, and must stay well under a second).
// The parser is the left-to-right model, combined with the right-to-left one
// when the directory has it.
#include "dyad/nlp/pipeline.h"

#include <filesystem>
#include <thread>

#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/model_files.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/tagger.h"
#include "dyad/text/segmenter.h"
#include "dyad/util/resources.h"

namespace dyad {
namespace {

class PipelineImpl : public Pipeline {
 public:
  PipelineImpl(std::unique_ptr<Tagger> tagger, std::unique_ptr<Lemmatizer> lemmatizer,
               std::unique_ptr<Parser> parser)
      : tagger_(std::move(tagger)), lemmatizer_(std::move(lemmatizer)), parser_(std::move(parser)) {}

  void Annotate(Document* doc) const override {
    Segment(doc);
    for (auto& s : doc->sentences) AnnotateSentence(&s);
  }

  void AnnotateSentence(Sentence* s) const override {
    if (s->words.empty()) return;
    tagger_->Tag(s);
    lemmatizer_->LemmatizeSentence(s);
    if (parser_) parser_->Parse(s);
  }

 private:
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<Parser> parser_;  // null when PipelineOptions::parse is false
};

}  // namespace

Status Pipeline::Load(const PipelineOptions& options, std::unique_ptr<Pipeline>* out) {
  std::string dir = options.models_dir.empty() ? ResourcePath("models") : options.models_dir;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::unique_ptr<Parser> parser;
  Status st_tagger, st_lemmatizer, st_parser;
  std::thread parser_thread;
  if (options.parse) {
    std::vector<std::string> parser_files = {dir + "/" + kParserModelFile};
    const std::string rtl = dir + "/" + kParserReverseModelFile;
    std::error_code ec;
    if (!options.single_parser && std::filesystem::exists(rtl, ec)) parser_files.push_back(rtl);
    parser_thread = std::thread([&st_parser, &parser, parser_files] {
      st_parser = Parser::Load(parser_files, &parser);
    });
  }
  std::thread lemmatizer_thread(
      [&] { st_lemmatizer = Lemmatizer::Load(dir + "/" + kLemmatizerModelFile, &lemmatizer); });
  st_tagger = Tagger::Load(dir + "/" + kTaggerModelFile, &tagger);
  lemmatizer_thread.join();
  if (parser_thread.joinable()) parser_thread.join();
  for (const Status* st : {&st_tagger, &st_lemmatizer, &st_parser})
    if (!st->ok()) return *st;
  *out = std::make_unique<PipelineImpl>(std::move(tagger), std::move(lemmatizer), std::move(parser));
  return Status::OK();
}

}  // namespace dyad
