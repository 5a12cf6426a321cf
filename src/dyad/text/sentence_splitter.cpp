#include "dyad/text/sentence_splitter.h"

#include <algorithm>
#include <string>

#include "dyad/text/abbreviations.h"
#include "dyad/text/utf8.h"

namespace dyad {
namespace {

enum class Final { kNone, kPeriod, kEllipsis, kExclaimQuestion };

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens) : t_(text), tok_(tokens) {}

  void Run(std::vector<uint32_t>* starts, const SentenceSplitOptions& opt) {
    starts->clear();
    const size_t n = tok_.size();
    if (n == 0) return;
    DetectWrapping();
    std::vector<char> brk(n, 0);
    // Newline breaks.
    for (size_t j = 1; j < n; ++j) {
      if (tok_[j].newlines_before >= 2) brk[j] = 1;
      else if (tok_[j].newlines_before == 1 && NewlineBreaks(j)) brk[j] = 1;
    }
    // A date and time after a name starts a new sentence: the headers of
    // forwarded e-mail ("... Kay Mann@ENRON 09/20/2000 04:18 PM This Friday").
    for (size_t j = 1; j + 1 < n; ++j) {
      if (!brk[j] && IsDate(Text(j)) && IsTime(Text(j + 1)) && Class(j - 1) != 'l' && Class(j - 1) != '9' &&
          Text(j - 1) != "," && Text(j - 1) != "(")
        brk[j] = 1;
    }
    // A news dateline ("CAIRO, May 2 (AFP) -") is a sentence of its own:
    // left in, its place name would read as the subject of the lead.
    for (size_t j = 0; j < n; ++j)
      if (j == 0 || brk[j])
        if (size_t e = DatelineEnd(j); e > j && e < n) brk[e] = 1;
    // Punctuation breaks.
    for (size_t i = 0; i < n;) {
      Final f = FinalKind(i);
      if (f == Final::kNone) { ++i; continue; }
      size_t j = i + 1;
      bool quoted = false;
      while (j < n && tok_[j].newlines_before == 0 && (IsCloser(j) || IsEmoticon(Text(j)))) {
        std::string_view c = Text(j);
        if (c == "\"" || c == "”" || c == "’" || c == "'" || c == "''" || c == "»") quoted = true;
        ++j;
      }
      if (j < n && Breaks(i, j, f, quoted)) brk[j] = 1;
      i = j;
    }
    // Collect, cutting over-long sentences.
    starts->push_back(0);
    size_t cur = 0;
    size_t last_weak = 0;   // index after the last , ; in the current sentence (0 = none)
    for (size_t j = 1; j < n; ++j) {
      if (brk[j]) {
        starts->push_back(static_cast<uint32_t>(j));
        cur = j;
        last_weak = 0;
        continue;
      }
      std::string_view prev = Text(j - 1);
      if (prev == "," || prev == ";" || prev == ":") last_weak = j;
      if (j - cur >= opt.max_tokens) {
        size_t cut = (last_weak > cur + opt.max_tokens / 2) ? last_weak : j;
        starts->push_back(static_cast<uint32_t>(cut));
        cur = cut;
        last_weak = 0;
      }
    }
  }

 private:
  std::string_view Text(size_t i) const { return t_.substr(tok_[i].start, tok_[i].end - tok_[i].start); }

  Final FinalKind(size_t i) const {
    std::string_view s = Text(i);
    if (tok_[i].abbreviation) return Final::kPeriod;
    if (s == "…" || s == "。") return s == "…" ? Final::kEllipsis : Final::kPeriod;
    bool dots = true, any = !s.empty();
    for (char c : s) {
      if (c != '.' && c != '!' && c != '?') { any = false; break; }
      if (c != '.') dots = false;
    }
    if (!any) return Final::kNone;
    if (!dots) return Final::kExclaimQuestion;
    return s.size() == 1 ? Final::kPeriod : Final::kEllipsis;
  }

  bool IsCloser(size_t j) const {
    if (tok_[j].space_before) return false;
    std::string_view s = Text(j);
    return s == ")" || s == "]" || s == "}" || s == "\"" || s == "”" || s == "’" || s == "'" || s == "''" ||
           s == "»" || s == "’’";
  }

