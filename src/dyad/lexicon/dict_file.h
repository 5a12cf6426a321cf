// lexicon — reading dyad's phrase-dictionary format (actors, agents), the one
// documented for editors in docs/dictionaries.md:
//
//   # comment to end of line
//   = North Korea | DPRK | North Korean | North Koreans
//     PRK
//   = Kim Jong Un | Kim Jong-un
//     PRKGOV 2011-12-17 ..
//     PRKMIL 2010-09-28 .. 2011-12-16
//     PRKELI
//
// An entry is "= " + names separated by " | "; the indented lines under it are
// codes, each optionally limited to a date range "FROM .. TO" (YYYY-MM-DD,
// YYYY-MM or YYYY; either end may be open). This file only parses and
// validates; matching lives in phrase_matcher.h and actors.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/util/status.h"

namespace dyad {

// A day as YYYYMMDD (20111217); comparisons are plain integer comparisons.
using DictDate = int32_t;
constexpr DictDate kDateMin = 0;         // open start
constexpr DictDate kDateMax = 99991231;  // open end

// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY". A partial date names a period:
// as a range start it means its first day, as a range end its last day
// (`end` = true). Returns false for anything else (bad month/day too).
bool ParseDictDate(std::string_view s, bool end, DictDate* out);

// Article date "YYYY-MM-DD" (or a partial date, taken as its first day) -> DictDate;
// "" or unparsable -> 0 (unknown date: see CodeFor).
DictDate ArticleDate(std::string_view date);

struct DictCode {
  std::string code;               // "PRKGOV"
  bool dated = false;             // true when a "FROM .. TO" range was given
  DictDate from = kDateMin, to = kDateMax;  // inclusive
  int line = 0;                   // 1-based line in the file
  bool Contains(DictDate d) const { return d >= from && d <= to; }
};

struct DictEntry {
  std::vector<std::string> names;  // as written, trimmed
  std::vector<DictCode> codes;     // in file order
  std::string file;                // path as given to the parser
  int line = 0;                    // line of the "= " line
  // Optional per-entry tag (an extra beyond the fixed format, see
  // docs/dictionaries.md): "= Pyongyang  {capital}" -> "capital". "" if none.
  std::string tag;

  // The code that applies at `date`: the first dated code whose range holds
  // it, else the first undated code, else nullptr (the entry does not apply).
  // Unknown date (0): the first dated code still open at its end ("..", i.e.
  // the current role), else the first undated code, else nullptr.
  const DictCode* CodeFor(DictDate date) const;
  std::string Where() const { return file + ":" + std::to_string(line); }
};

// What kind of codes a file holds, for validation: actor codes are 3-letter
// blocks ("PRK", "PRKGOV", "IGOUNOHLHWHO", "---GOV"); agent codes are blocks
// appended to an actor ("GOV", "MIL", "GOVFRM").
enum class CodeSyntax { kActor, kAgent };

// True when `code` is a well-formed code of that syntax; *why gets the reason.
bool ValidCode(std::string_view code, CodeSyntax syntax, std::string* why);

struct DictProblem {
  std::string where;     // "dict/actors/countries.txt:12"
  std::string message;   // "bad date '2011-13-01'"
  bool error = true;     // false: a warning (the file still loads)
};

// Parses one dictionary file. Fails (Status naming file:line and problem) on
// the first error unless `problems` is given, in which case every error and
// warning is collected there and the returned Status reports the first error.
// Entries parsed before/after an error are still appended to *out.
Status ParseDictFile(const std::string& path, CodeSyntax syntax, std::vector<DictEntry>* out,
                     std::vector<DictProblem>* problems = nullptr);
// Same for text already in memory (`name` is used in messages): for tests.
Status ParseDictText(std::string_view text, const std::string& name, CodeSyntax syntax,
                     std::vector<DictEntry>* out, std::vector<DictProblem>* problems = nullptr);

}  // namespace dyad
