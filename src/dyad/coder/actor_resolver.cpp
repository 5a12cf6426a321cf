// coder — resolving noun phrases to actors (see actor_resolver.h).
#include "dyad/coder/actor_resolver.h"

#include "dyad/lexicon/phrase_matcher.h"

#include <algorithm>

namespace dyad {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

bool PersonPronoun(std::string_view w) {
  return In(w, {"he", "him", "his", "himself", "she", "her", "hers", "herself"});
}
bool ThingPronoun(std::string_view w) { return In(w, {"it", "its", "itself"}); }
bool PluralPronoun(std::string_view w) { return In(w, {"they", "them", "their", "theirs", "themselves"}); }
bool Reflexive(std::string_view w) { return In(w, {"himself", "herself", "itself", "themselves"}); }

bool CalendarWord(std::string_view w) {
  return In(w, {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday", "today", "tonight", "yesterday", "tomorrow"});
}

bool Capitalised(std::string_view form) {
  return !form.empty() && ((form[0] >= 'A' && form[0] <= 'Z') || static_cast<unsigned char>(form[0]) >= 0x80);
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string tok;
  for (char c : std::string(text) + " ") {
    if (c == ' ' || c == '-') {
      if (!tok.empty()) out.push_back(tok);
      tok.clear();
    } else {
      tok += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

// Same person: same text, or the same code with one name's words all in
// the other's ("Xi" / "Xi Jinping"; not "Kim Yo Jong" / "Kim Jong Un").
bool SamePerson(const ActorRef& a, const ActorRef& b) {
  if (a.text == b.text) return true;
  if (a.code.empty() || a.code != b.code) return false;
  auto ta = Tokens(a.text), tb = Tokens(b.text);
  if (ta.size() > tb.size()) std::swap(ta, tb);
  for (const auto& t : ta)
    if (std::find(tb.begin(), tb.end(), t) == tb.end()) return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------- DocMemory

int DocMemory::Mention(const ActorRef& r, int sentence, int word) {
  std::string key = r.entity >= 0 ? "" : r.Key();
  int id = r.entity;
  if (id < 0) {
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      if (!e.members.empty()) continue;
      // People are told apart by name (two "PRKGOV" people are two entities).
      bool same = r.person ? (e.ref.person && SamePerson(e.ref, r)) : (!e.ref.person && e.ref.Key() == key);
      if (same) {
        id = static_cast<int>(i);
        break;
      }
    }
  }
  if (id < 0) {
    Entity e;
    e.ref = r;
    if (r.person) e.name_tokens = Tokens(r.text);
    entities_.push_back(std::move(e));
    id = static_cast<int>(entities_.size() - 1);
  }
  Entity& e = entities_[id];
  ++e.mentions;
  e.last_sentence = sentence;
  e.last_word = word;
  return id;
}

int DocMemory::MentionGroup(const std::vector<ActorRef>& refs, int sentence, int word) {
  std::vector<int> members;
  for (const auto& r : refs) members.push_back(r.entity >= 0 ? r.entity : Mention(r, sentence, word));
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  if (members.size() < 2) return members.empty() ? -1 : members[0];
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (entities_[i].members == members) {
      ++entities_[i].mentions;
      entities_[i].last_sentence = sentence;
      entities_[i].last_word = word;
      return static_cast<int>(i);
    }
  }
  Entity g;
  g.members = members;
  g.mentions = 1;
  g.last_sentence = sentence;
  g.last_word = word;
  entities_.push_back(std::move(g));
  return static_cast<int>(entities_.size() - 1);
}

int DocMemory::LastPerson(int sentence, int word) const {
  int best = -1;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (!e.members.empty() || !e.ref.person || !Before(e, sentence, word)) continue;
    if (best < 0 || e.last_sentence > entities_[best].last_sentence ||
        (e.last_sentence == entities_[best].last_sentence && e.last_word > entities_[best].last_word))
      best = static_cast<int>(i);
  }
  return best;
}

int DocMemory::LastCountry(int sentence, int word) const {
  int best = -1;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (!e.members.empty() || e.ref.person || !e.ref.known() || !Before(e, sentence, word)) continue;
    if (e.ref.country == "---") continue;
    if (best < 0 || e.last_sentence > entities_[best].last_sentence ||
        (e.last_sentence == entities_[best].last_sentence && e.last_word > entities_[best].last_word))
      best = static_cast<int>(i);
  }
  return best;
}

int DocMemory::LastGroup(int sentence, int word) const {
  int best = -1;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.members.size() < 2 || !Before(e, sentence, word)) continue;
    if (best < 0 || e.last_sentence > entities_[best].last_sentence ||
        (e.last_sentence == entities_[best].last_sentence && e.last_word > entities_[best].last_word))
      best = static_cast<int>(i);
  }
  return best;
}

int DocMemory::PersonByToken(std::string_view token, int sentence, int word) const {
  int best = -1;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (!e.ref.person || !Before(e, sentence, word) || e.name_tokens.size() < 2) continue;
    if (std::find(e.name_tokens.begin(), e.name_tokens.end(), token) == e.name_tokens.end()) continue;
    if (best < 0 || e.mentions > entities_[best].mentions) best = static_cast<int>(i);
  }
  return best;
}

