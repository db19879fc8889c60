// Layout of the HTML report in the markup: every table in its own scroll box, paths that break
// only after a slash (escaped first, <wbr> added after), the only unescaped template fields the
// report's own SVG, styles, script and *_html fields, the print stylesheet, and a treemap of
// source files grouped by folder without data, lock and translation files.
#include <gtest/gtest.h>

#include <regex>

#include "html_safety.h"
#include "report_fixture.h"
#include "reports/report_assets.h"
#include "reports/writers.h"

namespace rh {
namespace {

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(HtmlLayout, EveryTableScrollsInItsOwnBox) {
  for (const char* lang : {"en", "da"}) {
    ReportOptions o;
    o.lang = lang;
    std::string html = render_html(test::sample_model(), o);
    const size_t tables = count(html, "<table");
    EXPECT_GT(tables, 10u);
    EXPECT_EQ(count(html, "<div class=\"table-scroll\"><table"), tables) << lang;
    EXPECT_EQ(count(html, "</table></div>"), tables) << lang;
  }
}

TEST(HtmlLayout, TemplatesLeaveOnlyTheirOwnMarkupUnescaped) {
  // {{{x}}} only for the inlined style and script, SVG built by svg_charts/svg_treemap (which
  // escape every text) and fields named *_html built by html_path (escaped, then <wbr>).
  const std::regex triple(R"(\{\{\{\s*([a-z_.]+)\s*\}\}\})");
  size_t seen = 0;
  for (const auto& asset : report_assets()) {
    if (!asset.path.starts_with("templates/")) continue;
    std::string text(asset.bytes);
    for (std::sregex_iterator it(text.begin(), text.end(), triple), end; it != end; ++it) {
      const std::string name = (*it)[1];
      ++seen;
      const bool ok = name == "css" || name == "js" || name == "treemap" || name == "histogram" ||
                      name.ends_with("_svg") || name.ends_with("_html");
      EXPECT_TRUE(ok) << asset.path << ": {{{" << name << "}}}";
    }
  }
  EXPECT_GT(seen, 8u);
}

TEST(HtmlLayout, PathsBreakOnlyAfterASlashAndStayEscaped) {
  ScanResult r = test::sample_model();
  r.files.push_back(test::file("web/<img src=x onerror=alert(1)>/a&b.js", "javascript", 40, {}));
  r.files.back().maintainability_index = 1;  // first in the "lowest maintainability" table
  std::string html = render_html(r, {});
  test::expect_no_executable_markup(html);
  EXPECT_NE(html.find("web/<wbr>&lt;img src=x onerror=alert(1)&gt;/<wbr>a&amp;b.js"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  // The complexity table's location column and the hotspot table's paths.
  EXPECT_NE(html.find("<td class=\"path location\" translate=\"no\">web/<wbr>app.js:1</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"path\">app/<wbr>main.py</td>"), std::string::npos);
  // Text outside path cells gets no <wbr>.
  EXPECT_EQ(count(html, "<wbr>"), count(html, "/<wbr>"));
}

TEST(HtmlLayout, PrintStylesheetForA4) {
  std::string html = render_html(test::sample_model(), {});
  const size_t print = html.find("@media print");
  ASSERT_NE(print, std::string::npos);
  const std::string css = html.substr(print);
  for (const char* rule : {"@page { size: A4;", "details::details-content", "break-inside: avoid",
                           ".toc { display: none; }", "#top-risks", ".grade-cards"})
    EXPECT_NE(css.find(rule), std::string::npos) << rule;
  EXPECT_EQ(css.find("break-before: page"), std::string::npos);  // no section starts a page of its own
  EXPECT_NE(html.find("beforeprint"), std::string::npos);
  EXPECT_NE(html.find("afterprint"), std::string::npos);
}

TEST(HtmlLayout, TreemapGroupsSourceFilesByFolderWithoutDataFiles) {
  ScanResult r = test::sample_model();
  r.files.push_back(test::file("config/settings.json", "json", 5000, {}));
  r.files.push_back(test::file("config/services.yaml", "yaml", 3000, {}));
  r.files.push_back(test::file("translations/messages.da.py", "python", 2000, {}));
  r.files.push_back(test::file("composer.lock", "json", 9000, {}));
  std::string html = render_html(r, {});
  const size_t start = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart treemap\"");
  ASSERT_NE(start, std::string::npos);
  const std::string svg = html.substr(start, html.find("</svg>", start) - start);
  for (const char* left_out : {"settings.json", "services.yaml", "messages.da.py", "composer.lock"})
    EXPECT_EQ(svg.find(left_out), std::string::npos) << left_out;
  // Folders as groups: app/, docs/, web/ (the sample's source files).
  EXPECT_EQ(count(svg, "<g class=\"folder\">"), 3u);
  for (const char* folder : {"<title>app</title>", "<title>docs</title>", "<title>web</title>"})
    EXPECT_NE(svg.find(folder), std::string::npos) << folder;
  EXPECT_NE(svg.find("app/main.py"), std::string::npos);  // in the tooltip
  EXPECT_NE(html.find("Not in the map: 4 data, lock and translation files (19,000 lines)."), std::string::npos);
  // The folder table beside the map.
  EXPECT_NE(html.find("<td class=\"path\">web/<wbr></td><td class=\"num\">1</td><td class=\"num\">120</td>"),
            std::string::npos);
}

}  // namespace
}  // namespace rh
