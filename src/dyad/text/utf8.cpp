#include "dyad/text/utf8.h"

#include <utf8proc.h>

#include <cstdlib>

namespace dyad {
namespace {

constexpr int32_t kReplacement = 0xFFFD;

bool IsCont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes one code point from [p, end) with full validation. Returns the
// number of bytes consumed (>= 1) and sets *cp (kReplacement when invalid:
// then the bytes consumed are the maximal ill-formed subpart, as Unicode
// recommends, so one bad byte costs one U+FFFD).
int DecodeChecked(const unsigned char* p, const unsigned char* end, int32_t* cp) {
  unsigned char b = p[0];
  if (b < 0x80) { *cp = b; return 1; }
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  int32_t v;
  if (b >= 0xC2 && b <= 0xDF) { need = 1; v = b & 0x1F; }
  else if (b >= 0xE0 && b <= 0xEF) {
    need = 2; v = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;   // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3; v = b & 0x07;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;   // <= U+10FFFF
  } else {
    *cp = kReplacement;
    return 1;
  }
  int i = 1;
  for (; i <= need; ++i) {
    if (p + i >= end) { *cp = kReplacement; return i; }
    unsigned char c = p[i];
    if (i == 1 ? (c < lo || c > hi) : !IsCont(c)) { *cp = kReplacement; return i; }
    v = (v << 6) | (c & 0x3F);
  }
  *cp = v;
  return need + 1;
}

// Whether NFC could change a run containing cp (conservative: combining
// marks, characters with a canonical decomposition, Hangul jamo).
bool MayChangeUnderNfc(int32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;   // general punctuation
  if (cp >= 0x1100 && cp <= 0x11FF) return true;    // Hangul jamo compose
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  if (p->combining_class != 0) return true;
  if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME)
    return true;
  return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

// Windows-1252 meanings of the C1 range, for text that was decoded as Latin-1.
int32_t Cp1252(int32_t cp) {
  switch (cp) {
    case 0x80: return 0x20AC;  // €
    case 0x91: return 0x2018;
    case 0x92: return 0x2019;
    case 0x93: return 0x201C;
    case 0x94: return 0x201D;
    case 0x96: return 0x2013;
    case 0x97: return 0x2014;
    case 0x99: return 0x2122;
    default: return -1;
  }
}

}  // namespace

void AppendUtf8(int32_t cp, std::string* out) {
  unsigned char buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

void NormalizeText(std::string_view in, std::string* out, NormalizeStats* stats) {
  NormalizeStats local;
  NormalizeStats& st = stats ? *stats : local;
  out->clear();
  out->reserve(in.size());
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = p + in.size();
  uint64_t line = 1;
  // The current run of non-ASCII text (plus the ASCII character before it,
  // which a combining mark may attach to) and whether NFC may change it.
  size_t run_start = std::string::npos;
  bool run_needs_nfc = false;
  auto close_run = [&]() {
    if (run_start != std::string::npos && run_needs_nfc) {
      utf8proc_uint8_t* mapped = nullptr;
      auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(out->data() + run_start),
                            static_cast<utf8proc_ssize_t>(out->size() - run_start), &mapped,
                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
      if (n >= 0 && mapped) {
        out->resize(run_start);
        out->append(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
      }
      std::free(mapped);
    }
    run_start = std::string::npos;
    run_needs_nfc = false;
  };
  auto control = [&]() {
    if (st.control_chars++ == 0) st.first_control_line = line;
    out->push_back(' ');
  };

  while (p < end) {
    unsigned char b = *p;
    if (b < 0x80) {
      // Fast path: a span of printable ASCII.
      const unsigned char* q = p;
      while (q < end && *q >= 0x20 && *q < 0x7F) ++q;
      if (q > p) {
        if (run_start != std::string::npos) {
          // The last non-ASCII run ends here; keep the ASCII byte before it.
          close_run();
        }
        out->append(reinterpret_cast<const char*>(p), static_cast<size_t>(q - p));
        p = q;
        continue;
      }
      close_run();
      ++p;
      switch (b) {
        case '\n': out->push_back('\n'); ++line; break;
        case '\r':
          out->push_back('\n');
          if (p < end && *p == '\n') ++p;
          ++line;
          break;
        case '\t': out->push_back('\t'); break;
        case '\f': out->push_back('\n'); break;
        case '\v': out->push_back(' '); break;
        default: control(); break;  // NUL, other C0 controls, DEL
      }
      continue;
    }
    int32_t cp;
    int n = DecodeChecked(p, end, &cp);
    p += n;
    if (cp == kReplacement && n >= 1 && !(n == 3 && p[-3] == 0xEF && p[-2] == 0xBF && p[-1] == 0xBD)) {
      if (st.invalid_sequences++ == 0) st.first_invalid_line = line;
    }
    // Spaces, separators, invisibles and controls.
    switch (cp) {
      case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        close_run(); out->push_back(' '); continue;
      case 0x2028: case 0x2029: case 0x0085:
        close_run(); out->push_back('\n'); continue;
      case 0xFEFF: case 0x200B: case 0x00AD: case 0x2060:
        continue;
      default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) { close_run(); out->push_back(' '); continue; }
    if (cp >= 0x80 && cp <= 0x9F) {
      int32_t m = Cp1252(cp);
      if (m < 0) { close_run(); control(); continue; }
      cp = m;
    }
    if (run_start == std::string::npos) {
      run_start = out->size();
      if (!out->empty() && static_cast<unsigned char>(out->back()) < 0x80 && out->back() > ' ')
        --run_start;
    }
    if (MayChangeUnderNfc(cp)) run_needs_nfc = true;
    AppendUtf8(cp, out);
  }
  close_run();
}

void ReportNormalization(const NormalizeStats& stats, const std::string& source, uint64_t base_line,
                         std::vector<InputWarning>* warnings) {
  if (stats.invalid_sequences > 0) {
    warnings->push_back({source, base_line + stats.first_invalid_line - 1,
                         "invalid UTF-8: " + std::to_string(stats.invalid_sequences) +
                             " byte sequence(s) replaced by U+FFFD"});
  }
  if (stats.control_chars > 0) {
    warnings->push_back({source, base_line + stats.first_control_line - 1,
                         "binary data: " + std::to_string(stats.control_chars) +
                             " control character(s) (NUL etc.) replaced by spaces"});
  }
}

bool IsLetterCp(int32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

bool IsDigitCp(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

bool IsUpperCp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLowerCp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

std::string AsciiLower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

}  // namespace dyad