// ----------------------------------------------------------- SentenceActors

SentenceActors::SentenceActors(const ParseView& view, const std::string& doc_text, int sentence_index,
                               const Lexicon& lexicon, std::string_view date, DocMemory* memory,
                               const VerbDictionary* words, const SurnameIndex* surnames)
    : v_(view), text_(doc_text), sent_(sentence_index), lex_(lexicon), mem_(memory), words_(words),
      surnames_(surnames), date_(ArticleDate(date)) {
  const int n = v_.size();
  actors_ = lex_.actors().Find(v_.sentence(), date);
  std::vector<ActorMatch> agents = lex_.agents().Find(v_.sentence(), date);
  for (auto& g : agents) {
    bool overlap = false;
    for (const auto& a : actors_)
      if (g.first <= a.last && a.first <= g.last) overlap = true;
    if (!overlap) agents_.push_back(std::move(g));
  }
  // Role nouns the agent dictionary leaves out ("leader", "envoy") act as
  // sector words here: "the leaders of Chile and Peru" -> ...GOV.
  if (words_) {
    for (int i = 0; i < n; ++i) {
      if (v_[i].upos != "NOUN") continue;
      bool taken = false;
      for (const auto& a : actors_) taken = taken || (i >= a.first && i <= a.last);
      for (const auto& g : agents_) taken = taken || (i >= g.first && i <= g.last);
      if (taken) continue;
      for (const char* set : {"role_gov", "role_mil", "role_opp"}) {
        if (!words_->InSet(set, v_[i].lemma)) continue;
        ActorMatch m;
        m.first = m.last = i;
        m.code = std::string(set).substr(5);
        for (char& c : m.code) c = static_cast<char>(c - 'a' + 'A');
        m.sector = m.code;
        m.kind = ActorKind::kAgent;
        m.name = v_[i].lemma;
        agents_.push_back(m);
        break;
      }
    }
  }
  actor_at_.assign(n, -1);
  agent_at_.assign(n, -1);
  auto head_of = [&](int first, int last) {
    for (int i = first; i <= last; ++i) {
      int h = v_[i].head;
      if (h < first || h > last) return i;
    }
    return last;
  };
  for (size_t m = 0; m < actors_.size(); ++m) {
    for (int i = actors_[m].first; i <= actors_[m].last && i < n; ++i) actor_at_[i] = static_cast<int>(m);
    actor_head_.push_back(head_of(actors_[m].first, std::min(actors_[m].last, n - 1)));
  }
  for (size_t m = 0; m < agents_.size(); ++m) {
    for (int i = agents_[m].first; i <= agents_[m].last && i < n; ++i) agent_at_[i] = static_cast<int>(m);
    agent_head_.push_back(head_of(agents_[m].first, std::min(agents_[m].last, n - 1)));
  }
  refs_.assign(n, {});
  done_.assign(n, 0);
  // Resolve in word order, so that a pronoun sees exactly the mentions before it.
  for (int w = 0; w < n; ++w) {
    if (done_[w]) continue;
    Resolve(w, true);
  }
}

