// Oracles for training the arc-eager parser (nlp/transition_system.h):
// the Goldberg & Nivre (2012/2013) dynamic oracle — the cost of an action is
// the number of gold arcs (with labels) it makes unreachable — and a static
// oracle that follows zero-cost actions in a fixed preference order. Also
// projectivisation of training trees by lifting, since arc-eager can only
// build projective trees.
#pragma once

#include <vector>

#include "dyad/nlp/transition_system.h"

namespace dyad::parser {

// A gold tree over tokens 0..n: head[0] = -1, head[t] in 0..n for words;
// label[t] a label id (-1 when the label is unknown to the model).
struct GoldTree {
  std::vector<int> head;
  std::vector<int> label;
  int n() const { return static_cast<int>(head.size()) - 1; }
};

// costs[a] for every action a with legal[a] set (others are left as is).
void ActionCosts(const ParseState& st, const GoldTree& gold, int n_labels, const uint8_t* legal,
                 int* costs);

// The action the static oracle takes: the first zero-cost legal action in
// the order LEFT(gold label), RIGHT(gold label), SHIFT, REDUCE; if none has
// zero cost (non-projective gold, or an earlier mistake), the cheapest.
// Returns -1 when no action is legal.
int StaticOracle(const ParseState& st, const GoldTree& gold, int n_labels);

// True when every arc of the tree is projective.
bool IsProjective(const std::vector<int>& head);

// Makes the tree projective by lifting: while a non-projective arc exists,
// the shortest one (h, d) is replaced by (head(h), d). Labels are kept.
// Returns the number of lifts (0 when the tree was projective).
int Projectivize(std::vector<int>* head);

}  // namespace dyad::parser
