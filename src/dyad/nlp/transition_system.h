// The arc-eager transition system of the dependency parser, with a
// single-root constraint and an "unshift" end game (after Nivre &
// Fernández-González 2014) so that every terminal configuration is a tree:
//
//   * token 0 is the artificial root and sits at the bottom of the stack;
//   * RIGHT-ARC from token 0 is legal once, with the label "root" (label id
//     0), and the word it attaches (the root word) is never reduced;
//   * when the buffer runs out, a headless word on top of the stack is moved
//     back to the buffer (UNSHIFT); the buffer then holds that one word and
//     SHIFT is illegal, so the word must be attached by LEFT- or RIGHT-ARC.
//
// Actions are small integers: 0 SHIFT, 1 REDUCE, 2+l LEFT-ARC(l),
// 2+L+l RIGHT-ARC(l) for L labels. UNSHIFT and the REDUCEs once the buffer is
// empty are forced moves that involve no decision (ForcedMove).
#pragma once

#include <cstdint>
#include <vector>

namespace dyad::parser {

constexpr int kShift = 0;
constexpr int kReduce = 1;
constexpr int kRootLabel = 0;  // label id 0 is always "root"

enum class ActionKind : uint8_t { kShift, kReduce, kLeft, kRight };

inline ActionKind KindOf(int action, int n_labels) {
  if (action == kShift) return ActionKind::kShift;
  if (action == kReduce) return ActionKind::kReduce;
  return action < 2 + n_labels ? ActionKind::kLeft : ActionKind::kRight;
}
inline int LabelOf(int action, int n_labels) {
  return action < 2 + n_labels ? action - 2 : action - 2 - n_labels;
}
inline int LeftArc(int label) { return 2 + label; }
inline int RightArc(int label, int n_labels) { return 2 + n_labels + label; }
inline int NumActions(int n_labels) { return 2 + 2 * n_labels; }

// Where a token is: not yet read (or unshifted), on the stack, or popped.
enum TokenPlace : uint8_t { kInBuffer = 0, kOnStack = 1, kPopped = 2 };

// A parser configuration for a sentence of n words (tokens 1..n, 0 = root).
// All storage is sized once by Init, so copying between states of the same
// sentence (beam search) and applying transitions never allocate.
class ParseState {
 public:
  void Init(int n);
  void CopyFrom(const ParseState& o);

  int n() const { return n_; }
  int stack_size() const { return stack_size_; }
  // i-th element from the top of the stack (0 = top), or -1.
  int Stack(int i) const { return i < stack_size_ ? stack_[stack_size_ - 1 - i] : -1; }
  // i-th element of the buffer (0 = front), or -1.
  int Buffer(int i) const { return b_ + i <= buffer_end_ ? b_ + i : -1; }
  bool BufferEmpty() const { return b_ > buffer_end_; }
  bool unshifted() const { return unshifted_; }

  int head(int t) const { return head_[t]; }
  int label(int t) const { return label_[t]; }
  int leftmost(int t) const { return l1_[t]; }
  int leftmost2(int t) const { return l2_[t]; }
  int rightmost(int t) const { return r1_[t]; }
  int rightmost2(int t) const { return r2_[t]; }
  int left_valency(int t) const { return nl_[t]; }
  int right_valency(int t) const { return nr_[t]; }
  uint64_t left_labels(int t) const { return lset_[t]; }
  uint64_t right_labels(int t) const { return rset_[t]; }
  TokenPlace place(int t) const { return static_cast<TokenPlace>(place_[t]); }
  int root_word() const { return root_word_; }

  // True when no action is legal: the tree is complete.
  bool Terminal() const;
  // A move that needs no decision (UNSHIFT, or REDUCE with an empty
  // buffer): applies it and returns true. Call before scoring.
  bool ApplyForcedMove();
  bool IsLegal(int action, int n_labels) const;
  // Fills legal[a] (size NumActions) and returns how many are legal.
  int LegalActions(int n_labels, uint8_t* legal) const;
  void Apply(int action, int n_labels);

  // Attaches any word still without a head (only possible after a step cap)
  // so the result is always a tree: to the root word, or as the root.
  void Finish(int fallback_label);

 private:
  void AddArc(int h, int d, int label);

  int n_ = 0;
  int stack_size_ = 0;
  int b_ = 1;            // buffer front
  int buffer_end_ = 0;   // last buffer position (n, or the unshifted word)
  bool unshifted_ = false;
  int root_word_ = 0;    // the word attached to token 0, 0 if none yet
  std::vector<int> buf_;  // one allocation holding all per-token arrays
  int *stack_ = nullptr, *head_ = nullptr, *label_ = nullptr, *l1_ = nullptr, *l2_ = nullptr,
      *r1_ = nullptr, *r2_ = nullptr, *nl_ = nullptr, *nr_ = nullptr, *place_ = nullptr;
  std::vector<uint64_t> sets_;
  uint64_t *lset_ = nullptr, *rset_ = nullptr;
  void Bind();
};

}  // namespace dyad::parser
