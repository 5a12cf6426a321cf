// coder — per-sentence event extraction (see event_extractor.h).
//
// The walk, for one sentence:
//  1. every word whose lemma (or form) triggers patterns gets its best
//     pattern: all pattern words found in its frame (the trigger's
//     dependents, not crossing into subjects or other clauses), the most
//     specific pattern winning; words a pattern used are consumed;
//  2. control words (embed=...) claim the events of the clause or noun they
//     govern; what is left unclaimed is a top-level event;
//  3. each top-level event is realised: sources, targets, modality,
//     negation and time, transforms applied down the control chain;
//  4. sources x targets become RawEvents (compound actors give one event per
//     pair; reciprocal events both directions).
#include "dyad/coder/event_extractor.h"

#include <algorithm>
#include <functional>

#include "dyad/coder/temporal.h"

namespace dyad {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

int RootOf(const std::string& code) {
  if (code.size() < 2) return 0;
  return (code[0] - '0') * 10 + (code[1] - '0');
}

// Roots whose events often have no stated target: a one-sided event is
// still news ("the army held a missile drill", "protesters rallied").
bool HalfRoot(int root) { return root == 13 || root == 14 || root == 15 || root == 17 || root == 18 || root == 19 || root == 20; }
// Roots where a place ("in Beijing") can stand as the target.
// (Meetings, aid, inquiries and force happen somewhere that is often the
// party concerned; statements, appeals, promises and threats do not.)
bool LocativeRoot(int root) {
  return root == 4 || root == 7 || root == 9 || root == 14 || root == 15 || root == 17 || root == 18 ||
         root == 19 || root == 20;
}

// Frame relations: how far a pattern's words may be from the trigger.
bool FrameRel(const ViewNode& k) {
  const std::string& b = k.base;
  if (k.rel == "nsubj:pass") return true;  // the passive subject is the verb's object
  if (In(b, {"nsubj", "csubj", "conj", "cc", "punct", "parataxis", "advcl", "appos", "discourse",
             "vocative", "list", "dep", "reparandum", "orphan", "ccomp", "aux", "cop", "expl"}))
    return false;
  if (k.rel == "acl:relcl") return false;
  return true;
}

const char* kTargetPreps[] = {"against", "with", "on", "upon", "onto", "to", "toward", "towards", "at",
                              "into", "for", "over", "between", "among", "from", "of", "about", "in favor of"};

struct Ctx {
  std::vector<ActorRef> controller;   // who acts when the clause has no subject of its own
  bool have_controller = false;
  Modality modality = Modality::kAsserted;
  bool reported = false;
  bool negated = false;
  std::vector<int> anchors;           // words whose time expressions apply
  std::string rule_prefix;
  int depth = 0;
};

struct Ev {
  std::string code;
  std::vector<ActorRef> sources, targets;
  bool self_target = false;
  bool reciprocal = false;
  bool both = false;
  std::string back_code;      // code of the reverse direction of a `both` event, if it differs
  bool place_target = false;  // the target is where a meeting happened, not a party to it
  bool half_ok = false;
  Modality modality = Modality::kAsserted;
  bool negated = false;
  int trigger = -1;
  std::string rule;
  std::vector<int> anchors;
  std::vector<int> used;   // trigger words this event was built from (control chain)

  // Whether the event can be emitted: both sides, a reciprocal group, or a
  // one-sided event of a kind that may stand alone.
  bool Viable() const {
    if (!sources.empty() && !targets.empty()) return true;
    if ((reciprocal || self_target) && sources.size() >= 2) return true;
    return half_ok && (!sources.empty() || (!targets.empty() && code >= "17"));
  }
};

std::string ModalityText(Modality m) { return ModalityName(m); }

class SentenceCoder {
 public:
  SentenceCoder(const VerbDictionary& vd, const ParseView& v, const SentenceActors& act,
                const std::string& date, std::string* trace)
      : vd_(vd), v_(v), act_(act), date_(date), trace_(trace), n_(v.size()) {}

  std::vector<RawEvent> Run();
  int PossessorBefore(int i) const;
  int PassiveSubject(int t) const;
  bool ReducedPassive(int t) const;
  bool Passive(int t) const { return v_.IsPassive(t) || ReducedPassive(t); }

 private:
  void Log(const std::string& s) {
    if (trace_) *trace_ += s + "\n";
  }
  std::string W(int i) const { return std::to_string(i + 1) + ":" + v_.word(i).form; }

  bool PosOk(const VerbPattern& p, int i) const;
  std::vector<int> Frame(int t) const;
  bool Matches(const VerbPattern& p, int t, const std::vector<int>& frame, std::vector<int>* used,
               std::string* why) const;
  void MatchAll();
  std::vector<int> EmbeddedOf(int t, int pi) const;
  bool IsLight(int h) const { return vd_.InSet("light", v_[h].lemma); }

  std::vector<ActorRef> RefsOrInside(int w) const {
    const auto& r = act_.Refs(w);
    if (!r.empty()) return r;
    return act_.Inside(w);
  }
  std::vector<ActorRef> VerbSources(int h, int depth) const;
  std::vector<ActorRef> NounSources(int t, int depth) const;
  std::vector<ActorRef> Sources(int t, int depth) const {
    return v_.IsNominal(t) ? NounSources(t, depth) : VerbSources(t, depth);
  }
  std::vector<ActorRef> Slot(int t, const std::string& spec, bool passive) const;
  // Which prepositional targets to look at: all, those naming a party
  // (with, against, to ...) or those naming a topic (on, about, over ...).
  enum class PrepKind { kAll, kDirect, kTopical };
  std::vector<ActorRef> PrepTargets(int x, int skip, PrepKind kind = PrepKind::kAll) const;
  std::vector<ActorRef> PlaceOn(int x, int depth = 1) const;
  std::vector<ActorRef> PlaceOfEvent(int t) const;
  std::vector<ActorRef> Targets(int t, const VerbPattern& p, int root) const;
  // Actor `who`, reached through the noun at word o that stands for its
  // earlier event ("the attack", "the accusation"): its span is that noun's.
  ActorRef StandIn(const ActorRef& who, int o) const {
    ActorRef r = who;
    r.via_coref = true;
    r.word = o;
    r.text = v_.Text(act_.text(), o, o);
    r.start = v_.word(o).start;
    r.end = v_.word(o).end;
    return r;
  }
  std::vector<ActorRef> Addressee(int t) const;
  int IfClauseAfter(int t) const;
  std::vector<ActorRef> ConditionTargets(int t, int clause, const std::vector<ActorRef>& sources) const;

  std::vector<Ev> Realize(int t, Ctx ctx);
  std::vector<Ev> RealizeWith(int t, int pi, Ctx ctx);
  void Emit(const Ev& ev, std::vector<RawEvent>* out);

