// Issue 16, "Danish throughout": a report rendered in Danish holds no English prose. A repository
// built here fails or warns many checks (no licence, a thin README, an invalid publiccode.yml, a
// workflow with unpinned actions and script injection, a hard-coded secret, Python and JavaScript
// findings, several authors); its facts and the report tests' sample model are rendered in `da`
// and `en`, HTML and Markdown, and every text that reads the same in both is a failure, printed
// with its location. Repository content is marked translate="no" (HTML) or a code span
// (Markdown) and not compared; nor are numbers, dates, grades and single tokens (ids, file names).
#include <gtest/gtest.h>

#include <set>

#include "core/model_json.h"
#include "e2e/e2e_support.h"
#include "reports/report_fixture.h"
#include "reports/writers.h"

namespace rh::test {
namespace {

namespace fs = std::filesystem;

/// A text segment of an HTML document and where it is (the nearest ids and the element).
struct Segment {
  std::string text;
  std::string where;
};

std::string decode_entities(std::string s) {
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&#x27;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  }
  return s;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The text segments outside script, style, code and translate="no" elements, in document order.
std::vector<Segment> html_segments(const std::string& html) {
  struct Open {
    std::string tag, id;
    bool skip;
  };
  std::vector<Open> stack;
  std::vector<Segment> out;
  size_t i = 0;
  auto skipping = [&] {
    for (const auto& o : stack)
      if (o.skip) return true;
    return false;
  };
  auto where = [&] {
    std::string w;
    for (const auto& o : stack)
      if (!o.id.empty()) w = "#" + o.id;
    return w + (stack.empty() ? "" : " <" + stack.back().tag + ">");
  };
  static const std::set<std::string> kVoid = {"meta", "link", "br", "hr", "img", "input", "wbr", "col", "source", "path",
                                              "rect", "circle", "line", "polyline", "polygon", "stop", "use"};
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    std::string text = html.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
    if (!skipping()) {
      std::string t = squeeze(decode_entities(text));
      if (!t.empty()) out.push_back({t, where()});
    }
    if (lt == std::string::npos) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      i = html.find("-->", lt);
      i = i == std::string::npos ? html.size() : i + 3;
      continue;
    }
    size_t gt = html.find('>', lt);
    if (gt == std::string::npos) break;
    std::string tag = html.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.empty() || tag[0] == '!') continue;
    if (tag[0] == '/') {
      std::string name = tag.substr(1);
      for (size_t k = stack.size(); k-- > 0;)
        if (stack[k].tag == name) {
          stack.resize(k);
          break;
        }
      continue;
    }
    std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kVoid.count(name) || tag.back() == '/') continue;
    std::string id;
    if (size_t p = tag.find(" id=\""); p != std::string::npos) id = tag.substr(p + 5, tag.find('"', p + 5) - p - 5);
    const bool skip = name == "script" || name == "style" || name == "code" || name == "pre" ||
                      tag.find("translate=\"no\"") != std::string::npos;
    if (name == "script" || name == "style") {  // raw text up to the closing tag
      size_t close = html.find("</" + name, i);
      i = close == std::string::npos ? html.size() : close;
    }
    stack.push_back({name, id, skip});
  }
  return out;
}

/// Markdown lines with code spans removed (repository content), one segment each.
std::vector<Segment> markdown_segments(const std::string& md) {
  std::vector<Segment> out;
  std::istringstream in(md);
  std::string line, heading;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string t;
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '`') {
        size_t run = line.find_first_not_of('`', i) - i;
        size_t close = line.find(std::string(run, '`'), i + run);
        i = close == std::string::npos ? line.size() : close + run;
        t += " ";
        continue;
      }
      t += line[i++];
    }
    t = squeeze(t);
    if (line.rfind("#", 0) == 0) heading = line;
    if (!t.empty()) out.push_back({t, "line " + std::to_string(n) + (heading.empty() ? "" : " under \"" + heading + "\"")});
  }
  return out;
}

