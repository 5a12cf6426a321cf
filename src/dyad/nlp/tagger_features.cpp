#include "dyad/nlp/tagger_features.h"

#include <utf8proc.h>

namespace dyad::nlp {
namespace {

// Atoms standing for positions outside the sentence.
constexpr uint64_t kPadBefore2 = 0x5157a2b1c0ffee01ULL;
constexpr uint64_t kPadBefore1 = 0x5157a2b1c0ffee02ULL;
constexpr uint64_t kPadAfter1 = 0x5157a2b1c0ffee03ULL;
constexpr uint64_t kPadAfter2 = 0x5157a2b1c0ffee04ULL;
constexpr uint64_t kNone = 0x5157a2b1c0ffee05ULL;

inline uint64_t Pad(int offset) {
  return offset == -2 ? kPadBefore2 : offset == -1 ? kPadBefore1 : offset == 1 ? kPadAfter1 : kPadAfter2;
}

// Collapsed character classes: "McDonald's" -> "XxXx'x", "1,000" -> "d,d".
void AppendShape(std::string_view s, std::string* shape) {
  shape->clear();
  char prev = 0;
  int run = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char c = s[pos];
    char k;
    if (c < 0x80) {
      k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : static_cast<char>(c);
      ++pos;
    } else {
      utf8proc_int32_t cp;
      utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const uint8_t*>(s.data()) + pos,
                                              static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
      if (len <= 0) { ++pos; k = '?'; }
      else {
        pos += len;
        utf8proc_category_t cat = utf8proc_category(cp);
        k = cat == UTF8PROC_CATEGORY_LU ? 'X' : (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO) ? 'x'
          : cat == UTF8PROC_CATEGORY_ND ? 'd' : '*';
      }
    }
    if (k == prev) {
      if (++run > 2) continue;
    } else {
      run = 1;
      prev = k;
    }
    shape->push_back(k);
  }
}

}  // namespace

void LowercaseUtf8(std::string_view s, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char c = s[pos];
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      ++pos;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const uint8_t*>(s.data()) + pos,
                                            static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
    if (len <= 0) {  // invalid byte: keep it as is
      out->push_back(static_cast<char>(c));
      ++pos;
      continue;
    }
    uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out->append(reinterpret_cast<char*>(buf), n);
    pos += len;
  }
}

void PrepareTokens(const TaggerModel& m, const std::vector<Word>& words, std::vector<TokenInfo>* out) {
  thread_local std::string lower, norm, shape;
  thread_local std::vector<uint32_t> starts;
  out->resize(words.size());
  int caps = 0, allcaps = 0, alpha = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& form = words[i].form;
    TokenInfo& t = (*out)[i];
    LowercaseUtf8(form, &lower);
    norm = lower;
    for (char& c : norm)
      if (c >= '0' && c <= '9') c = '0';
    t.form = HashBytes(form, 11);
    t.norm = HashBytes(norm, 12);
    AppendShape(form, &shape);
    t.shape = HashBytes(shape, 13);
    // Affixes by code point, of the lowercase form.
    starts.clear();
    for (uint32_t p = 0; p < lower.size(); ++p)
      if ((static_cast<unsigned char>(lower[p]) & 0xC0) != 0x80) starts.push_back(p);
    int nc = static_cast<int>(starts.size());
    std::string_view lv(lower);
    for (int k = 1; k <= 4; ++k)
      t.suf[k - 1] = k <= nc ? HashBytes(lv.substr(starts[nc - k]), 20 + k) : kNone;
    for (int k = 1; k <= 3; ++k)
      t.pre[k - 1] = k < nc ? HashBytes(lv.substr(0, starts[k]), 30 + k) : kNone;
    size_t hy = lv.rfind('-');
    t.hyph_tail = (hy != std::string_view::npos && hy > 0 && hy + 1 < lv.size())
                      ? HashBytes(lv.substr(hy + 1), 40) : kNone;
    uint32_t e = m.lexicon.Find(HashBytes(form, 1));
    if (e == U64Map::kMissing) e = m.lexicon.Find(HashBytes(lower, 2));
    t.entry = e == U64Map::kMissing ? nullptr : &m.lex[e];
    t.count = t.entry ? t.entry->count : 0;
    uint32_t sig = t.entry ? t.entry->wn_signature : (m.wordnet.empty() ? 0 : m.wordnet.Signature(lower));
    t.wnsig = Mix64(sig + 0x77);
    t.ambig = (t.entry && t.entry->count >= m.min_ambiguity_count) ? t.entry->ambiguity
                                                                   : Combine(0xAB, sig);
    uint32_t le = m.lexicon.Find(HashBytes(lower, 2));
    t.lower_ambig = (le != U64Map::kMissing && m.lex[le].count >= m.min_ambiguity_count)
                        ? m.lex[le].ambiguity : Combine(0xAC, sig);
    // Sentence case statistics (headlines are title case or capitals).
    unsigned char c0 = form.empty() ? 0 : static_cast<unsigned char>(form[0]);
    if (c0 >= 'A' && c0 <= 'Z') {
      ++caps;
      bool all = true;
      for (char ch : form)
        if (ch >= 'a' && ch <= 'z') { all = false; break; }
      if (all && form.size() > 1) ++allcaps;
      ++alpha;
    } else if (c0 >= 'a' && c0 <= 'z') {
      ++alpha;
    }
    if (m.clusters) {
      uint32_t c = m.clusters->Cluster(lower);
      t.cl[0] = m.clusters->PrefixCode(c, 4);
      t.cl[1] = m.clusters->PrefixCode(c, 6);
      t.cl[2] = m.clusters->PrefixCode(c, 10);
      t.cl[3] = m.clusters->PrefixCode(c, 32);
    }
  }
  uint32_t sc = (alpha >= 3 && allcaps * 10 >= alpha * 7) ? 2 : (alpha >= 3 && caps * 10 >= alpha * 7) ? 1 : 0;
  for (auto& t : *out) t.sent_case = sc;
}