  const VerbDictionary& vd_;
  const ParseView& v_;
  const SentenceActors& act_;
  const std::string& date_;
  std::string* trace_;
  int n_;
  std::vector<int> pat_;                 // best pattern per word, -1
  std::vector<std::vector<int>> used_;   // words each trigger's pattern consumed
  std::vector<std::vector<int>> ranked_; // every matching pattern per word, best first
  std::vector<std::vector<std::vector<int>>> ranked_used_;  // the words each of those used
  std::vector<char> consumed_;
  const std::vector<int>* cur_used_ = nullptr;  // words the pattern being realised used
  mutable std::string last_prep_;                // preposition of the last PrepTargets hit
  std::vector<std::pair<ActorRef, ActorRef>> dyads_;  // dyads seen so far (for implicit participants)
};

bool SentenceCoder::PosOk(const VerbPattern& p, int i) const {
  const ViewNode& n = v_[i];
  bool verb = n.upos == "VERB" || (n.upos == "ADJ" && n.xpos.size() >= 2 && n.xpos[0] == 'V');
  bool noun = n.upos == "NOUN" || (n.upos == "PROPN" && !act_.InActorName(i));
  switch (p.pos) {
    case TriggerPos::kVerb: return verb;
    case TriggerPos::kNoun: return noun;
    case TriggerPos::kAny: return verb || noun || n.upos == "ADJ";
  }
  return false;
}

std::vector<int> SentenceCoder::Frame(int t) const {
  std::vector<int> out;
  std::vector<std::pair<int, int>> stack{{t, 0}};
  while (!stack.empty()) {
    auto [x, d] = stack.back();
    stack.pop_back();
    if (d >= 4) continue;
    for (int k : v_[x].kids) {
      if (!FrameRel(v_[k])) continue;
      // Beyond the trigger's own phrase, a new subject starts another event.
      out.push_back(k);
      stack.push_back({k, d + 1});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool SentenceCoder::Matches(const VerbPattern& p, int t, const std::vector<int>& frame,
                            std::vector<int>* used, std::string* why) const {
  used->clear();
  auto word_is = [&](int w, const std::vector<std::string>& alts) {
    for (const auto& a : alts)
      if (v_[w].lemma == a || v_[w].lform == a || v_[w].stem == a || v_[w].stem2 == a) return true;
    return false;
  };
  for (const auto& el : p.words) {
    int found = -1;
    for (int w : frame) {
      if (std::find(used->begin(), used->end(), w) != used->end()) continue;
      if (word_is(w, el)) {
        found = w;
        break;
      }
    }
    if (found < 0) {
      if (why) *why = "no '" + el[0] + (el.size() > 1 ? "|..." : "") + "' in frame";
      return false;
    }
    used->push_back(found);
  }
  for (const auto& el : p.forbidden)
    for (int w : frame)
      if (word_is(w, el)) {
        if (why) *why = "excluded by '" + v_.word(w).form + "'";
        return false;
      }
  return true;
}

void SentenceCoder::MatchAll() {
  pat_.assign(n_, -1);
  used_.assign(n_, {});
  ranked_.assign(n_, {});
  ranked_used_.assign(n_, {});
  consumed_.assign(n_, 0);
  for (int i = 0; i < n_; ++i) {
    if (act_.InActorName(i) && v_[i].upos == "PROPN") continue;
    // An adjective-like participle describes a state: "jailed activists",
    // "the growing partnership".
    if (v_[i].rel == "amod" && !v_.HasKid(i, "obj") && !v_.HasKid(i, "xcomp") && !v_.HasKid(i, "ccomp")) continue;
    const auto* a = vd_.ForTrigger(v_[i].lemma);
    const auto* b = v_[i].lform != v_[i].lemma ? vd_.ForTrigger(v_[i].lform) : nullptr;
    const auto* c = v_[i].stem.empty() ? nullptr : vd_.ForTrigger(v_[i].stem);
    const auto* d = v_[i].stem2.empty() ? nullptr : vd_.ForTrigger(v_[i].stem2);
    if (!a && !b && !c && !d) continue;
    std::vector<int> frame = Frame(i);
    struct Cand {
      int pi, spec;
      std::vector<int> used;
    };
    std::vector<Cand> cands;
    std::vector<int> used;
    for (const auto* list : {a, b, c, d}) {
      if (!list) continue;
      for (int pi : *list) {
        const VerbPattern& p = vd_.pattern(pi);
        if (!PosOk(p, i)) continue;
        bool dup = false;
        for (const auto& c : cands) dup = dup || c.pi == pi;
        if (dup) continue;
        std::string why;
        bool ok = Matches(p, i, frame, &used, trace_ ? &why : nullptr);
        if (trace_) Log("  try " + W(i) + " " + p.id + " [" + (p.code.empty() ? "-" : p.code) + "] " + (ok ? "matches" : why));
        if (ok) cands.push_back({pi, p.Specificity(), used});
      }
    }
    if (cands.empty()) continue;
    // Most specific first; at equal specificity a pattern that needs a target
    // goes first (it falls back to the others when there is none).
    std::stable_sort(cands.begin(), cands.end(), [&](const Cand& x, const Cand& y) {
      if (x.spec != y.spec) return x.spec > y.spec;
      bool dx = vd_.pattern(x.pi).require_target, dy = vd_.pattern(y.pi).require_target;
      if (dx != dy) return dx;
      // Then the finer code ("threaten nuclear ..." 1385 before "threaten
      // ... response" 130 when both match).
      size_t cx = vd_.pattern(x.pi).code.size(), cy = vd_.pattern(y.pi).code.size();
      if (cx != cy) return cx > cy;
      return x.pi < y.pi;
    });
    pat_[i] = cands[0].pi;
    used_[i] = cands[0].used;
    for (const auto& c : cands) {
      ranked_[i].push_back(c.pi);
      ranked_used_[i].push_back(c.used);
    }
  }
  // Words a more specific pattern used are not triggers of their own
  // ("hold talks": "talks" is part of the hold pattern).
  for (int i = 0; i < n_; ++i)
    if (pat_[i] >= 0)
      for (int w : used_[i])
        if (w != i) consumed_[w] = 1;
  for (int i = 0; i < n_; ++i)
    if (consumed_[i] && pat_[i] >= 0) {
      if (trace_) Log("  " + W(i) + " consumed by a longer pattern");
      pat_[i] = -1;
      ranked_[i].clear();
      ranked_used_[i].clear();
    }
}

// Triggers governed by control word t: its clause complement, the event
// noun it takes as object or with for/of/to, conjuncts of those, and one
// level through a verb with no pattern ("pledged to work to develop ties").
std::vector<int> SentenceCoder::EmbeddedOf(int t, int pi) const {
  std::vector<int> out;
  const VerbPattern& p = vd_.pattern(pi);
  bool nominal = v_.IsNominal(t);
  std::function<void(int, int)> add = [&](int k, int depth) {
    if (pat_[k] >= 0 && k != t) {
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    } else if (depth < 2 && (v_[k].upos == "VERB" || v_[k].upos == "ADJ")) {
      for (int kk : v_[k].kids)
        if (v_[kk].base == "xcomp" || v_[kk].base == "ccomp") add(kk, depth + 1);
    } else if (depth < 1 && v_.IsNominal(k)) {
      // "granted leave to Spain to assist": the clause under the noun.
      for (int kk : v_[k].kids)
        if (v_[kk].base == "acl" && v_[kk].rel != "acl:relcl") add(kk, depth + 1);
    }
    for (int c : v_[k].kids)
      if (v_[c].base == "conj" && (pat_[c] >= 0 || v_[c].upos == "VERB")) add(c, depth + 1);
  };
  for (int k : v_[t].kids) {
    const ViewNode& kn = v_[k];
    std::string c = v_.Case(k);
    bool take = false;
    if (kn.base == "xcomp") take = true;
    else if (kn.base == "ccomp") take = p.embed != Embed::kIntent || true;
    else if (kn.base == "csubj") take = false;
    else if (kn.base == "obj" && v_.IsNominal(k)) take = p.embed != Embed::kReport;
    else if ((kn.base == "obl" || kn.base == "nmod") && In(c, {"for", "of", "on", "to", "about", "against"}))
      take = p.embed != Embed::kReport;
    else if (nominal && kn.base == "acl" && kn.rel != "acl:relcl") take = true;
    else if (kn.base == "advcl" && p.embed != Embed::kReport) {
      // A "to" clause parsed as an adjunct ("asking Obama to help") is the
      // governed clause when there is no complement; "by V-ing" manner
      // clauses belong to a threat.
      std::string mark;
      for (int kk : kn.kids)
        if (v_[kk].base == "mark") mark = v_[kk].lemma;
      take = (mark == "to" && !v_.HasKid(t, "xcomp")) || (p.embed == Embed::kThreat && (c == "by" || mark == "by"));
    }
    if (take) add(k, 0);
  }
  return out;
}

// ------------------------------------------------------------------ sources

std::vector<ActorRef> SentenceCoder::VerbSources(int h, int depth) const {
  if (depth > 6) return {};
  if (Passive(h)) {
    for (int k : v_[h].kids)
      if ((v_[k].base == "obl" || v_[k].base == "nmod") && v_.Case(k) == "by") {
        auto r = RefsOrInside(k);
        if (!r.empty()) return r;
        // "downed by a rocket thought to have been launched by militants": the agent
        // is a weapon; whoever fired it acts.
        std::vector<std::pair<int, int>> stack{{k, 0}};
        while (!stack.empty()) {
          auto [x, d] = stack.back();
          stack.pop_back();
          for (int kk : v_[x].kids) {
            if (d + 1 > 4) continue;
            if ((v_[kk].base == "obl" || v_[kk].base == "nmod") && v_.Case(kk) == "by" && x != k) {
              auto r2 = RefsOrInside(kk);
              if (!r2.empty()) return r2;
            }
            if (In(v_[kk].base, {"acl", "xcomp", "obl", "nmod"})) stack.push_back({kk, d + 1});
          }
        }
      }
    // "were killed in Israeli shelling": whoever did the shelling.
    for (int k : v_[h].kids)
      if ((v_[k].base == "obl" || v_[k].base == "nmod") && In(v_.Case(k), {"in", "by", "during"}) &&
          pat_[k] >= 0 && v_.IsNominal(k)) {
        auto r = NounSources(k, depth + 1);
        if (!r.empty()) return r;
      }
    return {};
  }
  int s = v_.Kid(h, "nsubj");
  if (s < 0) s = v_.Kid(h, "csubj");
  // "Polish senators Friday approved": a date parsed as the subject is none.
  if (s >= 0 && In(v_[s].lform, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                 "today", "yesterday", "tonight", "tomorrow"}))
    s = -1;
  if (s >= 0) {
    auto r = RefsOrInside(s);
    // Lists parsed loosely: "Peru, Chile, and Brazil met" may come
    // out as two subjects, or with "Russia" as a compound after its head.
    for (int k : v_[h].kids)
      if (k != s && v_[k].rel == "nsubj")
        for (const auto& x : act_.Refs(k)) {
          // A title and its name parsed as two subjects are one actor.
          bool dup = false;
          for (const auto& y : r) dup = dup || (y.start == x.start && y.end == x.end);
          if (!dup) r.push_back(x);
        }
    for (int k : v_[s].kids)
      if (k > s && v_[k].base == "compound")
        for (const auto& x : act_.Refs(k)) r.push_back(x);
    // "The report by Rwanda" / "a statement from Iran": the speaker behind it.
    if (r.empty()) {
      for (int k : v_[s].kids)
        if ((v_[k].base == "nmod" || v_[k].base == "acl") && In(v_.Case(k), {"by", "from"})) {
          r = RefsOrInside(k);
          if (!r.empty()) break;
        }
    }
    // "A report released in the Kenyan capital alleged ...": a document of
    // no named author speaks for the country where it was issued.
    if (r.empty() && vd_.InSet("document", v_[s].lemma)) {
      auto places = PlaceOn(s, 2);
      if (places.empty()) places = PlaceOn(h);  // parsed "report released in X" as a clause
      for (ActorRef pl : places) {
        pl.code = pl.country;
        pl.sector.clear();
        r.push_back(pl);
      }
    }
    return r;
  }
  int head = v_[h].head;
  if (head < 0) return {};
  const ViewNode& n = v_[h];
  // "The tour ended as the French president got ready to visit": a clause's
  // subject misparsed as an "as"-phrase of the verb above, right before it.
  if (In(n.base, {"xcomp", "advcl", "conj"}) && head < h) {
    for (int k : v_[head].kids) {
      if (k >= h || (v_[k].base != "obl" && v_[k].base != "nmod")) continue;
      if (!In(v_.Case(k), {"as", "while", "when", "after", "before", "since", "because", "until"})) continue;
      int first = k, last = k;
      v_.SubtreeSpan(k, &first, &last);
      if (last + 1 != h) continue;
      auto r = RefsOrInside(k);
      if (!r.empty()) return r;
    }
  }
  // A verb hung off the noun before it ("Egypt on Sunday freed ...",
  // parsed with Israel as the root): that noun is its subject.
  if (In(n.base, {"parataxis", "conj", "dep", "appos"}) && head < h && v_.IsNominal(head)) {
    auto r = act_.Refs(head);
    if (!r.empty()) return r;
  }
  bool to_clause = false;
  if (n.base == "advcl")
    for (int k : n.kids)
      if (v_[k].base == "mark" && v_[k].lemma == "to") to_clause = true;
  if (n.base == "xcomp" || (to_clause && !v_.HasKid(head, "xcomp"))) {
    // "the envoy is due to attend", "was asked to": the passive subject acts.
    if (Passive(head))
      if (int k = v_.Kid(head, "nsubj:pass"); k >= 0) {
        auto r = RefsOrInside(k);
        if (!r.empty()) return r;
      }
    // Object control ("urged Iran to", "asked Obama to"): the object acts.
    int obj = v_.Kid(head, "obj");
    if (obj < 0) obj = v_.Kid(head, "iobj");
    if (obj >= 0 && obj < h) {
      auto r = RefsOrInside(obj);
      if (!r.empty()) return r;
    }
    return Sources(head, depth + 1);
  }
  if (n.base == "conj") return Sources(head, depth + 1);
  if (n.rel == "acl:relcl") {
    if (n.xpos == "VBN" && !v_.HasKid(h, "nsubj")) return {};  // reduced passive relative
    return act_.Refs(head);
  }
  if (n.base == "acl") {
    // "sailors killed off Yemen": a passive participle's noun is its patient.
    bool active_use = v_.HasKid(h, "obj") || v_.HasKid(h, "xcomp") || v_.HasKid(h, "ccomp");
    if ((n.xpos == "VBN" && !active_use) || Passive(h)) return {};
    if (pat_[head] >= 0 || v_[head].upos == "NOUN") {
      auto r = NounSources(head, depth + 1);
      if (!r.empty()) return r;
    }
    return act_.Refs(head);
  }
  if (n.base == "advcl") {
    std::string mark;
    for (int k : n.kids)
      if (v_[k].base == "mark") mark = v_[k].lemma;
    if (mark.empty() || In(mark, {"by", "after", "before", "while", "to", "in", "without", "upon", "as"})) {
      auto r = Sources(head, depth + 1);
      // "threatened ... if the drills go ahead, while offering talks": a
      // participle hung on a clause whose subject is no actor (here the
      // misparsed if-clause) belongs to the clause above it.
      if (r.empty() && mark == "while" && v_[head].head >= 0 && In(v_[head].base, {"parataxis", "advcl"}))
        r = Sources(v_[head].head, depth + 2);
      return r;
    }
  }
  return {};
}

std::vector<ActorRef> SentenceCoder::NounSources(int t, int depth) const {
  if (depth > 6) return {};
  for (int k : v_[t].kids)
    if (v_[k].base == "nmod" && v_.Case(k) == "by") {
      auto r = RefsOrInside(k);
      if (!r.empty()) return r;
    }
  if (int p = v_.Kid(t, "nmod:poss"); p >= 0) {
    auto r = act_.Refs(p);
    if (!r.empty()) return r;
  }
  int h = v_[t].head;
  if (h >= 0 && (v_[t].base == "obj" || v_[t].rel == "nsubj:pass") && v_[h].upos == "VERB" &&
      (IsLight(h) || (pat_[h] >= 0 && vd_.pattern(pat_[h]).embed != Embed::kNone))) {
    auto r = VerbSources(h, depth + 1);
    if (!r.empty()) return r;
  }
  // An event noun in an adjunct of a clause: "held talks during a visit to
  // Beirut", "said in a message to Kim" - the clause's subject acts.
  // Also a meeting as the purpose of going or sending: "would send a
  // delegation to Panmunjom for talks with X" (not other "for" phrases:
  // "arrested for the protest" is not the police's protest).
  bool meeting_purpose = v_.Case(t) == "for" && pat_[t] >= 0 && RootOf(vd_.pattern(pat_[t]).code) == 4;
  if (h >= 0 && (v_[t].base == "obl" || v_[t].base == "nmod") && v_.IsVerb(h) &&
      (meeting_purpose ||
       In(v_.Case(t), {"during", "at", "after", "before", "upon", "amid", "following", "ahead of"}))) {
    auto r = VerbSources(h, depth + 1);
    if (!r.empty()) return r;
  }
  // An event noun under a control noun: "pledge of cooperation", "threat of attack".
  if (h >= 0 && v_[t].base == "nmod" && pat_[h] >= 0) {
    auto r = NounSources(h, depth + 1);
    if (!r.empty()) return r;
  }
  // "Israeli shelling", "US air strike": the adjective or compound names the actor.
  for (int k : v_[t].kids)
    if (v_[k].rel == "amod" || v_[k].base == "compound") {
      const auto& r = act_.Refs(k);
      // "a military attack" names no one; "Israeli shelling" does.
      if (!r.empty() && !(v_[k].rel == "amod" && r[0].country == "---")) return r;
      for (int kk : v_[k].kids)
        if (v_[kk].rel == "amod" || v_[kk].base == "compound")
          if (!act_.Refs(kk).empty()) return act_.Refs(kk);
    }
  return {};
}

// ------------------------------------------------------------------ targets

std::vector<ActorRef> SentenceCoder::Slot(int t, const std::string& spec, bool passive) const {
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    std::string s = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? spec.size() + 1 : comma + 1;
    std::vector<ActorRef> r;
    if (s == "subj") {
      r = passive ? std::vector<ActorRef>() : Sources(t, 0);
      if (passive)
        if (int k = PassiveSubject(t); k >= 0) r = RefsOrInside(k);
    } else if (s == "obj") {
      int k = v_.Kid(t, "obj");
      if (k < 0 && passive) k = PassiveSubject(t);
      if (k >= 0) r = act_.Refs(k);
    } else if (s == "iobj") {
      if (int k = v_.Kid(t, "iobj"); k >= 0) r = act_.Refs(k);
    } else if (s == "ccomp") {
      // "alleged that France ...": the subject of the clause.
      if (int c = v_.Kid(t, "ccomp"); c >= 0)
        if (int k = v_.Kid(c, "nsubj"); k >= 0) r = RefsOrInside(k);
    } else if (s == "poss") {
      if (int k = v_.Kid(t, "nmod:poss"); k >= 0) r = act_.Refs(k);
      if (r.empty())
        if (int o = v_.Kid(t, "obj"); o >= 0)
          if (int k = v_.Kid(o, "nmod:poss"); k >= 0) r = act_.Refs(k);
    } else {
      std::vector<int> hosts{t};
      if (int o = v_.Kid(t, "obj"); o >= 0) hosts.push_back(o);
      if (int o = v_.Kid(t, "nsubj:pass"); o >= 0) hosts.push_back(o);
      // A noun of the pattern in an adjunct: "came under pressure from X".
      if (cur_used_)
        for (int k : v_[t].kids)
          if ((v_[k].base == "obl" || v_[k].base == "nmod") &&
              std::find(cur_used_->begin(), cur_used_->end(), k) != cur_used_->end())
            hosts.push_back(k);
      for (int x : hosts)
        for (int k : v_[x].kids)
          if ((v_[k].base == "obl" || v_[k].base == "nmod") && v_.Case(k) == s && r.empty()) r = RefsOrInside(k);
    }
    if (!r.empty()) return r;
  }
  return {};
}

std::vector<ActorRef> SentenceCoder::PrepTargets(int x, int skip, PrepKind kind) const {
  std::vector<ActorRef> best;
  int best_rank = 1000;
  last_prep_.clear();
  for (int k : v_[x].kids) {
    if (k == skip) continue;
    if (v_[k].base != "obl" && v_[k].base != "nmod") continue;
    if (v_[k].rel == "nmod:poss" || v_[k].rel == "obl:tmod" || v_[k].rel == "nmod:tmod") continue;
    std::string c = v_.Case(k);
    int rank = -1;
    for (size_t i = 0; i < std::size(kTargetPreps); ++i)
      if (c == kTargetPreps[i]) rank = static_cast<int>(i);
    if (rank < 0 || rank >= best_rank) continue;
    bool topical = In(c, {"on", "upon", "for", "over", "of", "about", "in favor of"});
    if ((kind == PrepKind::kDirect && topical) || (kind == PrepKind::kTopical && !topical)) continue;
    auto r = act_.Refs(k);
    if (r.empty()) r = act_.Inside(k, 2, true);  // "a conference about the crisis in Sudan"
    if (r.empty()) continue;
    best = r;
    best_rank = rank;
    last_prep_ = c;
  }
  return best;
}

namespace {
// A place: a country, a capital (its government code) or a region, not an
// actor phrase built on one ("the funerals of U.S. soldiers" is no place).
bool PlaceKind(const ActorRef& r) {
  return r.known() && !r.person && r.country != "---" &&
         ((r.kind == ActorKind::kCapital) ||
          ((r.kind == ActorKind::kCountry || r.kind == ActorKind::kPlace) && r.sector.size() <= 3 &&
           r.sector.find("GOV") == std::string::npos && r.sector.find("MIL") == std::string::npos));
}
bool LocativeCase(std::string_view c) {
  return In(c, {"in", "at", "near", "inside", "across", "throughout", "off", "along"});
}
}  // namespace

// Where the event of trigger t happens: a place on the trigger, on the light
// verb of an event noun, or on the verb's object.
std::vector<ActorRef> SentenceCoder::PlaceOfEvent(int t) const {
  auto r = PlaceOn(t);
  if (!r.empty()) return r;
  int h = v_[t].head;
  if (v_.IsNominal(t) && h >= 0 && IsLight(h)) return PlaceOn(h);
  if (!v_.IsNominal(t))
    if (int o = v_.Kid(t, "obj"); o >= 0) return PlaceOn(o);
  return {};
}

// The place named by a locative phrase on x ("in Oslo", "at a mall in
// Kenya's capital" when deep): a country, a capital or a place, or nothing.
std::vector<ActorRef> SentenceCoder::PlaceOn(int x, int depth) const {
  std::vector<std::pair<int, int>> queue{{x, 0}};
  for (size_t qi = 0; qi < queue.size(); ++qi) {
    auto [y, d] = queue[qi];
    for (int k : v_[y].kids) {
      const ViewNode& kn = v_[k];
      if (kn.base == "obl" || kn.base == "nmod") {
        if (kn.rel == "nmod:poss" || kn.rel == "obl:tmod" || kn.rel == "nmod:tmod") continue;
        if (LocativeCase(v_.Case(k))) {
          std::vector<ActorRef> keep;
          auto refs = act_.Refs(k);
          if (refs.empty()) refs = act_.Inside(k, 2, true);
          for (const auto& r : refs)
            if (PlaceKind(r)) keep.push_back(r);
          if (!keep.empty()) return keep;
        }
      }
      // Deeper: through the phrases of the event, not into other clauses'
      // subjects or relative clauses.
      if (d + 1 < depth && (In(kn.base, {"obl", "nmod", "obj", "acl"}) && kn.rel != "acl:relcl"))
        queue.push_back({k, d + 1});
    }
  }
  return {};
}

std::vector<ActorRef> SentenceCoder::Targets(int t, const VerbPattern& p, int root) const {
  bool nominal = v_.IsNominal(t);
  bool passive = !nominal && Passive(t);
  if (!p.target_from.empty()) return Slot(t, p.target_from, passive);
  std::vector<ActorRef> r;
  if (!v_.IsNominal(t)) {
    if (passive) {
      if (int k = PassiveSubject(t); k >= 0) r = RefsOrInside(k);
      // A passive participle modifying a noun: "prisoners held by Israel".
      if (r.empty() && v_[t].base == "acl" && v_[t].head >= 0) r = act_.Refs(v_[t].head);
      if (!r.empty()) return r;
    } else if (v_[t].base == "acl" && v_[t].xpos == "VBN" && v_[t].head >= 0 && !v_.HasKid(t, "obj") &&
               !v_.HasKid(t, "xcomp") && !v_.HasKid(t, "ccomp")) {
      r = act_.Refs(v_[t].head);  // "prisoners held by Israel": the noun is the patient
      if (!r.empty()) return r;
    }
    int obj = v_.Kid(t, "obj");
    if (obj >= 0) {
      r = act_.Refs(obj);
      if (!r.empty()) return r;
    }
    if (int io = v_.Kid(t, "iobj"); io >= 0) {
      r = act_.Refs(io);
      if (!r.empty()) return r;
    }
    if (root == 4) {
      // Meetings: a party ("with", "to") first, then where it happens ("attend
      // a conference in Norway about the crisis in Sudan" -> NOR), then the topic.
      r = PrepTargets(t, -1, PrepKind::kDirect);
      if (r.empty() && obj >= 0) r = PrepTargets(obj, -1, PrepKind::kDirect);
      if (r.empty()) {
        r = PlaceOn(t);
        if (r.empty() && obj >= 0) r = PlaceOn(obj);
        if (!r.empty()) last_prep_ = "in";
      }
      if (!r.empty()) return r;
    }
    r = PrepTargets(t, -1);
    if (!r.empty()) return r;
    if (obj >= 0) {
      r = PrepTargets(obj, -1);
      if (!r.empty()) return r;
      r = act_.Inside(obj);
      if (!r.empty()) return r;
    }
  } else {
    int h = v_[t].head;
    if (root == 4) {  // as above: "talks with X", then "talks in Geneva", then "talks on Iran"
      r = PrepTargets(t, -1, PrepKind::kDirect);
      bool light = h >= 0 && v_[t].base == "obj" && IsLight(h);
      if (r.empty() && light) {
        if (int io = v_.Kid(h, "iobj"); io >= 0) r = act_.Refs(io);
        if (r.empty()) r = PrepTargets(h, t, PrepKind::kDirect);
      }
      if (r.empty()) {
        r = PlaceOn(t);
        if (r.empty() && light) r = PlaceOn(h);
        if (!r.empty()) last_prep_ = "in";
      }
      if (!r.empty()) return r;
    }
    r = PrepTargets(t, -1);
    if (!r.empty()) return r;
    if (h >= 0 && v_[t].base == "obj" && IsLight(h)) {
      if (int io = v_.Kid(h, "iobj"); io >= 0) {
        r = act_.Refs(io);
        if (!r.empty()) return r;
      }
      r = PrepTargets(h, t);
      if (!r.empty()) return r;
    }
  }
  // "met with Syrian President Assad Tuesday to discuss ...", misparsed with
  // "with" as the subordinator of "discuss" and Assad as its subject: the
  // preposition right after the verb still names the other party.
  if (!nominal)
    for (int c : v_[t].kids) {
      if (v_[c].base != "advcl" || !v_.IsVerb(c)) continue;
      for (int m : v_[c].kids)
        if (m == t + 1 && v_[m].base == "mark" && In(v_[m].lemma, {"with", "against"}))
          if (int sj = v_.Kid(c, "nsubj"); sj >= 0 && sj > m) {
            r = act_.Refs(sj);
            if (!r.empty()) {
              last_prep_ = v_[m].lemma;
              return r;
            }
          }
    }
  // "condemned the attack": the target is whoever carried out the attack
  // reported earlier in the document.
  if (int o = nominal ? -1 : v_.Kid(t, "obj"); o >= 0 && pat_[o] >= 0 && !v_.HasKid(o, "nmod:poss")) {
    const std::string& oc = vd_.pattern(pat_[o]).code;
    if (oc.size() >= 2) {
      int orr = RootOf(oc);
      if (const ActorRef* who = act_.memory()->LastEventSource(orr >= 14 ? 14 : orr, orr >= 14 ? 20 : orr)) {
        return {StandIn(*who, o)};
      }
    }
  }
  // "rejected the accusation", "dismissed the offer": a noun standing for
  // an event reported earlier is aimed at whoever made it (the nearest
  // earlier event of the roots the noun names; dict/verbs/00_control.txt).
  if (int o = nominal ? -1 : v_.Kid(t, "obj"); o >= 0 && !v_.HasKid(o, "nmod:poss") && act_.Inside(o).empty()) {
    static const struct {
      const char* set;
      int lo, hi, lo2, hi2;
    } kRefers[] = {{"refers_11", 11, 11, 11, 11}, {"refers_03", 3, 3, 3, 3}, {"refers_02_10", 2, 2, 10, 10},
                   {"refers_13", 13, 13, 13, 13}};
    std::vector<ActorRef> srcs = Sources(t, 0);
    for (const auto& rf : kRefers) {
      if (srcs.empty() || !vd_.InSet(rf.set, v_[o].lemma)) continue;
      const ActorRef* who = act_.memory()->LastEventSourceAgainst(rf.lo, rf.hi, srcs[0]);
      if (!who) who = act_.memory()->LastEventSourceAgainst(rf.lo2, rf.hi2, srcs[0]);
      if (!who) break;
      return {StandIn(*who, o)};
    }
  }
  if (LocativeRoot(root) || p.half) {
    std::vector<int> hosts{t};
    if (v_.IsNominal(t) && v_[t].head >= 0 && IsLight(v_[t].head)) hosts.push_back(v_[t].head);
    // "attend a conference in Norway", "inspect the reactors in Iran"
    if (!v_.IsNominal(t))
      if (int o = v_.Kid(t, "obj"); o >= 0) hosts.push_back(o);
    for (int x : hosts)
      for (int k : v_[x].kids) {
        if (v_[k].base != "obl" && v_[k].base != "nmod") continue;
        if (!In(v_.Case(k), {"in", "at", "near", "inside", "across", "throughout", "off", "along"})) continue;
        const auto& refs = act_.Refs(k);
        last_prep_ = v_.Case(k);
        if (!refs.empty()) return refs;
        auto in = act_.Inside(k, 2, true);
        if (!in.empty()) return in;
        last_prep_.clear();
      }
  }
  // Violence with no target named near the verb: the place where it
  // happened, looked for through the phrases of the event ("launched attacks
  // during its offensive for a homeland in northern Mali").
  if (root >= 18 && root <= 20 && !p.require_target) {
    auto pl = PlaceOn(t, 3);
    if (!pl.empty()) {
      last_prep_ = "in";
      return pl;
    }
  }
  return {};
}

// Whom an appeal or demand is addressed to: the object ("urged Iran to"),
// "called on X to", "appealed to X", "demanded that X ...".
std::vector<ActorRef> SentenceCoder::Addressee(int t) const {
  for (const char* rel : {"obj", "iobj"})
    if (int k = v_.Kid(t, rel); k >= 0) {
      const auto& r = act_.Refs(k);
      if (!r.empty()) return r;
    }
  for (int k : v_[t].kids)
    if ((v_[k].base == "obl" || v_[k].base == "nmod") && In(v_.Case(k), {"on", "upon", "to", "of"})) {
      auto r = RefsOrInside(k);
      if (!r.empty()) return r;
    }
  if (int c = v_.Kid(t, "ccomp"); c >= 0)
    if (int s = v_.Kid(c, "nsubj"); s >= 0) return act_.Refs(s);
  return {};
}

// "threatened countermeasures if the drills go ahead", the if-clause hung
// anywhere in the parse: a clause marked if/unless that starts right after
// the phrase of trigger t (quotes and commas between) is t's condition; -1
// if none.
int SentenceCoder::IfClauseAfter(int t) const {
  if (!v_.IsVerb(t)) return -1;
  int a = t, b = t;
  v_.SubtreeSpan(t, &a, &b);
  int next = b + 1;
  while (next < n_ && v_[next].upos == "PUNCT") ++next;
  if (next >= n_ || v_[next].base != "mark" || !In(v_[next].lemma, {"if", "unless"})) return -1;
  int c = v_[next].head;
  if (c < 0 || c == t || !v_.IsVerb(c)) return -1;
  int ca = c, cb = c;
  v_.SubtreeSpan(c, &ca, &cb);
  return ca == next ? c : -1;
}

// Whom a conditional threat is aimed at: the actors the condition names
// ("if joint drills with Seoul go ahead") and, for a threat coordinated
// with an accusation ("accused X of ... and threatened ..."), its object.
std::vector<ActorRef> SentenceCoder::ConditionTargets(int t, int clause,
                                                      const std::vector<ActorRef>& sources) const {
  std::vector<ActorRef> out;
  auto add = [&](const ActorRef& r) {
    if (!r.known() || r.country == "---") return;
    for (const auto& s2 : sources)
      if (s2.Key() == r.Key() || (!s2.country.empty() && s2.country == r.country)) return;
    for (const auto& o : out)
      if (o.Key() == r.Key()) return;
    out.push_back(r);
  };
  if (v_[t].base == "conj" && v_[t].head >= 0)
    if (int o = v_.Kid(v_[t].head, "obj"); o >= 0)
      for (const auto& r : act_.Refs(o)) add(r);
  // The condition's own words, not clauses hung on it ("..., while
  // offering talks with Seoul").
  std::vector<int> stack{clause};
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    for (const auto& r : act_.Refs(x))
      if (r.word == x) add(r);
    for (int k : v_[x].kids)
      if (!In(v_[k].base, {"advcl", "parataxis", "conj", "ccomp", "xcomp"}) && v_[k].rel != "acl:relcl")
        stack.push_back(k);
  }
  return out;
}

// ------------------------------------------------------------------ realise

// Tries the word's matching patterns best first; the first that yields an
// event wins ("fire artillery" at a target is an attack, without one a
// show of force; a control word with nothing to control falls back).
std::vector<Ev> SentenceCoder::Realize(int t, Ctx ctx) {
  if (ctx.depth > 6 || pat_[t] < 0) return {};
  std::vector<Ev> first;
  for (size_t r = 0; r < ranked_[t].size(); ++r) {
    int pi = ranked_[t][r];
    cur_used_ = &ranked_used_[t][r];
    std::vector<Ev> out = RealizeWith(t, pi, ctx);
    if (out.empty()) continue;
    // An embedded event may still get its target from the control word; a
    // top-level one must be emittable, else the next pattern is tried.
    bool viable = ctx.depth > 0;
    for (const Ev& e : out) viable = viable || e.Viable();
    if (viable) return out;
    if (trace_) Log("  " + W(t) + " " + vd_.pattern(pi).id + " gives no complete event, trying the next pattern");
    if (first.empty()) first = std::move(out);
  }
  return first;
}

std::vector<Ev> SentenceCoder::RealizeWith(int t, int pi, Ctx ctx) {
  std::vector<Ev> out;
  const VerbPattern& p = vd_.pattern(pi);
  const ViewNode& n = v_[t];
  bool nominal = v_.IsNominal(t);

  // Sources: the pattern's slot, the syntax, else the controlling clause.
  std::vector<ActorRef> src;
  if (!p.source_from.empty()) src = Slot(t, p.source_from, !nominal && Passive(t));
  if (src.empty()) src = Sources(t, 0);
  // Passive with no agent: "launched at it from across the border".
  if (src.empty() && !nominal && Passive(t)) {
    for (int k : n.kids)
      if ((v_[k].base == "obl") && v_.Case(k) == "from") src = RefsOrInside(k);
  }
  // A passive clause's controller is its patient ("likely to be tortured"),
  // not its actor.
  if (src.empty() && ctx.have_controller && (nominal || !Passive(t))) src = ctx.controller;

  // Modality and polarity of this clause.
  Modality mod = ctx.modality;
  bool negated = ctx.negated || v_.IsNegated(t);
  auto auxes = v_.Auxes(t);
  bool future = false, modal = false;
  for (const auto& a : auxes) {
    if (In(a, {"will", "shall", "'ll"})) future = true;
    if (In(a, {"would", "could", "might", "may", "should", "must", "can"})) modal = true;
  }
  // "is going to attack"
  if (n.head >= 0 && v_[n.head].lemma == "go" && n.base == "xcomp" && v_[n.head].xpos == "VBG") future = true;
  // An event noun in a phrase of a clause shares its modality: "said it
  // would send a delegation for talks" (the talks are intended).
  bool reported_here = ctx.reported;
  int report_verb = -1;  // the report verb over the clause of an event noun, if any
  // Only its object or purpose: "amid protests" goes on whatever "will" says.
  if (nominal && n.head >= 0 && v_.IsVerb(n.head) &&
      (n.base == "obj" || (In(n.base, {"obl", "nmod"}) && v_.Case(t) == "for"))) {
    for (const auto& a : v_.Auxes(n.head)) {
      if (In(a, {"will", "shall", "'ll"})) future = true;
      if (In(a, {"would", "could", "might", "may", "should", "must", "can"})) modal = true;
    }
    int hh = v_[n.head].head;
    if (v_[n.head].base == "ccomp" && hh >= 0 && pat_[hh] >= 0 && vd_.pattern(pat_[hh]).embed == Embed::kReport) {
      reported_here = true;
      report_verb = hh;
    }
  }
  bool conditional = false;
  for (int k : n.kids)
    if (v_[k].base == "advcl")
      for (int kk : v_[k].kids)
        if (v_[kk].base == "mark" && In(v_[kk].lemma, {"if", "unless"})) conditional = true;
  int if_clause = conditional ? -1 : IfClauseAfter(t);
  if (if_clause >= 0) conditional = true;
  if (modal && !reported_here && (mod == Modality::kAsserted)) mod = Modality::kHypothetical;
  // Inside the "if" clause of a condition: "... if its territory is attacked".
  if (n.base == "advcl")
    for (int k : n.kids)
      if (v_[k].base == "mark" && In(v_[k].lemma, {"if", "unless", "whether"})) mod = Modality::kHypothetical;
  if ((future || (modal && reported_here)) && (mod == Modality::kAsserted || mod == Modality::kReported))
    mod = Modality::kIntended;
  if (conditional) mod = Modality::kConditional;
  std::string rule = ctx.rule_prefix + p.id;
  ctx.anchors.push_back(t);
  // An event noun takes the time of the clause it is part of: "their alliance,
  // cemented by Moscow's aid during the Cold War (1947-1991)".
  if (nominal && n.head >= 0 && v_.IsVerb(n.head) &&
      (IsLight(n.head) || In(n.base, {"obj", "obl", "nsubj"}))) ctx.anchors.push_back(n.head);

  // "pressured Obama to help Iran": the pressure is the event; the help is
  // not asserted, so the governed words are used up without an event.
  std::vector<int> absorbed;
  if (p.embed == Embed::kOwn) absorbed = EmbeddedOf(t, pi);
  // Control words: realise the governed events and transform them.
  if (p.embed != Embed::kNone && p.embed != Embed::kOwn) {
    std::vector<int> emb = EmbeddedOf(t, pi);
    std::vector<ActorRef> addressee;
    std::vector<Ev> extra;  // events the control word adds (accusations)
    Embed embed = p.embed;
    // "Paris wants Rome to strike": wanting another to act is an appeal to them.
    if (embed == Embed::kIntent && !nominal && v_.HasKid(t, "xcomp") && vd_.InSet("object_appeal", n.lemma))
      if (int o = v_.Kid(t, "obj"); o >= 0 && !act_.Refs(o).empty()) embed = Embed::kAppeal;
    if (embed == Embed::kAppeal || embed == Embed::kDemand) addressee = Addressee(t);
    for (int e : emb) {
      Ctx c2 = ctx;
      c2.depth = ctx.depth + 1;
      c2.rule_prefix = rule + ">";
      c2.negated = false;
      c2.modality = Modality::kAsserted;
      c2.reported = ctx.reported || embed == Embed::kReport;
      if (c2.reported) c2.modality = Modality::kReported;  // "said X helped to carry out ..."
      // The speaker of reported speech is not the actor of what is reported.
      c2.have_controller = embed != Embed::kReport;
      c2.controller = (embed == Embed::kAppeal || embed == Embed::kDemand) && !addressee.empty() ? addressee : src;
      std::vector<Ev> inner = Realize(e, c2);
      for (Ev& ev : inner) {
        ev.used.push_back(t);
        bool replaced = false;  // the control word's own event stands for it
        switch (embed) {
          case Embed::kReport:
            // The speaker is not the actor of what they report: no fill-in.
            // "Egypt announced it would return the detainees": the speaker's own
            // future cooperation is a statement of intent (03x).
            if (ev.modality == Modality::kIntended && !src.empty() && !ev.sources.empty() &&
                ev.sources[0].Key() == src[0].Key() && RootOf(ev.code) >= 4 && RootOf(ev.code) <= 8) {
              std::string c = vd_.Transform(Embed::kIntent, ev.code);
              if (!c.empty()) {
                ev.code = c;
                ev.rule += "+intent";
              }
            }
            // "Jordan said Syria shelled its border post": saying that
            // another did violence accuses them (112); saying one did it
            // oneself claims it (015). The claim is the event then: what it
            // reports is not established (PETRARCH/CAMEO convention).
            if (RootOf(ev.code) >= 18 && ev.modality == Modality::kReported && !ev.negated && !src.empty() &&
                src[0].known() && src[0].country != "---" && src[0].sector.find("MED") == std::string::npos &&
                !ev.sources.empty() && ev.sources[0].known()) {
              Ev acc;
              bool self = ev.sources[0].Key() == src[0].Key() ||
                          (ev.sources[0].country == src[0].country && !src[0].country.empty() &&
                           src[0].country != "---");
              acc.code = self ? "015" : "112";
              acc.sources = src;
              acc.targets = self ? ev.targets : ev.sources;
              acc.trigger = t;
              acc.rule = rule + (self ? "+claim" : "+accuse");
              acc.anchors = ctx.anchors;
              acc.used = ev.used;
              acc.used.push_back(t);
              if (!acc.targets.empty()) {
                extra.push_back(std::move(acc));
                replaced = true;
              }
            }
            break;
          case Embed::kPass:
            if (ev.sources.empty()) ev.sources = src;
            if (embed == Embed::kPass && negated) ev.negated = true;
            break;
          case Embed::kNegate:
            ev.negated = true;
            if (ev.sources.empty()) ev.sources = src;
            break;
          default: {
            std::string code = vd_.Transform(embed, ev.code);
            if (code.empty() && embed == Embed::kReject) {
              // "declined to declare an emergency", "refused to attack": not done.
              ev.negated = true;
              if (ev.sources.empty()) ev.sources = src;
              out.push_back(std::move(ev));
              continue;
            }
            if (code.empty()) {
              if (trace_) Log("  " + W(t) + " " + EmbedName(embed) + " does not apply to " + ev.code);
              continue;
            }
            ev.code = code;
            ev.trigger = t;  // the pledge/threat/appeal is the event
            if (embed == Embed::kAppeal || embed == Embed::kDemand) {
              ev.targets = addressee.empty() ? ev.targets : addressee;
              ev.sources = src;
            } else {
              ev.sources = src.empty() ? ev.sources : src;
            }
            if (embed == Embed::kIntent || embed == Embed::kThreat) {
              if (ev.modality == Modality::kAsserted || ev.modality == Modality::kReported)
                ev.modality = Modality::kIntended;
            }
            if (embed == Embed::kReject) ev.modality = mod;
            ev.half_ok = ev.half_ok || HalfRoot(RootOf(code));
            if (negated) {
              // "did not pledge to help": a refusal when the control was an intent.
              if (embed == Embed::kIntent) {
                std::string r = vd_.Transform(Embed::kReject, ev.code);
                if (!r.empty()) ev.code = r;
                else ev.negated = true;
              } else {
                ev.negated = true;
              }
            }
            if (ev.targets.empty()) {
              auto own = Targets(t, p, RootOf(code));
              if (!own.empty()) ev.targets = own;
            }
            if (ev.targets.empty() && if_clause >= 0 && RootOf(code) == 13) {
              ev.targets = ConditionTargets(t, if_clause, ev.sources);
              if (!ev.targets.empty()) ev.rule += "+condition";
            }
          }
        }
        if (mod == Modality::kConditional) ev.modality = Modality::kConditional;
        if (replaced) {
          if (trace_) Log("  " + W(ev.trigger) + " " + ev.code + " reported by " + W(t) + ": coded as the claim");
          continue;
        }
        out.push_back(std::move(ev));
      }
    }
    // A report word with an event of its own ("alleged that ...") is that
    // event too, unless what it reports became its accusation already.
    bool own_too = embed == Embed::kReport && !p.code.empty() && extra.empty() && !out.empty();
    for (Ev& x : extra) out.push_back(std::move(x));
    if ((!out.empty() && !own_too) || p.code.empty()) {
      if (out.empty() && trace_) Log("  " + W(t) + " (" + p.id + ") " + EmbedName(embed) + ": no embedded event");
      return out;
    }
  }

  // "met in Oslo to discuss ...": a purpose clause of the same kind of event
  // is the main event's aim, not another event.
  // Likewise "bombarded the city, killing eight": a participle clause of the
  // same kind of event is that event's outcome.
  if (!nominal && n.base == "advcl" && n.head >= 0 && pat_[n.head] >= 0 && !p.code.empty() &&
      !v_.HasKid(t, "nsubj")) {
    bool to = false, mark = false;
    for (int k : n.kids) {
      to = to || (v_[k].base == "mark" && v_[k].lemma == "to");
      mark = mark || v_[k].base == "mark";
    }
    bool participle = !mark && n.xpos == "VBG";
    const std::string& hc = vd_.pattern(pat_[n.head]).code;
    if ((to || participle) && hc.size() >= 2 && hc.substr(0, 2) == p.code.substr(0, 2)) {
      if (trace_) Log("  " + W(t) + " purpose of " + W(n.head) + " (same kind of event): no event of its own");
      return out;
    }
  }
  // "held talks with the emir during a trip to Doha": an event noun in a
  // time adjunct of an event of the same kind is that event's setting.
  if (nominal && (n.base == "obl" || n.base == "nmod") && n.head >= 0 && pat_[n.head] >= 0 && !p.code.empty() &&
      In(v_.Case(t), {"during", "on", "in the course of", "for"})) {  // "met X for talks": one meeting
    const std::string& hc = vd_.pattern(pat_[n.head]).code;
    if (hc.size() >= 2 && hc.substr(0, 2) == p.code.substr(0, 2)) {
      if (trace_) Log("  " + W(t) + " setting of " + W(n.head) + " (same kind of event): no event of its own");
      return out;
    }
  }
  // "talks with X next week, the first such meeting in two years": an event
  // noun hung as parataxis or apposition on a clause that already has an
  // event noun of the same root describes that event, it is no other one.
  if (nominal && In(n.base, {"parataxis", "appos", "dep"}) && n.head >= 0 && !p.code.empty()) {
    for (int k : v_[n.head].kids) {
      if (k == t || pat_[k] < 0 || !v_.IsNominal(k)) continue;
      const std::string& kc = vd_.pattern(pat_[k]).code;
      if (kc.size() >= 2 && kc.substr(0, 2) == p.code.substr(0, 2)) {
        if (trace_) Log("  " + W(t) + " describes " + W(k) + " (same kind of event): no event of its own");
        return out;
      }
    }
  }
  // The pattern's own event.
  Ev ev;
  ev.code = p.code;
  ev.trigger = t;
  ev.rule = rule;
  ev.sources = src;
  ev.modality = mod;
  ev.negated = negated;
  ev.anchors = ctx.anchors;
  ev.used.push_back(t);
  for (int a : absorbed) ev.used.push_back(a);
  ev.reciprocal = p.reciprocal;
  ev.both = p.both;
  ev.back_code = p.back_code;
  int root = RootOf(p.code);
  std::vector<int> used_words = cur_used_ ? *cur_used_ : std::vector<int>();
  ev.targets = Targets(t, p, root);
  // "threatened to attack South Korea" matched as one pattern: the target
  // sits with the verb the pattern used.
  for (int w : used_words) {
    if (!ev.targets.empty()) break;
    if (w == t || !(v_.IsVerb(w) || v_.IsNominal(w)) || v_[w].base == "compound" || v_[w].rel == "amod") continue;
    VerbPattern plain;
    ev.targets = Targets(w, plain, root);
    for (auto it = ev.targets.begin(); it != ev.targets.end();) {
      bool self = false;
      for (const auto& s2 : ev.sources) self = self || s2.Key() == it->Key();
      it = self ? ev.targets.erase(it) : it + 1;
    }
  }
  if (ev.targets.empty() && if_clause >= 0 && root == 13) {
    ev.targets = ConditionTargets(t, if_clause, ev.sources);
    if (!ev.targets.empty()) ev.rule += "+condition";
  }
  // "offered to mediate", "mediated" with no party named: mediation is
  // between the two sides the document's events set against each other
  // (`+parties`).
  if (ev.targets.empty() && (p.code == "039" || p.code == "045") && ev.sources.size() == 1) {
    for (ActorRef r : act_.memory()->MainSides(false, &ev.sources[0])) {
      bool self = false;
      for (const auto& s2 : ev.sources) self = self || s2.Key() == r.Key();
      if (self) continue;
      // Keeps the text and span of the side's latest mention (an earlier sentence).
      r.via_coref = true;
      r.word = t;
      ev.targets.push_back(r);
    }
    if (!ev.targets.empty()) ev.rule += "+parties";
  }
  // "launched raids during its campaign in Niger": violence with no party
  // named near the verb or its event noun is aimed at where it happened,
  // however deep in the act's phrases the place hangs.
  if (ev.targets.empty() && root >= 18 && root <= 20 && !p.require_target && !nominal) {
    ev.targets = PlaceOn(t, 3);
    if (!ev.targets.empty()) last_prep_ = "in";
  }
  // "claimed responsibility for a bombing at a market in Chad's capital": the
  // claim is about whoever the claimed act was aimed at.
  if (ev.targets.empty() && p.code.rfind("015", 0) == 0) {
    std::vector<int> hosts{t};
    if (int o = v_.Kid(t, "obj"); o >= 0) hosts.push_back(o);
    for (int x : hosts)
      for (int k : v_[x].kids) {
        if (!ev.targets.empty()) break;
        if ((v_[k].base != "nmod" && v_[k].base != "obl") || !In(v_.Case(k), {"for", "of"}) || pat_[k] < 0) continue;
        VerbPattern plain;
        ev.targets = Targets(k, plain, RootOf(vd_.pattern(pat_[k]).code));
        if (ev.targets.empty()) ev.targets = PlaceOn(k, 3);
      }
    if (ev.targets.empty()) ev.targets = PlaceOn(t, 3);  // the act's phrases hung elsewhere
  }
  // "Bush, Musharraf and Karzai held a meeting on the sidelines of the UN
  // assembly": a group meeting, not a meeting with the UN. But "the Chilean and
  // Peruvian leaders will meet in Oslo": a meeting abroad has the host place as its
  // target, as for a single visitor (PETRARCH/CAMEO convention), unless one
  // of them is at home there ("China and Japan met in Beijing").
  if (p.reciprocal && ev.sources.size() >= 2 && !ev.targets.empty() && p.target_from.empty() &&
      !last_prep_.empty() && !In(last_prep_, {"with", "between", "against", "among"})) {
    bool abroad = root == 4 && LocativeCase(last_prep_);
    for (const auto& tg : ev.targets) abroad = abroad && PlaceKind(tg);
    for (const auto& s2 : ev.sources)
      for (const auto& tg : ev.targets) abroad = abroad && s2.country != tg.country;
    if (abroad) {
      ev.reciprocal = false;
      ev.both = false;
      ev.place_target = true;
      // The participants still form a dyad a later event noun may refer to
      // ("meet in Baghdad to discuss how to improve coordination").
      if (ev.sources[0].known() && ev.sources[1].known()) dyads_.push_back({ev.sources[0], ev.sources[1]});
    } else {
      ev.targets.clear();
      ev.self_target = true;
    }
  }
  if (p.require_target && ev.targets.empty()) {
    if (trace_) Log("  " + W(t) + " " + p.id + " needs a target, none found");
    return out;
  }
  // Future or intended material conflict is a threat: "will attack" -> 138.
  // The intent table decides, as for "vowed to attack": coercion such as
  // "will expel" stays what it is (modality intended).
  if ((future || ctx.reported) && root >= 14 && mod == Modality::kIntended && !negated) {
    std::string th = vd_.Transform(Embed::kIntent, ev.code);
    if (!th.empty() && th != ev.code) {
      ev.code = th;
      ev.rule += "+future";
    }
  }
  // "South Korea said it would send a delegation for talks": the speaker's
  // own intended cooperation is its statement of intent (03x, `+intent`),
  // as for a reported clause (see the report control words).
  if (report_verb >= 0 && !ctx.reported && mod == Modality::kIntended && !negated && root >= 4 && root <= 8 &&
      !ev.sources.empty()) {
    auto speaker = VerbSources(report_verb, 1);
    if (!speaker.empty() && speaker[0].Key() == ev.sources[0].Key()) {
      std::string c = vd_.Transform(Embed::kIntent, ev.code);
      if (!c.empty()) {
        ev.code = c;
        ev.rule += "+intent";
        ev.both = false;  // only the speaker states an intent
        ev.reciprocal = false;
      }
    }
  }
  // "will not send any aid": a refusal, not a negated promise.
  if (negated && (future || modal) && RootOf(ev.code) >= 3 && RootOf(ev.code) <= 8) {
    std::string r = vd_.Transform(Embed::kReject, ev.code);
    if (!r.empty()) {
      ev.code = r;
      ev.negated = false;
      ev.modality = Modality::kAsserted;
      ev.rule += "+refusal";
    }
  }
  ev.half_ok = (p.half || HalfRoot(RootOf(ev.code))) && !p.require_target;
  if (p.swap) std::swap(ev.sources, ev.targets);
  // Targets that are the sources themselves ("their cooperation", "each
  // other"): the same actor, or a pronoun for the same country.
  auto same = [this](const ActorRef& a, const ActorRef& b) {
    if (a.Key() == b.Key()) return true;
    if (a.entity >= 0 && a.entity == b.entity) return true;
    // A reference back to the same country ("their", "it") is the source
    // itself; "the government" accused by the opposition of that country
    // is not: different sectors are different actors.
    auto pronoun = [this](const ActorRef& r) {
      if (!r.via_coref || r.word < 0 || r.word >= n_) return false;
      return v_[r.word].upos == "PRON" || v_[r.word].upos == "DET";
    };
    return (a.via_coref || b.via_coref) && !a.country.empty() && a.country != "---" && a.country == b.country &&
           (pronoun(a) || pronoun(b) || a.sector.empty() || b.sector.empty() || a.sector == b.sector);
  };
  if (!ev.targets.empty()) {
    bool all_self = true;
    for (const auto& tg : ev.targets) {
      bool self = tg.reflexive;
      for (const auto& s2 : ev.sources)
        if (same(s2, tg)) self = true;
      if (!self) all_self = false;
    }
    if (all_self) {
      ev.self_target = true;
      ev.targets.clear();
    } else {
      std::vector<ActorRef> keep;
      for (const auto& tg : ev.targets) {
        bool self = false;
        for (const auto& s2 : ev.sources)
          if (same(s2, tg)) self = true;
        if (!self) keep.push_back(tg);
      }
      ev.targets = keep;
    }
  }
  // "ties between Seoul and Tokyo" promised by Seoul: the side of the
  // source in a between-phrase is the source itself.
  if (last_prep_ == "between" && !ev.sources.empty() && ev.targets.size() >= 2) {
    std::vector<ActorRef> keep;
    for (const auto& tg : ev.targets) {
      bool mine = false;
      for (const auto& s2 : ev.sources)
        mine = mine || (!s2.country.empty() && s2.country != "---" && s2.country == tg.country);
      if (!mine) keep.push_back(tg);
    }
    if (!keep.empty()) ev.targets = keep;
  }
  // "talks between Chile and Peru", "the pledge of cooperation
  // between ...": with no other actor named, the two sides act on each other.
  if (ev.sources.empty() && ev.targets.size() >= 2 && last_prep_ == "between") {
    ev.sources = ev.targets;
    ev.targets.clear();
    ev.self_target = true;
  }
  // Agents of no stated country take the country of the place where the
  // event happens: "fought with rioters in a Tunisian town" -> TUNOPP.
  // Violence with no agent at all is put down to the place when its victims
  // are from elsewhere: "10 Russian soldiers were killed in Ukraine" ->
  // UKR -> RUSMIL (PETRARCH's convention for an unnamed perpetrator).
  {
    bool unnamed = false;
    for (auto* side : {&ev.sources, &ev.targets})
      for (const auto& a : *side) unnamed = unnamed || (a.known() && a.country == "---");
    bool agentless = ev.sources.empty() && !ev.targets.empty() && RootOf(ev.code) >= 18 && !nominal &&
                     (Passive(t) || n.xpos == "VBN") && !ev.negated &&
                     (ev.modality == Modality::kAsserted || ev.modality == Modality::kReported);
    std::vector<ActorRef> place = (unnamed || agentless) ? PlaceOfEvent(t) : std::vector<ActorRef>();
    if (!place.empty()) {
      const ActorRef& pl = place[0];
      std::string base = pl.kind == ActorKind::kCapital ? pl.country : pl.code;
      // Sources act where they are; of those acted upon, only the sectors
      // that are local by nature (civilians, police, protesters, rebels ...)
      // belong to the place: a reporter kidnapped in Iraq is not Iraqi.
      auto local = [](const std::string& sector) {
        for (const char* l : {"CVL", "OPP", "COP", "REB", "UAF", "LAB", "AGR"})
          if (sector.rfind(l, 0) == 0) return true;
        return false;
      };
      // An event aimed at the place itself says nothing of where its source
      // is from ("companies invested in Denmark").
      bool at_place = false;
      for (const auto& tg : ev.targets) at_place = at_place || tg.country == pl.country;
      for (auto* side : {&ev.sources, &ev.targets})
        for (auto& a : *side)
          if (a.known() && a.country == "---" && (side == &ev.sources ? !at_place : local(a.sector))) {
            a.code = AppendAgentBlocks(base, a.sector);
            SplitActorCode(a.code, &a.country, &a.sector);
          }
      bool foreign = agentless;
      for (const auto& tg : ev.targets) foreign = foreign && tg.country != pl.country;
      if (foreign) {
        ActorRef src = pl;
        src.code = base;
        SplitActorCode(src.code, &src.country, &src.sector);
        ev.sources = {src};
        ev.rule += "+place";
      }
    }
  }
  // One named side of a reciprocal event noun ("Peru's signing of the
  // pact" after "Peru's ties with Chile"): the other side is its partner in
  // the latest dyad it was part of.
  if (nominal && p.reciprocal && ev.sources.size() == 1 && ev.targets.empty() && !ev.self_target &&
      ev.sources[0].known()) {
    const ActorRef& s0 = ev.sources[0];
    auto same_side = [&](const ActorRef& x) {
      return x.Key() == s0.Key() || (!s0.country.empty() && s0.country != "---" && x.country == s0.country);
    };
    for (auto it = dyads_.rbegin(); it != dyads_.rend() && ev.targets.empty(); ++it) {
      if (same_side(it->first) && !same_side(it->second)) ev.targets = {it->second};
      else if (same_side(it->second) && !same_side(it->first)) ev.targets = {it->first};
    }
    if (!ev.targets.empty()) {
      ev.both = true;
      ev.rule += "+implicit";
    }
  }
  // Implicit participants of a reciprocal event noun: "the signing of a
  // treaty" right after "Peru's ties with Chile".
  if (ev.sources.empty() && ev.targets.empty() && p.reciprocal && !dyads_.empty()) {
    ev.sources = {dyads_.back().first};
    ev.targets = {dyads_.back().second};
    ev.both = true;
    ev.rule += "+implicit";
  }
  // A pledge or a threat is about what is meant to happen.
  if ((RootOf(ev.code) == 3 || RootOf(ev.code) == 13) && ev.modality == Modality::kAsserted)
    ev.modality = Modality::kIntended;
  if (!p.modality.empty()) {
    for (Modality m : {Modality::kAsserted, Modality::kIntended, Modality::kConditional,
                       Modality::kHypothetical, Modality::kReported})
      if (p.modality == ModalityName(m)) ev.modality = m;
  }
  out.push_back(std::move(ev));
  return out;
}

void SentenceCoder::Emit(const Ev& ev, std::vector<RawEvent>* out) {
  std::vector<std::pair<const ActorRef*, const ActorRef*>> pairs;
  std::vector<char> back;  // per pair: the reverse direction of a `both` event
  if ((ev.reciprocal || ev.self_target) && ev.targets.empty() && ev.sources.size() >= 2) {
    for (const auto& a : ev.sources)
      for (const auto& b : ev.sources)
        if (&a != &b && a.Key() != b.Key()) pairs.push_back({&a, &b});
  } else if (!ev.sources.empty() && !ev.targets.empty()) {
    for (const auto& a : ev.sources)
      for (const auto& b : ev.targets) {
        if (a.Key() == b.Key()) continue;
        pairs.push_back({&a, &b});
        back.push_back(0);
        if (ev.both) {
          pairs.push_back({&b, &a});
          back.push_back(1);
        }
      }
  } else if (ev.half_ok) {
    for (const auto& a : ev.sources) pairs.push_back({&a, nullptr});
    // Without an actor, only violence against a named victim is news
    // ("ten Russian soldiers were killed"), not a threat or a protest.
    if (ev.sources.empty() && RootOf(ev.code) >= 17 && ev.trigger >= 0 && !v_.IsNominal(ev.trigger) &&
        (ev.modality == Modality::kAsserted || ev.modality == Modality::kReported) &&
        (Passive(ev.trigger) || v_[ev.trigger].xpos == "VBN"))
      for (const auto& b : ev.targets)
        if (b.known()) pairs.push_back({nullptr, &b});  // an unknown name alone codes nothing
  }
  if (pairs.empty()) {
    if (trace_)
      Log("  drop " + ev.code + " at " + W(ev.trigger) + ": " +
          (ev.sources.empty() ? "no source" : "no target") + " (" + ev.rule + ")");
    return;
  }
  TimeInfo ti = TemporalOf(v_, ev.anchors, date_);
  // "the militia that has taken over towns in Libya": a perfect in a relative clause
  // describes a participant; it is background, not an event of the news.
  if (!ti.historical && ti.event_date.empty() && ti.period.empty() && ev.trigger >= 0 &&
      v_[ev.trigger].rel == "acl:relcl" &&
      v_[ev.trigger].head >= 0 && !act_.Refs(v_[ev.trigger].head).empty()) {
    for (const auto& a : v_.Auxes(ev.trigger))
      if (a == "have") {
        ti.historical = true;
        ti.why = "perfect in a relative clause (background)";
      }
  }
  // "where farmers have long complained ...", "X has long accused Y": a
  // perfect with "long", or one in a clause opened by a relative word that
  // the parse did not hang as a relative clause, is a standing state of
  // affairs, background to the news.
  if (!ti.historical && ti.event_date.empty() && ti.period.empty() && ev.trigger >= 0 && v_.IsVerb(ev.trigger)) {
    bool perfect = false;
    for (const auto& a : v_.Auxes(ev.trigger)) perfect = perfect || a == "have";
    bool lasting = false, relative = false;
    int first = ev.trigger;
    for (int k : v_[ev.trigger].kids) {
      if (v_[k].base == "advmod" && v_[k].lemma == "long" && k < ev.trigger) lasting = true;
      if (v_[k].upos != "PUNCT") first = std::min(first, k);
    }
    if (first < ev.trigger && In(v_[first].lform, {"where", "who", "which", "whose", "whom"}) &&
        v_[ev.trigger].rel != "acl:relcl")
      relative = true;
    if (perfect && (lasting || relative)) {
      ti.historical = true;
      ti.why = lasting ? "perfect with 'long' (standing state, background)" : "perfect in a relative clause (background)";
    }
  }
  for (size_t pi = 0; pi < pairs.size(); ++pi) {
    auto [a, b] = pairs[pi];
    RawEvent r;
    r.code = ev.code;
    if (pi < back.size() && back[pi] && !ev.back_code.empty()) r.code = ev.back_code;
    // Destroying property is how protesters riot (CAMEO 145): "the building
    // was demolished by protesters".
    if (a && r.code.rfind("1712", 0) == 0 && a->sector.find("OPP") != std::string::npos) r.code = "145";
    if (a) r.source = *a;
    if (b) r.target = *b;
    r.modality = ev.modality;
    r.negated = ev.negated;
    r.historical = ti.historical;
    r.event_date = ti.event_date;
    r.half_ok = ev.half_ok;
    r.trigger = ev.trigger;
    r.rule = ev.rule;
    if (a && b && a->known() && b->known() && !ev.place_target) dyads_.push_back({*a, *b});
    if (a && a->known() && !ev.negated && !ti.historical) act_.memory()->NoteEvent(RootOf(ev.code), *a);
    if (a && b && !ev.negated && !ti.historical && !ev.place_target) {
      act_.memory()->NoteDyad(*a, *b);
      if (a->known() && b->known()) act_.memory()->NoteAimedEvent(RootOf(ev.code), *a, *b);
    }
    if (trace_) {
      Log("  event " + r.code + " " + (a ? (a->code.empty() ? "?" + a->text : a->code) : "-") + " -> " +
          (b ? (b->code.empty() ? "?" + b->text : b->code) : "-") + " trigger " + W(ev.trigger) + " rule " +
          ev.rule + " modality " + ModalityText(ev.modality) + (ev.negated ? " NEGATED" : "") +
          (ti.historical ? " HISTORICAL " + ti.why : "") +
          (!ti.event_date.empty() ? " date " + ti.event_date : "") +
          (!ti.period.empty() ? " period " + ti.period : ""));
    }
    out->push_back(std::move(r));
  }
}

// The patient subject of passive verb t: its own nsubj:pass, or for a
// conjunct with no subject of its own the subject it shares with the first
// conjunct ("the rebels were captured and were later released": the rebels
// were released), -1 if none.
int SentenceCoder::PassiveSubject(int t) const {
  if (int k = v_.Kid(t, "nsubj:pass"); k >= 0) return k;
  if (ReducedPassive(t)) return v_.Kid(t, "nsubj");
  if (v_[t].base != "conj" || v_.HasKid(t, "nsubj") || v_.HasKid(t, "csubj")) return -1;
  int h = v_[t].head;
  if (h < 0 || !v_.IsPredicate(h)) return -1;
  if (int k = v_.Kid(h, "nsubj:pass"); k >= 0) return k;
  return v_.Kid(h, "nsubj");
}

// "The rebels captured in March were released": a bare participle with a
// subject but no auxiliary and no object, whose passive conjunct shares
// that subject, is a reduced relative parsed as the main verb; its subject
// is its patient. A bare participle without such a conjunct stays active
// ("state media reported" is often tagged VBN).
bool SentenceCoder::ReducedPassive(int t) const {
  if (v_[t].xpos != "VBN" || !v_.HasKid(t, "nsubj") || v_.HasKid(t, "aux") || v_.HasKid(t, "cop") ||
      v_.HasKid(t, "obj") || v_.HasKid(t, "ccomp") || v_.HasKid(t, "xcomp"))
    return false;
  for (int c : v_[t].kids)
    if (v_[c].base == "conj" && v_.IsPassive(c) && !v_.HasKid(c, "nsubj")) return true;
  return false;
}

// The possessor determining noun i by word order alone: "Peru's" or "its"
// before i with only modifiers between ("Peru's growing economic ties"),
// whatever the parse made of them; -1 if none.
int SentenceCoder::PossessorBefore(int i) const {
  for (int j = i - 1; j >= 0 && j >= i - 5; --j) {
    const ViewNode& w = v_[j];
    if (In(w.lform, {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) && (w.upos == "PART" || w.base == "case"))
      return j > 0 && w.head == j - 1 ? j - 1 : (w.head >= 0 && w.head < j ? w.head : -1);
    if (w.xpos == "PRP$") return j;
    bool modifier = w.upos == "ADJ" || w.upos == "ADV" || w.upos == "NUM" || w.xpos == "VBG" || w.xpos == "VBN" ||
                    (w.upos == "NOUN" && w.base == "compound");
    if (!modifier) return -1;
  }
  return -1;
}

std::vector<RawEvent> SentenceCoder::Run() {
  std::vector<RawEvent> out;
  if (n_ == 0) return out;
  MatchAll();
  // Relation phrases name dyads for later implicit participants:
  // "Serbia's growing ties with China".
  for (int i = 0; i < n_; ++i) {
    if (!vd_.InSet("relation", v_[i].lemma)) continue;
    std::vector<ActorRef> a;
    if (int p = v_.Kid(i, "nmod:poss"); p >= 0) a = act_.Refs(p);
    // "Peru's deepening ties with Chile" parsed with the participle heading
    // the phrase and the possessive hung on a later noun: the possessive
    // right before the noun and its modifiers is still its determiner.
    if (a.empty())
      if (int p = PossessorBefore(i); p >= 0) a = act_.Refs(p);
    for (int k : v_[i].kids)
      if (a.empty() && (v_[k].rel == "amod" || v_[k].base == "compound")) a = act_.Refs(k);
    std::vector<ActorRef> b = PrepTargets(i, -1);
    if (a.empty() && b.size() >= 2) {
      a = {b[0]};
      b.erase(b.begin());
    }
    if (!a.empty() && !b.empty() && a[0].known() && b[0].known() && a[0].Key() != b[0].Key())
      dyads_.push_back({a[0], b[0]});
  }
  // Top-down: a control word is realised before the words it governs, which
  // it then uses up; what is left is coded on its own.
  std::vector<int> order;
  for (int t = 0; t < n_; ++t)
    if (pat_[t] >= 0) order.push_back(t);
  auto depth = [&](int i) {
    int d = 0;
    for (int h = v_[i].head; h >= 0 && d <= n_; h = v_[h].head) ++d;
    return d;
  };
  std::vector<int> depths(n_, 0);
  for (int t : order) depths[t] = depth(t);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return depths[a] < depths[b]; });
  std::vector<char> done(n_, 0);
  for (int t : order) {
    if (done[t]) continue;
    Ctx ctx;
    std::vector<Ev> evs = Realize(t, ctx);
    for (const Ev& ev : evs) {
      for (int u : ev.used) done[u] = 1;
      Ev e = ev;
      if (e.trigger < 0) e.trigger = t;
      Emit(e, &out);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const RawEvent& a, const RawEvent& b) { return a.trigger < b.trigger; });
  // "France launched a raid ..., its army said, widening its
  // campaign against the group": a participle clause with no subject of its
  // own that codes the same kind of event by the same side elaborates that
  // event; it is not another one.
  auto elaboration = [&](int w) {
    if (w < 0 || w >= n_) return false;
    const ViewNode& x = v_[w];
    return x.base == "advcl" && x.xpos == "VBG" && !v_.HasKid(w, "nsubj") && !v_.HasKid(w, "mark");
  };
  // When it says more ("her warning to Japan, threatening nuclear
  // retaliation": 130 -> 1385), the event takes the finer code.
  auto finer = [](const std::string& a, const std::string& b) {
    return a.size() > b.size() || (a.size() == b.size() && b.back() == '0' && a.back() != '0');
  };
  std::vector<char> dropped(out.size(), 0);
  for (size_t i = 0; i < out.size(); ++i) {
    const RawEvent& e = out[i];
    if (!elaboration(e.trigger) || !e.source || e.source->country == "---") continue;
    for (size_t j = 0; j < out.size() && !dropped[i]; ++j) {
      RawEvent& o = out[j];
      if (o.trigger == e.trigger || elaboration(o.trigger) || !o.source || RootOf(o.code) != RootOf(e.code) ||
          o.source->country != e.source->country)
        continue;
      dropped[i] = 1;
      if (finer(e.code, o.code)) {
        o.code = e.code;
        o.rule += "+" + e.rule;
      }
      if (trace_) Log("  drop " + e.code + " at " + W(e.trigger) + ": elaborates the event at " + W(o.trigger));
    }
  }
  std::vector<RawEvent> kept;
  for (size_t i = 0; i < out.size(); ++i)
    if (!dropped[i]) kept.push_back(std::move(out[i]));
  out.swap(kept);
  return out;
}

}  // namespace

EventExtractor::EventExtractor(const VerbDictionary& verbs, const Lexicon& lexicon) : verbs_(verbs), lex_(lexicon) {}

std::vector<RawEvent> EventExtractor::Extract(const ParseView& view, const SentenceActors& actors,
                                              const std::string& article_date, std::string* trace) const {
  SentenceCoder sc(verbs_, view, actors, article_date, trace);
  return sc.Run();
}

}  // namespace dyad
