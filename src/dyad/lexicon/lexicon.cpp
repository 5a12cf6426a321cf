// The Lexicon facade: loading everything in dict/ and folding agents into
// actor mentions (lexicon.h).
#include "dyad/lexicon/lexicon.h"

#include <algorithm>

#include "dyad/util/resources.h"

namespace dyad {
namespace {

bool IsPossessiveWord(std::string_view w) {
  return w == "'s" || w == "'S" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99";
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
    if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
    if (x != y) return false;
  }
  return true;
}

std::vector<ActorMatch> Fold(const std::vector<std::string_view>& words, std::vector<ActorMatch> actors,
                             std::vector<ActorMatch> agents) {
  // Actors win over agents they overlap ("Foreign Ministry" inside a longer name).
  std::vector<ActorMatch> ag;
  for (auto& g : agents) {
    bool overlap = false;
    for (const auto& a : actors)
      if (g.first <= a.last && a.first <= g.last) overlap = true;
    if (!overlap) ag.push_back(std::move(g));
  }
  const int n = static_cast<int>(words.size());
  // First actor / agent starting at each word (-1 if none). Several actors can
  // share a word ("Russia-Ukraine"); only the first is looked up by position.
  std::vector<int> actor_at(n + 1, -1), agent_at(n + 1, -1);
  for (size_t i = actors.size(); i-- > 0;) actor_at[actors[i].first] = static_cast<int>(i);
  for (size_t i = ag.size(); i-- > 0;) agent_at[ag[i].first] = static_cast<int>(i);
  std::vector<bool> actor_used(actors.size(), false), agent_used(ag.size(), false);

  // Consecutive unused agents from word w.
  auto chain_from = [&](int w) {
    std::vector<int> chain;
    while (w < n && agent_at[w] >= 0 && !agent_used[agent_at[w]]) {
      chain.push_back(agent_at[w]);
      w = ag[agent_at[w]].last + 1;
    }
    return chain;
  };
  auto person_at = [&](int w) {
    int a = w < n ? actor_at[w] : -1;
    return (a >= 0 && !actor_used[a] && actors[a].kind == ActorKind::kPerson) ? a : -1;
  };
  auto add_agents = [&](ActorMatch* x, const std::vector<int>& chain) {
    for (int c : chain) {
      x->code = AppendAgentBlocks(x->code, ag[c].code);
      agent_used[c] = true;
    }
    SplitActorCode(x->code, &x->country, &x->sector);
  };

  std::vector<ActorMatch> out;
  size_t ai = 0, gi = 0;
  while (true) {
    while (ai < actors.size() && actor_used[ai]) ++ai;
    while (gi < ag.size() && agent_used[gi]) ++gi;
    bool take_actor = ai < actors.size() && (gi >= ag.size() || actors[ai].first <= ag[gi].first);
    bool take_agent = !take_actor && gi < ag.size();
    if (!take_actor && !take_agent) break;
    if (take_actor) {
      actor_used[ai] = true;
      ActorMatch x = actors[ai];
      int next = x.last + 1;
      // "China 's ministry"; when the tokenizer kept "China's" whole, the
      // match already ended inside that word and `next` is right as it is.
      if (next < n && IsPossessiveWord(words[next])) ++next;
      auto chain = chain_from(next);
      if (!chain.empty()) {
        int after = ag[chain.back()].last + 1;
        if (int p = person_at(after); p >= 0) {
          // "Ukrainian President Zelensky": the person's own code, the whole span.
          for (int c : chain) agent_used[c] = true;
          actor_used[p] = true;
          ActorMatch pm = actors[p];
          pm.first = x.first;
          out.push_back(std::move(pm));
          continue;
        }
        add_agents(&x, chain);
        x.last = ag[chain.back()].last;
      }
      out.push_back(std::move(x));
      continue;
    }
    // An agent (chain) before any actor.
    int w = ag[gi].first;
    auto chain = chain_from(w);
    int after = ag[chain.back()].last + 1;
    if (int p = person_at(after); p >= 0) {  // "President Xi Jinping"
      for (int c : chain) agent_used[c] = true;
      actor_used[p] = true;
      ActorMatch pm = actors[p];
      pm.first = w;
      out.push_back(std::move(pm));
      continue;
    }
    if (after < n && EqualsNoCase(words[after], "of")) {
      int a = after + 1;
      if (a < n && EqualsNoCase(words[a], "the")) ++a;
      if (a < n && actor_at[a] >= 0 && !actor_used[actor_at[a]]) {  // "the parliament of Georgia"
        int k = actor_at[a];
        actor_used[k] = true;
        ActorMatch x = actors[k];
        add_agents(&x, chain);
        x.first = w;
        out.push_back(std::move(x));
        continue;
      }
    }
    // An agent with no actor: unknown primary actor "---".
    ActorMatch x = ag[chain.front()];
    x.code = "---";
    x.last = ag[chain.back()].last;
    add_agents(&x, chain);
    out.push_back(std::move(x));
  }
  std::stable_sort(out.begin(), out.end(), [](const ActorMatch& a, const ActorMatch& b) { return a.first < b.first; });
  return out;
}

bool IsAbbreviation(std::string_view t) {  // t ends with '.'
  std::string_view stem = t.substr(0, t.size() - 1);
  if (stem.empty()) return false;
  if (stem.find('.') != std::string_view::npos) return true;  // U.S. / U.N.
  if (stem.size() == 1 && ((stem[0] >= 'A' && stem[0] <= 'Z') || (stem[0] >= 'a' && stem[0] <= 'z'))) return true;
  static const char* kAbbr[] = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "St", "Sen", "Rep",
                                "Gov", "Pres", "Prof", "Jr", "Sr", "Capt", "Maj", "Adm", "Cmdr", "Brig",
                                "Rev", "No", "vs", "etc", "Inc", "Corp", "Ltd", "Co", "Mt", "Ft", "Hon"};
  for (const char* a : kAbbr)
    if (stem == a) return true;
  return false;
}

}  // namespace

