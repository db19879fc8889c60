#pragma once
// The report's treemap: files grouped by folder, nested squarified layout (folders first, then
// the files inside each folder below its header). A label is drawn only where it fits whole;
// every rectangle has a tooltip, and the report lists the folders in a table beside it. Every
// text that reaches the SVG is escaped here: callers pass plain text.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/svg_charts.h"

namespace rh {

struct TreemapItem {
  std::string label;    ///< shown inside the rectangle when it fits
  std::string tooltip;  ///< <title> of the rectangle
  double size = 0;      ///< area (code lines); items <= 0 are left out
  double heat = 0;      ///< colour in [0, 1]: 0 = cool, 1 = hottest
  std::string folder;   ///< the group it is drawn in (treemap_folders); "" = the top level
};

struct TreemapOptions {
  double width = 960, height = 540;
  size_t max_folders = 24;     ///< the smaller folders beyond this: one grey rectangle
  size_t max_per_folder = 40;  ///< a folder's smaller files beyond this: its grey "others"
  double min_share = 0.0004;   ///< files below this share of the whole go to "others" too
  /// The label of a folder's grey "others" rectangle holding `n` files, and of the grey
  /// rectangle of `n` folders left out (the caller formats them in the report's language).
  std::function<std::string(size_t n)> others_label = [](size_t n) { return std::to_string(n) + " other files"; };
  std::function<std::string(size_t n)> other_folders_label = [](size_t n) {
    return std::to_string(n) + " other folders";
  };
  std::string top_level_label = "(top level)";  ///< the name of folder ""
};

/// One file rectangle (or a folder's "others").
struct TreemapCell {
  Rect rect;
  std::string label, tooltip;
  double heat = 0;  ///< < 0: grey (others)
  double size = 0;
  bool show_label = false;
  double font = 0;  ///< the label's font size: kTreemapFileFont, kTreemapSmallFont where only that fits
};

/// One folder: its rectangle, the header band holding its name (h = 0 when too small for one)
/// and its files, inside the rectangle below the header.
struct TreemapFolder {
  Rect rect, header;
  std::string name;
  double size = 0;
  bool show_label = false;
  bool others = false;  ///< the grey rectangle of the folders left out
  std::vector<TreemapCell> cells;
};

/// The header band's height and the font sizes the layout assumes (set on the SVG text).
inline constexpr double kTreemapHeader = 18, kTreemapFolderFont = 12, kTreemapFileFont = 11, kTreemapSmallFont = 9;

/// The width of `text` at `font_px` in a sans-serif font, estimated on the wide side (0.62 em
/// per character, UTF-8 aware), so that a label said to fit does fit.
double text_width(std::string_view text, double font_px);
/// Whether `text` fits whole in `r` with 3 px of padding on each side.
bool label_fits(std::string_view text, double font_px, const Rect& r);

/// The folder each file is drawn in: its first folder; a top-level folder that holds more than
/// half of the total size is split by its second level (`src/app`, `src/lib`), its own files
/// staying in it. Files at the top level get "".
std::vector<std::string> treemap_folders(const std::vector<std::string>& paths, const std::vector<double>& sizes);

/// The nested layout: folders largest first, squarified in the whole area (folder areas in
/// proportion to their totals), files squarified inside their folder (in proportion to each
/// other); the header band and a 1 px inset are taken from the folder's area.
std::vector<TreemapFolder> layout_treemap(std::vector<TreemapItem> items, const TreemapOptions& options);

/// The treemap as inline SVG; `title` is the accessible name.
std::string svg_treemap(std::vector<TreemapItem> items, std::string_view title, const TreemapOptions& options);

}  // namespace rh
