// The treemap grouped by folder: folders and the files inside them tile the area without
// overlap, in proportion to their sizes; files stay inside their folder below its header; a
// label is drawn only where it fits whole; the smaller files and folders are gathered; every
// text is escaped.
#include "reports/svg_treemap.h"

#include <gtest/gtest.h>

#include <map>

namespace rh {
namespace {

constexpr double kEps = 1e-6;

bool inside(const Rect& r, const Rect& outer) {
  return r.x >= outer.x - kEps && r.y >= outer.y - kEps && r.x + r.w <= outer.x + outer.w + kEps &&
         r.y + r.h <= outer.y + outer.h + kEps;
}

bool overlap(const Rect& a, const Rect& b) {
  double ox = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
  double oy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
  return ox > kEps && oy > kEps;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

/// Five folders of uneven size, files of sizes 1..40.
std::vector<TreemapItem> sample_items() {
  std::vector<TreemapItem> items;
  const std::vector<std::pair<std::string, int>> folders = {
      {"app", 12}, {"lib", 7}, {"tests", 5}, {"", 2}, {"tools", 1}};
  int n = 0;
  for (const auto& [folder, files] : folders)
    for (int i = 0; i < files; ++i, ++n) {
      TreemapItem it;
      it.label = "file_" + std::to_string(n) + ".py";
      it.tooltip = folder + "/" + it.label;
      it.size = 1 + (n * 17) % 40;
      it.heat = (n % 10) / 10.0;
      it.folder = folder;
      items.push_back(it);
    }
  return items;
}

TEST(SvgTreemap, FoldersTileTheAreaInProportionWithoutOverlap) {
  TreemapOptions o;
  auto items = sample_items();
  std::map<std::string, double> folder_sizes;
  double total = 0;
  for (const auto& it : items) {
    folder_sizes[it.folder] += it.size;
    total += it.size;
  }
  auto folders = layout_treemap(items, o);
  ASSERT_EQ(folders.size(), 5u);
  const Rect whole{0, 0, o.width, o.height};
  double area = 0;
  for (size_t i = 0; i < folders.size(); ++i) {
    const auto& f = folders[i];
    EXPECT_TRUE(inside(f.rect, whole)) << f.name;
    const std::string key = f.name == o.top_level_label ? "" : f.name;
    ASSERT_TRUE(folder_sizes.count(key)) << f.name;
    // Folder areas in proportion to the folders' code lines.
    EXPECT_NEAR(f.rect.w * f.rect.h / (o.width * o.height), folder_sizes[key] / total, 1e-9) << f.name;
    area += f.rect.w * f.rect.h;
    for (size_t j = 0; j < i; ++j) EXPECT_FALSE(overlap(f.rect, folders[j].rect)) << f.name << " / " << folders[j].name;
    if (i > 0) {
      EXPECT_LE(f.size, folders[i - 1].size);  // largest first
    }
  }
  EXPECT_NEAR(area, o.width * o.height, 1e-6);
}

TEST(SvgTreemap, FilesNestInsideTheirFolderBelowTheHeaderInProportion) {
  TreemapOptions o;
  auto folders = layout_treemap(sample_items(), o);
  size_t with_header = 0, cells = 0;
  for (const auto& f : folders) {
    ASSERT_FALSE(f.cells.empty()) << f.name;
    Rect body = f.rect;
    if (f.header.h > 0) {
      ++with_header;
      EXPECT_TRUE(inside(f.header, f.rect)) << f.name;
      body = {f.rect.x, f.header.y + f.header.h, f.rect.w, f.rect.y + f.rect.h - f.header.y - f.header.h};
    }
    double per_line = -1, cell_area = 0;
    for (size_t i = 0; i < f.cells.size(); ++i) {
      const auto& c = f.cells[i];
      ++cells;
      EXPECT_TRUE(inside(c.rect, body)) << f.name << ": " << c.label;
      for (size_t j = 0; j < i; ++j) EXPECT_FALSE(overlap(c.rect, f.cells[j].rect)) << c.label;
      // Within a folder, areas in proportion to the sizes.
      double ratio = c.rect.w * c.rect.h / c.size;
      if (per_line < 0) per_line = ratio;
      EXPECT_NEAR(ratio, per_line, per_line * 1e-9) << c.label;
      cell_area += c.rect.w * c.rect.h;
    }
    // The files fill the folder but its border (1 px) and header.
    double inner = (f.rect.w - 2) * (f.rect.h - 2) - f.header.w * f.header.h;
    EXPECT_NEAR(cell_area, inner, 1e-6) << f.name;
  }
  EXPECT_EQ(cells, 27u);
  EXPECT_GE(with_header, 3u);
}

TEST(SvgTreemap, LabelsOnlyWhereTheyFitWhole) {
  TreemapOptions o;
  auto items = sample_items();
  TreemapItem wide;
  wide.label = "a_file_name_far_too_long_for_any_rectangle_of_this_map_to_hold_it_whole.py";
  wide.tooltip = "tools/" + wide.label;
  wide.size = 1;
  wide.folder = "tools";
  items.push_back(wide);
  auto folders = layout_treemap(items, o);
  size_t shown = 0, hidden = 0;
  for (const auto& f : folders) {
    for (const auto& c : f.cells) {
      EXPECT_EQ(c.show_label,
                label_fits(c.label, kTreemapFileFont, c.rect) || label_fits(c.label, kTreemapSmallFont, c.rect))
          << c.label;
      if (c.show_label) {
        ++shown;
        // The normal size where it fits, the small one only where the normal one does not.
        EXPECT_EQ(c.font, label_fits(c.label, kTreemapFileFont, c.rect) ? kTreemapFileFont : kTreemapSmallFont);
        EXPECT_LE(text_width(c.label, c.font) + 6, c.rect.w) << c.label;
        EXPECT_GE(c.rect.h, c.font + 4) << c.label;
      } else {
        ++hidden;
      }
      if (c.label == wide.label) {
        EXPECT_FALSE(c.show_label);
      }
    }
    if (f.show_label) {
      EXPECT_LE(text_width(f.name, kTreemapFolderFont * 1.1) + 6, f.header.w) << f.name;
    }
  }
  EXPECT_GT(shown, 5u);
  EXPECT_GT(hidden, 0u);
  // The SVG draws exactly those labels, whole: no label is cut with an ellipsis.
  std::string svg = svg_treemap(items, "map", o);
  size_t labels = count(svg, "class=\"on-light") + count(svg, "class=\"on-dark");
  EXPECT_EQ(labels, shown);
  EXPECT_EQ(svg.find("…"), std::string::npos);
  EXPECT_EQ(svg.find(wide.label + "</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>" + wide.tooltip + "</title>"), std::string::npos);  // the tooltip keeps it
  EXPECT_TRUE(label_fits("ab", 11, {0, 0, 2 * 11 * 0.62 + 6, 15}));
  EXPECT_FALSE(label_fits("ab", 11, {0, 0, 2 * 11 * 0.62 + 5.9, 15}));
  EXPECT_FALSE(label_fits("ab", 11, {0, 0, 100, 14.9}));
  EXPECT_DOUBLE_EQ(text_width("æøå", 10), text_width("abc", 10));  // characters, not bytes
}

TEST(SvgTreemap, GathersSmallFilesPerFolderAndSmallFolders) {
  TreemapOptions o;
  o.max_per_folder = 3;
  o.max_folders = 3;
  o.others_label = [](size_t n) { return std::to_string(n) + " more files"; };
  o.other_folders_label = [](size_t n) { return std::to_string(n) + " more folders"; };
  auto items = sample_items();  // app 12 files, lib 7, tests 5, top level 2, tools 1
  auto folders = layout_treemap(items, o);
  ASSERT_EQ(folders.size(), 3u);
  EXPECT_EQ(folders[0].name, "app");
  ASSERT_EQ(folders[0].cells.size(), 4u);
  size_t grey = 0;
  for (const auto& c : folders[0].cells)
    if (c.heat < 0) {
      ++grey;
      EXPECT_EQ(c.label, "9 more files");
    }
  EXPECT_EQ(grey, 1u);
  EXPECT_TRUE(folders[2].others);
  EXPECT_EQ(folders[2].name, "3 more folders");
  EXPECT_TRUE(folders[2].cells.empty());
  // A folder with one file over the limit keeps that file rather than "1 more file".
  o.max_per_folder = 11;
  o.max_folders = 24;
  folders = layout_treemap(items, o);
  EXPECT_EQ(folders[0].cells.size(), 12u);
  // Files below min_share of the whole are gathered even under max_per_folder.
  TreemapOptions shares;
  shares.min_share = 0.05;
  std::vector<TreemapItem> uneven = {{"big", "big", 100, 0, "a"}, {"s1", "s1", 1, 0, "a"}, {"s2", "s2", 1, 0, "a"}};
  folders = layout_treemap(uneven, shares);
  ASSERT_EQ(folders[0].cells.size(), 2u);
  EXPECT_LT(folders[0].cells[1].heat, 0);
}

TEST(SvgTreemap, FoldersByFirstLevelAndTheDominantOneBySecond) {
  EXPECT_EQ(treemap_folders({"a/x.py", "b/y.py", "c/z/w.py", "top.py"}, {1, 1, 1, 1}),
            (std::vector<std::string>{"a", "b", "c", ""}));
  // src holds more than half: its subfolders become the groups, its own files stay in "src".
  EXPECT_EQ(
      treemap_folders({"src/app/a.py", "src/lib/b.py", "src/c.py", "tests/t.py", "README.py"}, {50, 30, 10, 5, 5}),
      (std::vector<std::string>{"src/app", "src/lib", "src", "tests", ""}));
  // A dominant folder without subfolders stays whole.
  EXPECT_EQ(treemap_folders({"src/a.py", "src/b.py", "t/c.py"}, {5, 5, 1}),
            (std::vector<std::string>{"src", "src", "t"}));
}

TEST(SvgTreemap, EscapesEveryText) {
  TreemapOptions o;
  o.top_level_label = "<top & \"level\">";
  std::vector<TreemapItem> items = {{"<b>x", "\"tip\" & <t>", 50, 0.5, "<dir>"}, {"ok", "'quote'", 40, 0.9, ""}};
  std::string svg = svg_treemap(items, "T <x>", o);
  for (const char* raw : {"<b>", "<t>", "<dir>", "<top"}) EXPECT_EQ(svg.find(raw), std::string::npos) << raw;
  EXPECT_NE(svg.find("&quot;tip&quot; &amp; &lt;t&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;dir&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;top &amp; &quot;level&quot;&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&#39;quote&#39;"), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"T &lt;x&gt;\""), std::string::npos);
  EXPECT_EQ(count(svg, "<g class=\"folder\">"), 2u);
}

}  // namespace
}  // namespace rh