/// Two or more words of prose: tokens with at least two letters that are not ids, paths, file
/// names, numbers or grades.
bool is_prose(const std::string& text) {
  std::istringstream in(text);
  int words = 0;
  for (std::string tok; in >> tok;) {
    while (!tok.empty() && std::string(".,:;!?()[]{}\"'*|·–-").find(tok.back()) != std::string::npos) tok.pop_back();
    while (!tok.empty() && std::string("(\"'*|·–-").find(tok.front()) != std::string::npos) tok.erase(0, 1);
    int letters = 0;
    bool odd = false;
    for (char c : tok) {
      if (std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80)) ++letters;
      else if (c == '.' || c == '/' || c == '_' || c == '@' || c == ':' || c == '=' || c == '#' || std::isdigit(static_cast<unsigned char>(c)))
        odd = true;
    }
    if (letters >= 2 && !odd) ++words;
  }
  return words >= 2;
}

/// A failure: the same prose in both languages.
struct Same {
  std::string where, text;
};

std::vector<Same> same_prose(const std::vector<Segment>& da, const std::vector<Segment>& en, std::string& structure) {
  std::vector<Same> out;
  if (da.size() != en.size())
    structure = "the documents differ in structure (" + std::to_string(da.size()) + " against " +
                std::to_string(en.size()) + " text segments); compared up to the first difference in count";
  std::set<std::string> seen;
  for (size_t i = 0; i < std::min(da.size(), en.size()); ++i)
    if (da[i].text == en[i].text && is_prose(da[i].text) && seen.insert(da[i].text).second) out.push_back({da[i].where, da[i].text});
  return out;
}

/// Texts that come with the rules (titles, finding messages): translated on branch da-rules.
std::set<std::string> rule_texts(const ScanResult& r) {
  std::set<std::string> out;
  for (const auto& rule : r.rules) out.insert(rule.title);
  for (const auto& f : r.findings) out.insert(f.message);
  return out;
}

/// The notes of a scan (notifications, history notes) in English.
std::set<std::string> note_texts(const ScanResult& r) {
  std::set<std::string> out;
  for (const auto& n : r.notifications) out.insert(n.message);
  if (r.history)
    for (const auto& n : r.history->notes) out.insert(english(n));
  return out;
}

bool from_rules(const std::string& text, const std::set<std::string>& rules) {
  for (const auto& r : rules)
    if (!r.empty() && (text.find(r) != std::string::npos || (text.size() > 12 && r.find(text) != std::string::npos))) return true;
  return false;
}

/// Renders `r` in both languages and formats; records the failures, split by where they come from.
void compare(const ScanResult& r, const std::string& name, std::vector<std::string>& ours, std::vector<std::string>& rules_part,
             std::vector<std::string>& notes_part) {
  const auto rules = rule_texts(r);
  const auto notes = note_texts(r);
  std::set<std::string> orphans;
  for (const auto& f : r.findings)
    if (std::none_of(r.rules.begin(), r.rules.end(), [&](const RuleDescriptor& d) { return d.id == f.rule_id; }))
      orphans.insert(f.message);
  for (const char* format : {"html", "md"}) {
    ReportOptions da, en;
    da.lang = "da";
    en.lang = "en";
    const bool html = std::string(format) == "html";
    auto render = html ? render_html : render_markdown;
    auto segments = html ? html_segments : markdown_segments;
    std::string structure;
    auto same = same_prose(segments(render(r, da)), segments(render(r, en)), structure);
    if (!structure.empty()) ours.push_back(name + " " + format + ": " + structure);
    for (const auto& s : same) {
      // A finding of a rule the model has no descriptor for (a rule since removed, kept by a
      // baseline) has no text in any other language: its message is shown as it was recorded.
      if (from_rules(s.text, orphans)) continue;
      (from_rules(s.text, rules)   ? rules_part
       : from_rules(s.text, notes) ? notes_part
                                   : ours)
          .push_back(name + " " + format + " " + s.where + ": \"" + s.text + "\"");
    }
  }
}

std::string listing(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "  " + l + "\n";
  return out;
}

