// coder — a read-only view of one parsed sentence that the coding rules walk:
// children lists, lower-cased lemmas, relations normalised to UD v2 (gold
// parses in the UD v1 style — dobj, nsubjpass, auxpass, neg, name, mwe,
// nmod on a predicate — are mapped on the fly, so the rules see one scheme),
// and the small tree queries every rule needs (prepositions of a nominal,
// passive voice, negation, auxiliaries).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/document.h"

namespace dyad {

struct ViewNode {
  int head = -1;            // 0-based head index, -1 for the root (or unparsed)
  std::string rel;          // full UD v2 relation: "obl", "nsubj:pass", "nmod:poss"
  std::string base;         // relation before ':' ("obl")
  std::string lemma;        // lower-cased lemma (form when the lemma is missing)
  std::string lform;        // lower-cased form
  std::string stem;         // naive de-inflection of the form ("jailed" -> "jail"), "" if none
  std::string stem2;        // the same with a doubled consonant undone ("stopped" -> "stop")
  std::string upos;
  std::string xpos;
  std::vector<int> kids;    // dependents in word order
};

class ParseView {
 public:
  explicit ParseView(const Sentence& s);

  int size() const { return static_cast<int>(nodes_.size()); }
  const ViewNode& operator[](int i) const { return nodes_[i]; }
  const Sentence& sentence() const { return *s_; }
  const Word& word(int i) const { return s_->words[i]; }
  int root() const { return root_; }

  // Dependents of i whose relation is `rel` or starts with "rel:" (rel "obl"
  // matches "obl:tmod" too; rel "obl:tmod" matches only itself).
  std::vector<int> Kids(int i, std::string_view rel) const;
  int Kid(int i, std::string_view rel) const;  // first such dependent, -1 if none
  bool HasKid(int i, std::string_view rel) const { return Kid(i, rel) >= 0; }

  // The preposition(s) introducing nominal i ("to", "against", "because of"),
  // from its case/mark dependents; "" if none. Multiword: joined by space.
  std::string Case(int i) const;

  // True for verbs/adjectives/auxiliaries that head clauses, or a noun with a
  // copula ("X is a threat").
  bool IsPredicate(int i) const;
  bool IsVerb(int i) const { return nodes_[i].upos == "VERB" || nodes_[i].upos == "AUX"; }
  bool IsNominal(int i) const {
    const auto& u = nodes_[i].upos;
    return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X";
  }
  // Passive clause: nsubj:pass or aux:pass dependent.
  bool IsPassive(int i) const;
  // Negated by not/n't/never/no (advmod/neg on i, on its aux or copula).
  bool IsNegated(int i) const;
  // Lemmas of i's aux dependents ("will", "would", "have").
  std::vector<std::string> Auxes(int i) const;

  // Text of the words first..last (inclusive) as in the document.
  std::string Text(const std::string& doc_text, int first, int last) const;
  // Span of the subtree of i, optionally not descending into relations in `stop`.
  void SubtreeSpan(int i, int* first, int* last) const;
  // Whether a is an ancestor of b (or equal).
  bool Dominates(int a, int b) const;

  // One line per word "3 pledged pledge VERB 0 root" for `dyad explain`.
  std::string Compact() const;

 private:
  const Sentence* s_;
  std::vector<ViewNode> nodes_;
  int root_ = -1;
};

bool RelIs(std::string_view rel, std::string_view want);

}  // namespace dyad
