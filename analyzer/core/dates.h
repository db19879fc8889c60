#pragma once
// Dates (history, health): seconds since 1970 (UTC) <-> ISO 8601 text, and the month used by every
// window ("last 12 months", "age in months").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rh {

/// A month is 1/12 of a mean Gregorian year: 30.436875 days.
inline constexpr int64_t kSecondsPerDay = 86400;
inline constexpr int64_t kSecondsPerMonth = 2629746;

/// "2024-06-01T12:00:00Z". Times outside years 1..9999 are clamped to them.
std::string iso_utc(int64_t seconds);

/// Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" with "Z", "+HH:MM", "-HH:MM" or nothing (UTC);
/// a space may stand for the "T". Returns nothing for anything else or an impossible date.
std::optional<int64_t> parse_iso_date(std::string_view text);

/// The instant an "as of" reference stands for: a date "YYYY-MM-DD" is the end of that day
/// (23:59:59 UTC), so the day's own commits are inside; a timestamp is itself. Nothing for
/// anything else.
std::optional<int64_t> as_of_instant(std::string_view as_of);
/// `--as-of` as facts.json records it: a date stays "YYYY-MM-DD", a timestamp becomes ISO 8601
/// UTC ("2024-06-01T12:00:00Z"). Nothing when it is neither.
std::optional<std::string> normalise_as_of(std::string_view text);
/// Today's date in UTC, "YYYY-MM-DD" (the default reference date of a scan).
std::string today_utc();

/// Whole days from `from` to `to`, rounded down, never negative.
int64_t whole_days(int64_t from, int64_t to);
/// Whole months (kSecondsPerMonth) from `from` to `to`, rounded down, never negative.
int64_t whole_months(int64_t from, int64_t to);

/// True when `t` lies within `months` months before `reference` (or after it).
inline bool within_months(int64_t t, int64_t reference, int64_t months) {
  return t >= reference - months * kSecondsPerMonth;
}

}  // namespace rh
