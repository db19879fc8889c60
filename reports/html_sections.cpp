// Code sections of the HTML report: hotspots, complexity, duplication, health checks, findings.
#include "reports/html_sections.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/classify.h"
#include "core/language.h"
#include "reports/rule_text.h"
#include "reports/sarif_parts.h"
#include "reports/svg_charts.h"
#include "reports/svg_treemap.h"

namespace rh::html {
namespace {

constexpr size_t kHotspotRows = 20;
constexpr size_t kFolderRows = 25;
constexpr size_t kLocationsPerRule = 5;
constexpr size_t kSnippetBytes = 600;
constexpr size_t kLowestMaintainability = 10;
constexpr size_t kCloneGroups = 10;

std::string base_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string clip(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "\n…";
}

double log_scale(double v, double max) { return max > 0 && v > 0 ? std::log1p(v) / std::log1p(max) : 0; }

Data legend(const Translation& t) {
  List swatches;
  for (int k = 0; k < 5; ++k) swatches.push_back(Data("class", "heat" + std::to_string(k)));
  Data l;
  l.set("swatches", swatches);
  l.set("low", t.text("hotspots.legend_low"));
  l.set("high", t.text("hotspots.legend_high"));
  return l;
}

/// The folders of the map with their files and code lines, largest first: what the map shows
/// where its labels do not fit.
Data folder_rows(const Context& c, const std::vector<TreemapItem>& items) {
  const auto& t = c.t;
  struct Folder {
    int64_t files = 0;
    double code = 0;
  };
  std::map<std::string, Folder> by_name;
  double total = 0;
  for (const auto& it : items) {
    by_name[it.folder].files++;
    by_name[it.folder].code += it.size;
    total += it.size;
  }
  std::vector<std::pair<std::string, Folder>> sorted(by_name.begin(), by_name.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.code > b.second.code; });
  List rows;
  for (size_t i = 0; i < sorted.size() && i < kFolderRows; ++i) {
    const auto& [name, f] = sorted[i];
    Data row;
    row.set("path_html", name.empty() ? html_escape(t.text("hotspots.top_level")) : html_path(name + "/"));
    row.set("files", t.integer(f.files));
    row.set("code", t.integer(static_cast<int64_t>(f.code)));
    row.set("share", total > 0 ? t.percent(f.code / total) : "–");
    rows.push_back(row);
  }
  Data d;
  d.set("rows", rows);
  set_text(d, "more", sorted.size() > kFolderRows
                          ? t.format("common.more", {{"n", t.integer(static_cast<int64_t>(sorted.size() - kFolderRows))}})
                          : "");
  return d;
}

}  // namespace

