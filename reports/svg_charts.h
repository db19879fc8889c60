#pragma once
// Inline SVG charts for the HTML report: a histogram and horizontal bars; the treemap is in
// svg_treemap.h.
// Every text that reaches the SVG (labels, tooltips) is escaped here: callers pass plain text.
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// &, <, >, " and ' as entities: safe in HTML text, in quoted attributes and in inline SVG.
std::string html_escape(std::string_view text);

/// A repository path as HTML that breaks only at '/': escaped first, then `<wbr>` after each
/// slash. For the path cells of the report ({{{path_html}}} in the templates); the only markup
/// in the result is the `<wbr>` this adds.
std::string html_path(std::string_view path);

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

/// Bruls, Huizing and van Wijk's squarified layout of `sizes` (sorted largest first) in `area`.
std::vector<Rect> squarify(const std::vector<double>& sizes, Rect area);

/// A number for SVG coordinates: one decimal, no trailing ".0".
std::string svg_number(double v);

/// The SVG element with its accessible name (`title`, escaped) and class.
std::string svg_open(double w, double h, std::string_view title, const char* cls);

/// The colour class (0..4) and fill of a heat value, shared by the treemap and its legend.
int heat_class(double heat);
const char* heat_fill(int heat_class);

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
