#include "dyad/nlp/train/parser_data.h"

#include <array>
#include <string_view>

#include "dyad/text/conllu.h"

namespace dyad {

bool IsCcByGumSentence(const std::string& sent_id) {
  static constexpr std::array<std::string_view, 6> kGenres = {
      "GUM_news_", "GUM_interview_", "GUM_bio_", "GUM_voyage_", "GUM_textbook_", "GUM_speech_"};
  for (std::string_view g : kGenres)
    if (std::string_view(sent_id).substr(0, g.size()) == g) return true;
  return false;
}

Status LoadParserTreebank(const std::string& shared_dir, bool with_gum,
                          std::vector<Sentence>* out) {
  const std::string ud = shared_dir + "/data/ud/";
  Status s = ReadConlluFile(ud + "en_ewt-ud-train.conllu", out);
  if (!s.ok() || !with_gum) return s;
  std::vector<Sentence> gum;
  s = ReadConlluFile(ud + "en_gum-ud-train.conllu", &gum);
  if (!s.ok()) return s;
  for (auto& sent : gum)
    if (IsCcByGumSentence(sent.sent_id)) out->push_back(std::move(sent));
  return Status::OK();
}

}  // namespace dyad