// Widens r's span to start where `from` starts ("States troops" -> "United
// States troops" when the country name began before its head word).
void SentenceActors::ExtendLeft(ActorRef* r, const ActorRef& from) const {
  if (from.end == 0 || from.start >= r->start || r->end > text_.size()) return;
  r->start = from.start;
  r->text = text_.substr(r->start, r->end - r->start);
}

void SentenceActors::SetSpan(ActorRef* r, int first, int last) const {
  r->text = v_.Text(text_, first, last);
  r->start = v_.word(first).start;
  r->end = v_.word(last).end;
}

ActorRef SentenceActors::FromMatch(const ActorMatch& m) const {
  ActorRef r;
  r.code = m.code;
  r.country = m.country;
  r.sector = m.sector;
  r.kind = m.kind;
  r.person = m.kind == ActorKind::kPerson;
  SetSpan(&r, m.first, std::min(m.last, v_.size() - 1));
  return r;
}

ActorRef SentenceActors::Coref(int entity, int w) const {
  const DocMemory::Entity& e = mem_->entity(entity);
  ActorRef r = e.ref;
  r.entity = entity;
  r.via_coref = true;
  r.word = w;
  SetSpan(&r, w, w);
  return r;
}

// The proper-name span around w: w and its flat/compound PROPN dependents.
int SentenceActors::NameSpanEnd(int w, int* first) const {
  int a = w, b = w;
  for (int k : v_[w].kids) {
    if ((v_[k].base == "flat" || (v_[k].base == "compound" && v_[k].upos == "PROPN")) &&
        actor_at_[k] < 0 && agent_at_[k] < 0) {
      a = std::min(a, k);
      b = std::max(b, k);
    }
  }
  *first = a;
  return b;
}

std::vector<ActorRef> SentenceActors::CountriesOf(int w, int skip) {
  std::vector<ActorRef> out;
  // Modifiers first; "in" last ("a court in Guyana", but "the US commander
  // in Iraq" is American).
  for (int pass = 0; pass < 2 && out.empty(); ++pass) {
    for (int k : v_[w].kids) {
      if (k == skip) continue;
      const std::string& rel = v_[k].rel;
      bool mod = pass == 0 && (rel == "amod" || v_[k].base == "compound" || rel == "nmod:poss" || rel == "flat");
      if (!mod && (v_[k].base == "nmod" || v_[k].base == "obl")) {
        std::string c = v_.Case(k);
        mod = pass == 0 ? (c == "of" || c == "from") : c == "in";
      }
      if (!mod) continue;
      if (!done_[k]) Resolve(k, true);
      for (const ActorRef& r : refs_[k])
        if (r.known() && r.country != "---") out.push_back(r);
      // "the governor of the Syrian province of Idlib": look one phrase deeper
      // (resolving those words now: they come later in the sentence).
      if (out.empty() && (v_[k].base == "nmod" || v_[k].base == "obl"))
        for (const ActorRef& r : ResolvedInside(k, 2))
          if (r.country != "---") out.push_back(r);
      if (!out.empty()) break;
    }
  }
  return out;
}