Data hotspots(const Context& c) {
  const auto& t = c.t;
  const auto& r = c.result;
  Data h;
  std::map<std::string, const FileHistory*> history;
  std::map<std::string, const FileFacts*> files;
  for (const auto& f : r.files) files[f.path] = &f;
  if (r.history)
    for (const auto& fh : r.history->files) history[fh.path] = &fh;
  // Colour: change frequency x complexity when history exists, complexity alone otherwise.
  double max_heat = 0;
  std::vector<double> raw;
  for (const auto& f : r.files) {
    double v = static_cast<double>(file_complexity(f));
    if (r.history) {
      auto it = history.find(f.path);
      v *= it == history.end() ? 0.0 : static_cast<double>(it->second->commits);
    }
    raw.push_back(v);
    max_heat = std::max(max_heat, v);
  }
  // The map shows source code only: data, lock and translation files (core/classify.h) would
  // outweigh the code without saying anything about it.
  std::vector<const FileFacts*> source;
  std::vector<double> heat;
  int64_t left_out = 0, left_out_lines = 0;
  for (size_t i = 0; i < r.files.size(); ++i) {
    const auto& f = r.files[i];
    const LanguageInfo* language = find_language(f.language);
    if (!is_source_code(f.path, language ? *language : LanguageInfo{})) {
      ++left_out;
      left_out_lines += f.lines.code;
      continue;
    }
    source.push_back(&f);
    heat.push_back(log_scale(raw[i], max_heat));
  }
  std::vector<std::string> paths;
  std::vector<double> sizes;
  for (const FileFacts* f : source) {
    paths.push_back(f->path);
    sizes.push_back(static_cast<double>(f->lines.code));
  }
  std::vector<std::string> folders = treemap_folders(paths, sizes);
  std::vector<TreemapItem> items;
  for (size_t i = 0; i < source.size(); ++i) {
    const FileFacts& f = *source[i];
    TreemapItem it;
    it.label = base_name(f.path);
    it.size = sizes[i];
    it.heat = heat[i];
    it.folder = folders[i];
    std::string tip = f.path + " — " +
                      t.format("hotspots.tooltip", {{"code", t.integer(f.lines.code)},
                                                    {"complexity", t.integer(file_complexity(f))}});
    if (r.history) {
      auto hit = history.find(f.path);
      tip += " — " + t.format("hotspots.tooltip_commits",
                              {{"n", t.integer(hit == history.end() ? 0 : hit->second->commits)}});
    }
    it.tooltip = std::move(tip);
    if (it.size > 0) items.push_back(std::move(it));
  }
  h.set("has_files", !items.empty());
  h.set("folders", folder_rows(c, items));
  set_text(h, "left_out",
           left_out > 0 ? t.format("hotspots.left_out", {{"n", t.integer(left_out)}, {"code", t.integer(left_out_lines)}})
                        : "");
  TreemapOptions options;
  options.others_label = [&t](size_t n) {
    return t.format("hotspots.others", {{"n", t.integer(static_cast<int64_t>(n))}});
  };
  options.other_folders_label = [&t](size_t n) {
    return t.format("hotspots.other_folders", {{"n", t.integer(static_cast<int64_t>(n))}});
  };
  options.top_level_label = t.text("hotspots.top_level");
  h.set("treemap", svg_treemap(std::move(items), t.text("hotspots.treemap_title"), options));
  h.set("legend", legend(t));
  h.set("colour_note", t.text(r.history ? "hotspots.colour_history" : "hotspots.colour_complexity"));
  if (!r.history) {
    h.set("table", not_analysed(t, "reason.history"));
    return h;
  }
  List rows;
  for (const auto& hs : r.history->repository.hotspots) {
    if (rows.size() >= kHotspotRows) break;
    Data row;
    row.set("path_html", html_path(hs.path));
    auto f = files.find(hs.path);
    row.set("code", f == files.end() ? "–" : t.integer(f->second->lines.code));
    row.set("commits", t.integer(hs.commits));
    row.set("complexity", t.integer(hs.complexity));
    row.set("score", t.integer(hs.score));
    auto fh = history.find(hs.path);
    row.set("main_author", fh == history.end() ? "" : person_name(r, fh->second->main_author));
    rows.push_back(row);
  }
  Data table;
  table.set("rows", rows);
  table.set("empty", rows.empty());
  h.set("table", table);
  return h;
}

Data complexity(const Context& c) {
  const auto& t = c.t;
  const auto& d = c.data;
  Data x;
  if (d.functions == 0) {
    x.set("functions", not_analysed(t, "reason.no_functions"));
  } else {
    std::vector<ChartBar> bins;
    for (const auto& b : d.complexity_bins)
      bins.push_back({b.label, static_cast<double>(b.count), t.integer(b.count)});
    Data f;
    f.set("histogram",
          svg_histogram(bins, t.text("complexity.histogram_title"), t.text("complexity.x_label")));
    int64_t over10 = 0, over20 = 0;
    for (const auto& file : c.result.files)
      for (const auto& fn : file.functions) {
        over10 += fn.cyclomatic > 10;
        over20 += fn.cyclomatic > 20;
      }
    f.set("summary", t.format("complexity.summary", {{"functions", t.integer(d.functions)},
                                                     {"over10", t.integer(over10)},
                                                     {"over20", t.integer(over20)}}));
    List rows;
    for (const auto& w : d.worst_functions) {
      Data row;
      row.set("name", w.function->name);
      row.set("location_html", html_path(location(w.file->path, w.function->start_line)));
      row.set("cyclomatic", t.integer(w.function->cyclomatic));
      row.set("cognitive", t.integer(w.function->cognitive));
      row.set("nloc", t.integer(w.function->nloc));
      row.set("params", t.integer(w.function->params));
      row.set("nesting", t.integer(w.function->max_nesting));
      rows.push_back(row);
    }
    f.set("worst", rows);
    x.set("functions", f);
  }
  x.set("maintainability", maintainability(c));
  return x;
}