const int kRoleOffset[kNumRoles] = {0, -1, 1, -2, 2};

int RoleFeatures(const TokenInfo* w, int role, bool clusters, uint64_t* out) {
  int k = 0;
  if (role == kRoleSelf) {
    out[k++] = Feat(1, 0);
    out[k++] = Feat(2, w->norm);
    out[k++] = Feat(3, w->form);
    for (int s = 0; s < 4; ++s) out[k++] = Feat(4 + s, w->suf[s]);
    for (int p = 0; p < 3; ++p) out[k++] = Feat(8 + p, w->pre[p]);
    out[k++] = Feat(11, w->shape);
    out[k++] = Feat(12, w->ambig);
    out[k++] = Feat(13, w->wnsig);
    out[k++] = Feat(29, w->hyph_tail);
    uint32_t bucket = w->count == 0 ? 0 : w->count < 3 ? 1 : w->count < 10 ? 2 : 3;
    out[k++] = Feat(34, bucket, w->shape);
    out[k++] = Feat(35, bucket, w->suf[2]);
    if (clusters) {
      out[k++] = Feat(40, w->cl[0]);
      out[k++] = Feat(41, w->cl[1]);
      out[k++] = Feat(42, w->cl[2]);
      out[k++] = Feat(43, w->cl[3]);
      out[k++] = Feat(49, w->cl[2], bucket);
    }
    return k;
  }
  // A neighbour: its atoms, or the padding atom of that offset.
  const int d = kRoleOffset[role];
  auto atom = [&](uint64_t v) { return w ? v : Pad(d); };
  switch (role) {
    case kRoleLeft1:
      out[k++] = Feat(14, atom(w ? w->norm : 0));
      out[k++] = Feat(18, atom(w ? w->suf[2] : 0));
      out[k++] = Feat(20, atom(w ? w->ambig : 0));
      out[k++] = Feat(27, atom(w ? w->shape : 0));
      if (clusters) {
        out[k++] = Feat(44, atom(w ? w->cl[3] : 0));
        out[k++] = Feat(46, atom(w ? w->cl[1] : 0));
      }
      break;
    case kRoleRight1:
      out[k++] = Feat(15, atom(w ? w->norm : 0));
      out[k++] = Feat(19, atom(w ? w->suf[2] : 0));
      out[k++] = Feat(21, atom(w ? w->ambig : 0));
      out[k++] = Feat(26, atom(w ? w->shape : 0));
      if (clusters) {
        out[k++] = Feat(45, atom(w ? w->cl[3] : 0));
        out[k++] = Feat(47, atom(w ? w->cl[1] : 0));
      }
      break;
    case kRoleLeft2:
      out[k++] = Feat(16, atom(w ? w->norm : 0));
      out[k++] = Feat(23, atom(w ? w->ambig : 0));
      break;
    case kRoleRight2:
      out[k++] = Feat(17, atom(w ? w->norm : 0));
      out[k++] = Feat(22, atom(w ? w->ambig : 0));
      if (clusters) out[k++] = Feat(48, atom(w ? w->cl[2] : 0));
      break;
  }
  return k;
}