std::vector<ActorRef> SentenceActors::ResolveOwn(int w) {
  const ViewNode& n = v_[w];
  std::vector<ActorRef> out;
  // 1. A lexicon actor headed here.
  if (int m = actor_at_[w]; m >= 0) {
    if (actor_head_[m] != w) return out;  // the head of the name carries it
    ActorRef r = FromMatch(actors_[m]);
    r.word = w;
    // "Syrian President Bashar Assad": a person is complete; a country or
    // organisation may take a sector noun in apposition-like compounds.
    if (!r.person) {
      for (int k : n.kids) {
        if (v_[k].base != "compound" || k > w) continue;
        if (int g = agent_at_[k]; g >= 0 && agent_head_[g] == k) {
          r.code = AppendAgentBlocks(r.code, agents_[g].code);
          SplitActorCode(r.code, &r.country, &r.sector);
          SetSpan(&r, std::min(k, actors_[m].first), std::max(w, actors_[m].last));
        }
      }
    }
    out.push_back(std::move(r));
    return out;
  }
  // 2. Pronouns and definite descriptions.
  const std::string& f = n.lform;
  if (n.upos == "PRON" || n.upos == "DET") {
    // A possessive or object pronoun usually refers to its own clause's
    // subject: "Xi expressed his commitment", "Kim reiterated its readiness".
    if (PersonPronoun(f) || ThingPronoun(f) || PluralPronoun(f)) {
      int clause = n.head;
      while (clause >= 0 && !v_.IsVerb(clause) && v_[clause].head >= 0) clause = v_[clause].head;
      int subj = clause >= 0 ? v_.Kid(clause, "nsubj") : -1;
      // The subject of a reported clause is usually the speaker: "Israel
      // pledged it would return ...", "Police said they will charge ...".
      if (subj == w && clause >= 0 && In(v_[clause].base, {"ccomp", "xcomp"}) && v_[clause].head >= 0)
        subj = v_.Kid(v_[clause].head, "nsubj");
      if (subj >= 0 && subj < w && subj != w && v_[subj].upos != "PRON") {
        if (!done_[subj]) Resolve(subj, true);
        std::vector<ActorRef> cand;
        for (const ActorRef& r : refs_[subj]) {
          if (!r.known()) continue;
          bool ok = PersonPronoun(f) ? r.person : ThingPronoun(f) ? !r.person : true;
          if (ok) cand.push_back(r);
        }
        bool plural_subject = cand.size() >= 2 || (v_[subj].upos == "NOUN" && v_[subj].lform != v_[subj].lemma) ||
                              In(v_[subj].lemma, {"police", "military", "army", "government", "authorities"});
        if (!cand.empty() && (!PluralPronoun(f) || plural_subject)) {
          for (ActorRef r : cand) {
            r.via_coref = true;
            r.word = w;
            r.reflexive = Reflexive(f);
            SetSpan(&r, w, w);
            out.push_back(r);
          }
          return out;
        }
      }
    }
    // "describing it as a mistake": a predicative "it" is a thing, not a country.
    if (f == "it" && n.base == "obj" && n.head >= 0)
      for (int k : v_[n.head].kids)
        if ((v_[k].base == "obl" || v_[k].base == "xcomp") && v_.Case(k) == "as") return out;
    // "The Chilean president, in a letter to the Peruvian leader, stated his ...":
    // within the sentence, the person nearest the top of the tree (the
    // subject) is a likelier antecedent than the latest one mentioned.
    if (PersonPronoun(f)) {
      int best = -1, best_depth = 1 << 20;
      for (int j = 0; j < w; ++j) {
        if (refs_[j].empty() || !refs_[j][0].person || !refs_[j][0].known() || refs_[j][0].via_coref) continue;
        if (refs_[j][0].word != j) continue;
        int d = 0;
        for (int h = v_[j].head; h >= 0 && d <= v_.size(); h = v_[h].head) ++d;
        if (d < best_depth) {
          best_depth = d;
          best = j;
        }
      }
      if (best >= 0) {
        ActorRef r = refs_[best][0];
        r.via_coref = true;
        r.word = w;
        r.reflexive = Reflexive(f);
        SetSpan(&r, w, w);
        out.push_back(r);
        return out;
      }
    }
    int e = -1;
    if (PersonPronoun(f)) e = mem_->LastPerson(sent_, w);
    else if (ThingPronoun(f)) e = mem_->LastCountry(sent_, w);
    else if (PluralPronoun(f)) {
      e = mem_->LastGroup(sent_, w);
      if (e < 0) e = mem_->LastCountry(sent_, w);
    } else if (In(f, {"who", "which", "that"}) && n.head >= 0 && v_[n.head].rel == "acl:relcl" &&
               v_[n.head].head >= 0) {
      int ante = v_[n.head].head;
      if (!done_[ante]) Resolve(ante, false);
      return refs_[ante];
    }
    // A pronoun for an actor the dictionaries do not know stays unresolved:
    // "he" with an empty code tells a reader nothing.
    if (e >= 0 && mem_->entity(e).members.empty() && !mem_->entity(e).ref.known()) e = -1;
    if (e >= 0) {
      const auto& ent = mem_->entity(e);
      if (!ent.members.empty()) {
        for (int mbr : ent.members) {
          if (!mem_->entity(mbr).ref.known()) continue;
          ActorRef r = Coref(mbr, w);
          r.reflexive = Reflexive(f);
          out.push_back(r);
        }
      } else {
        ActorRef r = Coref(e, w);
        r.reflexive = Reflexive(f);
        out.push_back(r);
      }
    }
    return out;
  }
  bool definite = false, two = false;
  for (int k : n.kids) {
    if (v_[k].base == "det" && In(v_[k].lemma, {"the", "this", "that"})) definite = true;
    if ((v_[k].base == "nummod" && In(v_[k].lemma, {"two", "2"})) || (v_[k].base == "det" && v_[k].lemma == "both"))
      two = true;
  }
  if (n.upos == "NOUN" && (definite || two)) {
    bool plural_noun = In(n.lemma, {"country", "nation", "side", "neighbor", "neighbour", "leader", "government",
                                    "state", "capital", "party"}) &&
                       (two || n.lform != n.lemma);
    if (two && plural_noun) {
      int e = mem_->LastGroup(sent_, w);
      if (e >= 0) {
        for (int mbr : mem_->entity(e).members)
          if (mem_->entity(mbr).ref.known()) out.push_back(Coref(mbr, w));
        if (!out.empty()) return out;
      }
    }
    if (!two && In(n.lemma, {"country", "nation"}) && n.lform == n.lemma && CountriesOf(w).empty()) {
      if (int e = mem_->LastCountry(sent_, w); e >= 0) {
        out.push_back(Coref(e, w));
        return out;
      }
    }
    if (!two && In(n.lemma, {"leader", "president", "premier", "chairman"}) && CountriesOf(w).empty() &&
        !v_.HasKid(w, "nmod:poss")) {
      if (int e = mem_->LastPerson(sent_, w); e >= 0) {
        out.push_back(Coref(e, w));
        return out;
      }
    }
  }
  // 3. A sector noun: country from its modifiers ("North Korean troops",
  // "the leaders of Chile and Peru", "Spain's UN ambassador").
  if (int g = agent_at_[w]; g >= 0 && agent_head_[g] == w) {
    // A person named right after the title: "President Bashar Assad" is
    // handled from the name's side; here only the sector phrase.
    std::vector<ActorRef> cs = CountriesOf(w);
    int first = agents_[g].first, last = std::max(w, agents_[g].last);
    // Agent chains: "foreign ministry spokesman" keeps the innermost sector.
    std::string agent = agents_[g].code;
    if (cs.empty()) {
      for (int k : n.kids) {
        if (v_[k].base != "compound" && v_[k].rel != "amod") continue;
        if (int g2 = agent_at_[k]; g2 >= 0 && agent_head_[g2] == k) {
          auto more = CountriesOf(k);
          if (!more.empty()) {
            cs = more;
            agent = AppendAgentBlocks(agents_[g2].code, agent);
          }
        }
      }
    }
    // "hosted envoys from the Chilean government" with the from-phrase hung
    // on the verb: right after an object naming people of no country, it
    // says where they are from, unless the verb takes a from-phrase of its
    // own ("withdrew troops from Syria": set from_verb).
    if (cs.empty() && n.base == "obj" && n.head >= 0 && words_ && !words_->InSet("from_verb", v_[n.head].lemma)) {
      int a = w, b = w;
      v_.SubtreeSpan(w, &a, &b);
      for (int k : v_[n.head].kids) {
        if (v_[k].base != "obl" || v_.Case(k) != "from") continue;
        int ka = k, kb = k;
        v_.SubtreeSpan(k, &ka, &kb);
        if (ka != b + 1) continue;
        if (!done_[k]) Resolve(k, true);
        for (const ActorRef& r : refs_[k])
          if (r.known() && r.country != "---") cs.push_back(r);
        if (cs.empty())
          for (const ActorRef& r : ResolvedInside(k, 2))
            if (r.country != "---") cs.push_back(r);
      }
      // The phrase stays the head's own words: "envoys", not the from-phrase.
      for (ActorRef& c : cs) c.word = -1;
    }
    bool bare = true;  // no modifier that could name the country
    for (int k : n.kids)
      if (v_[k].base != "det" && v_[k].base != "case" && v_[k].base != "punct" && v_[k].base != "amod")
        bare = false;
    if (cs.empty() && definite && bare &&
        In(n.lemma, {"government", "administration", "regime", "authorities", "authority", "army", "military",
                     "cabinet", "leadership", "parliament", "president", "presidency", "navy", "junta"})) {
      // "the government", "the army": the country under discussion.
      if (int e = mem_->LastCountry(sent_, w); e >= 0 && !In(n.lemma, {"police", "court"})) {
        ActorRef r = Coref(e, w);
        r.code = AppendAgentBlocks(r.country.empty() ? "---" : r.country, agent);
        SplitActorCode(r.code, &r.country, &r.sector);
        SetSpan(&r, first, last);
        out.push_back(r);
        return out;
      }
    }
    if (cs.empty()) {
      ActorRef r;
      r.code = AppendAgentBlocks("---", agent);
      SplitActorCode(r.code, &r.country, &r.sector);
      r.kind = ActorKind::kAgent;
      r.word = w;
      SetSpan(&r, first, last);
      out.push_back(r);
      return out;
    }
    for (const ActorRef& c : cs) {
      ActorRef r;
      std::string base = c.person ? c.country : c.code;
      r.code = AppendAgentBlocks(base, agent);
      SplitActorCode(r.code, &r.country, &r.sector);
      r.kind = c.kind;
      r.word = w;
      int a = std::min<int>(first, c.word >= 0 ? c.word : first);
      int b = std::max<int>(last, c.word >= 0 ? c.word : last);
      // Keep the text to the phrase itself: modifier span to head.
      SetSpan(&r, a, b);
      ExtendLeft(&r, c);
      out.push_back(r);
    }
    return out;
  }
  // 4. An unknown proper name: a surname seen before ("Xi", "Kim"), else a
  // country/sector from its modifiers, else visible with an empty code.
  // Only a name standing as a phrase of its own: not a modifier ("Islamic
  // group", "Beijing Olympics" built on other words).
  if (n.upos == "PROPN" && !CalendarWord(n.lform) && Capitalised(v_.word(w).form) && n.base != "flat" &&
      n.base != "compound" && n.rel != "amod" && n.base != "fixed") {
    int first = w;
    int last = NameSpanEnd(w, &first);
    // "Mr Howard", "Sgt. Escoyne": an honorific is a title, not part of the name.
    bool honorific = false;
    while (first < last && In(v_[first].lform, {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sgt.",
                                                 "gen.", "col.", "lt.", "capt.", "sen.", "rep.", "gov."})) {
      ++first;
      honorific = true;
    }
    if (first == last) {
      if (int e = mem_->PersonByToken(v_[last].lform, sent_, w); e >= 0) {
        out.push_back(Coref(e, w));
        return out;
      }
      // "President Bush" (2008), "Mr. Putin": the one person of that name in
      // office; only with a title, as a bare surname is too often someone else.
      bool titled = honorific;
      for (int k : n.kids)
        if (k < w && (agent_at_[k] >= 0 || In(v_[k].lform, {"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr"})))
          titled = true;
      int name_word = last;
      if (int id = (surnames_ && titled) ? surnames_->Find(v_.word(name_word).form, date_) : -1; id >= 0) {
        if (const DictCode* c = lex_.actors().entry(id).CodeFor(date_)) {
          ActorRef r;
          r.code = c->code;
          SplitActorCode(r.code, &r.country, &r.sector);
          r.kind = ActorKind::kPerson;
          r.person = true;
          r.word = w;
          int a = std::min(w, last);
          for (int k : n.kids)
            if (agent_at_[k] >= 0 && k < a) a = std::min(a, agents_[agent_at_[k]].first);
          SetSpan(&r, a, std::max(w, last));
          out.push_back(r);
          return out;
        }
      }
    }
    // "U.S. President George Bush": a titled full name the dictionary lists
    // only in a longer form; the surname decides if one such person is in office.
    if (last > first && surnames_) {
      bool titled = false;
      for (int k : n.kids)
        if (k < first && agent_at_[k] >= 0) titled = true;
      if (titled) {
        int id = surnames_->Find(v_.word(last).form, date_);
        if (id >= 0) {
          const DictEntry& e = lex_.actors().entry(id);
          bool first_ok = false;
          std::string given = PhraseKey(v_.word(first).form);
          for (const auto& nm : e.names) first_ok = first_ok || PhraseKey(nm.substr(0, nm.find(' '))) == given;
          const DictCode* c = e.CodeFor(date_);
          if (first_ok && c) {
            ActorRef r;
            r.code = c->code;
            SplitActorCode(r.code, &r.country, &r.sector);
            r.kind = ActorKind::kPerson;
            r.person = true;
            r.word = w;
            SetSpan(&r, first, last);
            out.push_back(r);
            return out;
          }
        }
      }
    }
    ActorRef r;
    r.word = w;
    std::vector<ActorRef> cs = CountriesOf(w);
    std::optional<ActorRef> country_ref;
    std::string agent;
    for (int k : n.kids) {
      if (v_[k].base != "compound" && v_[k].rel != "amod" && v_[k].base != "appos") continue;
      if (int g = agent_at_[k]; g >= 0 && agent_head_[g] == k) {
        agent = agents_[g].code;
        first = std::min(first, agents_[g].first);
        if (cs.empty()) cs = CountriesOf(k);
      }
    }
    if (!cs.empty() && !agent.empty()) {
      // "Syrian President Bashar Assad": a titled person of that country.
      const ActorRef& c = cs[0];
      r.code = AppendAgentBlocks(c.person ? c.country : c.code, agent);
      SplitActorCode(r.code, &r.country, &r.sector);
      first = std::min<int>(first, c.word >= 0 ? c.word : first);
      r.person = true;
      country_ref = c;
    } else if (!cs.empty()) {
      // "the Beijing Olympics": a name built on an actor is no actor itself;
      // Inside() finds the actor when the phrase is an argument.
      return out;
    } else {
      r.sector = agent;
      r.person = !agent.empty();  // "General Smith": a titled person of unknown country
    }
    SetSpan(&r, first, last);
    if (country_ref) ExtendLeft(&r, *country_ref);
    out.push_back(r);
    return out;
  }
  return out;
}

