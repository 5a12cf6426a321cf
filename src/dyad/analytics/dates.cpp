// analytics — calendar arithmetic (see dates.h), on std::chrono's calendar.
#include "dyad/analytics/dates.h"

#include <chrono>
#include <cstdio>

#include "dyad/store/store.h"

namespace dyad::dates {

using namespace std::chrono;

bool ToDayNumber(std::string_view s, int* out) {
  if (!IsIsoDay(s)) return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  *out = sys_days(year(y) / month(m) / day(d)).time_since_epoch().count();
  return true;
}

std::string FromDayNumber(int n) {
  year_month_day ymd{sys_days(days(n))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int WeekStart(int n) {
  // 1970-01-01 was a Thursday; weekday index with Monday = 0.
  int wd = ((n % 7) + 7 + 3) % 7;
  return n - wd;
}

std::string MonthOf(std::string_view day) { return std::string(day.substr(0, 7)); }

std::string NextMonth(const std::string& ym) {
  int y = std::stoi(ym.substr(0, 4));
  int m = std::stoi(ym.substr(5, 2)) + 1;
  if (m > 12) {
    m = 1;
    ++y;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

}  // namespace dyad::dates
