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

// An upper-case Latin letter first (A-Z, or a capital of Latin-1 and
// Latin Extended-A such as "É", "Ł"): names in other scripts, or fragments
// of a line in another language, are no names the English rules can trust.
bool LatinCapital(std::string_view form) {
  if (form.empty()) return false;
  unsigned char c0 = static_cast<unsigned char>(form[0]);
  if (c0 >= 'A' && c0 <= 'Z') return true;
  if (form.size() < 2 || c0 < 0xC3 || c0 > 0xC5) return false;
  unsigned cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(form[1]) & 0x3Fu);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;  // not the multiplication sign
  return cp >= 0x100 && cp <= 0x17F && cp % 2 == 0;  // Latin Extended-A pairs: upper case first (roughly)
}

// Head words of organisation names that go on with "of" and a name
// ("Office of Military Commissions", "University of Westbrook"); after a
// person's name "of" says where they come from instead ("Smith of Acme").
bool OfNameHead(std::string_view lemma) {
  static constexpr std::string_view kHeads[] = {
      "office", "university", "department", "bank", "ministry", "institute", "church", "council",
      "commission", "court", "board", "museum", "college", "school", "republic", "kingdom", "house",
      "chamber", "society", "association", "federation", "union", "league", "bureau", "agency",
      "academy", "centre", "center", "foundation", "committee", "organization", "organisation",
      "corporation", "company", "authority", "division", "order", "army", "party", "assembly",
      "congress", "parliament", "senate", "tribunal", "hospital", "library", "port", "city",
      "county", "state", "province", "district", "coalition", "alliance", "front", "movement",
      "brotherhood", "friends", "sisters", "daughters", "sons", "knights", "fund", "service"};
  for (auto h : kHeads)
    if (lemma == h) return true;
  return false;
}