std::vector<ActorRef> SentenceActors::Resolve(int w, bool expand_conj) {
  if (done_[w]) {
    if (!expand_conj) {
      std::vector<ActorRef> own;
      for (const auto& r : refs_[w])
        if (r.word == w) own.push_back(r);
      return own;
    }
    return refs_[w];
  }
  done_[w] = 1;  // guards cycles through coreference and conjunction
  std::vector<ActorRef> own = ResolveOwn(w);
  // Apposition: "Kim's sister, Kim Yo Jong"; "the French envoy to Mali,
  // Ambassador Jean Dupont". A named appositive beats a vaguer head.
  for (int k : v_[w].kids) {
    if (v_[k].base != "appos") continue;
    std::vector<ActorRef> ap = Resolve(k, false);
    if (ap.empty() || !ap[0].known()) continue;
    bool own_vague = !own.empty() && (!own[0].known() || own[0].country == "---");
    bool ap_better = ap[0].person && (own.empty() || !own[0].person);
    if (own_vague || (own.empty() && ap_better) || (ap_better && own[0].country == ap[0].country)) own = ap;
  }
  // "Kim's sister" with no name of her own: the family's country.
  if (own.empty() && v_[w].upos == "NOUN" &&
      In(v_[w].lemma, {"sister", "brother", "wife", "husband", "son", "daughter", "father", "mother", "aide",
                       "envoy", "spokesman", "spokeswoman", "adviser", "advisor", "deputy"})) {
    if (int p = v_.Kid(w, "nmod:poss"); p >= 0) {
      std::vector<ActorRef> ps = Resolve(p, false);
      if (!ps.empty() && ps[0].known()) {
        ActorRef r = ps[0];
        r.person = true;
        r.via_coref = false;
        r.word = w;
        SetSpan(&r, std::min(p, w), w);
        own.push_back(r);
      }
    }
  }
  for (auto& r : own) {
    if (r.word < 0) r.word = w;
    if (!r.via_coref && (r.known() || r.person)) r.entity = mem_->Mention(r, sent_, w);
  }
  std::vector<ActorRef> all = own;
  if (expand_conj) {
    for (int k : v_[w].kids) {
      if (v_[k].base != "conj") continue;
      for (auto& r : Resolve(k, true)) all.push_back(r);
    }
    if (all.size() >= 2) mem_->MentionGroup(all, sent_, w);
  }
  refs_[w] = all;
  return expand_conj ? all : own;
}

