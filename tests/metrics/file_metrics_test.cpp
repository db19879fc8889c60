// Sums, maxima and the maintainability index, against values worked out by hand.
#include "metrics/file_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rh {
namespace {

TEST(FileMetrics, TotalsAreSumsAndMaxima) {
  std::vector<FunctionMetrics> fs(2);
  fs[0] = {"a", 1, 10, 2, 8, 3, 4, 2, 50};
  fs[1] = {"b", 12, 14, 5, 3, 6, 1, 1, 20};
  const FunctionTotals t = function_totals(fs);
  EXPECT_EQ(t, (FunctionTotals{2, 11, 9, 5, 70, 8, 6, 4, 5, 2}));
  EXPECT_EQ(function_totals({}), FunctionTotals{});
}

TEST(FileMetrics, MaintainabilityIndexByRadonsFormula) {
  // V = 1000, G = 10, L = 100 code lines, 20 comment lines (20 %):
  //   ln 1000 = 6.907755 -> 5.2 * 6.907755 = 35.920328
  //   0.23 * 10 = 2.3
  //   ln 100 = 4.605170 -> 16.2 * 4.605170 = 74.603760
  //   20 degrees = 0.349066 rad; sqrt(2.46 * 0.349066) = 0.926662; sin = 0.799620 -> 39.980988
  //   171 - 35.920328 - 2.3 - 74.603760 + 39.980988 = 98.156900; * 100 / 171 = 57.40
  EXPECT_DOUBLE_EQ(maintainability_index(1000, 10, 100, 20), 57.40);
  // Without comments the last term is 0: (171 - 35.920328 - 2.3 - 74.603760) * 100 / 171 = 34.02.
  EXPECT_DOUBLE_EQ(maintainability_index(1000, 10, 100, 0), 34.02);
  // Nothing to measure: 100. Very large code: clamped at 0.
  EXPECT_DOUBLE_EQ(maintainability_index(0, 0, 0, 0), 100);
  EXPECT_DOUBLE_EQ(maintainability_index(1e12, 5000, 1000000, 0), 0);
}

TEST(FileMetrics, FinishSetsTotalsAndIndexOnlyForParsedFiles) {
  FileFacts f;
  f.functions.push_back({"a", 1, 3, 1, 3, 2, 1, 1, 12});
  f.lines = {3, 3, 0, 0};
  f.halstead.volume = 40;
  f.parsed = true;
  finish_file_metrics(f);
  EXPECT_EQ(f.totals.count, 1);
  ASSERT_TRUE(f.maintainability_index.has_value());
  EXPECT_GT(*f.maintainability_index, 0);
  FileFacts data;
  data.lines = {5, 5, 0, 0};
  finish_file_metrics(data);
  EXPECT_FALSE(data.maintainability_index.has_value());
}

}  // namespace
}  // namespace rh