std::string AppendAgentBlocks(std::string_view actor_code, std::string_view agent_code) {
  std::string out(actor_code);
  for (size_t b = 0; b + 3 <= agent_code.size(); b += 3) {
    std::string_view block = agent_code.substr(b, 3);
    bool present = false;
    for (size_t k = 0; k + 3 <= out.size(); k += 3)
      if (std::string_view(out).substr(k, 3) == block) present = true;
    if (!present) out += block;
  }
  return out;
}

Status Lexicon::Load(const std::string& dict_dir, std::unique_ptr<Lexicon>* out,
                     const LexiconLoadOptions& options) {
  std::string dir = dict_dir.empty() ? ResourcePath("dict") : dict_dir;
  auto lex = std::unique_ptr<Lexicon>(new Lexicon());
  Status first_error;
  auto note = [&](const Status& s) {
    if (s.ok()) return;
    if (first_error.ok()) first_error = s;
  };
  Status s = Ontology::Load(dir, &lex->ontology_);
  if (!s.ok()) {
    if (!options.problems) return s;
    options.problems->push_back({dir, s.message(), true});
    note(s);
  }
  s = ActorLexicon::Load(dir, &lex->actors_, options);
  if (!s.ok() && !options.problems) return s;
  note(s);
  s = AgentLexicon::Load(dir, &lex->agents_, options);
  if (!s.ok() && !options.problems) return s;
  note(s);
  if (!first_error.ok()) return first_error;
  *out = std::move(lex);
  return Status::OK();
}

std::unique_ptr<Lexicon> Lexicon::FromParts(std::unique_ptr<Ontology> ontology,
                                            std::unique_ptr<ActorLexicon> actors,
                                            std::unique_ptr<AgentLexicon> agents) {
  auto lex = std::unique_ptr<Lexicon>(new Lexicon());
  lex->ontology_ = std::move(ontology);
  lex->actors_ = std::move(actors);
  lex->agents_ = std::move(agents);
  return lex;
}

std::vector<ActorMatch> Lexicon::FindActors(const Sentence& s, std::string_view article_date) const {
  std::vector<std::string_view> words;
  words.reserve(s.words.size());
  for (const auto& w : s.words) words.emplace_back(w.form);
  return Fold(words, actors_->Find(s, article_date), agents_->Find(s, article_date));
}

std::vector<ActorMatch> Lexicon::FindActors(const std::vector<std::string>& words,
                                            std::string_view article_date) const {
  std::vector<std::string_view> v(words.begin(), words.end());
  return Fold(v, actors_->Find(words, article_date), agents_->Find(words, article_date));
}

std::vector<std::string> Lexicon::SimpleWords(std::string_view text) {
  static const std::string_view kLead[] = {"(", "[", "{", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB"};
  static const std::string_view kTrail[] = {",", ";", ":", "!", "?", ")", "]", "}", "\"",
                                            "\xE2\x80\x9D", "\xC2\xBB"};
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' && text[j] != '\r') ++j;
    std::string_view tok = text.substr(i, j - i);
    i = j;
    if (tok.empty()) continue;
    // Leading punctuation.
    bool again = true;
    while (again && !tok.empty()) {
      again = false;
      for (auto p : kLead)
        if (tok.size() > p.size() && tok.substr(0, p.size()) == p) {
          out.emplace_back(p);
          tok.remove_prefix(p.size());
          again = true;
          break;
        }
    }
    // Trailing punctuation, kept in order.
    std::vector<std::string> tail;
    again = true;
    while (again && tok.size() > 1) {
      again = false;
      for (auto p : kTrail)
        if (tok.size() > p.size() && tok.substr(tok.size() - p.size()) == p) {
          tail.emplace_back(p);
          tok.remove_suffix(p.size());
          again = true;
          break;
        }
      if (!again && tok.back() == '.' && !IsAbbreviation(tok)) {
        tail.emplace_back(".");
        tok.remove_suffix(1);
        again = true;
      }
    }
    // Possessive clitic as its own word (UD convention).
    std::string_view poss;
    for (std::string_view p : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
      if (tok.size() > p.size() && tok.substr(tok.size() - p.size()) == p) poss = tok.substr(tok.size() - p.size());
    if (poss.empty() && tok.size() > 2 && tok.back() == '\'' && (tok[tok.size() - 2] == 's')) poss = tok.substr(tok.size() - 1);
    if (!poss.empty()) tok.remove_suffix(poss.size());
    if (!tok.empty()) out.emplace_back(tok);
    if (!poss.empty()) out.emplace_back(poss);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(*it);
  }
  return out;
}

}  // namespace dyad
