#include "dyad/nlp/train/parser_oracle.h"

#include <algorithm>
#include <cstdlib>

namespace dyad::parser {

void ActionCosts(const ParseState& st, const GoldTree& gold, int n_labels, const uint8_t* legal,
                 int* costs) {
  const int n = st.n();
  const int s0 = st.Stack(0);
  const int b0 = st.Buffer(0);
  // Counts over the words whose gold arcs are still reachable.
  int s0_deps_in_buffer = 0;        // gold dependents of s0 still in the buffer
  int b0_deps_on_stack = 0;         // headless stack words whose gold head is b0
  for (int d = 1; d <= n; ++d) {
    const int gh = gold.head[d];
    if (s0 >= 0 && gh == s0 && st.place(d) == kInBuffer) ++s0_deps_in_buffer;
    if (b0 >= 0 && gh == b0 && st.place(d) == kOnStack && st.head(d) < 0) ++b0_deps_on_stack;
  }
  const int gh_s0 = s0 > 0 ? gold.head[s0] : -1;
  const int gh_b0 = b0 > 0 ? gold.head[b0] : -1;
  const bool b0_head_on_stack = gh_b0 >= 0 && st.place(gh_b0) == kOnStack;
  const bool b0_head_reachable =
      gh_b0 >= 0 && (st.place(gh_b0) == kOnStack || st.place(gh_b0) == kInBuffer);
  const bool s0_head_in_buffer = gh_s0 >= 0 && st.place(gh_s0) == kInBuffer;

  const int A = NumActions(n_labels);
  for (int a = 0; a < A; ++a) {
    if (!legal[a]) continue;
    switch (KindOf(a, n_labels)) {
      case ActionKind::kShift:
        costs[a] = (b0_head_on_stack ? 1 : 0) + b0_deps_on_stack;
        break;
      case ActionKind::kReduce:
        costs[a] = s0_deps_in_buffer;
        break;
      case ActionKind::kLeft: {
        const int l = LabelOf(a, n_labels);
        int c = s0_deps_in_buffer;
        if (gh_s0 == b0) c += gold.label[s0] != l ? 1 : 0;
        else if (s0_head_in_buffer) c += 1;
        costs[a] = c;
        break;
      }
      case ActionKind::kRight: {
        const int l = LabelOf(a, n_labels);
        int c = b0_deps_on_stack;
        if (gh_b0 == s0) c += gold.label[b0] != l ? 1 : 0;
        else if (b0_head_reachable) c += 1;
        costs[a] = c;
        break;
      }
    }
  }
}

int StaticOracle(const ParseState& st, const GoldTree& gold, int n_labels) {
  const int A = NumActions(n_labels);
  std::vector<uint8_t> legal(A);
  std::vector<int> costs(A, 1 << 20);
  if (st.LegalActions(n_labels, legal.data()) == 0) return -1;
  ActionCosts(st, gold, n_labels, legal.data(), costs.data());
  const int s0 = st.Stack(0), b0 = st.Buffer(0);
  std::vector<int> order;
  if (s0 > 0 && gold.label[s0] >= 0) order.push_back(LeftArc(gold.label[s0]));
  if (b0 > 0 && gold.label[b0] >= 0) order.push_back(RightArc(gold.label[b0], n_labels));
  order.push_back(kShift);
  order.push_back(kReduce);
  for (int a : order)
    if (a < A && legal[a] && costs[a] == 0) return a;
  int best = -1;
  for (int a = 0; a < A; ++a)
    if (legal[a] && (best < 0 || costs[a] < costs[best])) best = a;
  return best;
}

namespace {

bool Dominates(const std::vector<int>& head, int h, int k) {
  // Is h an ancestor of k (or k itself)? Bounded walk: robust to bad input.
  for (int steps = 0, n = static_cast<int>(head.size()); k >= 0 && steps <= n; ++steps) {
    if (k == h) return true;
    k = head[k];
  }
  return false;
}

bool ArcIsProjective(const std::vector<int>& head, int d) {
  const int h = head[d];
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k)
    if (!Dominates(head, h, k)) return false;
  return true;
}

}  // namespace

bool IsProjective(const std::vector<int>& head) {
  for (int d = 1; d < static_cast<int>(head.size()); ++d)
    if (head[d] >= 0 && !ArcIsProjective(head, d)) return false;
  return true;
}

int Projectivize(std::vector<int>* head) {
  std::vector<int>& h = *head;
  const int n = static_cast<int>(h.size()) - 1;
  int lifts = 0;
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int best = -1, best_len = 1 << 30;
    for (int d = 1; d <= n; ++d) {
      if (h[d] <= 0 || ArcIsProjective(h, d)) continue;
      const int len = std::abs(h[d] - d);
      if (len < best_len) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) break;
    h[best] = h[h[best]];
    ++lifts;
  }
  return lifts;
}

}  // namespace dyad::parser
