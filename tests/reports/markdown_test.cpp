// Markdown for pull-request comments and job summaries: golden on the sample model, the size
// limit, new findings first, no links and no markup from the repository.
#include <gtest/gtest.h>

#include "golden.h"
#include "html_safety.h"
#include "report_fixture.h"
#include "reports/writers.h"

namespace rh {
namespace {

TEST(Markdown, GoldenSampleModel) {
  ReportOptions en, da;
  da.lang = "da";
  test::expect_golden("sample.md", render_markdown(test::sample_model(), en));
  test::expect_golden("sample.da.md", render_markdown(test::sample_model(), da));
}

TEST(Markdown, NewFindingsComeFirst) {
  std::string md = render_markdown(test::sample_model(), {});
  size_t fresh = md.find("### New findings (3)"), other = md.find("### Other findings (2)");
  ASSERT_NE(fresh, std::string::npos);
  ASSERT_NE(other, std::string::npos);
  EXPECT_LT(fresh, other);
  EXPECT_LT(md.find("generic.secrets.hardcoded-password"), md.find("python.security.subprocess-shell"));
  EXPECT_EQ(md.find("the command is a constant"), std::string::npos) << "suppressed findings are not listed";
}

TEST(Markdown, StaysUnderGitHubsCommentLimit) {
  ScanResult r = test::sample_model();
  Finding base = r.findings[1];
  r.findings.clear();
  for (int i = 0; i < 100000; ++i) {
    Finding f = base;
    f.path = "src/module_" + std::to_string(i % 500) + "/a_rather_long_file_name_for_testing.py";
    f.start_line = i;
    f.message = std::string(300, 'x') + " @someone #123 https://example.org";
    f.baseline_state = i % 3 ? "unchanged" : "new";
    r.findings.push_back(f);
  }
  for (const char* lang : {"en", "da"}) {
    ReportOptions o;
    o.lang = lang;
    std::string md = render_markdown(r, o);
    EXPECT_LT(md.size(), 65000u) << lang;  // bytes, so characters are fewer still
    EXPECT_GT(md.size(), 50000u) << "the budget is used";
    EXPECT_NE(md.find(lang == std::string("en") ? "more findings are not shown" : "fund mere er ikke vist"),
              std::string::npos);
    EXPECT_NE(md.find("### Top hotspots") == std::string::npos && lang == std::string("en"), true);
    test::expect_no_markdown_html(md);
  }
}

TEST(Markdown, RepositoryTextIsInertCodeSpans) {
  ScanResult r = test::sample_model();
  r.findings[1].message = "a | b `tick` ``double`` [link](https://x) @user #1\nnext line";
  std::string md = render_markdown(r, {});
  EXPECT_NE(md.find("| ```a \\| b `tick` ``double`` [link](https://x) @user #1 next line``` |"),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace rh
