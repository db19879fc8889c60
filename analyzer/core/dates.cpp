#include "core/dates.h"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

namespace rh {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t& y, int64_t& m, int64_t& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool digits(std::string_view s, size_t pos, size_t n, int64_t& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int64_t days_in_month(int64_t y, int64_t m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

std::string iso_utc(int64_t seconds) {
  constexpr int64_t kMin = -62135596800;  // 0001-01-01T00:00:00Z
  constexpr int64_t kMax = 253402300799;  // 9999-12-31T23:59:59Z
  seconds = std::clamp(seconds, kMin, kMax);
  int64_t days = floor_div(seconds, kSecondsPerDay);
  int64_t rest = seconds - days * kSecondsPerDay;
  int64_t y, m, d;
  civil_from_days(days, y, m, d);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", y, m, d, rest / 3600,
                     rest / 60 % 60, rest % 60);
}

std::optional<int64_t> parse_iso_date(std::string_view s) {
  int64_t y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;
  size_t pos = 10;
  int64_t offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    if (!digits(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, mi))
      return std::nullopt;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2, sec)) return std::nullopt;
      pos += 3;
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (pos < s.size()) {
      if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        pos += 1;
      } else if (s[pos] == '+' || s[pos] == '-') {
        int64_t oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || pos + 6 != s.size())
          return std::nullopt;
        offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
        pos = s.size();
      } else {
        return std::nullopt;
      }
    }
  }
  if (pos != s.size()) return std::nullopt;
  return days_from_civil(y, mo, d) * kSecondsPerDay + h * 3600 + mi * 60 + sec - offset;
}

std::optional<int64_t> as_of_instant(std::string_view as_of) {
  auto t = parse_iso_date(as_of);
  if (!t) return std::nullopt;
  return as_of.size() == 10 ? *t + kSecondsPerDay - 1 : *t;
}

std::optional<std::string> normalise_as_of(std::string_view text) {
  auto t = parse_iso_date(text);
  if (!t) return std::nullopt;
  if (text.size() == 10) return std::string(text);
  return iso_utc(*t);
}

std::string today_utc() { return iso_utc(static_cast<int64_t>(std::time(nullptr))).substr(0, 10); }

int64_t whole_days(int64_t from, int64_t to) {
  return to <= from ? 0 : (to - from) / kSecondsPerDay;
}

int64_t whole_months(int64_t from, int64_t to) {
  return to <= from ? 0 : (to - from) / kSecondsPerMonth;
}

}  // namespace rh
