#include "reports/svg_treemap.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace rh {
namespace {

size_t code_points(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string first_folder(std::string_view path) {
  size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

Rect inset(const Rect& r, double by) {
  if (r.w <= 2 * by || r.h <= 2 * by) return {r.x, r.y, 0, 0};
  return {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
}

struct Group {
  std::string name;
  double size = 0;
  std::vector<TreemapItem> items;
  size_t folders_left_out = 0;  ///< > 0: the grey rectangle of the folders beyond max_folders
};

std::vector<Group> groups_of(std::vector<TreemapItem> items, const TreemapOptions& o) {
  std::map<std::string, Group> by_name;
  for (auto& it : items) {
    Group& g = by_name[it.folder];
    g.name = it.folder;
    g.size += it.size;
    g.items.push_back(std::move(it));
  }
  std::vector<Group> groups;
  for (auto& [name, g] : by_name) groups.push_back(std::move(g));
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.size > b.size; });
  const size_t keep = std::max<size_t>(o.max_folders, 2) - 1;
  if (groups.size() > keep + 1) {
    Group rest;
    for (size_t k = keep; k < groups.size(); ++k) rest.size += groups[k].size;
    rest.folders_left_out = groups.size() - keep;
    groups.resize(keep);
    groups.push_back(std::move(rest));
  }
  return groups;
}

/// A folder's files: the largest up to max_per_folder and at least min_share of the whole, the
/// rest as one grey cell (a single file left over keeps its own rectangle).
std::vector<TreemapCell> cells_of(std::vector<TreemapItem> items, double total, const TreemapOptions& o) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.size > b.size; });
  size_t keep = 0;
  while (keep < items.size() && keep < std::max<size_t>(o.max_per_folder, 1) &&
         (keep == 0 || items[keep].size >= o.min_share * total))
    ++keep;
  if (items.size() - keep == 1) ++keep;
  std::vector<TreemapCell> cells;
  for (size_t k = 0; k < keep; ++k)
    cells.push_back({{}, std::move(items[k].label), std::move(items[k].tooltip), items[k].heat, items[k].size, false});
  if (keep < items.size()) {
    TreemapCell others;
    others.heat = -1;
    for (size_t k = keep; k < items.size(); ++k) others.size += items[k].size;
    others.label = o.others_label(items.size() - keep);
    others.tooltip = others.label;
    cells.push_back(std::move(others));
    std::stable_sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) { return a.size > b.size; });
  }
  return cells;
}

}  // namespace

double text_width(std::string_view text, double font_px) {
  return static_cast<double>(code_points(text)) * font_px * 0.62;
}

bool label_fits(std::string_view text, double font_px, const Rect& r) {
  return !text.empty() && r.w >= text_width(text, font_px) + 6 && r.h >= font_px + 4;
}

