// coder — event dates and historical references (see temporal.h).
#include "dyad/coder/temporal.h"

#include <charconv>
#include <cstdio>

namespace dyad {
namespace {

long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long yy = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

int MonthOf(std::string_view w) {
  static const char* kFull[] = {"january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"};
  static const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string s(w);
  if (!s.empty() && s.back() == '.') s.pop_back();
  for (int i = 0; i < 12; ++i)
    if (s == kFull[i] || s == kShort[i]) return i + 1;
  if (s == "sept") return 9;
  return 0;
}

int WeekdayOf(std::string_view w) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i)
    if (w == kDays[i]) return i;
  return -1;
}

// A 4-digit year 1800..2099 at the start or end of a token ("1994",
// "1950-1953" -> the later one, "1990s").
int YearIn(std::string_view t, bool last) {
  int best = 0;
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    if (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') continue;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k)
      if (t[i + k] < '0' || t[i + k] > '9') digits = false;
    if (!digits) continue;
    if (i + 4 < t.size() && t[i + 4] >= '0' && t[i + 4] <= '9') continue;
    int y = 0;
    std::from_chars(t.data() + i, t.data() + i + 4, y);
    if (y >= 1800 && y <= 2099) {
      if (!best || last) best = y;
      if (!last) break;
    }
  }
  return best;
}

int SmallNumber(std::string_view w) {
  static const char* kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                 "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i <= 12; ++i)
    if (w == kWords[i]) return i;
  if (w == "a" || w == "an") return 1;
  if (w == "several" || w == "few") return 3;
  if (w == "many") return 5;
  int n = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  return ec == std::errc() && p == w.data() + w.size() ? n : -1;
}

bool IsTemporalRel(const ViewNode& n) {
  return n.base == "obl" || n.base == "nmod" || n.base == "advmod" || n.rel == "obl:tmod" ||
         n.rel == "nmod:tmod" || n.rel == "obl:npmod" || n.rel == "nmod:npmod" || n.base == "advcl";
}

}  // namespace

