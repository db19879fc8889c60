// Repository-controlled strings never become markup: a repository with a file named
// `<img src=x onerror=alert(1)>.py`, an author named `<script>alert(1)</script>` and code holding
// `</script>`, scanned by the binary; and the sample model with hostile text in every field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "html_safety.h"
#include "report_fixture.h"
#include "reports/writers.h"
#include "support/test_support.h"

namespace rh {
namespace {

const std::string kImg = "<img src=x onerror=alert(1)>";
const std::string kScript = "<script>alert(1)</script>";
const std::string kClose = "</script><script>alert(2)</script>";

ScanResult hostile_model() {
  ScanResult r = test::sample_model();
  const std::string evil_path = kImg + ".py";
  r.scan.root = "/tmp/" + kScript;
  r.scan.branch = kImg;
  r.files[0].path = evil_path;
  r.files[0].language = kScript;
  r.files[0].functions[1].name = kScript;
  r.skipped[0].path = "\"><svg onload=alert(3)>";
  r.notifications[0].message = "<iframe src=javascript:alert(4)>";
  r.rules[0].title = "\" onmouseover=\"alert(5)";
  r.rules[0].translations.clear();  // a user rule without da: its own title in every language
  for (auto& f : r.findings) {
    f.message = "<b onmouseover=alert(6)>" + f.message + "</b>";
    f.snippet = "x = '" + kClose + "'";
    if (f.path == "app/main.py") f.path = evil_path;
  }
  auto& h = *r.history;
  h.repository.authors[0].name = kScript;
  h.repository.authors[1].organisation = "javascript:alert(7)";
  h.repository.organisations[0].name = "<a href=javascript:alert(8)>org</a>";
  h.repository.hotspots[0].path = evil_path;
  h.repository.releases.last_release = "<svg/onload=alert(9)>";
  h.files[0].path = evil_path;
  h.notes.push_back(verbatim(kClose));
  h.notes.push_back(msg("history.limited_since", {text_arg("since", kScript)}));
  r.notifications.push_back(notification(
      "warning", evil_path, msg("lang.syntax_errors_first", {int_arg("n", 1), int_arg("line", 2), text_arg("diagnostic", kImg)})));
  return r;
}

TEST(Xss, HostileModelGivesNoMarkupInHtml) {
  for (const char* lang : {"en", "da"}) {
    ReportOptions o;
    o.lang = lang;
    std::string html = render_html(hostile_model(), o);
    test::expect_no_executable_markup(html);
    EXPECT_EQ(html.find(kImg), std::string::npos);
    EXPECT_EQ(html.find(kScript), std::string::npos);
    EXPECT_EQ(html.find("<svg onload"), std::string::npos);
    EXPECT_EQ(html.find("<iframe"), std::string::npos);
    // The text is still there, escaped, for the reader.
    EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;.py"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&quot; onmouseover=&quot;alert(5)"), std::string::npos);
  }
}

TEST(Xss, HostileModelGivesNoHtmlInMarkdown) {
  // Both modes: new-code (the sample model has a baseline) and full (without one).
  ScanResult full = hostile_model();
  for (auto& f : full.findings) f.baseline_state.clear();
  for (const ScanResult& r : {hostile_model(), full}) {
    std::string md = render_markdown(r, {});
    test::expect_no_markdown_html(md);
    EXPECT_NE(md.find("<img src=x onerror=alert(1)>.py"), std::string::npos) << "shown inside a code span";
  }
}

TEST(Xss, TheCheckerCatchesMarkup) {
  // The checks above must be able to fail.
  const std::string html = render_html(test::sample_model(), {});
  EXPECT_TRUE(test::executable_markup_problems(html).empty());
  auto with = [&](const std::string& insert) {
    std::string bad = html;
    bad.insert(bad.find("</main>"), insert);
    return test::joined(test::executable_markup_problems(bad));
  };
  EXPECT_NE(with(kImg).find("a source to load <img src=\"x\">"), std::string::npos);
  EXPECT_NE(with(kScript).find("not the report's own: alert(1)"), std::string::npos);
  EXPECT_NE(with("<a href=\"&#106;avascript:alert(1)\">x</a>").find("javascript: URL"), std::string::npos);
  EXPECT_NE(with("<p title='x' onclick=alert(1)>").find("event handler attribute"), std::string::npos);
  EXPECT_NE(with("<iframe>").find("unexpected element <iframe>"), std::string::npos);
  EXPECT_FALSE(test::markdown_html_problems("| `a` | <img src=x> |\n").empty());
  EXPECT_TRUE(test::markdown_html_problems("| `<img src=x>` | ``a`<b>`` |\n<sub>v</sub>\n").empty());
}