/// A repository that fails or warns many checks, with commits by three people.
fs::path many_findings_repo(const fs::path& root) {
  const fs::path repo = root / "repo";
  fs::create_directories(repo);
  git(repo, "init -q");
  write_file(repo, "README.md", "# Tool\n\nA tool.\n");
  write_file(repo, ".github/workflows/ci.yml",
             "name: ci\non: [push, pull_request_target]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
             "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
             "      - run: echo \"${{ github.event.issue.title }}\"\n      - run: echo ${{ secrets.TOKEN }}\n");
  write_file(repo, "app/settings.py",
             "import subprocess\n\nAWS_SECRET_ACCESS_KEY = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n\n\n"
             "def run(cmd):\n    subprocess.call(cmd, shell=True)\n    return eval(cmd)\n");
  write_file(repo, "web/app.js",
             "function show(el, html) {\n  el.innerHTML = html;\n  eval(html);\n  document.write(html);\n}\n"
             "module.exports = { show };\n");
  write_file(repo, "package.json", "{\"name\": \"tool\", \"version\": \"1.0.0\", \"license\": \"UNLICENSED\"}\n");
  write_file(repo, "server.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
  // A publiccode.yml with a problem of each kind of message (found a value, a list, a string).
  write_file(repo, "publiccode.yml",
             "publiccodeYmlVersion: \"1.0\"\nname: [Tool]\nurl: git.example.dk/tool\nplatforms: web\n"
             "developmentStatus: alpha\nsoftwareType: library\ndescription:\n  da:\n    shortDescription: Et værktøj\n"
             "legal:\n  license: MIT\nmaintenance:\n  type: internal\nlocalisation:\n  localisationReady: \"yes\"\n"
             "  availableLanguages: [da]\n");
  git(repo, "add -A");
  git(repo, "commit -q -m start", "2024-01-10T12:00:00Z", "Anne Jensen <anne@kommune-a.dk>");
  write_file(repo, "app/report.py", "def total(xs):\n    return sum(xs)\n");
  git(repo, "add -A");
  git(repo, "commit -q -m report", "2024-02-10T12:00:00Z", "Bo Hansen <bo@leverandoer.dk>");
  write_file(repo, "web/util.js", "function add(a, b) {\n  return a + b;\n}\nmodule.exports = { add };\n");
  // A notification from the frontend (a syntax error) and, with --max-commits, a history note.
  write_file(repo, "app/broken.py", "def total(xs:\n    return sum(xs)\n\n\ndef ok():\n    return 1\n");
  git(repo, "add -A");
  git(repo, "commit -q -m util", "2024-03-10T12:00:00Z", "Carla Nielsen <carla@kommune-b.dk>");
  return repo;
}

struct Failures {
  std::vector<std::string> ours, rules_part, notes_part;
};

Failures compare_all() {
  static const Failures result = [] {
    Failures out;
    TempDir dir;
    fs::path repo = many_findings_repo(dir.path());
    ScanRun run = scan(repo.string(), "--as-of 2024-06-01 --max-commits 2");
    EXPECT_FALSE(run.facts.is_null() || run.facts["notifications"].empty() || run.facts["history"]["notes"].empty())
        << "the fixture should have notifications and history notes to compare";
    EXPECT_FALSE(run.facts.is_null()) << run.command.err;
    if (!run.facts.is_null()) {
      auto model = scan_result_from_json(ojson::parse(run.facts.dump()));
      EXPECT_TRUE(model.ok());
      if (model.ok()) compare(*model, "scan", out.ours, out.rules_part, out.notes_part);
    }
    compare(sample_model(), "sample", out.ours, out.rules_part, out.notes_part);
    return out;
  }();
  return result;
}

TEST(DanishReport, NoProseTheAnalyzerOrReportsWriteIsEnglish) {
  const Failures& r = compare_all();
  EXPECT_TRUE(r.ours.empty()) << "identical in the Danish and English reports (health checks, scores, report texts):\n"
                              << listing(r.ours);
}

// Rule titles and finding messages come with the rules; their Danish texts are branch da-rules'
// part of issue 16. Until it lands this test lists what remains.
TEST(DanishReport, NoRuleTextIsEnglish) {
  const Failures& r = compare_all();
  EXPECT_TRUE(r.rules_part.empty()) << "rule titles and finding messages identical in the Danish and English reports "
                                       "(translated with the rules, branch da-rules):\n"
                                    << listing(r.rules_part);
}

// Notifications (core/model.h) and history notes are catalogue messages (rules/health/messages/
// scan.yml, history.yml, cache.yml); what a library or the operating system said inside them is
// repository-like content, marked translate="no".
TEST(DanishReport, NoNoteIsEnglish) {
  const Failures& r = compare_all();
  EXPECT_TRUE(r.notes_part.empty()) << "notifications and history notes identical in the Danish and English reports:\n"
                                    << listing(r.notes_part);
}

}  // namespace
}  // namespace rh::test