Data maintainability(const Context& c) {
  const auto& t = c.t;
  std::vector<const FileFacts*> rated;
  double sum = 0;
  int64_t bands[3] = {0, 0, 0};  // radon's ranks: C 0-9, B 10-19, A 20-100
  for (const auto& f : c.result.files) {
    if (!f.maintainability_index) continue;
    double mi = *f.maintainability_index;
    rated.push_back(&f);
    sum += mi;
    bands[mi < 10 ? 0 : mi < 20 ? 1 : 2]++;
  }
  if (rated.empty()) return not_analysed(t, "reason.maintainability");
  std::stable_sort(rated.begin(), rated.end(), [](const FileFacts* a, const FileFacts* b) {
    return *a->maintainability_index < *b->maintainability_index;
  });
  Data m;
  m.set("summary",
        t.format("complexity.mi_summary", {{"average", t.decimal(sum / static_cast<double>(rated.size()))},
                                           {"files", t.integer(static_cast<int64_t>(rated.size()))},
                                           {"low", t.integer(bands[0])},
                                           {"moderate", t.integer(bands[1])}}));
  m.set("bands_svg",
        svg_bars({{t.text("complexity.mi_low"), static_cast<double>(bands[0]), t.integer(bands[0])},
                  {t.text("complexity.mi_moderate"), static_cast<double>(bands[1]), t.integer(bands[1])},
                  {t.text("complexity.mi_good"), static_cast<double>(bands[2]), t.integer(bands[2])}},
                 t.text("complexity.maintainability")));
  List rows;
  for (size_t i = 0; i < rated.size() && i < kLowestMaintainability; ++i) {
    Data row;
    row.set("path_html", html_path(rated[i]->path));
    row.set("mi", t.decimal(*rated[i]->maintainability_index));
    row.set("code", t.integer(rated[i]->lines.code));
    rows.push_back(row);
  }
  m.set("lowest", rows);
  return m;
}

Data duplication(const Context& c) {
  const auto& t = c.t;
  const Duplication& d = c.result.duplication;
  if (d.min_tokens <= 0) return not_analysed(t, "reason.duplication");  // the detection did not run
  Data x;
  x.set("summary",
        t.format("duplication.summary", {{"percent", t.percent(d.duplicated_percent / 100.0, 1)},
                                         {"lines", t.integer(d.duplicated_lines)},
                                         {"code", t.integer(d.code_lines)},
                                         {"files", t.integer(d.files)},
                                         {"groups", t.integer(static_cast<int64_t>(d.groups.size()))}}));
  x.set("settings", t.format("duplication.settings",
                             {{"tokens", t.integer(d.min_tokens)}, {"lines", t.integer(d.min_lines)}}));
  // Largest clone groups first: the lines that would go if every copy but one went.
  std::vector<const CloneGroup*> groups;
  for (const auto& g : d.groups) groups.push_back(&g);
  auto weight = [](const CloneGroup* g) {
    return g->lines * static_cast<int64_t>(g->locations.size() - (g->locations.empty() ? 0 : 1));
  };
  std::stable_sort(groups.begin(), groups.end(), [&](auto* a, auto* b) { return weight(a) > weight(b); });
  List rows;
  for (size_t i = 0; i < groups.size() && i < kCloneGroups; ++i) {
    Data row;
    row.set("lines", t.integer(groups[i]->lines));
    row.set("tokens", t.integer(groups[i]->tokens));
    row.set("copies", t.integer(static_cast<int64_t>(groups[i]->locations.size())));
    List locs;
    for (size_t k = 0; k < groups[i]->locations.size() && k < kLocationsPerRule; ++k) {
      const auto& l = groups[i]->locations[k];
      locs.push_back(Data("location_html", html_path(l.path + ":" + std::to_string(l.start_line) + "–" +
                                                     std::to_string(l.end_line))));
    }
    row.set("locations", locs);
    size_t n = groups[i]->locations.size();
    set_text(row, "more",
             n > kLocationsPerRule
                 ? t.format("common.more", {{"n", t.integer(static_cast<int64_t>(n - kLocationsPerRule))}})
                 : "");
    rows.push_back(row);
  }
  x.set("groups", rows);
  x.set("has_groups", !rows.empty());
  std::vector<const FileFacts*> files;
  for (const auto& f : c.result.files)
    if (f.duplicated_lines > 0) files.push_back(&f);
  std::stable_sort(files.begin(), files.end(),
                   [](auto* a, auto* b) { return a->duplicated_lines > b->duplicated_lines; });
  List file_rows;
  for (size_t i = 0; i < files.size() && i < kCloneGroups; ++i) {
    Data row;
    row.set("path_html", html_path(files[i]->path));
    row.set("lines", t.integer(files[i]->duplicated_lines));
    row.set("share", files[i]->lines.code > 0 ? t.percent(static_cast<double>(files[i]->duplicated_lines) /
                                                          static_cast<double>(files[i]->lines.code))
                                              : "–");
    file_rows.push_back(row);
  }
  x.set("files", file_rows);
  x.set("has_files", !file_rows.empty());
  return x;
}