int PairFeatures(const TokenInfo* t, int n, int i, uint64_t* out) {
  int k = 0;
  const TokenInfo& w = t[i];
  auto norm = [&](int d) { int j = i + d; return (j < 0 || j >= n) ? Pad(d) : t[j].norm; };
  auto ambig = [&](int d) { int j = i + d; return (j < 0 || j >= n) ? Pad(d) : t[j].ambig; };
  out[k++] = Feat(24, norm(-1), w.norm);
  out[k++] = Feat(25, w.norm, norm(1));
  out[k++] = Feat(28, i == 0, w.shape);
  out[k++] = Feat(30, w.ambig, ambig(1));
  out[k++] = Feat(31, ambig(-1), w.ambig);
  out[k++] = Feat(32, norm(1), norm(2));
  out[k++] = Feat(33, norm(-2), norm(-1));
  return k;
}

int StaticFeatures(const TokenInfo* t, int n, int i, bool clusters, uint64_t* out) {
  int k = 0;
  for (int r = 0; r < kNumRoles; ++r) {
    int j = i + kRoleOffset[r];
    k += RoleFeatures((j < 0 || j >= n) ? nullptr : &t[j], r, clusters, out + k);
  }
  k += PairFeatures(t, n, i, out + k);
  return k;
}

int TagFeatures(const TokenInfo* t, int n, int i, const uint16_t* left, const uint16_t* right,
                uint64_t* out) {
  int k = 0;
  const TokenInfo& w = t[i];
  uint64_t l1 = i >= 1 ? left[i - 1] + 1u : kPadBefore1;
  uint64_t l2 = i >= 2 ? left[i - 2] + 1u : kPadBefore2;
  uint64_t n1 = i + 1 < n ? t[i + 1].norm : kPadAfter1;
  out[k++] = Feat(60, l1);
  out[k++] = Feat(61, l2, l1);
  out[k++] = Feat(62, l1, w.norm);
  out[k++] = Feat(63, l1, w.ambig);
  out[k++] = Feat(64, l1, w.suf[2]);
  out[k++] = Feat(65, l1, n1);
  if (right) {
    uint64_t r0 = right[i] + 1u;
    uint64_t r1 = i + 1 < n ? right[i + 1] + 1u : kPadAfter1;
    uint64_t r2 = i + 2 < n ? right[i + 2] + 1u : kPadAfter2;
    out[k++] = Feat(70, r1);
    out[k++] = Feat(71, r1, r2);
    out[k++] = Feat(72, l1, r1);
    out[k++] = Feat(73, r1, w.norm);
    out[k++] = Feat(74, r1, w.ambig);
    out[k++] = Feat(75, r2);
    out[k++] = Feat(76, r0);
    out[k++] = Feat(77, l1, r0, r1);
  }
  return k;
}

int FeatsFeatures(const TaggerModel& m, const TokenInfo* t, int n, int i, const uint16_t* tags,
                  uint64_t* out) {
  int k = 0;
  const TokenInfo& w = t[i];
  uint64_t tag = tags[i] + 1u;
  uint64_t l1 = i >= 1 ? tags[i - 1] + 1u : kPadBefore1;
  uint64_t l2 = i >= 2 ? tags[i - 2] + 1u : kPadBefore2;
  uint64_t r1 = i + 1 < n ? tags[i + 1] + 1u : kPadAfter1;
  auto norm = [&](int d) { int j = i + d; return (j < 0 || j >= n) ? Pad(d) : t[j].norm; };
  out[k++] = Feat(80, tag);
  out[k++] = Feat(81, tag, w.norm);
  out[k++] = Feat(82, tag, w.suf[1]);
  out[k++] = Feat(83, tag, w.suf[2]);
  out[k++] = Feat(84, tag, l1);
  out[k++] = Feat(85, tag, r1);
  out[k++] = Feat(86, tag, norm(-1));
  out[k++] = Feat(87, tag, norm(-2));
  out[k++] = Feat(88, tag, norm(1));
  out[k++] = Feat(89, tag, w.shape);
  out[k++] = Feat(90, tag, l2, l1);
  out[k++] = Feat(91, tag, w.form);
  // Agreement: the nearest nominal to the left (a subject proxy) and the
  // nearest auxiliary (passive "be/get" vs perfect "have").
  uint64_t subj = kNone, subj_tag = kNone, aux = kNone;
  for (int j = i - 1; j >= 0 && j >= i - 10; --j) {
    uint8_t kind = m.tag_kind[tags[j]];
    if (kind == TaggerModel::kNominal) { subj = t[j].norm; subj_tag = tags[j] + 1u; break; }
  }
  for (int j = i - 1; j >= 0 && j >= i - 4; --j) {
    uint8_t kind = m.tag_kind[tags[j]];
    if (kind == TaggerModel::kAux) { aux = t[j].norm; break; }
    if (kind == TaggerModel::kVerb) break;
  }
  out[k++] = Feat(92, tag, subj);
  out[k++] = Feat(93, tag, subj_tag);
  out[k++] = Feat(94, tag, aux);
  out[k++] = Feat(95, tag, aux, l1);
  return k;
}

}  // namespace dyad::nlp
