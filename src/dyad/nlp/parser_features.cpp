#include "dyad/nlp/parser_features.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace dyad::parser {

uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL ^ s.size();
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

namespace {

// Distinct atoms for "no token here" and for the artificial root.
constexpr uint64_t kNone = 0x6e6f6e65ULL;       // "none"
constexpr uint64_t kRoot = 0x726f6f74ULL << 8;  // "root"
constexpr uint64_t kUnknownCluster = 0x756e6b63ULL << 16;

// HashString of the word lowercased (ASCII) with digits folded to '0',
// computed without building the normalised string.
uint64_t HashNormalizedWord(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL ^ s.size();
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

// The UD features that help attachment decisions beyond what XPOS says.
uint64_t MorphAtom(std::string_view feats) {
  static constexpr std::array<std::string_view, 9> kKeep = {
      "VerbForm=", "Mood=", "PronType=", "Case=", "Poss=", "Reflex=", "Polarity=", "Definite=",
      "NumType="};
  uint64_t h = 0x6d6f7270ULL;
  size_t pos = 0;
  while (pos < feats.size()) {
    size_t bar = feats.find('|', pos);
    if (bar == std::string_view::npos) bar = feats.size();
    std::string_view item = feats.substr(pos, bar - pos);
    for (std::string_view k : kKeep) {
      if (item.substr(0, k.size()) == k) {
        h = Mix(h, HashString(item));
        break;
      }
    }
    pos = bar + 1;
  }
  return h;
}

bool IsPunct(const Word& w) {
  if (w.upos == "PUNCT") return true;
  if (!w.upos.empty()) return false;
  for (unsigned char c : w.form)
    if (std::isalnum(c) || c >= 0x80) return false;
  return !w.form.empty();
}

int DistanceBucket(int d) {
  if (d <= 5) return d;
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  if (d <= 15) return 8;
  return 9;
}

inline uint64_t F(uint64_t tid, uint64_t a) { return Mix(Mix(tid * 0x9e3779b97f4a7c15ULL, a), 1); }
inline uint64_t F(uint64_t tid, uint64_t a, uint64_t b) {
  return Mix(Mix(Mix(tid * 0x9e3779b97f4a7c15ULL, a), b), 2);
}
inline uint64_t F(uint64_t tid, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(Mix(tid * 0x9e3779b97f4a7c15ULL, a), b), c), 3);
}
inline uint64_t F(uint64_t tid, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return Mix(Mix(Mix(Mix(Mix(tid * 0x9e3779b97f4a7c15ULL, a), b), c), d), 4);
}

}  // namespace

void SentenceAtoms::Build(const Sentence& s, const WordClusters* clusters, bool reverse) {
  n_ = static_cast<int>(s.words.size());
  atoms_.assign(static_cast<size_t>(n_) + 2, TokenAtoms{});
  punct_prefix_.assign(static_cast<size_t>(n_) + 1, 0);
  TokenAtoms none{kNone, kNone, kNone, kNone, kNone, kNone, kNone, kNone};
  TokenAtoms root{kRoot, kRoot, kRoot, kRoot, kRoot, kRoot, kRoot, kRoot};
  std::string& lower = lower_;
  atoms_[0] = none;
  atoms_[1] = root;
  for (int i = 0; i < n_; ++i) {
    const Word& w = s.words[reverse ? n_ - 1 - i : i];
    TokenAtoms& a = atoms_[i + 2];
    a.w = HashNormalizedWord(w.form);
    a.u = HashString(w.upos.empty() ? std::string_view("X") : std::string_view(w.upos)) ^ 0x75;
    a.p = w.xpos.empty() ? a.u : HashString(w.xpos) ^ 0x70;
    a.m = HashNormalizedWord(w.lemma.empty() ? w.form : w.lemma) ^ 0x6d;
    a.f = MorphAtom(w.feats);
    a.c = a.c4 = kUnknownCluster;
    if (clusters != nullptr) {
      lower.assign(w.form);
      for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (const uint32_t cl = clusters->Cluster(lower)) {
        a.c = clusters->PrefixCode(cl, 32);
        a.c4 = clusters->PrefixCode(cl, 4);
      }
    }
    a.wp = Mix(a.w, a.p);
    punct_prefix_[i + 1] = punct_prefix_[i] + (IsPunct(w) ? 1 : 0);
  }
}

