// Parser and validator for the phrase-dictionary format (see dict_file.h).
#include "dyad/lexicon/dict_file.h"

#include <fstream>
#include <sstream>

namespace dyad {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

}  // namespace

bool ParseDictDate(std::string_view s, bool end, DictDate* out) {
  s = Trim(s);
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return false;
  int y = ToInt(s.substr(0, 4));
  if (y < 1000) return false;
  int m = end ? 12 : 1, d = -1;
  if (s.size() > 4) {
    if (s[4] != '-' || s.size() < 7 || !AllDigits(s.substr(5, 2))) return false;
    m = ToInt(s.substr(5, 2));
    if (m < 1 || m > 12) return false;
    if (s.size() > 7) {
      if (s.size() != 10 || s[7] != '-' || !AllDigits(s.substr(8, 2))) return false;
      d = ToInt(s.substr(8, 2));
      if (d < 1 || d > DaysInMonth(y, m)) return false;
    }
  }
  if (d < 0) d = end ? DaysInMonth(y, m) : 1;
  *out = y * 10000 + m * 100 + d;
  return true;
}

DictDate ArticleDate(std::string_view date) {
  DictDate d = 0;
  if (!ParseDictDate(date, false, &d)) return 0;
  return d;
}

const DictCode* DictEntry::CodeFor(DictDate date) const {
  if (date == 0) {
    for (const auto& c : codes)
      if (c.dated && c.to == kDateMax) return &c;
  } else {
    for (const auto& c : codes)
      if (c.dated && c.Contains(date)) return &c;
  }
  for (const auto& c : codes)
    if (!c.dated) return &c;
  return nullptr;
}

bool ValidCode(std::string_view code, CodeSyntax syntax, std::string* why) {
  auto fail = [&](const std::string& m) {
    if (why) *why = m;
    return false;
  };
  if (code.empty()) return fail("empty code");
  if (code.size() % 3 != 0 || code.size() > 30)
    return fail("code '" + std::string(code) + "' is not made of 3-letter blocks");
  for (size_t b = 0; b < code.size(); b += 3) {
    std::string_view block = code.substr(b, 3);
    if (block == "---") {
      if (b != 0 || syntax == CodeSyntax::kAgent)
        return fail("code '" + std::string(code) + "': '---' (unknown actor) only as the first block of an actor code");
      continue;
    }
    for (char c : block)
      if (c < 'A' || c > 'Z')
        return fail("code '" + std::string(code) + "' must be upper-case letters A-Z in 3-letter blocks");
  }
  if (code == "---" && syntax == CodeSyntax::kActor)
    return fail("code '---' names no actor; add an agent block (---GOV)");
  return true;
}