  static bool IsEmoticon(std::string_view s) {
    return s == ":)" || s == ":-)" || s == ":(" || s == ":-(" || s == ":D" || s == ":-D" || s == ";)" ||
           s == ";-)" || s == ":P" || s == ":p" || s == "=)" || s == "^_^" || s == "^^" || s == ":/" ||
           s == ":O" || s == ":o" || s == "<3" || s == "XD" || s == ":'(";
  }

  // Punctuation tokens after which a new sentence still starts.
  static bool StartsSentenceAfterStop(std::string_view s) {
    if (s == "$" || s == "#" || s == "-" || s == "--" || s == "<<" || s == "~" || s == "•" || s == "·" ||
        s == "€" || s == "£" || s == "—" || s == "–" || s == "*")
      return true;
    if (s.size() >= 3) {
      char c = s[0];
      if ((c == '.' || c == '-' || c == '_' || c == '=' || c == '*' || c == '+') &&
          std::all_of(s.begin(), s.end(), [c](char x) { return x == c; }))
        return true;
    }
    return false;
  }

 static bool IsOpener(std::string_view s) {
    return s == "‘’" || s == "‘‘" || s == "\"" || s == "“" || s == "‘" || s == "'" || s == "(" || s == "[" || s == "``" || s == "«" ||
           s == "`" || s == "{";
  }

  // A one- or two-digit number opening a line or sentence ("1." in a list).
  bool IsListNumber(size_t k) const {
    std::string_view s = Text(k);
    if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    if (k == 0 || tok_[k].newlines_before > 0) return true;
    std::string_view prev = Text(k - 1);
    if ((prev == "*" || prev == "-" || prev == "#") && (k == 1 || tok_[k - 1].newlines_before > 0)) return true;
    return FinalKind(k - 1) != Final::kNone && !tok_[k - 1].abbreviation;
  }

  static bool IsDate(std::string_view s) {
    int slashes = 0;
    for (char c : s) {
      if (c == '/') ++slashes;
      else if (c < '0' || c > '9') return false;
    }
    return slashes == 2 && s.size() >= 6;
  }
  static bool IsTime(std::string_view s) {
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
    for (char c : s)
      if (c != ':' && (c < '0' || c > '9')) return false;
    return true;
  }

  // First code point class of token j: 'U'pper, 'l'ower, '9' digit, 'p'unct.
  char Class(size_t j) const {
    int len;
    int32_t cp = DecodeUtf8(t_.data() + tok_[j].start, t_.data() + tok_[j].end, &len);
    if (IsUpperCp(cp)) return 'U';
    if (IsLowerCp(cp)) return 'l';
    if (IsDigitCp(cp)) return '9';
    if (IsLetterCp(cp)) return 'U';   // caseless scripts: treat like a capital
    return 'p';
  }

  bool Breaks(size_t i, size_t j, Final f, bool quoted) const {
    if (tok_[j].newlines_before >= 1) return true;
    std::string_view next = Text(j);
    char cls = Class(j);
    if (cls == 'p' && IsOpener(next) && j + 1 < tok_.size()) {
      // An opening quote or bracket: judge by what it opens.
      char inner = Class(j + 1);
      if (tok_[i].abbreviation) return false;
      if (f == Final::kEllipsis) return inner == 'U' || inner == '9';
      return inner != 'p' || IsOpener(Text(j + 1));
    }
    if (tok_[i].abbreviation) {
      std::string_view abbr = Text(i);
      // An initial ends a sentence only before a function word ("plan B. The
      // ..."), never before a name ("George W. Bush").
      if (abbr.size() == 2 && abbr[0] >= 'A' && abbr[0] <= 'Z') return cls == 'U' && IsSentenceStarter(next);
      if (IsTitleAbbreviation(abbr)) return false;
      if (Text(i) == "etc." && cls == 'U') return true;
      return cls == 'U' && IsSentenceStarter(next);
    }
    switch (f) {
      case Final::kPeriod:
        // "1. The first point": a list number, not a sentence.
        if (i >= 1 && IsListNumber(i - 1)) return false;
        if (cls == 'p') return StartsSentenceAfterStop(next);
        return true;
      case Final::kExclaimQuestion:
        if (cls == 'p') return StartsSentenceAfterStop(next);
        if (cls == 'l') return !quoted;   // "Why?" he asked.
        return true;
      case Final::kEllipsis:
        if (cls == 'p') return StartsSentenceAfterStop(next) && next != "-";
        return cls == 'U' || cls == '9';
      default:
        return false;
    }
  }