Data findings(const Context& c) {
  const auto& t = c.t;
  const auto& d = c.data;
  if (c.result.rules.empty() && c.result.findings.empty()) return not_analysed(t, "reason.rules");
  Data f;
  List severities;
  for (const char* sev : {"error", "warning", "note"}) {
    Data s;
    s.set("severity", t.text(std::string("severity.") + sev));
    s.set("class", sev);
    s.set("count", t.integer(d.findings_by_severity.count(sev) ? d.findings_by_severity.at(sev) : 0));
    severities.push_back(s);
  }
  f.set("severities", severities);
  f.set("summary",
        t.format("findings.summary", {{"open", t.integer(d.findings_open)},
                                      {"suppressed", t.integer(d.findings_suppressed)},
                                      {"rules", t.integer(static_cast<int64_t>(c.result.rules.size()))}}));
  if (d.baseline_used) f.set("new_note", t.format("findings.new_note", {{"n", t.integer(d.findings_new)}}));
  List groups, quiet;
  for (const auto& g : d.rule_groups) {
    if (g.findings.empty()) {  // only suppressed findings: one row in a table below the others
      Data row;
      row.set("rule_id", g.rule_id);
      row.set("title", rule_title(g.rule, g.rule_id, t.lang()));
      row.set("count", t.integer(g.suppressed));
      quiet.push_back(row);
      continue;
    }
    Data row;
    row.set("rule_id", g.rule_id);
    row.set("title", rule_title(g.rule, g.rule_id, t.lang()));
    std::string sev = g.severity.empty() ? "warning" : sarif_level(g.severity);
    row.set("severity", t.text("severity." + sev));
    row.set("class", sev);
    row.set("count", t.integer(static_cast<int64_t>(g.findings.size())));
    set_text(row, "suppressed",
             g.suppressed > 0 ? t.format("findings.suppressed_note", {{"n", t.integer(g.suppressed)}}) : "");
    List locations;
    for (size_t i = 0; i < g.findings.size() && i < kLocationsPerRule; ++i) {
      const Finding* fi = g.findings[i];
      Data loc;
      loc.set("location_html", html_path(location(fi->path, fi->start_line)));
      loc.set("message", finding_message(*fi, g.rule, t.lang()));
      loc.set("snippet", clip(fi->snippet, kSnippetBytes));
      loc.set("has_snippet", !fi->snippet.empty());
      loc.set("is_new", fi->baseline_state == "new");
      locations.push_back(loc);
    }
    row.set("locations", locations);
    size_t n = g.findings.size();
    set_text(row, "more",
             n > kLocationsPerRule
                 ? t.format("common.more", {{"n", t.integer(static_cast<int64_t>(n - kLocationsPerRule))}})
                 : "");
    groups.push_back(row);
  }
  f.set("none", groups.empty());
  f.set("groups", groups);
  f.set("has_suppressed_only", !quiet.empty());
  f.set("suppressed_only", quiet);
  return f;
}

}  // namespace rh::html
