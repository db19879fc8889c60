// The width the terminal summary is wrapped to: the terminal's, else $COLUMNS, else 80.
#include <gtest/gtest.h>

#include "cli/terminal_width.h"

namespace rh {
namespace {

TEST(OutputWidth, TheTerminalsWidthComesFirst) {
  EXPECT_EQ(choose_output_width(132, "100"), 132u);
  EXPECT_EQ(choose_output_width(40, nullptr), 40u);
}

TEST(OutputWidth, ColumnsWhenNotATerminal) {
  EXPECT_EQ(choose_output_width(std::nullopt, "100"), 100u);
  EXPECT_EQ(choose_output_width(std::nullopt, "40"), 40u);
}

TEST(OutputWidth, EightyWhenNothingSaysOtherwise) {
  EXPECT_EQ(choose_output_width(std::nullopt, nullptr), 80u);
  EXPECT_EQ(choose_output_width(std::nullopt, ""), 80u);
  EXPECT_EQ(choose_output_width(std::nullopt, "wide"), 80u);
  EXPECT_EQ(choose_output_width(std::nullopt, "100x"), 80u);
  EXPECT_EQ(choose_output_width(std::nullopt, "-5"), 80u);
  EXPECT_EQ(choose_output_width(std::nullopt, "3"), 80u) << "too narrow to be meant";
  EXPECT_EQ(choose_output_width(0, nullptr), 80u) << "a terminal that reports no width";
}

}  // namespace
}  // namespace rh
