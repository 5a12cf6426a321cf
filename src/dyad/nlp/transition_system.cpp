#include "dyad/nlp/transition_system.h"

#include <algorithm>
#include <cstring>

namespace dyad::parser {

// Per-token int arrays, in order: stack, head, label, l1, l2, r1, r2, nl, nr, place.
constexpr int kIntArrays = 10;

void ParseState::Bind() {
  const size_t m = static_cast<size_t>(n_) + 1;
  int* p = buf_.data();
  stack_ = p; p += m;
  head_ = p; p += m;
  label_ = p; p += m;
  l1_ = p; p += m;
  l2_ = p; p += m;
  r1_ = p; p += m;
  r2_ = p; p += m;
  nl_ = p; p += m;
  nr_ = p; p += m;
  place_ = p;
  lset_ = sets_.data();
  rset_ = sets_.data() + m;
}

void ParseState::Init(int n) {
  n_ = n < 0 ? 0 : n;
  const size_t m = static_cast<size_t>(n_) + 1;
  buf_.assign(m * kIntArrays, -1);
  sets_.assign(2 * m, 0);
  Bind();
  std::fill(nl_, nl_ + m, 0);
  std::fill(nr_, nr_ + m, 0);
  std::fill(place_, place_ + m, static_cast<int>(kInBuffer));
  stack_[0] = 0;
  stack_size_ = 1;
  place_[0] = kOnStack;
  b_ = 1;
  buffer_end_ = n_;
  unshifted_ = false;
  root_word_ = 0;
}

void ParseState::CopyFrom(const ParseState& o) {
  if (this == &o) return;
  n_ = o.n_;
  buf_.resize(o.buf_.size());
  sets_.resize(o.sets_.size());
  std::memcpy(buf_.data(), o.buf_.data(), buf_.size() * sizeof(int));
  std::memcpy(sets_.data(), o.sets_.data(), sets_.size() * sizeof(uint64_t));
  Bind();
  stack_size_ = o.stack_size_;
  b_ = o.b_;
  buffer_end_ = o.buffer_end_;
  unshifted_ = o.unshifted_;
  root_word_ = o.root_word_;
}

bool ParseState::Terminal() const {
  if (!BufferEmpty()) return false;
  const int s0 = Stack(0);
  return s0 == 0 || s0 == root_word_;
}

bool ParseState::ApplyForcedMove() {
  if (!BufferEmpty()) return false;
  const int s0 = Stack(0);
  if (s0 <= 0 || s0 == root_word_) return false;
  --stack_size_;
  if (head_[s0] >= 0) {  // REDUCE: nothing is left to attach to it
    place_[s0] = kPopped;
  } else {  // UNSHIFT: back to the buffer, which now holds only s0
    place_[s0] = kInBuffer;
    b_ = s0;
    buffer_end_ = s0;
    unshifted_ = true;
  }
  return true;
}

bool ParseState::IsLegal(int action, int n_labels) const {
  const int s0 = Stack(0);
  switch (KindOf(action, n_labels)) {
    case ActionKind::kShift:
      return !BufferEmpty() && !unshifted_;
    case ActionKind::kReduce:
      return s0 > 0 && head_[s0] >= 0 && s0 != root_word_;
    case ActionKind::kLeft:
      return !BufferEmpty() && s0 > 0 && head_[s0] < 0 &&
             LabelOf(action, n_labels) != kRootLabel;
    case ActionKind::kRight: {
      if (BufferEmpty() || s0 < 0) return false;
      const int l = LabelOf(action, n_labels);
      if (s0 == 0) return root_word_ == 0 && l == kRootLabel;
      return l != kRootLabel;
    }
  }
  return false;
}

int ParseState::LegalActions(int n_labels, uint8_t* legal) const {
  const int s0 = Stack(0);
  const bool buf = !BufferEmpty();
  const bool shift = buf && !unshifted_;
  const bool reduce = s0 > 0 && head_[s0] >= 0 && s0 != root_word_;
  const bool left = buf && s0 > 0 && head_[s0] < 0;
  const bool right_word = buf && s0 > 0;
  const bool right_root = buf && s0 == 0 && root_word_ == 0;
  legal[kShift] = shift;
  legal[kReduce] = reduce;
  int count = shift + reduce;
  for (int l = 0; l < n_labels; ++l) {
    const bool lt = left && l != kRootLabel;
    const bool rt = l == kRootLabel ? right_root : right_word;
    legal[LeftArc(l)] = lt;
    legal[RightArc(l, n_labels)] = rt;
    count += lt + rt;
  }
  return count;
}

void ParseState::AddArc(int h, int d, int label) {
  head_[d] = h;
  label_[d] = label;
  const uint64_t bit = uint64_t{1} << (label & 63);
  if (d < h) {
    ++nl_[h];
    lset_[h] |= bit;
    if (l1_[h] < 0 || d < l1_[h]) {
      l2_[h] = l1_[h];
      l1_[h] = d;
    } else if (l2_[h] < 0 || d < l2_[h]) {
      l2_[h] = d;
    }
  } else {
    ++nr_[h];
    rset_[h] |= bit;
    if (r1_[h] < 0 || d > r1_[h]) {
      r2_[h] = r1_[h];
      r1_[h] = d;
    } else if (r2_[h] < 0 || d > r2_[h]) {
      r2_[h] = d;
    }
  }
  if (h == 0) root_word_ = d;
}

void ParseState::Apply(int action, int n_labels) {
  const int s0 = Stack(0);
  switch (KindOf(action, n_labels)) {
    case ActionKind::kShift:
      stack_[stack_size_++] = b_;
      place_[b_] = kOnStack;
      ++b_;
      break;
    case ActionKind::kReduce:
      --stack_size_;
      place_[s0] = kPopped;
      break;
    case ActionKind::kLeft:
      AddArc(b_, s0, LabelOf(action, n_labels));
      --stack_size_;
      place_[s0] = kPopped;
      break;
    case ActionKind::kRight:
      AddArc(s0, b_, LabelOf(action, n_labels));
      stack_[stack_size_++] = b_;
      place_[b_] = kOnStack;
      ++b_;
      break;
  }
  if (unshifted_ && BufferEmpty()) {  // the unshifted word got its head
    unshifted_ = false;
    buffer_end_ = b_ - 1;
  }
}

void ParseState::Finish(int fallback_label) {
  for (int t = 1; t <= n_; ++t) {
    if (head_[t] >= 0) continue;
    if (root_word_ == 0) {
      AddArc(0, t, kRootLabel);
    } else {
      AddArc(root_word_, t, fallback_label);
    }
  }
}

}  // namespace dyad::parser
