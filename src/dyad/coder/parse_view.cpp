// coder — ParseView: UD v1->v2 normalisation and tree queries.
#include "dyad/coder/parse_view.h"

#include <algorithm>

namespace dyad {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool EndsWith(const std::string& s, std::string_view suf) {
  return s.size() > suf.size() + 1 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// A second guess at the lemma, for parses whose lemmatiser got a word wrong
// ("jailed" -> "jaile"): strip the regular inflection the tag asks for.
std::string Undouble(std::string s) {
  size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && std::string_view("bdgmnprt").find(s[n - 1]) != std::string_view::npos)
    s.pop_back();
  return s;
}

std::string NaiveStem(const std::string& f, const std::string& xpos) {
  auto undouble = [](std::string s) { return s; };
  if (xpos == "VBD" || xpos == "VBN") {
    if (EndsWith(f, "ied")) return f.substr(0, f.size() - 3) + "y";
    if (EndsWith(f, "eed")) return f.substr(0, f.size() - 1);  // "freed", "agreed"
    if (EndsWith(f, "ed")) return undouble(f.substr(0, f.size() - 2));
  } else if (xpos == "VBG" || (xpos.empty() && EndsWith(f, "ing"))) {
    if (EndsWith(f, "ing")) return undouble(f.substr(0, f.size() - 3));
  } else if (xpos == "VBZ" || xpos == "NNS" || xpos == "NNPS") {
    if (EndsWith(f, "ies")) return f.substr(0, f.size() - 3) + "y";
    if (EndsWith(f, "ches") || EndsWith(f, "shes") || EndsWith(f, "xes") || EndsWith(f, "sses"))
      return f.substr(0, f.size() - 2);
    if (EndsWith(f, "s") && !EndsWith(f, "ss")) return f.substr(0, f.size() - 1);
  }
  return "";
}

bool Verbal(const std::string& upos) { return upos == "VERB" || upos == "AUX" || upos == "ADJ"; }

}  // namespace

bool RelIs(std::string_view rel, std::string_view want) {
  if (rel.size() < want.size() || rel.compare(0, want.size(), want) != 0) return false;
  return rel.size() == want.size() || rel[want.size()] == ':';
}

ParseView::ParseView(const Sentence& s) : s_(&s) {
  const int n = static_cast<int>(s.words.size());
  nodes_.resize(n);
  for (int i = 0; i < n; ++i) {
    const Word& w = s.words[i];
    ViewNode& v = nodes_[i];
    v.head = (w.head > 0 && w.head <= n) ? w.head - 1 : -1;
    v.lform = Lower(w.form);
    v.lemma = (w.lemma.empty() || w.lemma == "_") ? v.lform : Lower(w.lemma);
    v.stem = NaiveStem(v.lform, w.xpos);
    v.stem2 = Undouble(v.stem);
    // "released" -> "releas": the silent e the inflection dropped.
    if (v.stem2 == v.stem && !v.stem.empty() && v.stem.back() != 'e' && v.stem.back() != 'y') v.stem2 = v.stem + "e";
    if (v.stem2 == v.stem || v.stem2 == v.lemma) v.stem2.clear();
    if (v.stem == v.lemma || v.stem == v.lform) v.stem.clear();
    v.upos = w.upos == "CONJ" ? "CCONJ" : w.upos;
    v.xpos = w.xpos;
    v.rel = w.deprel;
  }
  // Heads form a tree only if the parser did its job; guard against cycles
  // so that every walk up the tree terminates.
  for (int i = 0; i < n; ++i) {
    int steps = 0;
    for (int h = nodes_[i].head; h >= 0; h = nodes_[h].head) {
      if (++steps > n) {
        nodes_[i].head = -1;
        nodes_[i].rel = "root";
        break;
      }
    }
  }
  // UD v1 -> v2.
  for (int i = 0; i < n; ++i) {
    ViewNode& v = nodes_[i];
    std::string& r = v.rel;
    if (r == "dobj") r = "obj";
    else if (r == "nsubjpass") r = "nsubj:pass";
    else if (r == "csubjpass") r = "csubj:pass";
    else if (r == "auxpass") r = "aux:pass";
    else if (r == "neg") r = "advmod";
    else if (r == "name") r = "flat";
    else if (r == "mwe") r = "fixed";
    else if (r == "nmod:agent") r = "obl:agent";
    if (RelIs(r, "nmod") && r != "nmod:poss" && v.head >= 0) {
      const ViewNode& h = nodes_[v.head];
      // In v2, a nominal dependent of a predicate is obl; of a nominal, nmod.
      if (Verbal(h.upos) || h.upos == "ADV") r = "obl" + r.substr(4);
    }
    if (v.upos == "VERB" && (v.lemma == "be" || v.lemma == "have") && (r == "cop" || RelIs(r, "aux")))
      v.upos = "AUX";
    size_t colon = r.find(':');
    v.base = colon == std::string::npos ? r : r.substr(0, colon);
    if (v.head < 0) root_ = root_ < 0 ? i : root_;
  }
  for (int i = 0; i < n; ++i)
    if (nodes_[i].head >= 0) nodes_[nodes_[i].head].kids.push_back(i);
}

