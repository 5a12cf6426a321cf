// coder — when an event happened, from the time expressions attached to its
// trigger: explicit years ("in 1994", "during the Gulf War (1990-1991)"),
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
  // "YYYY-MM-DD" when the day is known (Event::event_date is always a full
  // date); "" = not known to the day, the article date stands.
  std::string event_date;
  // A coarser time when only that is known: "1994" ("in 1994", "years
  // ago"), "2024-08" ("in August 2024", "N months ago"); "" if none.
  std::string period;
  std::string why;         // the words that decided it, for explain
};

// Looks at the temporal dependents of the `anchors` (trigger, its light or
// control verbs). `article_date` is "YYYY-MM-DD" or "". A weekday refers to
// the past ("attacked on Tuesday") unless the first anchor is in the present
// or future tense ("will meet on Friday", "heads to Beijing on Friday").
TimeInfo TemporalOf(const ParseView& view, const std::vector<int>& anchors, std::string_view article_date);

// Date helpers (proleptic Gregorian), exposed for tests.
bool ParseIsoDate(std::string_view s, int* y, int* m, int* d);
std::string FormatIsoDate(int y, int m, int d);
// Adds `days` (may be negative) to a date.
std::string AddDays(std::string_view iso, int days);
// 0 = Monday .. 6 = Sunday; -1 if the date is invalid.
int Weekday(std::string_view iso);

}  // namespace dyad
