#include "dyad/nlp/train/treebank.h"

#include "dyad/text/conllu.h"

namespace dyad {
namespace {

std::string UdPath(const std::string& shared_dir, const std::string& file) {
  return shared_dir + "/data/ud/" + file;
}

}  // namespace

bool IsTrainableGumId(std::string_view id) {
  // Genres under CC BY (Wikimedia: news, interview, bio, voyage; textbooks)
  // or public domain (speeches). See ../shared/data/ud/README.md.
  for (std::string_view g : {"GUM_news_", "GUM_interview_", "GUM_bio_", "GUM_voyage_",
                             "GUM_textbook_", "GUM_speech_"})
    if (id.substr(0, g.size()) == g) return true;
  return false;
}

Status LoadTrainingTreebank(const std::string& shared_dir, std::vector<Sentence>* out) {
  Status st = ReadConlluFile(UdPath(shared_dir, "en_ewt-ud-train.conllu"), out);
  if (!st.ok()) return st;
  std::vector<Sentence> gum;
  st = ReadConlluFile(UdPath(shared_dir, "en_gum-ud-train.conllu"), &gum);
  if (!st.ok()) return st;
  size_t kept = 0;
  for (auto& s : gum) {
    if (!IsTrainableGumId(s.sent_id)) continue;
    out->push_back(std::move(s));
    ++kept;
  }
  if (kept == 0)
    return Status::InvalidInput(UdPath(shared_dir, "en_gum-ud-train.conllu") +
                                ": no sentence of a trainable genre (sent_id GUM_news_... etc.)");
  return Status::OK();
}

Status LoadDevTreebank(const std::string& shared_dir, std::vector<Sentence>* out) {
  return ReadConlluFile(UdPath(shared_dir, "en_ewt-ud-dev.conllu"), out);
}

Status LoadTestTreebank(const std::string& shared_dir, std::vector<Sentence>* out) {
  return ReadConlluFile(UdPath(shared_dir, "en_ewt-ud-test.conllu"), out);
}

}  // namespace dyad
