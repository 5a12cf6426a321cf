// Loading actor/agent dictionaries and matching them (actors.h).
#include "dyad/lexicon/actors.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "dyad/lexicon/phrase_matcher.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

}  // namespace

ActorKind ActorKindForFile(const std::string& path) {
  std::string stem = fs::path(path).filename().string();
  auto starts = [&](std::string_view p) { return stem.rfind(p, 0) == 0; };
  if (starts("countries") || starts("country")) return ActorKind::kCountry;
  if (starts("capitals") || starts("seats") || starts("capital")) return ActorKind::kCapital;
  if (starts("people") || starts("persons")) return ActorKind::kPerson;
  if (starts("igos") || starts("igo")) return ActorKind::kIgo;
  if (starts("ngos") || starts("ngo")) return ActorKind::kNgo;
  if (starts("groups") || starts("group") || starts("militant") || starts("nonstate")) return ActorKind::kGroup;
  if (starts("places") || starts("place")) return ActorKind::kPlace;
  if (starts("regions") || starts("region")) return ActorKind::kRegion;
  if (starts("agents")) return ActorKind::kAgent;
  return ActorKind::kOther;
}

namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  std::vector<std::string_view> v;
  v.reserve(words.size());
  for (const auto& w : words) v.emplace_back(w);
  return v;
}

std::vector<std::string_view> Views(const Sentence& s) {
  std::vector<std::string_view> v;
  v.reserve(s.words.size());
  for (const auto& w : s.words) v.emplace_back(w.form);
  return v;
}

// Adds all names of entries[begin..] to the matcher; reports unmatchable names.
void AddNames(const std::vector<DictEntry>& entries, size_t begin, PhraseMatcher* m,
              std::vector<DictProblem>* problems, Status* first_error) {
  for (size_t id = begin; id < entries.size(); ++id) {
    for (const auto& n : entries[id].names) {
      std::string why;
      if (!m->Add(n, static_cast<int>(id), &why)) {
        DictProblem p{entries[id].Where(), why, true};
        if (problems) problems->push_back(p);
        if (first_error->ok()) *first_error = Status::InvalidInput(p.where + ": " + p.message);
      }
    }
  }
}

void DuplicateWarnings(const std::vector<DictEntry>& entries, const PhraseMatcher& m,
                       std::vector<DictProblem>* warnings, std::vector<DictProblem>* problems) {
  for (auto [name, first_entry] : m.Duplicates()) {
    const DictEntry& later = entries[m.name_entry(name)];
    const DictEntry& first = entries[first_entry];
    DictProblem p{later.Where(),
                  "name '" + m.name_text(name) + "' is also an entry at " + first.Where() +
                      " (the earlier entry is tried first)",
                  false};
    warnings->push_back(p);
    if (problems) problems->push_back(p);
  }
}

ActorMatch MakeMatch(const PhraseMatcher::Hit& h, const DictEntry& e, ActorKind kind, DictDate date,
                     const PhraseMatcher& m, bool agent) {
  ActorMatch a;
  a.first = h.first;
  a.last = h.last;
  a.entry = h.entry;
  a.kind = kind;
  a.name = m.name_text(h.name);
  const DictCode* c = e.CodeFor(date);
  a.code = c ? c->code : "";
  if (agent) {
    a.sector = a.code;
  } else {
    SplitActorCode(a.code, &a.country, &a.sector);
  }
  return a;
}

}  // namespace

const char* ActorKindName(ActorKind k) {
  switch (k) {
    case ActorKind::kCountry: return "country";
    case ActorKind::kCapital: return "capital";
    case ActorKind::kPerson: return "person";
    case ActorKind::kIgo: return "igo";
    case ActorKind::kNgo: return "ngo";
    case ActorKind::kGroup: return "group";
    case ActorKind::kOther: return "other";
    case ActorKind::kAgent: return "agent";
    case ActorKind::kPlace: return "place";
    case ActorKind::kRegion: return "region";
  }
  return "other";
}

