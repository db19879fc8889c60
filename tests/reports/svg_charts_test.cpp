// SVG charts: the squarified layout fills the area without overlap and keeps aspect ratios
// reasonable; the treemap nests files in their folders; text is escaped.
#include "reports/svg_charts.h"
#include "reports/svg_treemap.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rh {
namespace {

TEST(SvgCharts, SquarifyKeepsAreasAndStaysInside) {
  // The example of Bruls, Huizing and van Wijk (2000): 6x4 with areas 6, 6, 4, 3, 2, 2, 1.
  std::vector<double> sizes{6, 6, 4, 3, 2, 2, 1};
  auto rects = squarify(sizes, {0, 0, 6, 4});
  ASSERT_EQ(rects.size(), sizes.size());
  double total = 0;
  for (size_t i = 0; i < rects.size(); ++i) {
    const Rect& r = rects[i];
    EXPECT_NEAR(r.w * r.h, sizes[i], 1e-9);
    EXPECT_GE(r.x, -1e-9);
    EXPECT_GE(r.y, -1e-9);
    EXPECT_LE(r.x + r.w, 6 + 1e-9);
    EXPECT_LE(r.y + r.h, 4 + 1e-9);
    total += r.w * r.h;
    for (size_t j = 0; j < i; ++j) {
      const Rect& o = rects[j];
      double ox = std::min(r.x + r.w, o.x + o.w) - std::max(r.x, o.x);
      double oy = std::min(r.y + r.h, o.y + o.h) - std::max(r.y, o.y);
      EXPECT_FALSE(ox > 1e-9 && oy > 1e-9) << i << " overlaps " << j;
    }
  }
  EXPECT_NEAR(total, 24, 1e-9);
  // The first row of the paper's example: the two 6s side by side in a 3-wide column of the left.
  EXPECT_NEAR(rects[0].w, 3, 1e-9);
  EXPECT_NEAR(rects[0].h, 2, 1e-9);
  EXPECT_NEAR(rects[1].y, 2, 1e-9);
}

TEST(SvgCharts, HtmlPathEscapesThenBreaksAfterSlashes) {
  EXPECT_EQ(html_path("src/<b>/a&b.py"), "src/<wbr>&lt;b&gt;/<wbr>a&amp;b.py");
  EXPECT_EQ(html_path("README.md"), "README.md");
  EXPECT_EQ(html_path("\"/'"), "&quot;/<wbr>&#39;");
}

TEST(SvgCharts, HeatClasses) {
  EXPECT_EQ(heat_class(0), 0);
  EXPECT_EQ(heat_class(0.2), 0);
  EXPECT_EQ(heat_class(0.21), 1);
  EXPECT_EQ(heat_class(1), 4);
  EXPECT_EQ(heat_class(7), 4);
}

TEST(SvgCharts, BarsAndHistogramEscapeLabels) {
  std::string bars = svg_bars({{"<org>", 3, "3 %"}, {"b", 0, "0"}}, "t");
  EXPECT_EQ(bars.find("<org>"), std::string::npos);
  EXPECT_NE(bars.find("&lt;org&gt;"), std::string::npos);
  std::string hist = svg_histogram({{"1", 5, "5"}, {"2–4", 0, "0"}}, "h", "<x>");
  EXPECT_EQ(hist.find("<x>"), std::string::npos);
}

}  // namespace
}  // namespace rh
