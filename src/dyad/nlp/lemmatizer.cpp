#include "dyad/nlp/lemmatizer.h"

#include "dyad/nlp/lemmatizer_model.h"
#include "dyad/nlp/tagger_features.h"
#include "dyad/util/serialize.h"

namespace dyad {

using nlp::HashBytes;
using nlp::U64Map;

std::string LemmatizerModel::Serialize() const {
  BinaryWriter w;
  table.Write(&w);
  w.PutStrings(lemmas);
  rules.Write(&w);
  w.PutVector(rule_strip);
  w.PutStrings(rule_append);
  w.Put<uint32_t>(max_suffix);
  wordnet.Write(&w);
  return w.data();
}

Status LemmatizerModel::Deserialize(std::string_view payload, const std::string& name) {
  BinaryReader r(payload);
  auto corrupt = [&](const std::string& what) {
    return Status::Corrupt(name + ": corrupt lemmatizer model (" + what + ")");
  };
  if (!table.Read(&r) || !r.GetStrings(&lemmas)) return corrupt("table");
  bool bad = false;
  table.ForEach([&](uint64_t, uint32_t v) { bad |= v >= lemmas.size(); });
  if (bad) return corrupt("table index");
  if (!rules.Read(&r) || !r.GetVector(&rule_strip) || !r.GetStrings(&rule_append) ||
      rule_strip.size() != rule_append.size())
    return corrupt("rules");
  rules.ForEach([&](uint64_t, uint32_t v) { bad |= v >= rule_strip.size(); });
  if (bad) return corrupt("rule index");
  if (!r.Get(&max_suffix) || max_suffix > 64) return corrupt("options");
  if (!wordnet.Read(&r)) return corrupt("WordNet tables");
  if (!r.at_end()) return corrupt("trailing bytes");
  return Status::OK();
}

Lemmatizer::Lemmatizer(std::unique_ptr<LemmatizerModel> model) : model_(std::move(model)) {}
Lemmatizer::~Lemmatizer() = default;

Status Lemmatizer::Load(const std::string& path, std::unique_ptr<Lemmatizer>* out) {
  std::string payload;
  Status st = ReadModelFile(path, kLemmatizerMagic, kLemmatizerVersion, &payload);
  if (!st.ok()) return st;
  auto m = std::make_unique<LemmatizerModel>();
  st = m->Deserialize(payload, path);
  if (!st.ok()) return st;
  *out = std::make_unique<Lemmatizer>(std::move(m));
  return Status::OK();
}

namespace {

// Penn tags whose words are inflected, and the WordNet part of speech of
// their base form.
bool InflectedPos(std::string_view xpos, nlp::WnPos* pos) {
  if (xpos == "NNS") { *pos = nlp::WnPos::kNoun; return true; }
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBZ" || xpos == "VBG") { *pos = nlp::WnPos::kVerb; return true; }
  if (xpos == "JJR" || xpos == "JJS") { *pos = nlp::WnPos::kAdj; return true; }
  if (xpos == "RBR" || xpos == "RBS") { *pos = nlp::WnPos::kAdv; return true; }
  return false;
}

uint64_t TableKey(std::string_view form, std::string_view xpos, uint64_t seed, std::string* buf) {
  buf->assign(form);
  buf->push_back('\t');
  buf->append(xpos);
  return HashBytes(*buf, seed);
}

}  // namespace

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  const LemmatizerModel& m = *model_;
  thread_local std::string buf, lower, out;
  uint32_t id = m.table.Find(TableKey(form, xpos, 1, &buf));
  if (id != U64Map::kMissing) return m.lemmas[id];
  bool proper = upos == "PROPN" || xpos.substr(0, 3) == "NNP";
  nlp::LowercaseUtf8(form, &lower);
  // The lowercase table would lose a proper noun's capitals.
  if (!proper) {
    id = m.table.Find(TableKey(lower, xpos, 2, &buf));
    if (id != U64Map::kMissing) return m.lemmas[id];
  }
  // Numbers are lemmatised without thousands separators ("1,100" -> "1100").
  if (xpos == "CD" && form.find(',') != std::string_view::npos &&
      form.find_first_not_of("0123456789,.") == std::string_view::npos) {
    std::string out_num;
    for (char c : form)
      if (c != ',') out_num.push_back(c);
    return out_num;
  }
  std::string_view base = proper ? form : std::string_view(lower);
  nlp::WnPos pos;
  if (!proper && !m.wordnet.empty() && InflectedPos(xpos, &pos) &&
      m.wordnet.InflectedBaseForm(pos, lower, &out))
    return out;
  // Learned suffix rules, longest matching suffix first.
  size_t maxl = std::min<size_t>(m.max_suffix, base.size());
  for (size_t l = maxl + 1; l-- > 0;) {
    buf.assign(xpos);
    buf.push_back('\t');
    buf.append(base.substr(base.size() - l));
    uint32_t r = m.rules.Find(HashBytes(buf, 3));
    if (r == U64Map::kMissing) continue;
    size_t strip = m.rule_strip[r];
    if (strip >= base.size()) break;  // would leave nothing
    std::string lemma(base.substr(0, base.size() - strip));
    lemma += m.rule_append[r];
    return lemma;
  }
  return std::string(base);
}

void Lemmatizer::LemmatizeSentence(Sentence* s) const {
  const size_t n = s->words.size();
  for (size_t i = 0; i < n; ++i) {
    Word& w = s->words[i];
    w.lemma = Lemmatize(w.form, w.upos, w.xpos);
    // The clitic "'s" is "has" before "been"/"got" ("she's been"), else "is".
    if (w.upos == "AUX" && (w.form == "'s" || w.form == "\u2019s") && i + 1 < n) {
      const std::string& next = s->words[i + 1].form;
      if (next == "been" || next == "got" || next == "gotten") w.lemma = "have";
    }
  }
}

}  // namespace dyad