bool ParseActorKind(std::string_view name, ActorKind* out) {
  for (ActorKind k : {ActorKind::kCountry, ActorKind::kCapital, ActorKind::kPerson, ActorKind::kIgo,
                      ActorKind::kNgo, ActorKind::kGroup, ActorKind::kOther, ActorKind::kAgent,
                      ActorKind::kPlace, ActorKind::kRegion}) {
    if (name == ActorKindName(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

void SplitActorCode(std::string_view code, std::string* country, std::string* sector) {
  *country = std::string(code.substr(0, std::min<size_t>(3, code.size())));
  *sector = code.size() > 3 ? std::string(code.substr(3)) : std::string();
}

// ---------------------------------------------------------------- actors

ActorLexicon::ActorLexicon() : matcher_(std::make_unique<PhraseMatcher>()) {}
ActorLexicon::~ActorLexicon() = default;

size_t ActorLexicon::name_count() const { return matcher_->name_count(); }

Status ActorLexicon::Load(const std::string& dict_dir, std::unique_ptr<ActorLexicon>* out,
                          const LexiconLoadOptions& options) {
  std::string dir = dict_dir + "/actors";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (options.problems) options.problems->push_back({dir, "no such directory", true});
    return Status::NotFound(dir + ": no actor dictionary directory");
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    if (options.problems) options.problems->push_back({dir, "no *.txt dictionary files", true});
    return Status::NotFound(dir + ": no *.txt actor dictionaries");
  }
  return LoadFiles(files, out, options);
}

Status ActorLexicon::LoadFiles(const std::vector<std::string>& files, std::unique_ptr<ActorLexicon>* out,
                               const LexiconLoadOptions& options) {
  auto lex = std::unique_ptr<ActorLexicon>(new ActorLexicon());
  Status first_error;
  for (const auto& f : files) {
    Status s = ParseDictFile(f, CodeSyntax::kActor, &lex->entries_, options.problems);
    if (!s.ok()) {
      if (!options.problems) return s;
      if (first_error.ok()) first_error = s;
    }
    lex->kinds_.resize(lex->entries_.size(), ActorKindForFile(f));
  }
  if (Status s = lex->Build(first_error, options); !s.ok()) return s;
  *out = std::move(lex);
  return Status::OK();
}

Status ActorLexicon::Build(Status first_error, const LexiconLoadOptions& options) {
  if (options.capitals_as_country) {
    for (auto& e : entries_) {
      if (fs::path(e.file).filename().string().rfind("capitals", 0) != 0) continue;
      for (auto& c : e.codes) c.code = c.code.substr(0, 3);
    }
  }
  // Per-entry {kind} tags override the file's kind.
  for (size_t i = 0; i < entries_.size(); ++i) {
    const auto& e = entries_[i];
    if (e.tag.empty()) continue;
    ActorKind k;
    if (ParseActorKind(e.tag, &k) && k != ActorKind::kAgent) {
      kinds_[i] = k;
    } else {
      DictProblem p{e.Where(), "unknown kind tag {" + e.tag + "} (country, capital, person, igo, ngo, group, place, region, other)", true};
      if (options.problems) options.problems->push_back(p);
      if (first_error.ok()) first_error = Status::InvalidInput(p.where + ": " + p.message);
    }
  }
  AddNames(entries_, 0, matcher_.get(), options.problems, &first_error);
  if (!first_error.ok()) return first_error;
  DuplicateWarnings(entries_, *matcher_, &warnings_, options.problems);
  return Status::OK();
}

Status ActorLexicon::FromText(const std::vector<std::pair<std::string, std::string>>& files,
                              std::unique_ptr<ActorLexicon>* out, const LexiconLoadOptions& options) {
  auto lex = std::unique_ptr<ActorLexicon>(new ActorLexicon());
  Status first_error;
  for (const auto& [name, text] : files) {
    Status s = ParseDictText(text, name, CodeSyntax::kActor, &lex->entries_, options.problems);
    if (!s.ok()) {
      if (!options.problems) return s;
      if (first_error.ok()) first_error = s;
    }
    lex->kinds_.resize(lex->entries_.size(), ActorKindForFile(name));
  }
  if (Status s = lex->Build(first_error, options); !s.ok()) return s;
  *out = std::move(lex);
  return Status::OK();
}

std::vector<ActorMatch> ActorLexicon::Find(const std::vector<std::string>& words,
                                           std::string_view article_date) const {
  DictDate date = ArticleDate(article_date);
  auto hits = matcher_->Find(Views(words), [&](int id) { return entries_[id].CodeFor(date) != nullptr; });
  std::vector<ActorMatch> out;
  out.reserve(hits.size());
  for (const auto& h : hits) out.push_back(MakeMatch(h, entries_[h.entry], kinds_[h.entry], date, *matcher_, false));
  return out;
}

namespace {
// Titles after which a lower-case word is still a name: "President obama".
bool TitleWord(std::string_view form) {
  std::string t;
  for (char c : form) {
    if (c == '.') continue;
    t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  static const char* kTitles[] = {"president", "minister", "premier", "chancellor", "king", "queen", "prince",
                                  "senator", "governor", "secretary", "pope", "sheikh", "emir", "ayatollah",
                                  "general", "mr", "mrs", "ms", "dr", "leader", "chairman", "sen", "gov"};
  for (const char* k : kTitles)
    if (t == k) return true;
  return false;
}
bool AllLower(std::string_view w) {
  bool letter = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 'a' && c <= 'z') letter = true;
  }
  return letter;
}
}  // namespace

std::vector<ActorMatch> ActorLexicon::Find(const Sentence& s, std::string_view article_date) const {
  DictDate date = ArticleDate(article_date);
  std::vector<std::string_view> views = Views(s);
  // Careless case after a title ("President obama"): a lower-case word the
  // tagger takes for a name is matched as if capitalised, people only.
  std::vector<std::string> recased(s.words.size());
  std::vector<char> was_recased(s.words.size(), 0);
  for (size_t i = 1; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (!AllLower(w.form) || w.form[0] < 'a' || w.form[0] > 'z' || !TitleWord(s.words[i - 1].form)) continue;
    if (!w.upos.empty() && w.upos != "PROPN" && w.upos != "NOUN") continue;
    recased[i] = w.form;
    recased[i][0] = static_cast<char>(recased[i][0] - 'a' + 'A');
    views[i] = recased[i];
    was_recased[i] = 1;
  }
  auto hits = matcher_->Find(views, [&](int id) { return entries_[id].CodeFor(date) != nullptr; });
  std::vector<ActorMatch> out;
  out.reserve(hits.size());
  for (const auto& h : hits) {
    bool recased_hit = false;
    for (int i = h.first; i <= h.last; ++i) recased_hit = recased_hit || was_recased[i];
    if (recased_hit && kinds_[h.entry] != ActorKind::kPerson) continue;
    out.push_back(MakeMatch(h, entries_[h.entry], kinds_[h.entry], date, *matcher_, false));
  }
  return out;
}

// ---------------------------------------------------------------- agents

AgentLexicon::AgentLexicon() : matcher_(std::make_unique<PhraseMatcher>()) {}
AgentLexicon::~AgentLexicon() = default;

size_t AgentLexicon::name_count() const { return matcher_->name_count(); }

Status AgentLexicon::Load(const std::string& dict_dir, std::unique_ptr<AgentLexicon>* out,
                          const LexiconLoadOptions& options) {
  return LoadFile(dict_dir + "/agents.txt", out, options);
}

namespace {

// Regular English plural of a lower-case word: soldier -> soldiers, policeman ->
// policemen, party -> parties, church -> churches; "" when the word already ends
// in s or is not plain lower-case letters (irregular forms are written out).
std::string RegularPlural(std::string_view w) {
  if (w.size() < 2 || w.back() == 's') return "";
  for (char c : w)
    if (c < 'a' || c > 'z') return "";
  std::string s(w);
  auto ends = [&](std::string_view e) { return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0; };
  if (ends("man")) return s.substr(0, s.size() - 3) + "men";
  if (ends("y") && std::string_view("aeiou").find(s[s.size() - 2]) == std::string_view::npos)
    return s.substr(0, s.size() - 1) + "ies";
  if (ends("ch") || ends("sh") || ends("x") || ends("z")) return s + "es";
  return s + "s";
}

Status FinishAgents(std::vector<DictEntry>* entries, PhraseMatcher* m, std::vector<DictProblem>* warnings,
                    Status first_error, const LexiconLoadOptions& options) {
  AddNames(*entries, 0, m, options.problems, &first_error);
  if (!first_error.ok()) return first_error;
  // Regular plurals of the last word, unless written somewhere in the file.
  std::set<std::string> written;
  for (const auto& e : *entries)
    for (const auto& n : e.names) written.insert(n);
  for (size_t id = 0; id < entries->size(); ++id) {
    for (const auto& n : (*entries)[id].names) {
      size_t sp = n.find_last_of(' ');
      std::string_view last = sp == std::string::npos ? std::string_view(n) : std::string_view(n).substr(sp + 1);
      std::string pl = RegularPlural(last);
      if (pl.empty()) continue;
      std::string full = n.substr(0, n.size() - last.size()) + pl;
      if (!written.insert(full).second) continue;
      m->Add(full, static_cast<int>(id), nullptr);
    }
  }
  DuplicateWarnings(*entries, *m, warnings, options.problems);
  return Status::OK();
}
}  // namespace

Status AgentLexicon::LoadFile(const std::string& file, std::unique_ptr<AgentLexicon>* out,
                              const LexiconLoadOptions& options) {
  auto lex = std::unique_ptr<AgentLexicon>(new AgentLexicon());
  Status s = ParseDictFile(file, CodeSyntax::kAgent, &lex->entries_, options.problems);
  if (!s.ok()) return s;
  s = FinishAgents(&lex->entries_, lex->matcher_.get(), &lex->warnings_, s, options);
  if (!s.ok()) return s;
  *out = std::move(lex);
  return Status::OK();
}

Status AgentLexicon::FromText(const std::string& name, const std::string& text,
                              std::unique_ptr<AgentLexicon>* out, const LexiconLoadOptions& options) {
  auto lex = std::unique_ptr<AgentLexicon>(new AgentLexicon());
  Status s = ParseDictText(text, name, CodeSyntax::kAgent, &lex->entries_, options.problems);
  if (!s.ok()) return s;
  s = FinishAgents(&lex->entries_, lex->matcher_.get(), &lex->warnings_, s, options);
  if (!s.ok()) return s;
  *out = std::move(lex);
  return Status::OK();
}

std::vector<ActorMatch> AgentLexicon::Find(const std::vector<std::string>& words,
                                           std::string_view article_date) const {
  DictDate date = ArticleDate(article_date);
  auto hits = matcher_->Find(Views(words), [&](int id) { return entries_[id].CodeFor(date) != nullptr; });
  std::vector<ActorMatch> out;
  for (const auto& h : hits) out.push_back(MakeMatch(h, entries_[h.entry], ActorKind::kAgent, date, *matcher_, true));
  return out;
}

std::vector<ActorMatch> AgentLexicon::Find(const Sentence& s, std::string_view article_date) const {
  DictDate date = ArticleDate(article_date);
  auto hits = matcher_->Find(Views(s), [&](int id) { return entries_[id].CodeFor(date) != nullptr; });
  std::vector<ActorMatch> out;
  for (const auto& h : hits) out.push_back(MakeMatch(h, entries_[h.entry], ActorKind::kAgent, date, *matcher_, true));
  return out;
}

}  // namespace dyad