bool ParseIsoDate(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](size_t a, size_t n, int* out) {
    auto [p, ec] = std::from_chars(s.data() + a, s.data() + a + n, *out);
    return ec == std::errc() && p == s.data() + a + n;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

std::string FormatIsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string AddDays(std::string_view iso, int days) {
  int y, m, d;
  if (!ParseIsoDate(iso, &y, &m, &d)) return "";
  CivilFromDays(DaysFromCivil(y, m, d) + days, &y, &m, &d);
  return FormatIsoDate(y, m, d);
}

int Weekday(std::string_view iso) {
  int y, m, d;
  if (!ParseIsoDate(iso, &y, &m, &d)) return -1;
  long z = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

namespace {
// Whether the clause of word a speaks of the future (or the present, which
// in news about scheduled events means the coming days).
bool FutureClause(const ParseView& v, int a) {
  for (int depth = 0; a >= 0 && depth < 4; ++depth) {
    const ViewNode& n = v[a];
    // An event noun takes the tense of its clause ("host the summit on May 10").
    if (v.IsNominal(a)) {
      a = n.head;
      continue;
    }
    for (const auto& x : v.Auxes(a))
      if (x == "will" || x == "shall" || x == "'ll") return true;
    bool present_be = false, perfect = false;
    for (int k : n.kids) {
      const ViewNode& kn = v[k];
      if (kn.base != "aux" && kn.base != "cop") continue;
      if (kn.lform == "is" || kn.lform == "are" || kn.lform == "am" || kn.lform == "'s" || kn.lform == "'re")
        present_be = true;
      if (kn.lemma == "have") perfect = true;
    }
    const std::string& tag = n.xpos;
    // "is scheduled to host", "are due to meet": a plan for the coming days.
    if (present_be && (n.lemma == "schedule" || n.lemma == "set" || n.lemma == "due" || n.lemma == "expect" ||
                       n.lemma == "plan" || n.lemma == "poise" || n.lemma == "slate" || n.lemma == "to"))
      return true;
    // Not "has met", "is reported", nor the journalistic present of a report
    // ("says in a Saturday statement").
    if (tag == "VBZ" || tag == "VBP")
      return !perfect && !present_be &&
             !(n.lemma == "say" || n.lemma == "tell" || n.lemma == "report" || n.lemma == "claim" ||
               n.lemma == "announce" || n.lemma == "state" || n.lemma == "add" || n.lemma == "write");
    if (tag == "VBD" || tag == "VBN") return false;
    // An infinitive or gerund takes the tense of the verb it depends on.
    if (tag != "VB" && tag != "VBG") return false;
    a = n.head;
  }
  return false;
}

}  // namespace

TimeInfo TemporalOf(const ParseView& v, const std::vector<int>& anchors, std::string_view article_date) {
  TimeInfo t;

  int ay = 0, am = 0, ad = 0;
  bool have_date = ParseIsoDate(article_date, &ay, &am, &ad);
  for (int a : anchors) {
    if (a < 0) continue;
    bool future = FutureClause(v, a);  // the tense of the word the time expression hangs on
    for (int k : v[a].kids) {
      const ViewNode& kn = v[k];
      // A bare weekday is often misparsed as an object ("meet in Baghdad Saturday").
      bool bare_day = kn.base == "obj" && (WeekdayOf(kn.lform) >= 0 || kn.lform == "today" ||
                                           kn.lform == "yesterday" || kn.lform == "tomorrow");
      if (!IsTemporalRel(kn) && !bare_day) continue;
      std::string c = v.Case(k);
      if (kn.base == "advcl") {
        // "after/before/when/since ..." clauses date their own events, not this one.
        continue;
      }
      // Collect the words of this dependent (shallow: a date phrase is short).
      std::vector<int> words{k};
      for (size_t i = 0; i < words.size() && words.size() < 24; ++i)
        for (int kk : v[words[i]].kids)
          if (v[kk].base != "acl" && v[kk].rel != "acl:relcl" && v[kk].base != "advcl") words.push_back(kk);
      bool since = c == "since" || c == "after" || c == "from";
      int year = 0, month = 0, day = 0, weekday = -1, ago_n = -1;
      std::string ago_unit;
      bool yesterday = false, today = false, tomorrow = false;
      for (int w : words) {
        const std::string& f = v[w].lform;
        if (int y = YearIn(f, !since); y && v[w].upos != "PROPN") year = year ? (since ? std::min(year, y) : std::max(year, y)) : y;
        else if (int y2 = YearIn(f, !since); y2 && v[w].upos == "PROPN" && f.size() <= 9) year = y2;
        if (int mo = MonthOf(f); mo && (v[w].upos == "PROPN" || v[w].upos == "NOUN")) month = mo;
        if (int wd = WeekdayOf(f); wd >= 0) weekday = wd;
        if (f == "yesterday") yesterday = true;
        if (f == "today" || f == "tonight") today = true;
        if (f == "tomorrow") tomorrow = true;
        if (f == "ago") {
          int unit = v[w].head;
          if (unit >= 0) {
            ago_unit = v[unit].lemma;
            for (int kk : v[unit].kids)
              if (v[kk].base == "nummod" || v[kk].base == "det") ago_n = SmallNumber(v[kk].lform);
            if (ago_n < 0) ago_n = 1;
          }
        }
        if (v[w].upos == "NUM" && month == 0) {
          int n = SmallNumber(f);
          if (n >= 1 && n <= 31) day = n;
        } else if (v[w].upos == "NUM") {
          int n = SmallNumber(f);
          if (n >= 1 && n <= 31) day = n;
        }
      }
      // "ago" often hangs off the unit noun, which may be the dependent itself.
      if (ago_n < 0 && (kn.lemma == "year" || kn.lemma == "decade" || kn.lemma == "month" ||
                        kn.lemma == "week" || kn.lemma == "day")) {
        for (int kk : kn.kids)
          if (v[kk].lform == "ago") {
            ago_unit = kn.lemma;
            ago_n = 1;
            for (int k2 : kn.kids)
              if (v[k2].base == "nummod" || v[k2].base == "det") ago_n = std::max(ago_n, SmallNumber(v[k2].lform));
          }
      }
      std::string words_text;
      for (int w : words) words_text += (words_text.empty() ? "" : " ") + v.word(w).form;
      // "last year", "last month": known to that period only.
      if (ago_n < 0 && have_date && (kn.lemma == "year" || kn.lemma == "month") && !year) {
        bool last = false;
        for (int kk : kn.kids) last = last || (v[kk].base == "amod" && v[kk].lform == "last");
        if (last) {
          if (kn.lemma == "year") {
            t.historical = true;
            t.period = std::to_string(ay - 1);
            t.why = "'" + words_text + "' (last year)";
            return t;
          }
          t.period = AddDays(FormatIsoDate(ay, am, 1), -1).substr(0, 7);
          t.why = "'" + words_text + "'";
          continue;
        }
      }
      if (ago_n >= 0) {
        if (ago_unit == "year" || ago_unit == "decade" || ago_unit == "century") {
          t.historical = true;
          t.why = "'" + words_text + "' (years ago)";
          if (have_date) t.period = std::to_string(ay - ago_n * (ago_unit == "decade" ? 10 : 1));
          return t;
        }
        if (have_date) {
          int days = ago_unit == "day" ? ago_n : ago_unit == "week" ? 7 * ago_n : 0;
          if (days) {
            t.event_date = AddDays(article_date, -days);
            t.why = "'" + words_text + "'";
          } else if (ago_unit == "month") {
            // Known to the month only.
            t.period = AddDays(article_date, -30 * ago_n).substr(0, 7);
            if (ago_n >= 12) t.historical = true;
            t.why = "'" + words_text + "'";
          }
        }
        continue;
      }
      if (year) {
        if (have_date && year < ay && !since) {
          t.historical = true;
          t.why = "'" + words_text + "' (year " + std::to_string(year) + " < " + std::to_string(ay) + ")";
          if (month && day) t.event_date = FormatIsoDate(year, month, day);
          else t.period = month ? FormatIsoDate(year, month, 1).substr(0, 7) : std::to_string(year);
          return t;
        }
        if (month && day) t.event_date = FormatIsoDate(year, month, day);
        else if (t.event_date.empty() && !since)
          t.period = month ? FormatIsoDate(year, month, 1).substr(0, 7) : std::to_string(year);
        continue;
      }
      if (!have_date) continue;
      if (month && day) {
        int y = ay;
        bool later = month > am || (month == am && day > ad);
        if (later && !future) y = ay - 1;  // a past date in news
        if (!later && future && (month < am || day < ad)) y = ay + 1;  // "will meet on Jan 5" in December
        t.event_date = FormatIsoDate(y, month, day);
        t.why = "'" + words_text + "'";
      } else if (weekday >= 0) {
        int aw = Weekday(article_date);
        if (future) {
          t.event_date = AddDays(article_date, (weekday - aw + 7) % 7);
        } else {
          int back = (aw - weekday + 7) % 7;
          t.event_date = AddDays(article_date, -back);
        }
        t.why = "'" + words_text + "'";
      } else if (yesterday) {
        t.event_date = AddDays(article_date, -1);
        t.why = "'yesterday'";
      } else if (tomorrow) {
        t.event_date = AddDays(article_date, 1);
        t.why = "'tomorrow'";
      } else if (today) {
        t.event_date = FormatIsoDate(ay, am, ad);
      }
    }
  }
  return t;
}

}  // namespace dyad
