// nlp/parser_combine — reparsing for parser ensembles: arcs proposed by
// several parsers carry vote weights, and the projective tree with one root
// word and the largest total weight is found with Eisner's algorithm
// (Eisner 1996; used for parser combination by Sagae & Lavie 2006). Arcs no
// parser proposed are allowed at a prohibitive cost, so a tree always exists.
#pragma once

#include <vector>

namespace dyad::parser {

class Combiner {
 public:
  // Longer sentences are not reparsed (O(n^3)); callers keep one parser's tree.
  static constexpr int kMaxWords = 200;

  // Starts a sentence of n words (1..n; 0 = root); n <= kMaxWords.
  void Reset(int n);
  // Adds weight w to the arc head -> dep.
  void AddVote(int head, int dep, float w);
  // Finds the best tree; heads()[d] is then the head of word d (1..n).
  void Solve();
  std::vector<int>& heads() { return heads_; }

 private:
  float& S(int h, int d) { return score_[h * (n_ + 1) + d]; }
  int Idx(int s, int t) const { return s * (n_ + 1) + t; }
  void CompleteLeft(int s, int t);
  void CompleteRight(int s, int t);
  void Incomplete(int s, int t, bool head_right);

  int n_ = 0;
  std::vector<float> score_;
  std::vector<float> cl_, cr_, il_, ir_;       // complete/incomplete, head at right/left end
  std::vector<int> bcl_, bcr_, bi_;            // split points
  std::vector<int> heads_;
};

}  // namespace dyad::parser