/// A repository with the hostile names, built on disk and scanned by the binary.
class XssRepository : public ::testing::Test {
 protected:
  void SetUp() override {
    repo = dir.path() / "hostile";
    std::filesystem::create_directories(repo);
    test::git(repo, "init -q");
    test::write_file(repo, kImg + ".py", "def f(x):\n    if x:\n        return '</script>'\n    return x\n");
    test::write_file(repo, "page.py",
                     "HTML = \"</script><script>alert(1)</script>\"\n\n\ndef render():\n    return HTML\n");
    test::git(repo, "add -A");
    test::git(repo, "commit -q -m init");
    // git strips '<' and '>' from names it is given, so the hostile authors are hand-made
    // commits: one named exactly kScript (libgit2 then trims the outer '<' and '>'), one with
    // kScript inside the name, which reaches the model whole.
    hostile_commit(kScript, "evil.py");
    hostile_commit("Eve " + kScript + " Doe", "evil2.py");
  }
  void hostile_commit(const std::string& author, const std::string& new_file) {
    test::write_file(repo, new_file, "def evil():\n    return 1\n");  // so the author owns a file
    test::git(repo, "add -A");
    std::string tree = test::git(repo, "write-tree");
    std::string parent = test::git(repo, "rev-parse HEAD");
    tree.pop_back();
    parent.pop_back();
    std::string commit = "tree " + tree + "\nparent " + parent + "\nauthor " + author +
                         " <evil@example.org> 1718000000 +0000\ncommitter " + author +
                         " <evil@example.org> 1718000000 +0000\n\n" + kImg + " in the message\n";
    test::write_file(dir.path(), "commit.txt", commit);
    std::string id = test::git(
        repo, "hash-object -t commit -w --literally " + test::sh_quote((dir.path() / "commit.txt").string()));
    id.pop_back();
    test::git(repo, "update-ref HEAD " + id);
  }
  test::TempDir dir;
  std::filesystem::path repo;
};

TEST_F(XssRepository, ScannedReportsHoldNoExecutableMarkup) {
  auto out = dir.path() / "out";
  auto r = test::run_repohealth("scan " + test::sh_quote(repo.string()) + " --out " +
                                test::sh_quote(out.string()) + " --format html,md,json -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto facts = nlohmann::json::parse(test::read_file(out / "facts.json"));
  bool analysed = false;
  for (const auto& f : facts["files"]) analysed |= f["path"] == kImg + ".py";
  ASSERT_TRUE(analysed) << "the hostile file name must reach the model";
  std::string html = test::read_file(out / "report.html");
  test::expect_no_executable_markup(html);
  EXPECT_EQ(html.find(kImg), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;.py"), std::string::npos);
  ASSERT_FALSE(facts["history"].is_null()) << "the history section needs the history analysis";
  bool author = false;
  for (const auto& a : facts["history"]["repository"]["authors"])
    author |= a["name"].get<std::string>().find(kScript) != std::string::npos;
  EXPECT_TRUE(author) << "an author name holding " << kScript << " reaches the model";
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("alert(1)</script"), std::string::npos);
  EXPECT_NE(html.find("Eve &lt;script&gt;alert(1)&lt;/script&gt; Doe"), std::string::npos) << "shown escaped";
  for (const auto& f : facts["findings"]) {
    if (f["snippet"].get<std::string>().find("</script>") != std::string::npos) {
      EXPECT_NE(html.find("&lt;/script&gt;"), std::string::npos);
    }
  }
  test::expect_no_markdown_html(test::read_file(out / "report.md"));
}

}  // namespace
}  // namespace rh