std::vector<std::string> treemap_folders(const std::vector<std::string>& paths, const std::vector<double>& sizes) {
  double total = 0;
  std::map<std::string, double> first_sizes;
  std::map<std::string, bool> has_subfolders;
  for (size_t i = 0; i < paths.size(); ++i) {
    double s = i < sizes.size() && sizes[i] > 0 ? sizes[i] : 0;
    std::string f = first_folder(paths[i]);
    total += s;
    first_sizes[f] += s;
    if (!f.empty() && paths[i].find('/', f.size() + 1) != std::string::npos) has_subfolders[f] = true;
  }
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::string f = first_folder(p);
    if (!f.empty() && has_subfolders[f] && first_sizes[f] > total / 2) {
      size_t second = p.find('/', f.size() + 1);
      if (second != std::string::npos) f = p.substr(0, second);
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<TreemapFolder> layout_treemap(std::vector<TreemapItem> items, const TreemapOptions& o) {
  items.erase(std::remove_if(items.begin(), items.end(), [](const auto& i) { return !(i.size > 0); }), items.end());
  const double total =
      std::accumulate(items.begin(), items.end(), 0.0, [](double s, const TreemapItem& i) { return s + i.size; });
  std::vector<Group> groups = groups_of(std::move(items), o);
  std::vector<double> sizes;
  for (const auto& g : groups) sizes.push_back(g.size);
  std::vector<Rect> rects = squarify(sizes, {0, 0, o.width, o.height});
  std::vector<TreemapFolder> out;
  for (size_t k = 0; k < groups.size(); ++k) {
    Group& g = groups[k];
    TreemapFolder f;
    f.rect = rects[k];
    f.size = g.size;
    f.others = g.folders_left_out > 0;
    f.name = f.others ? o.other_folders_label(g.folders_left_out) : g.name.empty() ? o.top_level_label : g.name;
    Rect inner = inset(f.rect, 1);
    Rect body = inner;
    if (!f.others && inner.h >= 2.5 * kTreemapHeader && inner.w >= 24) {
      f.header = {inner.x, inner.y, inner.w, kTreemapHeader};
      body = {inner.x, inner.y + kTreemapHeader, inner.w, inner.h - kTreemapHeader};
    } else {
      f.header = {inner.x, inner.y, inner.w, 0};
    }
    const Rect& label_room = f.others ? inner : f.header;
    f.show_label = label_fits(f.name, kTreemapFolderFont * 1.1, label_room);
    if (!f.others) {
      f.cells = cells_of(std::move(g.items), total, o);
      std::vector<double> cell_sizes;
      for (const auto& c : f.cells) cell_sizes.push_back(c.size);
      std::vector<Rect> cell_rects = squarify(cell_sizes, body);
      for (size_t i = 0; i < f.cells.size(); ++i) {
        f.cells[i].rect = cell_rects[i];
        for (double font : {kTreemapFileFont, kTreemapSmallFont})
          if (!f.cells[i].show_label && label_fits(f.cells[i].label, font, cell_rects[i])) {
            f.cells[i].show_label = true;
            f.cells[i].font = font;
          }
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string svg_treemap(std::vector<TreemapItem> items, std::string_view title, const TreemapOptions& o) {
  std::vector<TreemapFolder> folders = layout_treemap(std::move(items), o);
  auto rect = [](const Rect& r, const std::string& attrs) {
    return "<rect x=\"" + svg_number(r.x) + "\" y=\"" + svg_number(r.y) + "\" width=\"" + svg_number(r.w) +
           "\" height=\"" + svg_number(r.h) + "\"" + attrs + "/>";
  };
  // The font sizes are the stylesheet's (svg.treemap text, .small, .folder-label in report.css).
  auto text = [](double x, double y, const std::string& cls, const std::string& s) {
    return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" class=\"" + cls + "\">" + html_escape(s) +
           "</text>";
  };
  std::string svg = svg_open(o.width, o.height, title, "chart treemap");
  for (const auto& f : folders) {
    svg += "<g class=\"folder\"><title>" + html_escape(f.name) + "</title>";
    svg += rect(f.rect, f.others ? " class=\"folder others\"" : " class=\"folder\"");
    if (f.show_label) {
      const Rect& at = f.others ? inset(f.rect, 1) : f.header;
      svg += text(at.x + 3, at.y + 13, "folder-label", f.name);
    }
    for (const auto& c : f.cells) {
      const int cls = heat_class(c.heat);
      const std::string fill = c.heat < 0 ? "#d9d9d9" : heat_fill(cls);
      svg += "<g><title>" + html_escape(c.tooltip) + "</title>" + rect(c.rect, " fill=\"" + fill + "\"");
      if (c.show_label)
        svg += text(
            c.rect.x + 3, c.rect.y + 2 + c.font,
            std::string(cls >= 3 && c.heat >= 0 ? "on-dark" : "on-light") + (c.font < kTreemapFileFont ? " small" : ""),
            c.label);
      svg += "</g>";
    }
    svg += "</g>";
  }
  return svg + "</svg>";
}

}  // namespace rh