  // ---- datelines ---------------------------------------------------------------
  // A word in capitals only ("CAIRO", "NEW", "U.S."), at least two letters.
  bool IsAllCaps(size_t j) const {
    std::string_view w = Text(j);
    int letters = 0;
    for (size_t p = 0; p < w.size();) {
      int len;
      int32_t cp = DecodeUtf8(w.data() + p, w.data() + w.size(), &len);
      if (IsLowerCp(cp)) return false;
      if (IsUpperCp(cp)) ++letters;
      p += std::max(len, 1);
    }
    return letters >= 2;
  }
  static bool IsDash(std::string_view w) { return w == "-" || w == "--" || w == "–" || w == "—"; }

  // If a dateline starts at token j — place names in capitals, then
  // optionally a comma and a date, a news agency in brackets, and a dash —
  // the index of the token after the dash, else j. At most 14 tokens.
  size_t DatelineEnd(size_t j) const {
    const size_t n = tok_.size();
    size_t k = j;
    while (k < n && k < j + 4 && IsAllCaps(k)) ++k;
    if (k == j) return j;
    // "NATO - Russia talks" is no dateline: a bare hyphen needs a comma or
    // an agency before it ("GAZA, (Reuters) -"); an em dash alone will do.
    bool framed = false;
    for (size_t m = k; m < n && m < j + 14; ++m) {
      std::string_view w = Text(m);
      if (m > j && tok_[m].newlines_before >= 1) return j;
      if (IsDash(w)) return m + 1 < n && Class(m + 1) != 'l' && (framed || w != "-") ? m + 1 : j;
      framed = framed || w == "," || w == "(";
      bool ok = w == "," || w == "(" || w == ")" || w == "/" || Class(m) == '9' || Class(m) == 'U';
      if (!ok) return j;
    }
    return j;
  }

  // ---- newlines ----------------------------------------------------------------
  // Hard-wrapped text (lines of similar length continuing one another) uses
  // single newlines for layout; elsewhere a single newline ends a sentence.
  void DetectWrapping() {
    size_t pos = 0, n = t_.size();
    size_t prev_len = 0, singles = 0, long_singles = 0, max_len = 0;
    bool prev_nonblank = false;
    while (pos <= n) {
      size_t e = t_.find('\n', pos);
      if (e == std::string_view::npos) e = n;
      size_t len = LineLength(pos, e);
      if (len > 0 && prev_nonblank) {
        ++singles;
        if (prev_len >= 50 && prev_len <= 100) {
          ++long_singles;
          max_len = std::max(max_len, prev_len);
        }
      }
      prev_nonblank = len > 0;
      prev_len = len;
      pos = e + 1;
    }
    wrapped_ = singles >= 3 && long_singles * 10 >= singles * 6;
    short_line_ = max_len * 6 / 10;
  }

  // Length in code points, leading/trailing blanks excluded.
  size_t LineLength(size_t a, size_t e) const {
    while (a < e && (t_[a] == ' ' || t_[a] == '\t')) ++a;
    while (e > a && (t_[e - 1] == ' ' || t_[e - 1] == '\t' || t_[e - 1] == '\r')) --e;
    size_t n = 0;
    for (size_t i = a; i < e; ++i)
      if ((static_cast<unsigned char>(t_[i]) & 0xC0) != 0x80) ++n;
    return n;
  }

  bool IsBullet(size_t j) const {
    std::string_view s = Text(j);
    if (s == "-" || s == "*" || s == "•" || s == "·" || s == "–" || s == "—" || s == ">" || s == "o") return true;
    if (j + 1 < tok_.size() && !tok_[j + 1].space_before) return false;
    return false;
  }

  bool NewlineBreaks(size_t j) const {
    if (!wrapped_) return true;
    if (IsBullet(j)) return true;
    // The line that ends before token j.
    size_t e = tok_[j - 1].end;
    size_t a = t_.rfind('\n', e == 0 ? 0 : e - 1);
    a = (a == std::string_view::npos) ? 0 : a + 1;
    return LineLength(a, e) < short_line_;
  }

  std::string_view t_;
  const std::vector<Token>& tok_;
  bool wrapped_ = false;
  size_t short_line_ = 0;
};

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::vector<uint32_t>* starts,
                    const SentenceSplitOptions& options) {
  Splitter(text, tokens).Run(starts, options);
}

}  // namespace dyad