void ExtractFeatures(const ParseState& st, const SentenceAtoms& A, uint64_t* out) {
  const int s0 = st.Stack(0), s1 = st.Stack(1), s2 = st.Stack(2);
  const int n0 = st.Buffer(0), n1 = st.Buffer(1), n2 = st.Buffer(2);
  auto head = [&](int t) { return t >= 0 ? st.head(t) : -1; };
  auto lm = [&](int t) { return t >= 0 ? st.leftmost(t) : -1; };
  auto lm2 = [&](int t) { return t >= 0 ? st.leftmost2(t) : -1; };
  auto rm = [&](int t) { return t >= 0 ? st.rightmost(t) : -1; };
  auto rm2 = [&](int t) { return t >= 0 ? st.rightmost2(t) : -1; };
  // Label atom: 0 = no token or no head yet, else label id + 1.
  auto lab = [&](int t) -> uint64_t { return t >= 0 && st.head(t) >= 0 ? st.label(t) + 1 : 0; };

  const int s0h = head(s0), s0h2 = head(s0h);
  const int s0l = lm(s0), s0l2 = lm2(s0), s0r = rm(s0), s0r2 = rm2(s0);
  const int n0l = lm(n0), n0l2 = lm2(n0);
  const int s1r = rm(s1);

  const TokenAtoms &S0 = A[s0], &S1 = A[s1], &S2 = A[s2], &N0 = A[n0], &N1 = A[n1], &N2 = A[n2];
  const TokenAtoms &S0h = A[s0h], &S0h2 = A[s0h2], &S0l = A[s0l], &S0l2 = A[s0l2],
                   &S0r = A[s0r], &S0r2 = A[s0r2], &N0l = A[n0l], &N0l2 = A[n0l2],
                   &S1r = A[s1r];

  const uint64_t d = (s0 > 0 && n0 > 0) ? DistanceBucket(n0 - s0) : (s0 == 0 ? 20 : 21);
  const uint64_t s0vl = s0 >= 0 ? std::min(st.left_valency(s0), 8) : 9;
  const uint64_t s0vr = s0 >= 0 ? std::min(st.right_valency(s0), 8) : 9;
  const uint64_t n0vl = n0 >= 0 ? std::min(st.left_valency(n0), 8) : 9;
  const uint64_t s0sl = s0 >= 0 ? st.left_labels(s0) : 1ULL << 63;
  const uint64_t s0sr = s0 >= 0 ? st.right_labels(s0) : 1ULL << 63;
  const uint64_t n0sl = n0 >= 0 ? st.left_labels(n0) : 1ULL << 63;
  const uint64_t punct = (s0 > 0 && n0 > 0) ? std::min(A.PunctBetween(s0, n0), 3) : 4;
  const uint64_t rooted = st.root_word() != 0;

  int k = 0;
  // Single words.
  out[k++] = F(1, S0.wp);
  out[k++] = F(2, S0.w);
  out[k++] = F(3, S0.p);
  out[k++] = F(4, N0.wp);
  out[k++] = F(5, N0.w);
  out[k++] = F(6, N0.p);
  out[k++] = F(7, N1.wp);
  out[k++] = F(8, N1.w);
  out[k++] = F(9, N1.p);
  out[k++] = F(10, N2.wp);
  out[k++] = F(11, N2.w);
  out[k++] = F(12, N2.p);
  // Word pairs.
  out[k++] = F(13, S0.wp, N0.wp);
  out[k++] = F(14, S0.wp, N0.w);
  out[k++] = F(15, S0.w, N0.wp);
  out[k++] = F(16, S0.wp, N0.p);
  out[k++] = F(17, S0.p, N0.wp);
  out[k++] = F(18, S0.w, N0.w);
  out[k++] = F(19, S0.p, N0.p);
  out[k++] = F(20, N0.p, N1.p);
  // Three tags.
  out[k++] = F(21, N0.p, N1.p, N2.p);
  out[k++] = F(22, S0.p, N0.p, N1.p);
  out[k++] = F(23, S0h.p, S0.p, N0.p);
  out[k++] = F(24, S0.p, S0l.p, N0.p);
  out[k++] = F(25, S0.p, S0r.p, N0.p);
  out[k++] = F(26, S0.p, N0.p, N0l.p);
  // Distance.
  out[k++] = F(27, S0.w, d);
  out[k++] = F(28, S0.p, d);
  out[k++] = F(29, N0.w, d);
  out[k++] = F(30, N0.p, d);
  out[k++] = F(31, S0.w, N0.w, d);
  out[k++] = F(32, S0.p, N0.p, d);
  // Valency.
  out[k++] = F(33, S0.w, s0vr);
  out[k++] = F(34, S0.p, s0vr);
  out[k++] = F(35, S0.w, s0vl);
  out[k++] = F(36, S0.p, s0vl);
  out[k++] = F(37, N0.w, n0vl);
  out[k++] = F(38, N0.p, n0vl);
  // Heads and children.
  out[k++] = F(39, S0h.w);
  out[k++] = F(40, S0h.p);
  out[k++] = F(41, lab(s0));
  out[k++] = F(42, S0l.w);
  out[k++] = F(43, S0l.p);
  out[k++] = F(44, lab(s0l));
  out[k++] = F(45, S0r.w);
  out[k++] = F(46, S0r.p);
  out[k++] = F(47, lab(s0r));
  out[k++] = F(48, N0l.w);
  out[k++] = F(49, N0l.p);
  out[k++] = F(50, lab(n0l));
  // Third order.
  out[k++] = F(51, S0h2.w);
  out[k++] = F(52, S0h2.p);
  out[k++] = F(53, lab(s0h));
  out[k++] = F(54, S0l2.w);
  out[k++] = F(55, S0l2.p);
  out[k++] = F(56, lab(s0l2));
  out[k++] = F(57, S0r2.w);
  out[k++] = F(58, S0r2.p);
  out[k++] = F(59, lab(s0r2));
  out[k++] = F(60, N0l2.w);
  out[k++] = F(61, N0l2.p);
  out[k++] = F(62, lab(n0l2));
  out[k++] = F(63, S0.p, S0l.p, S0l2.p);
  out[k++] = F(64, S0.p, S0r.p, S0r2.p);
  out[k++] = F(65, S0.p, S0h.p, S0h2.p);
  out[k++] = F(66, N0.p, N0l.p, N0l2.p);
  // Label sets.
  out[k++] = F(67, S0.w, s0sr);
  out[k++] = F(68, S0.p, s0sr);
  out[k++] = F(69, S0.w, s0sl);
  out[k++] = F(70, S0.p, s0sl);
  out[k++] = F(71, N0.w, n0sl);
  out[k++] = F(72, N0.p, n0sl);
  // Second and third stack elements.
  out[k++] = F(73, S1.w);
  out[k++] = F(74, S1.p);
  out[k++] = F(75, S1.wp);
  out[k++] = F(76, S1.p, S0.p, N0.p);
  out[k++] = F(77, S1.p, lab(s1), S0.p);
  out[k++] = F(78, S2.p, S1.p, S0.p);
  out[k++] = F(79, S1.p, S1r.p, N0.p);
  // Lemmas.
  out[k++] = F(80, S0.m);
  out[k++] = F(81, N0.m);
  out[k++] = F(82, S0.m, N0.m);
  out[k++] = F(83, S0.m, N0.p);
  out[k++] = F(84, S0.p, N0.m);
  out[k++] = F(85, S0h.m, S0.p, N0.p);
  // Morphology and UPOS.
  out[k++] = F(86, S0.f, S0.p, N0.f, N0.p);
  out[k++] = F(87, S0.p, S0.f);
  out[k++] = F(88, N0.p, N0.f);
  out[k++] = F(89, S0.u, N0.u);
  out[k++] = F(90, S0.u, N0.u, d);
  // Punctuation between S0 and N0, labels in context, root assigned.
  out[k++] = F(91, S0.p, N0.p, punct);
  out[k++] = F(92, S0.p, N0.p, lab(s0));
  out[k++] = F(93, S0.p, N0.p, rooted);
  out[k++] = F(94, N0.w, N1.w);
  out[k++] = F(95, S0.p, N0.p, s0sl, n0sl);
  out[k++] = F(96, S0.p, N0.p, lab(s0r), lab(n0l));
  // Word clusters (atoms are kNone when the sentence has none).
  out[k++] = F(97, S0.c, N0.c);
  out[k++] = F(98, S0.c, N0.p);
  out[k++] = F(99, S0.p, N0.c);
  out[k++] = F(100, N0.c, N1.c);
  out[k++] = F(101, S0.c);
  out[k++] = F(102, N0.c);
  out[k++] = F(103, N1.c);
  out[k++] = F(104, S0.c4, N0.c4, N1.c4);
  out[k++] = F(105, S0h.c4, S0.c4, N0.c4);
  out[k++] = F(106, S0.c, N0.c, d);
  // UPOS versions of the main tag templates (UPOS is the more accurate
  // prediction), and coarse clusters of children: both make the parser less
  // dependent on exact XPOS, which the tagger gets wrong on 5% of words.
  out[k++] = F(107, S0.u, N0.u, N1.u);
  out[k++] = F(108, S1.u, S0.u, N0.u);
  out[k++] = F(109, S0h.u, S0.u, N0.u);
  out[k++] = F(110, S0.u, S0l.u, S0r.u, N0.u);
  out[k++] = F(111, S0.w, N0.u);
  out[k++] = F(112, S0.u, N0.w);
  out[k++] = F(113, S0.c4, N0.c4);
  out[k++] = F(114, S0l.c4, S0.c4, N0.c4);
  out[k++] = F(115, S0r.c4, S0.c4, N0.c4);
  out[k++] = F(116, N0l.c4, S0.c4, N0.c4);
  out[k++] = F(117, N0.c4, N1.c4, N2.c4);
  out[k++] = F(118, S0.c, N0.u, punct);
}

}  // namespace dyad::parser
