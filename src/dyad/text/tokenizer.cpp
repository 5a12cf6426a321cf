#include "dyad/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_set>

#include "dyad/text/abbreviations.h"
#include "dyad/text/utf8.h"

namespace dyad {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Number of leading ASCII digits.
size_t DigitPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}

int ParseSmall(std::string_view s) {
  int v = 0;
  for (char c : s.substr(0, 4)) v = v * 10 + (c - '0');
  return v;
}

bool IsUsenetHierarchy(std::string_view s) {
  return s == "alt" || s == "comp" || s == "misc" || s == "rec" || s == "sci" || s == "soc" || s == "talk" ||
         s == "news" || s == "ba" || s == "humanities";
}

bool AllAsciiUpper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool AllAsciiLetters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

bool AllAsciiLower(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// The tokenizer proper. It walks whitespace-separated chunks and splits each
// into tokens with the rules in tokenizer.h. Every scan moves forward, and
// look-aheads are bounded or remembered, so the whole pass is linear.
class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>* out) : t_(text), out_(out) {}

  void Run() {
    size_t pos = 0, n = t_.size();
    uint32_t newlines = 0;
    bool space = false;
    while (pos < n) {
      char c = t_[pos];
      if (IsSpaceByte(c)) {
        if (c == '\n') {
          ++newlines;
          if (newlines >= 2) open_single_quote_ = false;  // paragraph: quotes do not carry over
        }
        space = true;
        ++pos;
        continue;
      }
      size_t end = pos;
      while (end < n && !IsSpaceByte(t_[end])) ++end;
      pending_newlines_ = static_cast<uint16_t>(std::min<uint32_t>(newlines, 0xFFFF));
      pending_space_ = space || pos == 0;
      Chunk(pos, end);
      newlines = 0;
      space = false;
      pos = end;
    }
  }

 private:
  // ---- code point access -------------------------------------------------
  int32_t At(size_t p, int* len) const { return DecodeUtf8(t_.data() + p, t_.data() + t_.size(), len); }
  int32_t At(size_t p) const { int l; return At(p, &l); }
  size_t Next(size_t p) const { int l; At(p, &l); return p + l; }
  bool AlnumAt(size_t p, size_t e) const {
    if (p >= e) return false;
    int32_t cp = At(p);
    return IsLetterCp(cp) || IsDigitCp(cp);
  }
  // End of the run of letters/digits starting at p.
  size_t AlnumRun(size_t p, size_t e) const {
    while (p < e) {
      unsigned char b = static_cast<unsigned char>(t_[p]);
      if (b < 0x80) {
        if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) { ++p; continue; }
        break;
      }
      int l;
      int32_t cp = At(p, &l);
      if (!(IsLetterCp(cp) || IsDigitCp(cp))) break;
      p += l;
    }
    return p;
  }
  // Byte length of an apostrophe (' ’ `) at p, or 0.
  int ApostropheAt(size_t p, size_t e) const {
    if (p >= e) return 0;
    char c = t_[p];
    if (c == '\'' || c == '`') return 1;
    if (p + 3 <= e && t_.compare(p, 3, "\xE2\x80\x99") == 0) return 3;
    return 0;
  }
  std::string_view S(size_t a, size_t b) const { return t_.substr(a, b - a); }

  // ---- output --------------------------------------------------------------
  void Emit(size_t a, size_t b, bool abbreviation = false) {
    if (b <= a) return;
    Token tok;
    tok.start = static_cast<uint32_t>(a);
    tok.end = static_cast<uint32_t>(b);
    tok.newlines_before = pending_newlines_;
    tok.space_before = pending_space_;
    tok.abbreviation = abbreviation;
    pending_newlines_ = 0;
    pending_space_ = false;
    out_->push_back(tok);
  }

  // ---- chunk -----------------------------------------------------------------
  void Chunk(size_t cb, size_t ce) {
    email_fail_until_ = file_fail_until_ = 0;
    size_t pos = cb;
    while (pos < ce) {
      if (size_t n = MatchUrl(pos, ce)) { Emit(pos, pos + n); pos += n; continue; }
      if (pos == cb || !AlnumAt(pos - 1, ce)) {
        if (size_t n = MatchEmoticon(pos, ce, cb)) { Emit(pos, pos + n); pos += n; continue; }
      }
      int len;
      int32_t cp = At(pos, &len);
      if (IsLetterCp(cp) || IsDigitCp(cp)) {
        if (size_t n = MatchEmail(pos, ce)) { Emit(pos, pos + n); pos += n; continue; }
        if (size_t n = MatchFileName(pos, ce)) { Emit(pos, pos + n); pos += n; continue; }
        if (size_t n = MatchCurrencyPrefix(pos, ce)) { Emit(pos, pos + n); pos += n; continue; }
        pos = Word(pos, pos, ce);
        continue;
      }
      pos = Punct(pos, ce, cb);
    }
  }

  size_t MatchUrl(size_t p, size_t e) const {
    auto starts = [&](const char* pre) {
      size_t l = std::strlen(pre);
      if (p + l > e) return false;
      for (size_t i = 0; i < l; ++i)
        if ((t_[p + i] | (t_[p + i] >= 'A' && t_[p + i] <= 'Z' ? 0x20 : 0)) != pre[i]) return false;
      return true;
    };
    size_t body;
    if (starts("http://")) body = 7;
    else if (starts("https://")) body = 8;
    else if (starts("ftp://")) body = 6;
    else if (starts("www.") && AlnumAt(p + 4, e)) body = 4;
    else if (starts("mailto:") && AlnumAt(p + 7, e)) body = 7;
    else return 0;
    if (p + body >= e) return 0;
    size_t q = p + body;
    int parens = 0;
    while (q < e) {
      char c = t_[q];
      if (c == '<' || c == '>' || c == '"') break;
      if (c == '(') ++parens;
      if (c == ')') { if (parens == 0) break; --parens; }
      ++q;
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while (q > p + body) {
      char c = t_[q - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ']' ||
          c == '}')
        --q;
      else if (q - p >= 3 && static_cast<unsigned char>(c) >= 0x80 && t_[q - 3] == '\xE2' && t_[q - 2] == '\x80')
        q -= 3;  // ’ ” …
      else
        break;
    }
    return q > p + body ? q - p : 0;
  }

  // local@domain (domain parts separated by dots; "Rice@ENRON" counts too).
  size_t MatchEmail(size_t p, size_t e) {
    if (p < email_fail_until_) return 0;
    auto local = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
             c == '_' || c == '%' || c == '+' || c == '-';
    };
    size_t q = p;
    while (q < e && local(t_[q])) ++q;
    if (q >= e || t_[q] != '@' || q == p) { email_fail_until_ = q + 1; return 0; }
    size_t d = q + 1;
    auto dom = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    size_t r = d;
    while (true) {
      size_t s = r;
      while (r < e && dom(t_[r])) ++r;
      if (r == s) { r = s > d ? s - 1 : s; break; }   // drop a trailing dot
      if (r < e && t_[r] == '.' && r + 1 < e && dom(t_[r + 1])) { ++r; continue; }
      break;
    }
    if (r <= d) { email_fail_until_ = q + 1; return 0; }
    return r - p;
  }

  // A file name with a known extension, which may contain - # _ ~
  // ("ld2d-#69366-1.DOC", "Guaranty.doc").
  size_t MatchFileName(size_t p, size_t e) {
    if (p < file_fail_until_) return 0;
    auto name = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
             c == '_' || c == '#' || c == '~';
    };
    size_t q = p;
    size_t last_dot = std::string_view::npos;
    while (q < e && (name(t_[q]) || (t_[q] == '.' && q + 1 < e && name(t_[q + 1])))) {
      if (t_[q] == '.') last_dot = q;
      ++q;
    }
    if (last_dot == std::string_view::npos || (q < e && AlnumAt(q, e))) { file_fail_until_ = q + 1; return 0; }
    std::string_view ext = S(last_dot + 1, q);
    std::string_view stem = S(p, last_dot);
    // Web domains are handled by the word rules; here only files whose stem
    // has characters the word rules would split at.
    if (!IsFileExtension(ext) || stem.find_first_of("-#_~.") == std::string_view::npos) {
      file_fail_until_ = q + 1;
      return 0;
    }
    return q - p;
  }

  // "US$", "HK$", "A$": a currency written with a country prefix.
  size_t MatchCurrencyPrefix(size_t p, size_t e) const {
    size_t q = p;
    while (q < e && q - p < 3 && t_[q] >= 'A' && t_[q] <= 'Z') ++q;
    if (q == p || q >= e || t_[q] != '$') return 0;
    if (p > 0 && AlnumAt(p - 1, e)) return 0;
    return q + 1 - p;
  }

  size_t MatchEmoticon(size_t p, size_t e, size_t cb) const {
    static const char* kEmoticons[] = {":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ":)", ":(", ":D",
                                       ":P", ":p", ":O", ":o", ":/", ";)", ":]", ":[", ":|", "=)", "<3", "^_^",
                                       "^^", "XD", ":-O"};
    for (const char* em : kEmoticons) {
      size_t l = std::strlen(em);
      if (p + l > e || t_.compare(p, l, em) != 0) continue;
      // Only as a token of its own: at a chunk start and followed by nothing
      // or by punctuation, so "(see:)" and "note:Do" stay ordinary text.
      if (p != cb) continue;
      if (p + l < e && AlnumAt(p + l, e)) continue;
      if (em[0] == ':' && p + l < e && t_[p + l] == ')') continue;
      return l;
    }
    return 0;
  }

  // ---- words -----------------------------------------------------------------
  // Scans a word starting at `p` (letters/digits); `tok_start` <= p may
  // include a leading '+' or '.'. Emits one or more tokens and returns where
  // scanning should continue.
  size_t Word(size_t tok_start, size_t p, size_t ce) {
    size_t piece_start = p;
    size_t q = AlnumRun(p, ce);
    bool has_slash = false, has_usenet = false;
    while (q < ce) {
      int alen = ApostropheAt(q, ce);
      char c = t_[q];
      size_t b_start = alen ? q + alen : q + 1;
      bool joiner = alen || c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '&' || c == '_';
      if (!joiner || !AlnumAt(b_start, ce)) break;
      size_t b_end = AlnumRun(b_start, ce);
      std::string_view a = S(piece_start, q), b = S(b_start, b_end);
      bool join = false, split = false;
      if (alen) {
        // don't, Kim's, Shi'ite, O'Brien, 50's; but 5'2 (feet and inches) splits.
        join = !(AllDigits(a) && DigitPrefix(b) > 0);
        if (!join) split = true;
      } else if (c == '.') {
        if (a.size() == 1 && b.size() == 1 && AllAsciiLetters(a) && AllAsciiLetters(b)) join = true;   // U.S, e.g
        else if (AllDigits(a) && DigitPrefix(b) > 0) join = true;                                          // 3.5, 13.9M
        else if (IsDomainSuffix(b) && (b_end >= ce || !AlnumAt(b_end, ce)) && a.size() >= 2) join = true;  // cnn.com
        else if (piece_start == tok_start && IsUsenetHierarchy(a) && AllAsciiLower(b)) join = true;      // alt.animals
        else if (has_usenet) join = AllAsciiLower(b);
        if (join && piece_start == tok_start && IsUsenetHierarchy(a)) has_usenet = true;
      } else if (c == ',') {
        join = AllDigits(a) && DigitPrefix(b) == 3;
      } else if (c == ':') {
        join = AllDigits(a) && DigitPrefix(b) >= 2;
      } else if (c == '/') {
        if (AllDigits(a) && DigitPrefix(b) == b.size()) {
          // Dates (9/11, 12/25/2004) stay whole; fractions and scores
          // (3/4, 19/20) split; "713/853-6197" is a phone number.
          if (has_slash) join = b.size() <= 4;
          else if (a.size() <= 2 && b.size() == 2 && ParseSmall(a) <= 12 && ParseSmall(b) <= 31) join = true;
          else if (a.size() <= 2 && b.size() <= 2 && b_end < ce && t_[b_end] == '/') join = true;
          else if (a.size() == 3 && PhoneNumberEnd(b_start, ce)) { q = PhoneNumberEnd(b_start, ce); piece_start = q; break; }
        } else if (a.size() == 1 && b.size() <= 2 && AllAsciiLetters(a) && AllAsciiLetters(b)) {
          join = true;  // w/o, n/a, c/o
        }
        if (!join) split = true;
        else has_slash = true;
      } else if (c == '-') {
        if (AllDigits(a) && AllDigits(b) && piece_start == tok_start) {
          size_t end = PhoneNumberEnd(tok_start, ce);
          if (end) { q = end; piece_start = end; break; }
          split = true;
        } else if (piece_start == tok_start && IsKeptPrefix(a)) {
          join = true;
        } else {
          split = true;
        }
      } else if (c == '&') {
        join = AllAsciiUpper(a) && AllAsciiUpper(b) && a.size() <= 4 && b.size() <= 4;
        if (!join) split = true;
      } else if (c == '_') {
        join = true;
      }
      if (join) {
        piece_start = b_start;
        q = b_end;
        continue;
      }
      if (split) {
        EmitWord(tok_start, q);
        Emit(q, b_start);
        tok_start = piece_start = b_start;
        has_slash = false;
        q = b_end;
        continue;
      }
      break;
    }
    // A period after the word: part of it when the word is an abbreviation.
    if (q < ce && t_[q] == '.' && !(q + 1 < ce && t_[q + 1] == '.' && q + 2 < ce && t_[q + 2] == '.')) {
      std::string_view w = S(tok_start, q);
      if (IsAbbreviationBefore(w, q + 1, ce)) {
        Emit(tok_start, q + 1, /*abbreviation=*/true);
        return q + 1;
      }
    }
    // A plural possessive apostrophe: "parents'" (not a closing quote).
    if (int alen = ApostropheAt(q, ce); alen && !open_single_quote_ && q > tok_start &&
                                        (t_[q - 1] == 's' || t_[q - 1] == 'S') && q - tok_start >= 2 &&
                                        !AlnumAt(q + alen, ce)) {
      Emit(tok_start, q + alen);
      return q + alen;
    }
    EmitWord(tok_start, q);
    return q;
  }

  // Emits a word, splitting a unit off a number ("5kg" -> 5 kg, "10am").
  void EmitWord(size_t a, size_t b) {
    size_t d = a;
    if (d < b && (t_[d] == '+' || t_[d] == '.')) ++d;
    while (d < b && ((t_[d] >= '0' && t_[d] <= '9') || t_[d] == '.' || t_[d] == ',' || t_[d] == ':')) ++d;
    if (d > a && d < b && t_[d - 1] >= '0' && t_[d - 1] <= '9') {
      std::string_view suffix = S(d, b);
      if (AllAsciiLetters(suffix) && (IsUnit(suffix) || (AllAsciiLower(suffix) && suffix.size() >= 4 &&
                                                         !IsOrdinalOrDecadeSuffix(suffix)))) {
        Emit(a, d);
        Emit(d, b);
        return;
      }
    }
    Emit(a, b);
  }

  // If the digits-and-hyphens sequence at p is a phone or ZIP number
  // (713-853-3989, 853-3989, 1-800-991-9019, 77042-2016), returns its end.
  size_t PhoneNumberEnd(size_t p, size_t e) const {
    std::array<size_t, 6> len{};
    int groups = 0;
    size_t q = p;
    while (groups < 6) {
      size_t s = q;
      while (q < e && t_[q] >= '0' && t_[q] <= '9' && q - s < 8) ++q;
      if (q == s) return 0;
      len[groups++] = q - s;
      if (q < e && t_[q] == '-' && q + 1 < e && t_[q + 1] >= '0' && t_[q + 1] <= '9') { ++q; continue; }
      break;
    }
    if (q < e && AlnumAt(q, e)) return 0;
    auto is = [&](std::initializer_list<size_t> pat) {
      if (static_cast<size_t>(groups) != pat.size()) return false;
      size_t i = 0;
      for (size_t l : pat)
        if (len[i++] != l) return false;
      return true;
    };
    if (is({3, 3, 4}) || is({3, 4}) || is({1, 3, 3, 4}) || is({5, 4}) || is({2, 2, 4}) || is({1, 4}))
      return q;
    return 0;
  }

  bool IsAbbreviationBefore(std::string_view w, size_t after, size_t ce) const {
    size_t k = after;
    while (k < t_.size() && IsSpaceByte(t_[k]) && k - after < 8) ++k;
    bool next_digit = k < t_.size() && t_[k] >= '0' && t_[k] <= '9';
    return IsAbbreviation(w, next_digit);
  }

  // ---- punctuation -------------------------------------------------------------
  size_t Punct(size_t p, size_t ce, size_t cb) {
    int len;
    int32_t cp = At(p, &len);
    char c = t_[p];
    // Leading '+' of a phone number, leading '.' of ".5" or ".doc".
    if ((c == '+' || c == '.') && p == cb && p + 1 < ce && AlnumAt(p + 1, ce) &&
        (c == '.' || (t_[p + 1] >= '0' && t_[p + 1] <= '9')))
      return Word(p, p + 1, ce);
    // Sentence punctuation runs: . .. ... ! !!! ? ?! .?
    if (c == '.' || c == '!' || c == '?') {
      size_t q = p;
      while (q < ce && (t_[q] == '.' || t_[q] == '!' || t_[q] == '?')) ++q;
      Emit(p, q);
      return q;
    }
    // Runs of curly single quotes ‘’ ‘‘ ’’: one token (a double quote typed as two).
    if ((cp == 0x2018 || cp == 0x2019) && p + 3 < ce + 1) {
      size_t q = p;
      while (q + 3 <= ce && t_[q] == '\xE2' && t_[q + 1] == '\x80' && (t_[q + 2] == '\x98' || t_[q + 2] == '\x99'))
        q += 3;
      if (q - p >= 6) { Emit(p, q); return q; }
    }
    // Apostrophes and single quotes.
    if (int alen = ApostropheAt(p, ce)) {
      // '' `` ‘’ ’’: one token.
      size_t q = p + alen;
      while (int l2 = ApostropheAt(q, ce)) q += l2;
      if (q - p > static_cast<size_t>(alen)) { Emit(p, q); return q; }
      // A leading clitic or year: 's 'em 'n '90s '72.
      if (AlnumAt(q, ce)) {
        size_t r = AlnumRun(q, ce);
        std::string lw = AsciiLower(S(q, r));
        bool end_ok = r >= ce || !AlnumAt(r, ce);
        if (end_ok && (lw == "s" || lw == "em" || lw == "n" || lw == "til" || lw == "cause" || lw == "ll" ||
                       lw == "re" || lw == "ve" || lw == "m" || lw == "d" ||
                       (AllDigits(lw) && lw.size() == 2) || lw == "90s" || lw == "80s" || lw == "70s" ||
                       lw == "60s" || lw == "50s" || (lw.size() == 3 && AllDigits(lw.substr(0, 2)) && lw[2] == 's'))) {
          Emit(p, r);
          return r;
        }
        if (t_[p] != '`') open_single_quote_ = true;   // an opening quote
      } else if (open_single_quote_) {
        open_single_quote_ = false;
      }
      Emit(p, p + alen);
      return p + alen;
    }
    // Curly single opening quote ‘ (U+2018) opens a quotation.
    if (cp == 0x2018) open_single_quote_ = true;
    // Runs of one symbol: -- --- === *** ___ ~~ << >> ## ++ ——.
    if (c == '-' || c == '=' || c == '*' || c == '_' || c == '~' || c == '<' || c == '>' || c == '#' ||
        c == '+' || c == '^' || c == '|' || c == '\\' || cp == 0x2014 || cp == 0x2013 || cp == 0x2022) {
      size_t q = p + len;
      while (q < ce && t_.compare(q, len, t_.data() + p, len) == 0) q += len;
      Emit(p, q);
      return q;
    }
    Emit(p, p + len);
    return p + len;
  }

  std::string_view t_;
  std::vector<Token>* out_;
  uint16_t pending_newlines_ = 0;
  bool pending_space_ = true;
  bool open_single_quote_ = false;
  size_t email_fail_until_ = 0;
  size_t file_fail_until_ = 0;
};

bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  out->clear();
  Scanner(text, out).Run();
}

int SplitIntoWords(std::string_view tok, uint32_t cuts[3]) {
  const size_t n = tok.size();
  if (n < 2) return 0;
  // Where an apostrophe (' ’ `) ends at byte `end` (exclusive): its start, or npos.
  auto apostrophe_before = [&](size_t end) -> size_t {
    if (end >= 1 && (tok[end - 1] == '\'' || tok[end - 1] == '`')) return end - 1;
    if (end >= 3 && tok.compare(end - 3, 3, "\xE2\x80\x99") == 0) return end - 3;
    return std::string_view::npos;
  };
  auto has_letter = [&](size_t a, size_t b) {
    for (size_t i = a; i < b; ++i) {
      unsigned char c = static_cast<unsigned char>(tok[i]);
      if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
    }
    return false;
  };
  // n't
  if ((tok[n - 1] == 't' || tok[n - 1] == 'T')) {
    size_t ap = apostrophe_before(n - 1);
    if (ap != std::string_view::npos && ap >= 2 && (tok[ap - 1] == 'n' || tok[ap - 1] == 'N') &&
        has_letter(0, ap - 1)) {
      cuts[0] = static_cast<uint32_t>(ap - 1);
      return 1;
    }
  }
  // 's 'm 'd 'll 're 've
  for (std::string_view suf : {"s", "m", "d", "ll", "re", "ve"}) {
    if (n <= suf.size() + 1) continue;
    if (!IEq(tok.substr(n - suf.size()), suf)) continue;
    size_t ap = apostrophe_before(n - suf.size());
    if (ap == std::string_view::npos || ap == 0 || !has_letter(0, ap)) continue;
    // The rest must itself be a word ("O'Neil's" -> O'Neil + 's).
    cuts[0] = static_cast<uint32_t>(ap);
    return 1;
  }
  // Plural possessive: parents' -> parents + '
  {
    size_t ap = apostrophe_before(n);
    if (ap != std::string_view::npos && ap >= 2 && (tok[ap - 1] == 's' || tok[ap - 1] == 'S') && has_letter(0, ap)) {
      cuts[0] = static_cast<uint32_t>(ap);
      return 1;
    }
  }
  // Contractions written without apostrophe, as EWT splits them.
  if (n <= 8) {
    int cut = NoApostropheContractionCut(tok);
    if (cut > 0) {
      cuts[0] = static_cast<uint32_t>(cut);
      return 1;
    }
  }
  return 0;
}

}  // namespace dyad
