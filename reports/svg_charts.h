#pragma once
// Inline SVG charts for the HTML report: a squarified treemap, a histogram and horizontal bars.
// Every text that reaches the SVG (labels, tooltips) is escaped here: callers pass plain text.
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// &, <, >, " and ' as entities: safe in HTML text, in quoted attributes and in inline SVG.
std::string html_escape(std::string_view text);

struct TreemapItem {
  std::string label;    ///< shown inside the rectangle when it fits
  std::string tooltip;  ///< <title> of the rectangle
  double size = 0;      ///< area (code lines); items <= 0 are left out
  double heat = 0;      ///< colour in [0, 1]: 0 = cool, 1 = hottest
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

/// Bruls, Huizing and van Wijk's squarified layout of `sizes` (sorted largest first) in `area`.
std::vector<Rect> squarify(const std::vector<double>& sizes, Rect area);

/// The colour class (0..4) and fill of a heat value, shared by the treemap and its legend.
int heat_class(double heat);
const char* heat_fill(int heat_class);

/// A treemap of the items, largest first, at most `max_items` (the rest as one grey "others"
/// rectangle labelled `others_label`). `title` is the accessible name.
std::string svg_treemap(std::vector<TreemapItem> items, std::string_view title, std::string_view others_label,
                        size_t max_items = 1200);

struct ChartBar {
  std::string label;  ///< category (x axis of a histogram, left of a horizontal bar)
  double value = 0;
  std::string value_text;  ///< the value as the reader should see it (formatted per language)
};

/// Vertical bars of counts per bin, with the counts above the bars.
std::string svg_histogram(const std::vector<ChartBar>& bins, std::string_view title,
                          std::string_view x_label);

/// Horizontal bars scaled to the largest value (or to `max_value` when > 0).
std::string svg_bars(const std::vector<ChartBar>& bars, std::string_view title, double max_value = 0);

}  // namespace rh
