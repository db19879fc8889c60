#include "core/dates.h"

#include <gtest/gtest.h>

namespace rh {
namespace {

TEST(Dates, IsoUtc) {
  EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(iso_utc(1717243200), "2024-06-01T12:00:00Z");
  EXPECT_EQ(iso_utc(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(iso_utc(4070952000), "2099-01-01T12:00:00Z");
  EXPECT_EQ(iso_utc(INT64_MAX), "9999-12-31T23:59:59Z");
  EXPECT_EQ(iso_utc(INT64_MIN), "0001-01-01T00:00:00Z");
}

TEST(Dates, Parse) {
  EXPECT_EQ(parse_iso_date("2024-06-01"), 1717200000);
  EXPECT_EQ(parse_iso_date("2024-06-01T12:00:00Z"), 1717243200);
  EXPECT_EQ(parse_iso_date("2024-06-01 12:00"), 1717243200);
  EXPECT_EQ(parse_iso_date("2024-06-01T14:00:00+02:00"), 1717243200);
  EXPECT_EQ(parse_iso_date("1969-12-31T23:59:59Z"), -1);
  for (const char* bad : {"", "2024", "2024-13-01", "2023-02-29", "2024-06-01T25:00", "yesterday",
                          "2024-06-01Z", "2024-06-01T12:00:00+2", "2024-06-01T12:00:00Zx"})
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << bad;
}

TEST(Dates, Windows) {
  const int64_t day = kSecondsPerDay;
  EXPECT_EQ(whole_days(0, day * 3 - 1), 2);
  EXPECT_EQ(whole_days(10, 0), 0);
  EXPECT_EQ(whole_months(0, kSecondsPerMonth * 12), 12);
  EXPECT_EQ(12 * kSecondsPerMonth, 31556952);  // 365.2425 days
  EXPECT_TRUE(within_months(1000 - 12 * kSecondsPerMonth, 1000, 12));
  EXPECT_FALSE(within_months(999 - 12 * kSecondsPerMonth, 1000, 12));
  EXPECT_TRUE(within_months(5000, 1000, 12));  // after the reference
}

}  // namespace
}  // namespace rh