// Titles written before a name the dictionaries do not know ("State
// Secretary Ana Ruiz", "Colonel Jon Vale"): not part of the name itself.
bool TitleWord(std::string_view lemma) {
  static constexpr std::string_view kTitles[] = {
      "president", "vice", "secretary", "minister", "general", "colonel", "major", "captain", "lieutenant",
      "sergeant", "admiral", "commander", "prince", "princess", "king", "queen", "sheikh", "senator",
      "governor", "mayor", "judge", "justice", "chief", "officer", "solicitor", "attorney", "ambassador",
      "chairman", "chairwoman", "director", "professor", "bishop", "archbishop", "cardinal", "reverend",
      "sir", "lord", "lady", "dame", "state", "deputy", "prime", "foreign", "interior", "former",
      "opposition", "leader", "spokesman", "spokeswoman", "ceo", "executive", "representative",
      "congressman", "congresswoman", "detective", "inspector", "constable", "superintendent", "private",
      "corporal", "marshal", "brigadier", "emir", "crown", "chancellor", "premier", "dissident",
      "speaker", "auditor", "commissioner", "treasurer", "affairs", "finance", "defence", "defense",
      "health", "education", "customs", "shadow"};
  for (auto t : kTitles)
    if (lemma == t) return true;
  return false;
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

// Country blocks that name no country a story can be about.
static bool RealCountry(std::string_view c) {
  return c.size() == 3 && c != "---" && c != "IGO" && c != "NGO" && c != "MNC" && c != "UIS" && c != "IMG";
}

std::string DocMemory::DominantCountry(int sentence) {
  if (sentence < tallied_before_) {
    tally_.clear();
    tallied_ = 0;
  }
  tallied_before_ = sentence;
  for (; tallied_ < country_mentions_.size() && country_mentions_[tallied_].second < sentence; ++tallied_) {
    const std::string& c = country_mentions_[tallied_].first;
    auto it = std::find_if(tally_.begin(), tally_.end(), [&](const auto& t) { return t.first == c; });
    if (it == tally_.end()) tally_.push_back({c, 1});
    else ++it->second;
  }
  const auto& counts = tally_;
  int best = 0, second = 0;
  std::string_view top;
  for (const auto& [c, n] : counts) {
    if (n > best) {
      second = best;
      best = n;
      top = c;
    } else {
      second = std::max(second, n);
    }
  }
  if (best < 2 || best <= 2 * second) return "";
  return std::string(top);
}

bool DocMemory::TextHasWord(std::string_view text, std::string_view word) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!text_indexed_) {
    text_indexed_ = true;
    for (size_t i = 0; i < text.size();) {
      if (!letter(text[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text.size() && letter(text[j])) ++j;
      text_words_.insert(text.substr(i, j - i));
      i = j;
    }
  }
  return text_words_.count(word) > 0;
}

void DocMemory::NoteDyad(const ActorRef& a, const ActorRef& b) {
  if (!a.known() || !b.known() || a.Key() == b.Key()) return;
  // A country and its own government are one side.
  if (a.country == b.country && (a.sector.empty() || b.sector.empty())) return;
  ++dyad_clock_;
  bool by_country = RealCountry(a.country) && RealCountry(b.country) && a.country != b.country;
  std::string ka = by_country ? a.country : a.Key(), kb = by_country ? b.country : b.Key();
  for (DyadCount& d : dyads_) {
    if (d.ka == ka && d.kb == kb) {
      d.a = a, d.b = b;
    } else if (d.ka == kb && d.kb == ka) {
      d.a = b, d.b = a;
    } else {
      continue;
    }
    ++d.count;
    d.last = dyad_clock_;
    return;
  }
  dyads_.push_back({ka, kb, a, b, 1, dyad_clock_});
}

std::vector<ActorRef> DocMemory::MainSides(bool all, const ActorRef* exclude) const {
  const DyadCount* best = nullptr;
  auto excluded = [&](const DyadCount& d) {
    return exclude && (d.a.Key() == exclude->Key() || d.b.Key() == exclude->Key());
  };
  for (const DyadCount& d : dyads_)
    if (excluded(d)) continue;
    else if (!best || d.count > best->count || (d.count == best->count && d.last > best->last)) best = &d;
  std::vector<ActorRef> out;
  if (!best) return out;
  std::vector<std::string> keys{best->ka, best->kb};
  out = {best->a, best->b};
  if (!all) return out;
  auto add = [&](const std::string& k, const ActorRef& r) {
    if (out.size() >= 4 || std::find(keys.begin(), keys.end(), k) != keys.end()) return;
    keys.push_back(k);
    out.push_back(r);
  };
  for (const DyadCount& d : dyads_) {
    if (&d == best || d.count * 2 < best->count || excluded(d)) continue;
    bool a_in = std::find(keys.begin(), keys.end(), d.ka) != keys.end();
    bool b_in = std::find(keys.begin(), keys.end(), d.kb) != keys.end();
    if (a_in && !b_in) add(d.kb, d.b);
    if (b_in && !a_in) add(d.ka, d.a);
  }
  return out;
}

int DocMemory::Mention(const ActorRef& r, int sentence, int word) {
  // Explicit mentions (not references back) say what the story is about.
  if (r.entity < 0 && !r.via_coref && !r.from_context && r.known() && RealCountry(r.country) &&
      r.kind != ActorKind::kRegion && r.kind != ActorKind::kIgo && r.kind != ActorKind::kNgo)
    country_mentions_.push_back({r.country, sentence});
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
      surnames_(surnames), date_(ArticleDate(date)), date_text_(date) {
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
  // "Opposition leader Ana Morales", "rebel commander Abu Omar": a role
  // noun right before an unknown name is that person's title, however the
  // parser attached the two (compound, apposition, or two sibling
  // subjects): one actor, the name with the role's sector.
  name_part_.assign(n, -1);
  auto unknown_name = [&](int i) {
    return v_[i].upos == "PROPN" && Capitalised(v_.word(i).form) && actor_at_[i] < 0 && agent_at_[i] < 0 &&
           !CalendarWord(v_[i].lform);
  };
  for (int i = n - 2; i >= 0; --i)
    if (unknown_name(i) && unknown_name(i + 1) && v_[i].head == v_[i + 1].head && v_[i].head >= 0 &&
        v_[i].base == v_[i + 1].base && In(v_[i].base, {"nsubj", "obj", "iobj", "obl", "nmod"}))
      name_part_[i] = name_part_[i + 1] >= 0 ? name_part_[i + 1] : i + 1;
  FindNameRuns();
  title_of_.assign(n, -1);
  title_for_.assign(n, -1);
  for (size_t g = 0; g < agents_.size(); ++g) {
    int a = agent_head_[g], p = agents_[g].last + 1;
    // The role in lower case ("leader", "commander"): a capitalised one is
    // more often part of a name ("the Teacher Training Institute").
    if (p >= n || a != agents_[g].last || v_[a].upos != "NOUN" || Capitalised(v_.word(a).form)) continue;
    if (v_[p].upos != "PROPN" || !Capitalised(v_.word(p).form) || actor_at_[p] >= 0 || agent_at_[p] >= 0 ||
        CalendarWord(v_[p].lform))
      continue;
    // The name: the run of capitalised unknown proper nouns after the title
    // ("Ana Morales", "Barnaby Joyce"). Its head is the one word attached
    // outside the run and the title; words hung on the title belong to it.
    int q = p;
    while (q + 1 < n && v_[q + 1].upos == "PROPN" && Capitalised(v_.word(q + 1).form) && actor_at_[q + 1] < 0 &&
           agent_at_[q + 1] < 0 && q - p < 4)
      ++q;
    int h = -1, outside = 0;
    for (int i = p; i <= q; ++i) {
      int up = v_[i].head;
      if ((up >= p && up <= q) || up == a) continue;
      ++outside;
      h = i;
    }
    if (outside != 1) {
      // "leader Ana Morales" with the whole name hung on the title.
      bool all_on_title = true;
      for (int i = p; i <= q; ++i) all_on_title = all_on_title && ((v_[i].head >= p && v_[i].head <= q) || v_[i].head == a);
      if (outside != 0 || !all_on_title) continue;
      h = -1;
      for (int i = p; i <= q && h < 0; ++i)
        if (v_[i].head == a) h = i;
      if (h < 0) continue;
    }
    bool linked = v_[h].head == a || (v_[a].head == v_[h].head && v_[a].base == v_[h].base);
    if (!linked || v_[a].head == h) continue;  // a plain compound title is handled from the name
    title_of_[h] = a;
    title_for_[a] = h;
  }
  refs_.assign(n, {});
  done_.assign(n, 0);
  // Resolve in word order, so that a pronoun sees exactly the mentions before it.
  for (int w = 0; w < n; ++w) {
    if (done_[w]) continue;
    Resolve(w, true);
  }
  // A dateline ("CARACAS, Oct 9 (Reuters) -", split off as a sentence of
  // its own): an upper-case place first, a dash last.
  if (n >= 2 && n <= 12 && In(v_.word(n - 1).form, {"-", "--", "\xe2\x80\x94", "\xe2\x80\x93"})) {
    const std::string& f = v_.word(0).form;
    bool caps = f.size() >= 3;
    for (char c : f) caps = caps && !(c >= 'a' && c <= 'z');
    for (int w = 0; caps && w < std::min(n, 3); ++w)
      if (!refs_[w].empty()) {
        if (refs_[w][0].known() && RealCountry(refs_[w][0].country)) mem_->CountCountry(refs_[w][0].country, sent_);
        break;
      }
  }
}

// Unknown names written as several capitalised words are one actor,
// whatever the parser made of them: "Red Hat" (an adjective and a proper
// noun), "Alliance & Leicester" (two conjuncts), "Gibson, Dunn & Crutcher",
// "Office of Military Commissions" (an of-phrase), "the Sunshine Coast
// Regional Council" (a chain of compounds). A run is a stretch of
// capitalised Latin words no dictionary matched, joined by "&", by
// ", X &" or by "of" after an organisation word, holding a proper noun,
// whose words hang on one another but for one: the word that carries the
// name. A stretch with two such words is two phrases ("Zorblatt Sues
// Quimby" in a headline), so it is cut back at its last joiner, or left to
// the word-by-word rules; unless its words are joined by "&" or all proper
// nouns: then the last one hung outside carries it.
void SentenceActors::FindNameRuns() {
  const int n = v_.size();
  run_first_.assign(n, -1);
  run_last_.assign(n, -1);
  run_head_.assign(n, -1);
  auto name_word = [&](int i) {
    // Cheapest tests first: most words are in lower case.
    if (i < 0 || i >= n || !LatinCapital(v_.word(i).form) || actor_at_[i] >= 0 || agent_at_[i] >= 0) return false;
    return In(v_[i].upos, {"PROPN", "NOUN", "ADJ"}) && !CalendarWord(v_[i].lform);
  };
  int a = 0;
  while (a < n) {
    if (!name_word(a)) {
      ++a;
      continue;
    }
    // The longest stretch, noting the last word before each joiner.
    std::vector<int> cuts;
    int b = a;
    while (true) {
      int j = b + 1;
      if (name_word(j)) {
        b = j;
      } else if (j + 1 < n && v_.word(j).form == "&" && name_word(j + 1)) {
        cuts.push_back(b);
        b = j + 1;
      } else if (j + 3 < n && v_.word(j).form == "," && name_word(j + 1) && v_.word(j + 2).form == "&" &&
                 name_word(j + 3)) {
        cuts.push_back(b);
        b = j + 1;
      } else if (j + 1 < n && v_[j].lform == "of" && OfNameHead(v_[b].lemma) && name_word(j + 1)) {
        cuts.push_back(b);
        b = j + 1;
      } else if (j + 2 < n && v_[j].lform == "of" && OfNameHead(v_[b].lemma) && agent_at_[j + 1] >= 0 &&
                 actor_at_[j + 1] < 0 && LatinCapital(v_.word(j + 1).form) && name_word(j + 2)) {
        // "Office of Military Commissions": a capitalised sector word inside
        // an of-name is part of it, not an actor of its own.
        cuts.push_back(b);
        b = j + 2;
      } else {
        break;
      }
    }
    // The longest prefix that is one phrase with a proper noun in it.
    cuts.push_back(b);
    int end = -1, head = -1;
    for (auto it = cuts.rbegin(); it != cuts.rend() && end < 0; ++it) {
      int e = *it, carriers = 0, h = -1, h0 = -1;
      bool propn = false, amp = false, of_sibling = true, of_seen = false, all_propn = true;
      for (int i = a; i <= e; ++i) {
        propn = propn || (v_[i].upos == "PROPN" && LatinCapital(v_.word(i).form));
        all_propn = all_propn && v_[i].upos == "PROPN";
        amp = amp || v_.word(i).form == "&";
        of_seen = of_seen || (h0 >= 0 && v_[i].lform == "of");
        if (v_[i].head < a || v_[i].head > e) {
          // A conjunct hung outside: a coordinated phrase ends here ("Health
          // and Human Services Tommy Thompson"), not one proper name.
          if (carriers > 0 && v_[i].base == "conj" && !amp) all_propn = false;
          if (h >= 0 && v_[h].base == "conj" && !amp) all_propn = false;
          ++carriers;
          h = i;
          if (h0 < 0) h0 = i;
          else of_sibling = of_sibling && of_seen && v_[i].head == v_[h0].head;
        }
      }
      // Words joined by "&" are one name however the parser hung them
      // ("Gibson, Dunn & Crutcher" with the last conjunct on the verb);
      // the last outside word carries it, the others point to it. An
      // of-part hung on the name's own head ("resigned from the Office |
      // of Military Commissions") is part of the name, which its first
      // word carries.
      if (e > a && carriers >= 1 && propn) {
        // Proper nouns side by side are one name too ("advisor Paul Craig
        // Roberts wrote" with "Paul" hung on "advisor").
        if (carriers == 1 || amp || all_propn) end = e, head = h;
        else if (of_sibling) end = e, head = h0;
      }
    }
    if (end < 0) {
      ++a;
      continue;
    }
    // Leading titles stay out of a full name ("Colonel Jon Vale" -> "Jon
    // Vale"), but not from a two-word one ("General Dynamo" may be a firm).
    int first = a;
    while (first < end - 1 && TitleWord(v_[first].lemma) && v_[first].upos != "ADP" && first != head) ++first;
    a = first;
    for (int i = a; i <= end; ++i) {
      run_first_[i] = a;
      run_last_[i] = end;
      run_head_[i] = head;
    }
    a = end + 1;
  }
}

bool SentenceActors::CommonWordInText(int w) const {
  const std::string& lw = v_[w].lform;
  if (lw.size() < 3 || lw == v_.word(w).form) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (std::all_of(lw.begin(), lw.end(), letter)) return mem_->TextHasWord(text_, lw);
  // Rare: a form with other characters ("co-op") is looked for directly.
  for (size_t p = text_.find(lw); p != std::string::npos; p = text_.find(lw, p + 1)) {
    bool left = p == 0 || !letter(text_[p - 1]);
    bool right = p + lw.size() >= text_.size() || !letter(text_[p + lw.size()]);
    if (left && right) return true;
  }
  return false;
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
  while (a > 0 && name_part_[a - 1] == w) --a;  // "Barnaby" of a split "Barnaby Joyce"
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
  // A part of a split name: the same actor as the word that carries it
  // (whichever of the two the verb's frame looks at).
  if (name_part_[w] >= 0) return Resolve(name_part_[w], false);
  // A word inside a longer unknown name: the name's carrier speaks for it
  // ("Leicester" of "Alliance & Leicester" is no second actor, "Military"
  // of "Office of Military Commissions" no sector).
  if (run_head_[w] >= 0 && run_head_[w] != w) {
    if (v_[w].head >= run_first_[w] && v_[w].head <= run_last_[w]) return out;
    // A conjunct of an "&" name or a part of a split proper name hung
    // outside it stands for the name; a misattached of-part says nothing more.
    bool amp = false, all_propn = true;
    for (int i = run_first_[w]; i <= run_last_[w]; ++i) {
      amp = amp || v_.word(i).form == "&";
      all_propn = all_propn && v_[i].upos == "PROPN";
    }
    if (amp || all_propn) return Resolve(run_head_[w], false);
    return out;
  }
  // The title of a name (see title_for_): the same actor as the name.
  if (int h = title_for_[w]; h >= 0) {
    std::vector<ActorRef> named = Resolve(h, false);
    if (!named.empty()) return named;
  }
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
    // "all sides": the parties to the conflict in the news.
    if (v_[k].base == "det" && v_[k].lemma == "all" && n.lemma == "side") two = true;
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
      // "urged both sides to ...", "restraint on all sides" with no pair
      // named together before: the two actors the document's events have
      // set against each other most often.
      bool all = false;
      for (int k : n.kids) all = all || (v_[k].base == "det" && v_[k].lemma == "all");
      std::vector<ActorRef> sides;
      if (In(n.lemma, {"side", "party"}) && n.lform != n.lemma && In(n.base, {"obj", "obl", "nmod", "nsubj", "iobj"}))
        sides = mem_->MainSides(all);
      if (!sides.empty()) {
        int first = w;
        for (int k : n.kids)
          if (k < w && In(v_[k].base, {"det", "nummod"})) first = std::min(first, k);
        for (ActorRef r : sides) {
          r.via_coref = true;
          r.word = w;
          r.entity = -1;
          SetSpan(&r, first, w);
          out.push_back(r);
        }
        return out;
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
    for (int k : n.kids) {
      if (In(v_[k].base, {"det", "case", "punct", "amod"})) continue;
      // "the government of fraud": a phrase naming no one leaves it bare.
      if (In(v_[k].base, {"nmod", "acl"}) && !NamesSomeone(k)) continue;
      bare = false;
    }
    if (cs.empty() && definite && bare &&
        In(n.lemma, {"government", "administration", "regime", "authorities", "authority", "army", "military",
                     "cabinet", "leadership", "parliament", "president", "presidency", "navy", "junta"})) {
      // "the government", "the army": the country under discussion.
      // An international body has no government or army of its own.
      if (int e = mem_->LastCountry(sent_, w);
          e >= 0 && !In(n.lemma, {"police", "court"}) && RealCountry(mem_->entity(e).ref.country)) {
        ActorRef r = Coref(e, w);
        r.code = AppendAgentBlocks(r.country.empty() ? "---" : r.country, agent);
        SplitActorCode(r.code, &r.country, &r.sector);
        // The country's government is not the protesters it was last named with.
        if (r.code != mem_->entity(e).ref.code) r.entity = -1;
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
      // Only a sector standing as a phrase of its own ("the farmers",
      // "police", "the government of fraud"): not an adjective or compound
      // ("joint military drills"), not one with a modifier that may name
      // someone ("the Bush administration"), not a role that speaks for
      // any country ("envoy", "spokesman").
      bool unmodified = true;  // no word outside the sector phrase that may name someone
      for (int k : n.kids) {
        if ((k >= first && k <= last) || In(v_[k].base, {"det", "case", "punct", "amod", "nummod"})) continue;
        if (v_[k].rel == "acl:relcl") continue;  // "supporters who marched on ..." says what they did
        if (In(v_[k].base, {"nmod", "acl"}) && !NamesSomeone(k)) continue;
        unmodified = false;
      }
      if (n.upos == "NOUN" && n.rel != "amod" && n.base != "compound" && unmodified &&
          !(words_ && words_->InSet("role_gov", n.lemma)))
        LocalContext(&r);
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
  // "the two Koreas": a divided country named in the plural is both halves.
  if (auto both = SplitCountry(w); !both.empty()) return both;
  // "the North", "talks with South" in a story about one of a pair.
  if (auto half = CompassName(w); !half.empty()) return half;
  const bool titled_name = title_of_[w] >= 0;
  const bool run_carrier = run_head_[w] == w;
  // A common noun carries a name only as an organisation word ("the
  // Marlow Bay Regional Council"), not "Tiananmen Square" or "Improvised
  // Explosive Device".
  if ((n.upos == "PROPN" || (run_carrier && n.upos == "NOUN" && OfNameHead(n.lemma))) && !CalendarWord(n.lform) &&
      Capitalised(v_.word(w).form) &&
      ((n.base != "flat" && n.base != "compound") || titled_name) && n.rel != "amod" &&
      n.base != "fixed") {
    // Words that may title the name: its modifiers, and a title found by position.
    std::vector<int> title_words = n.kids;
    if (titled_name) title_words.push_back(title_of_[w]);
    for (int i = 0; i < w; ++i)  // the title of a split name may hang on its first part
      if (name_part_[i] == w)
        for (int k : v_[i].kids) title_words.push_back(k);
    int first = w;
    int last = NameSpanEnd(w, &first);
    if (run_carrier) {  // the run's own start: a title left out of it stays out
      first = run_first_[w];
      last = std::max(last, run_last_[w]);
      // "General John de Chastelain": leading titles off a name of two words or more.
      while (first < last - 1 && first != w && TitleWord(v_[first].lemma)) ++first;
    }
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
      for (int k : title_words)
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
          for (int k : title_words)
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
      for (int k : title_words)
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
    bool role_title = false;  // a role noun, not an adjective ("Christian Science Monitor")
    for (int k : title_words) {
      // "Interior Minister Jorge Rivas": the title may come as nmod:desc too.
      if (v_[k].base != "compound" && v_[k].rel != "amod" && v_[k].base != "appos" && v_[k].rel != "nmod:desc" &&
          k != title_of_[w])
        continue;
      if (int g = agent_at_[k]; g >= 0 && agent_head_[g] == k) {
        agent = agents_[g].code;
        first = std::min(first, agents_[g].first);
        if (cs.empty()) cs = CountriesOf(k);
        role_title = v_[k].upos == "NOUN" || (v_[k].upos == "PROPN" && v_[k].rel != "amod");
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
    } else if (!agent.empty() && role_title) {
      // "Opposition leader Ana Morales", "Interior Minister Jorge Rivas": a
      // titled person the dictionaries do not know is the role's sector, of
      // the story's country if one dominates, else of unknown country.
      r.code = AppendAgentBlocks("---", agent);
      SplitActorCode(r.code, &r.country, &r.sector);
      r.kind = ActorKind::kPerson;
      r.person = true;
      LocalContext(&r);
    } else {
      r.sector = agent;
      r.person = !agent.empty();  // "General Smith": a titled person of unknown country
      // An unknown name must look like one: a Latin capital on a proper
      // noun (not a fragment of a line in another script), and a single
      // word not written in lower case elsewhere in the text ("Tourism"
      // heading a sentence of a story about tourism).
      bool latin = false;
      for (int i = first; i <= last; ++i) latin = latin || (v_[i].upos == "PROPN" && LatinCapital(v_.word(i).form));
      if (!latin) return out;
      if (first == last && agent.empty() && CommonWordInText(w)) return out;
    }
    SetSpan(&r, first, last);
    if (country_ref) ExtendLeft(&r, *country_ref);
    out.push_back(r);
    return out;
  }
  return out;
}

// Sector blocks whose members belong to the country a story is about
// (not refugees, religious or international groups).
static bool LocalSector(std::string_view sector) {
  for (std::string_view l : {"GOV", "MIL", "COP", "OPP", "LEG", "JUD", "CVL", "LAB", "AGR", "BUS", "EDU", "HLH",
                             "MED", "ELI", "PTY", "SPY", "REB", "ENV", "CRM"})
    if (sector.substr(0, 3) == l) return true;
  return false;
}

std::vector<ActorRef> SentenceActors::SplitCountry(int w) const {
  const ViewNode& n = v_[w];
  std::vector<ActorRef> out;
  if (!In(n.upos, {"PROPN", "NOUN"}) || !Capitalised(v_.word(w).form)) return out;
  // Countries split in two, named together in the plural.
  static const std::pair<std::string_view, std::pair<const char*, const char*>> kSplit[] = {
      {"koreas", {"South Korea", "North Korea"}},
      {"sudans", {"Sudan", "South Sudan"}},
      {"congos", {"Democratic Republic of Congo", "Republic of Congo"}},
  };
  for (const auto& [plural, halves] : kSplit) {
    if (n.lform != plural) continue;
    for (const char* name : {halves.first, halves.second}) {
      std::vector<std::string> words = Lexicon::SimpleWords(name);
      for (const ActorMatch& m : lex_.FindActors(words, date_text_)) {
        if (m.first != 0 || m.last + 1 != static_cast<int>(words.size())) continue;
        ActorRef r = FromMatch(m);
        r.word = w;
        int a = w, b = w;
        for (int k : n.kids)
          if (In(v_[k].base, {"det", "nummod"}) && k < w) a = std::min(a, k);
        SetSpan(&r, a, b);
        out.push_back(r);
        break;
      }
    }
    if (out.size() < 2) out.clear();
  }
  return out;
}

std::vector<ActorRef> SentenceActors::CompassName(int w) const {
  const ViewNode& n = v_[w];
  std::vector<ActorRef> out;
  if (n.upos != "PROPN" || !In(n.lform, {"north", "south"}) || !Capitalised(v_.word(w).form)) return out;
  for (int k : n.kids)
    if (In(v_[k].base, {"flat", "compound", "amod"})) return out;  // part of a longer name
  // The latest country mentioned as "North X"/"South X" gives X.
  int best = -1;
  std::string rest;
  for (size_t i = 0; i < mem_->size(); ++i) {
    const auto& e = mem_->entity(static_cast<int>(i));
    if (!e.members.empty() || e.ref.person || !e.ref.known() || !RealCountry(e.ref.country)) continue;
    std::vector<std::string> t = Tokens(e.ref.text);
    if (t.size() != 2 || !In(t[0], {"north", "south"}) || e.ref.text.find(' ') == std::string::npos) continue;
    if (best < 0 || e.last_sentence > mem_->entity(best).last_sentence ||
        (e.last_sentence == mem_->entity(best).last_sentence && e.last_word > mem_->entity(best).last_word)) {
      best = static_cast<int>(i);
      rest = e.ref.text.substr(e.ref.text.find(' ') + 1);  // as written: the matcher minds case
    }
  }
  if (best < 0) return out;
  std::vector<std::string> words{v_.word(w).form, rest};
  for (const ActorMatch& m : lex_.FindActors(words, date_text_)) {
    if (m.first != 0 || m.last != 1 || !RealCountry(m.country)) continue;
    ActorRef r = FromMatch(m);
    r.code = r.country;  // the country itself, as "North Korea" is
    r.sector.clear();
    r.word = w;
    int a = w;
    if (int d = v_.Kid(w, "det"); d >= 0 && d < w) a = d;
    SetSpan(&r, a, w);
    out.push_back(r);
    break;
  }
  return out;
}

void SentenceActors::LocalContext(ActorRef* r) const {
  if (r->country != "---" || !LocalSector(r->sector)) return;
  std::string dom = mem_->DominantCountry(sent_);
  if (dom.empty()) return;
  r->code = AppendAgentBlocks(dom, r->sector);
  SplitActorCode(r->code, &r->country, &r->sector);
  r->from_context = true;
}

bool SentenceActors::NamesSomeone(int w) const {
  int a = w, b = w;
  v_.SubtreeSpan(w, &a, &b);
  for (int i = a; i <= b; ++i)
    if ((v_[i].upos == "PROPN" && !CalendarWord(v_[i].lform)) || actor_at_[i] >= 0 || agent_at_[i] >= 0 ||
        v_[i].upos == "PRON")
      return true;
  return false;
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