std::vector<ActorRef> SentenceActors::ResolvedInside(int w, int depth) {
  std::vector<int> stack{w};
  for (int d = 0; d <= depth && !stack.empty(); ++d) {
    std::vector<int> next;
    for (int x : stack)
      for (int k : v_[x].kids) {
        if (!done_[k]) Resolve(k, true);
        next.push_back(k);
      }
    stack = std::move(next);
  }
  return Inside(w, depth);
}

std::vector<ActorRef> SentenceActors::Inside(int w, int depth, bool allow_in) const {
  std::vector<ActorRef> out = InsidePass(w, depth, false);
  if (out.empty() && allow_in) out = InsidePass(w, depth, true);  // "the unrest in Iran"
  return out;
}

std::vector<ActorRef> SentenceActors::InsidePass(int w, int depth, bool in, int steps) const {
  std::vector<ActorRef> out;
  if (depth <= 0 || steps <= 0) return out;
  for (int k : v_[w].kids) {
    const ViewNode& kn = v_[k];
    bool mod = !in && (kn.rel == "nmod:poss" || kn.base == "compound" || kn.rel == "amod" || kn.base == "flat");
    if (!mod && kn.base == "nmod") {
      std::string c = v_.Case(k);
      mod = in ? c == "in" : (c == "of" || c.empty());
    }
    if (!mod) continue;
    for (const auto& r : refs_[k])
      if (r.known() && !(kn.rel == "amod" && r.country == "---")) out.push_back(r);  // not "military action"
    if (!out.empty()) return out;
    // A chain of noun compounds is one name ("the Malaysia Airlines Boeing
    // 777 flight MH17"): its links cost no depth. Inside an in-phrase, its
    // own modifiers count ("in Kenya's capital").
    int d = kn.base == "compound" ? depth : depth - 1;
    out = InsidePass(k, d, false, steps - 1);
    if (out.empty() && in) out = InsidePass(k, depth - 1, true, steps - 1);
    if (!out.empty()) return out;
  }
  return out;
}

std::string SentenceActors::Trace() const {
  std::string out;
  for (int w = 0; w < v_.size(); ++w) {
    if (refs_[w].empty()) continue;
    out += "  " + std::to_string(w + 1) + " " + v_.word(w).form + " ->";
    for (const auto& r : refs_[w]) {
      out += " [" + (r.code.empty() ? std::string("?") : r.code) + " \"" + r.text + "\"";
      if (r.via_coref) out += " coref";
      if (r.person) out += " person";
      out += "]";
    }
    out += "\n";
  }
  if (out.empty()) out = "  (none)\n";
  return out;
}

}  // namespace dyad