Status ParseDictText(std::string_view text, const std::string& name, CodeSyntax syntax,
                     std::vector<DictEntry>* out, std::vector<DictProblem>* problems) {
  Status first_error;
  bool failed = false;
  auto report = [&](int line, const std::string& msg, bool error) {
    std::string where = name + ":" + std::to_string(line);
    if (problems) problems->push_back({where, msg, error});
    if (error && !failed) {
      failed = true;
      first_error = Status::InvalidInput(where + ": " + msg);
    }
  };

  DictEntry cur;
  bool have_entry = false;   // a "= " line was seen (cur is live)
  bool entry_ok = false;     // ... and it parsed
  bool code_error = false;   // one of its code lines was bad (already reported)
  auto finish = [&]() {
    if (have_entry && entry_ok) {
      if (!cur.codes.empty())
        out->push_back(std::move(cur));
      else if (!code_error)
        report(cur.line, "entry '" + cur.names.front() + "' has no code lines", true);
    }
    cur = DictEntry();
    code_error = false;
  };

  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int lineno = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
    if (Trim(line).empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (line.front() == '=') {
      finish();
      have_entry = true;
      entry_ok = false;
      cur.file = name;
      cur.line = lineno;
      std::string_view rest = line.substr(1);
      if (Trim(rest).empty()) {
        report(lineno, "empty name: an entry line is '= ' followed by names separated by ' | '", true);
        continue;
      }
      if (!IsSpace(rest.front())) {
        report(lineno, "an entry line is '= ' followed by names separated by ' | '", true);
        continue;
      }
      rest = Trim(rest);
      // Optional "{kind}" tag at the end of the line.
      if (!rest.empty() && rest.back() == '}') {
        size_t open = rest.rfind('{');
        if (open == std::string_view::npos) {
          report(lineno, "'}' without '{' (a tag is written {kind} at the end of the line)", true);
          continue;
        }
        cur.tag = std::string(Trim(rest.substr(open + 1, rest.size() - open - 2)));
        rest = Trim(rest.substr(0, open));
        if (cur.tag.empty()) {
          report(lineno, "empty {} tag", true);
          continue;
        }
      }
      bool ok = true;
      size_t start = 0;
      while (true) {
        size_t bar = rest.find('|', start);
        std::string_view n = Trim(rest.substr(start, bar == std::string_view::npos ? rest.npos : bar - start));
        if (n.empty()) {
          report(lineno, "empty name (check for '| |' or a '|' at either end)", true);
          ok = false;
          break;
        }
        if (n.find_first_of("{}") != std::string_view::npos) {
          report(lineno, "name '" + std::string(n) + "' contains '{' or '}'", true);
          ok = false;
          break;
        }
        std::string s(n);
        for (const auto& prev : cur.names)
          if (prev == s) report(lineno, "name '" + s + "' is listed twice in this entry", false);
        cur.names.push_back(std::move(s));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
      entry_ok = ok;
      continue;
    }
    if (!IsSpace(line.front())) {
      report(lineno, "expected an entry line '= name | name' or an indented code line, got '" +
                         std::string(Trim(line)) + "'", true);
      continue;
    }
    // Code line.
    if (!have_entry) {
      report(lineno, "code line before any entry ('= name' line)", true);
      continue;
    }
    std::string_view body = Trim(line);
    size_t sp = body.find_first_of(" \t");
    std::string_view code = body.substr(0, sp);
    std::string_view range = sp == std::string_view::npos ? std::string_view() : Trim(body.substr(sp));
    std::string why;
    if (!ValidCode(code, syntax, &why)) {
      report(lineno, "bad code: " + why, true);
      code_error = true;
      continue;
    }
    DictCode dc;
    dc.code = std::string(code);
    dc.line = lineno;
    if (!range.empty()) {
      size_t dots = range.find("..");
      if (dots == std::string_view::npos) {
        report(lineno, "date range '" + std::string(range) + "' must be 'FROM .. TO' (either end may be left out)", true);
        code_error = true;
        continue;
      }
      std::string_view a = Trim(range.substr(0, dots)), b = Trim(range.substr(dots + 2));
      if (a.empty() && b.empty()) {
        report(lineno, "date range '..' has neither end", true);
        code_error = true;
        continue;
      }
      if (!a.empty() && !ParseDictDate(a, false, &dc.from)) {
        report(lineno, "bad date '" + std::string(a) + "' (use YYYY-MM-DD, YYYY-MM or YYYY)", true);
        code_error = true;
        continue;
      }
      if (!b.empty() && !ParseDictDate(b, true, &dc.to)) {
        report(lineno, "bad date '" + std::string(b) + "' (use YYYY-MM-DD, YYYY-MM or YYYY)", true);
        code_error = true;
        continue;
      }
      if (dc.from > dc.to) {
        report(lineno, "date range starts after it ends ('" + std::string(a) + "' > '" + std::string(b) + "')", true);
        code_error = true;
        continue;
      }
      dc.dated = true;
    }
    if (entry_ok) cur.codes.push_back(std::move(dc));
  }
  finish();
  return failed ? first_error : Status::OK();
}

Status ParseDictFile(const std::string& path, CodeSyntax syntax, std::vector<DictEntry>* out,
                     std::vector<DictProblem>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (problems) problems->push_back({path, "cannot open file", true});
    return Status::IOError(path + ": cannot open file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseDictText(ss.str(), path, syntax, out, problems);
}

}  // namespace dyad
