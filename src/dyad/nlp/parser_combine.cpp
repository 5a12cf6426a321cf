#include "dyad/nlp/parser_combine.h"

#include <cstddef>
#include <limits>

namespace dyad::parser {
namespace {
constexpr float kUnproposed = -1000.0f;  // an arc no parser voted for
constexpr float kNone = -std::numeric_limits<float>::infinity();
}  // namespace

void Combiner::Reset(int n) {
  n_ = n;
  const size_t m = static_cast<size_t>(n + 1) * (n + 1);
  score_.assign(m, kUnproposed);
  heads_.assign(n + 1, 0);
}

void Combiner::AddVote(int head, int dep, float w) {
  if (head < 0 || head > n_ || dep < 1 || dep > n_ || head == dep) return;
  float& s = S(head, dep);
  s = s == kUnproposed ? w : s + w;
}

void Combiner::Solve() {
  const int n = n_;
  heads_.assign(n + 1, 0);
  if (n <= 0) return;
  const size_t m = static_cast<size_t>(n + 1) * (n + 1);
  cl_.assign(m, 0.0f);
  cr_.assign(m, 0.0f);
  il_.assign(m, 0.0f);
  ir_.assign(m, 0.0f);
  bcl_.assign(m, 0);
  bcr_.assign(m, 0);
  bi_.assign(m, 0);
  // Spans over words 1..n; the root is attached to one word at the end.
  for (int len = 1; len < n; ++len) {
    for (int s = 1; s + len <= n; ++s) {
      const int t = s + len;
      float best = kNone;
      int br = s;
      for (int r = s; r < t; ++r) {
        const float v = cr_[Idx(s, r)] + cl_[Idx(r + 1, t)];
        if (v > best) {
          best = v;
          br = r;
        }
      }
      il_[Idx(s, t)] = best + S(t, s);
      ir_[Idx(s, t)] = best + S(s, t);
      bi_[Idx(s, t)] = br;
      best = kNone;
      for (int r = s; r < t; ++r) {
        const float v = cl_[Idx(s, r)] + il_[Idx(r, t)];
        if (v > best) {
          best = v;
          br = r;
        }
      }
      cl_[Idx(s, t)] = best;
      bcl_[Idx(s, t)] = br;
      best = kNone;
      for (int r = s + 1; r <= t; ++r) {
        const float v = ir_[Idx(s, r)] + cr_[Idx(r, t)];
        if (v > best) {
          best = v;
          br = r;
        }
      }
      cr_[Idx(s, t)] = best;
      bcr_[Idx(s, t)] = br;
    }
  }
  float best = kNone;
  int root = 1;
  for (int r = 1; r <= n; ++r) {
    const float v = S(0, r) + cl_[Idx(1, r)] + cr_[Idx(r, n)];
    if (v > best) {
      best = v;
      root = r;
    }
  }
  heads_[root] = 0;
  CompleteLeft(1, root);
  CompleteRight(root, n);
}

void Combiner::CompleteLeft(int s, int t) {  // head t, covering s..t
  while (s < t) {
    const int r = bcl_[Idx(s, t)];
    Incomplete(r, t, /*head_right=*/true);
    t = r;
  }
}

void Combiner::CompleteRight(int s, int t) {  // head s, covering s..t
  while (s < t) {
    const int r = bcr_[Idx(s, t)];
    Incomplete(s, r, /*head_right=*/false);
    s = r;
  }
}

void Combiner::Incomplete(int s, int t, bool head_right) {
  if (head_right) heads_[s] = t;
  else heads_[t] = s;
  const int r = bi_[Idx(s, t)];
  CompleteRight(s, r);
  CompleteLeft(r + 1, t);
}

}  // namespace dyad::parser
