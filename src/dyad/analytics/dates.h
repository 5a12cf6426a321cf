// analytics — calendar arithmetic on YYYY-MM-DD days: day numbers, ISO
// weeks (starting Monday) and months, for bucketing and gap filling.
#pragma once

#include <string>
#include <string_view>

namespace dyad::dates {

// Days since 1970-01-01; false when s is not a valid YYYY-MM-DD.
bool ToDayNumber(std::string_view s, int* out);
std::string FromDayNumber(int day);
int WeekStart(int day);                        // the Monday on or before day
std::string MonthOf(std::string_view day);     // "2020-03-17" -> "2020-03"
std::string NextMonth(const std::string& ym);  // "2020-12" -> "2021-01"

}  // namespace dyad::dates