std::vector<int> ParseView::Kids(int i, std::string_view rel) const {
  std::vector<int> out;
  for (int k : nodes_[i].kids)
    if (RelIs(nodes_[k].rel, rel)) out.push_back(k);
  return out;
}

int ParseView::Kid(int i, std::string_view rel) const {
  for (int k : nodes_[i].kids)
    if (RelIs(nodes_[k].rel, rel)) return k;
  return -1;
}

std::string ParseView::Case(int i) const {
  std::string out;
  for (int k : nodes_[i].kids) {
    if (nodes_[k].base != "case" && !(nodes_[k].base == "mark" && nodes_[k].upos == "ADP")) continue;
    if (k > i) continue;  // a case marker follows its nominal only for "'s"
    if (!out.empty()) out += ' ';
    out += nodes_[k].lemma;
    for (int f : nodes_[k].kids)
      if (nodes_[f].base == "fixed") out += " " + nodes_[f].lemma;
  }
  return out;
}

bool ParseView::IsPredicate(int i) const {
  const auto& u = nodes_[i].upos;
  if (u == "VERB" || u == "AUX") return true;
  return HasKid(i, "cop") || HasKid(i, "nsubj");
}

bool ParseView::IsPassive(int i) const {
  return HasKid(i, "nsubj:pass") || HasKid(i, "aux:pass") || HasKid(i, "csubj:pass");
}

bool ParseView::IsNegated(int i) const {
  auto neg = [&](int k) {
    const ViewNode& v = nodes_[k];
    if (v.base != "advmod" && v.base != "det" && v.base != "neg") return false;
    return v.lemma == "not" || v.lemma == "n't" || v.lemma == "never" || v.lform == "n't" ||
           v.lform == "not" || (v.lemma == "no" && v.base == "det");
  };
  for (int k : nodes_[i].kids) {
    if (neg(k)) return true;
    if (nodes_[k].base == "aux" || nodes_[k].base == "cop")
      for (int kk : nodes_[k].kids)
        if (neg(kk)) return true;
  }
  return false;
}

std::vector<std::string> ParseView::Auxes(int i) const {
  std::vector<std::string> out;
  for (int k : nodes_[i].kids)
    if (nodes_[k].base == "aux") out.push_back(nodes_[k].lemma == "'ll" ? "will" : nodes_[k].lemma);
  return out;
}

std::string ParseView::Text(const std::string& doc_text, int first, int last) const {
  if (first < 0 || last < first || last >= size()) return "";
  uint32_t a = s_->words[first].start, b = s_->words[last].end;
  if (b <= a || b > doc_text.size()) {
    std::string out;
    for (int i = first; i <= last; ++i) {
      out += s_->words[i].form;
      if (i < last && s_->words[i].space_after) out += ' ';
    }
    return out;
  }
  return doc_text.substr(a, b - a);
}

void ParseView::SubtreeSpan(int i, int* first, int* last) const {
  *first = *last = i;
  std::vector<int> stack{i};
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    *first = std::min(*first, x);
    *last = std::max(*last, x);
    for (int k : nodes_[x].kids)
      if (nodes_[k].base != "punct" || (k > *first && k < *last)) stack.push_back(k);
  }
}

bool ParseView::Dominates(int a, int b) const {
  int steps = 0;
  for (int x = b; x >= 0 && steps <= size(); x = nodes_[x].head, ++steps)
    if (x == a) return true;
  return false;
}

std::string ParseView::Compact() const {
  std::string out;
  for (int i = 0; i < size(); ++i) {
    const ViewNode& v = nodes_[i];
    out += "  " + std::to_string(i + 1) + " " + s_->words[i].form + " " + v.lemma + " " + v.upos + " " +
           std::to_string(v.head + 1) + " " + v.rel + "\n";
  }
  return out;
}

}  // namespace dyad
