// Writes the sample model's reports (HTML in English and Danish, Markdown, SARIF) into the folder
// named by RH_REPORT_ARTEFACTS, for the browser test and for a person to look at. Without the
// variable the test does nothing. It is disabled in normal runs; browser_test.sh runs it with
// --gtest_also_run_disabled_tests.
#include <gtest/gtest.h>

#include <cstdlib>

#include "report_fixture.h"
#include "reports/writers.h"
#include "support/test_support.h"

namespace rh {
namespace {

TEST(Artefacts, DISABLED_WriteSampleReports) {
  const char* dir = std::getenv("RH_REPORT_ARTEFACTS");
  if (!dir || !*dir) GTEST_SKIP() << "set RH_REPORT_ARTEFACTS to a folder to write the sample reports";
  ScanResult model = test::sample_model();
  for (const char* lang : {"en", "da"}) {
    ReportOptions o;
    o.lang = lang;
    o.read_source = test::sample_reader();
    test::write_file(dir, std::string("sample.") + lang + ".html", render_html(model, o));
    test::write_file(dir, std::string("sample.") + lang + ".md", render_markdown(model, o));
  }
  ReportOptions o;
  o.read_source = test::sample_reader();
  test::write_file(dir, "sample.sarif", render_sarif(model, o));
}

}  // namespace
}  // namespace rh
