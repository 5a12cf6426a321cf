// coder — when an event happened, from the time expressions attached to its
// trigger: explicit years ("in 1994", "during the Korean War (1950-1953)"),
// "N years ago", dates ("Oct 5", "5 October 2024"), weekdays and
// yesterday/today relative to the article date. An event placed clearly
// before the article (an earlier explicit year, years ago) is historical.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder/parse_view.h"

namespace dyad {

struct TimeInfo {
  bool historical = false;
  std::string event_date;  // "YYYY-MM-DD", or "YYYY" when only the year is known; "" = unknown
  std::string why;         // the words that decided it, for explain
};

// Looks at the temporal dependents of the `anchors` (trigger, its light or
// control verbs). `article_date` is "YYYY-MM-DD" or "".
TimeInfo TemporalOf(const ParseView& view, const std::vector<int>& anchors, std::string_view article_date);

// Date helpers (proleptic Gregorian), exposed for tests.
bool ParseIsoDate(std::string_view s, int* y, int* m, int* d);
std::string FormatIsoDate(int y, int m, int d);
// Adds `days` (may be negative) to a date.
std::string AddDays(std::string_view iso, int days);
// 0 = Monday .. 6 = Sunday; -1 if the date is invalid.
int Weekday(std::string_view iso);

}  // namespace dyad
