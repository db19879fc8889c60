#pragma once
// A fixed model for report tests: every part the writers render (files, functions, skipped
// files, notifications, rules, findings with suppressions and baseline states, history), and
// the repository files behind it, so SARIF line hashes can be computed from real bytes.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/model.h"
#include "reports/writers.h"

namespace rh::test {

/// Repository-relative path -> bytes of the files the sample findings point into.
inline std::map<std::string, std::string> sample_files() {
  return {
      {"README.md", "# Sample\n\nA sample repository.\n"},
      {"app/main.py",
       "import subprocess\n"
       "\n"
       "\n"
       "def run(cmd):\n"
       "    subprocess.call(cmd, shell=True)\n"
       "\n"
       "\n"
       "def complicated(a, b, c):\n"
       "    \"\"\"Does many things.\"\"\"\n"
       "    if a:\n"
       "        return 1\n"
       "    return 2\n"},
      {"app/util.py", "import subprocess\n\n\ndef fixed():\n    subprocess.call(\"ls\", shell=True)\n"},
      {"docs/æøå notes.py", "# Notes\npassword = \"hunter2\"  # æøå\n"},
  };
}

inline SourceReader sample_reader() {
  auto files = std::make_shared<std::map<std::string, std::string>>(sample_files());
  return [files](const std::string& path) -> std::optional<std::string> {
    auto it = files->find(path);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
}

inline FunctionMetrics fn(const std::string& name, int64_t start, int64_t end, int64_t cc, int64_t cog) {
  FunctionMetrics f;
  f.name = name;
  f.start_line = start;
  f.end_line = end;
  f.params = 1;
  f.nloc = end - start + 1;
  f.cyclomatic = cc;
  f.cognitive = cog;
  f.max_nesting = 1;
  f.tokens = 20;
  return f;
}

inline FileFacts file(const std::string& path, const std::string& language, int64_t code,
                      std::vector<FunctionMetrics> functions) {
  FileFacts f;
  f.path = path;
  f.language = language;
  f.size_bytes = code * 30;
  f.lines = {code + 4, code, 2, 2};
  f.parsed = true;
  f.functions = std::move(functions);
  return f;
}

inline Finding finding(const std::string& rule, const std::string& severity, const std::string& path,
                       int64_t line, int64_t col, int64_t end_col, const std::string& message,
                       const std::string& snippet) {
  Finding f;
  f.rule_id = rule;
  f.severity = severity;
  f.message = message;
  f.path = path;
  f.start_line = line;
  f.start_column = col;
  f.end_line = line;
  f.end_column = end_col;
  f.snippet = snippet;
  f.fingerprint = "fp-" + rule + "-" + path + "-" + std::to_string(line);
  return f;
}

inline RuleDescriptor rule(const std::string& id, const std::string& title, const std::string& severity,
                           const std::string& kind, std::vector<std::string> tags,
                           const std::string& security_severity = "") {
  RuleDescriptor r;
  r.id = id;
  r.title = title;
  r.severity = severity;
  r.kind = kind;
  r.languages = {"python"};
  r.tags = std::move(tags);
  r.confidence = "high";
  r.state = "stable";
  r.description = "## Why\n\n" + title + " is risky.\nIt matters.\n\n## How to fix\n\nDo not do it.";
  r.security_severity = security_severity;
  return r;
}

/// Health checks of every status, a licence, requirements of both frameworks, and scores with
/// one dimension not rated.
inline HealthFacts sample_health() {
  HealthFacts h;
  // As the analyzer writes them: catalogue messages (core/message.h) with their English texts.
  auto m = [](std::string key, std::vector<MessageArg> args = {}) { return Message{std::move(key), std::move(args)}; };
  auto ev = [](std::string path, Message what) {
    std::string text = english(what);
    return CheckEvidence{std::move(path), 0, std::move(text), std::move(what)};
  };
  auto check = [](std::string id, std::string dim, std::string title, std::string status, Message summary,
                  Message remedy, std::vector<CheckEvidence> evidence) {
    std::string summary_text = english(summary), remedy_text = remedy.empty() ? "" : english(remedy);
    return HealthCheck{std::move(id), std::move(dim), std::move(title), std::move(status), std::move(summary_text),
                       std::move(remedy_text), std::move(evidence), std::move(summary), std::move(remedy)};
  };
  h.checks = {
      check("licence.present", "documentation", "A licence file states the licence", "pass",
            m("licence.present.pass", {text_arg("licence", "MPL-2.0")}), {},
            {ev("LICENSE", m("licence.file.identified", {text_arg("id", "MPL-2.0"), text_arg("name", "Mozilla Public License 2.0"),
                                                         percent_arg("similarity", 0.99)}))}),
      check("docs.readme", "documentation", "A substantive README", "fail",
            m("docs.readme.not_substantive", {text_arg("path", "README.md"), int_arg("words", 3), int_arg("headings", 1)}),
            m("docs.readme.remedy_substance"),
            {ev("README.md", m("docs.readme.counts", {int_arg("words", 3), int_arg("headings", 1)}))}),
      check("licence.headers", "documentation", "SPDX headers agree with the repository licence", "fail",
            m("licence.headers.fail", {int_arg("n", 1), int_arg("of", 2)}), m("licence.headers.remedy"),
            {ev("docs/æøå notes.py", m("licence.headers.contradicts", {text_arg("header", "SPDX-License-Identifier: GPL-2.0-only"),
                                                                        text_arg("licence", "MPL-2.0")}))}),
      check("build.tests", "process", "Automated tests present", "warn",
            m("build.tests.little", {int_arg("tests", 1), int_arg("test_lines", 3), int_arg("products", 4),
                                     int_arg("product_lines", 40), decimal_arg("ratio", 0.075, 2)}),
            m("build.tests.remedy_little"), {ev("tests/", m("build.tests.folder", {int_arg("n", 1)}))}),
      check("process.releases", "process", "Versioned releases", "inconclusive", m("process.releases.shallow"),
            m("process.releases.remedy_shallow"), {}),
      check("workflows.pinned-actions", "security", "Workflow actions pinned to a full commit SHA", "not_applicable",
            m("workflows.none"), {}, {}),
  };
  h.licence.licence = "MPL-2.0";
  h.licence.osi_approved = true;
  h.licence.community_default = true;
  h.licence.files = {{"LICENSE", "MPL-2.0", "Mozilla Public License 2.0", 0.99, true, {}}};
  h.licence.files_with_spdx_header = 2;
  h.licence.header_conflicts = {{"docs/æøå notes.py", 0, "GPL-2.0-only", "spdx_header"}};
  h.tests = {1, 3, 4, 40, 0.075};
  h.requirements = {{"F2", "community", "An OSI-approved licence, MPL-2.0 by default", "not_met",
                     {"licence.present", "licence.headers"}, ""},
                    {"G9", "community", "Third-party code review", "needs_person", {}, "Whether an independent party has reviewed the code"},
                    {"SPC-12", "standard_for_public_code", "Use continuous integration", "partly", {"build.tests"}, ""}};
  h.scores.boundaries = {85, 70, 55, 40};
  auto input = [](std::string name, Message value, double points, Message rule) {
    std::string value_text = english(value), rule_text = english(rule);
    if (value.key == "common.quote") value = {};  // a check's status: the report shows the status word
    return ScoreInput{std::move(name), std::move(value_text), points, std::move(rule_text), std::move(value), std::move(rule)};
  };
  auto status = [&](const char* s) { return m("common.quote", {text_arg("text", s)}); };
  auto check_rule = [&](double fail, double warn) {
    return m("scoring.rule.check", {decimal_arg("fail", fail, 0), decimal_arg("warn", warn, 1)});
  };
  const Message not_analysed = m("scoring.reason.no_history");
  h.scores.dimensions = {
      {"maintainability", 84.5, "B", 1, "",
       {input("complexity", m("scoring.value.complexity", {percent_arg("share", 0.1, 1), int_arg("n", 2)}), -6,
              m("scoring.rule.share", {int_arg("factor", 60), int_arg("cap", 30)}))},
       {}},
      {"security", 100, "A", 1, "", {input("findings", m("scoring.value.none_open"), 0, m("scoring.rule.findings"))}, {}},
      {"knowledge", std::nullopt, "", 1, english(not_analysed), {}, not_analysed},
      {"process", 90, "A", 1, "", {input("build.tests", status("warn"), -10, check_rule(20, 10))}, {}},
      {"documentation", 75, "B", 1, "", {input("docs.readme", status("fail"), -20, check_rule(20, 10)),
                                         input("licence.headers", status("fail"), -5, check_rule(5, 2.5))}, {}},
  };
  h.scores.overall = 87.4;
  h.scores.overall_grade = "A";
  return h;
}

inline HistoryFacts sample_history() {
  HistoryFacts h;
  RepoHistory& r = h.repository;
  r.revision = "0123456789abcdef0123456789abcdef01234567";
  r.reference_date = "2024-06-01T12:00:00Z";
  r.commits = 42;
  r.merges = 3;
  r.first_commit_date = "2021-03-04T10:00:00Z";
  r.last_commit_date = "2024-06-01T12:00:00Z";
  r.contributors = 3;
  r.active_contributors = 2;
  auto person = [](std::string id, std::string name, std::string org, int64_t commits, bool active) {
    Contributor c;
    c.id = id;
    c.name = std::move(name);
    c.email = std::move(id);
    c.organisation = std::move(org);
    c.commits = commits;
    c.active = active;
    return c;
  };
  Contributor ada = person("ada@acme.example", "Ada Lovelace", "acme.example", 30, true);
  Contributor bo = person("bo@kommune.example", "Bo Ærø", "kommune.example", 10, true);
  Contributor cy = person("cy@old.example", "Cy Gone", "old.example", 2, false);
  r.authors = {ada, bo, cy};
  r.truck_factor = {1, {"ada@acme.example"}, 4, 0.25};
  r.active_truck_factor = {1, {"ada@acme.example"}, 4, 0.25};
  r.knowledge_loss = {4, 1, 0.25, 40, 8, 0.2, 0};
  r.organisations = {{"acme.example", "organisation", 1, 1, 30, 12, 3},
                     {"kommune.example", "organisation", 1, 1, 10, 5, 1},
                     {"old.example", "organisation", 1, 0, 2, 0, 1}};
  r.elephant_factor = 1;
  r.hotspots = {{"app/main.py", 20, 7, 140}, {"app/util.py", 5, 1, 5}};
  r.releases.tags = 4;
  r.releases.semver_tags = 3;
  r.releases.releases = 3;
  r.releases.releases_last_12_months = 1;
  r.releases.last_tag = "v1.2.0";
  r.releases.commits_since_last_tag = 5;
  r.releases.last_release = "v1.2.0";
  r.releases.last_release_date = "2024-02-29T09:00:00Z";
  r.releases.days_since_last_release = 93;
  r.releases.has_changelog = true;
  r.releases.release_intervals = 2;
  r.releases.release_intervals_with_changelog = 1;
  r.traceability = {40, 20, 0.5, 10, 0.25, 4, 0.1, 30, 12, 0.4, 2, 25};
  FileHistory main_py;
  main_py.path = "app/main.py";
  main_py.commits = 20;
  main_py.authors = 2;
  main_py.main_author = "ada@acme.example";
  main_py.main_author_share = 0.8;
  FileHistory util_py = main_py;
  util_py.path = "app/util.py";
  util_py.commits = 5;
  util_py.main_author = "bo@kommune.example";
  h.files = {main_py, util_py};
  h.notes = {msg("history.limited_commits", {int_arg("n", 42)})};
  return h;
}

/// The sample model. Dates, ids and paths are fixed, so its reports are stable bytes.
inline ScanResult sample_model() {
  ScanResult r;
  r.scan.tool_version = "0.1.0";
  r.scan.root = "sample";
  r.scan.source = "git-tree";
  r.scan.revision = "0123456789abcdef0123456789abcdef01234567";
  r.scan.revision_spec = "HEAD";
  r.scan.branch = "main";
  r.scan.repository_uri = "https://git.example.org/acme/sample.git";
  r.scan.started_at = "2024-06-01T12:34:56Z";
  r.scan.as_of = "2024-06-01";
  r.scan.duration_ms = 1234;
  r.scan.jobs = 2;
  r.files = {
      file("app/main.py", "python", 9, {fn("run", 4, 5, 1, 0), fn("complicated", 8, 12, 14, 18)}),
      file("app/util.py", "python", 3, {fn("fixed", 4, 5, 1, 0)}),
      file("docs/æøå notes.py", "python", 1, {}),
      file("web/app.js", "javascript", 120, {fn("render", 1, 60, 31, 40), fn("init", 61, 80, 6, 4)}),
  };
  r.files[0].maintainability_index = 61.25;
  r.files[1].maintainability_index = 88.5;
  r.files[3].maintainability_index = 8.75;
  r.files[3].duplicated_lines = 24;
  r.duplication.min_tokens = 50;
  r.duplication.min_lines = 6;
  r.duplication.files = 4;
  r.duplication.code_lines = 133;
  r.duplication.duplicated_lines = 24;
  r.duplication.duplicated_percent = 18.05;
  r.duplication.groups = {{60, 12, {{"web/app.js", 10, 21}, {"web/app.js", 70, 81}}}};
  r.skipped = {{"README.md", "unknown_language", ""},
               {"assets/logo.png", "binary", ""},
               {"data/huge.py", "too_large", "3.0 MiB"},
               {"vendor/lib.js", "vendored", "vendor/"}};
  r.notifications = {
      notification("warning", "app/broken.py",
                   msg("lang.syntax_errors_first", {int_arg("n", 1), int_arg("line", 3), text_arg("diagnostic", "expected ':'")})),
      notification("note", "", msg("source.shallow"))};
  r.rules = {
      rule("generic.secrets.hardcoded-password", "Hard-coded password", "error", "pattern",
           {"security", "CWE-798"}, "7.5"),
      rule("javascript.style.console-log", "console.log left in code", "note", "call", {"style"}),
      rule("python.maintainability.too-complex", "Function too complex", "warning", "metric",
           {"maintainability"}),
      rule("python.security.subprocess-shell", "Subprocess with shell=True", "error", "call",
           {"CWE-78", "OWASP-A03"}, "8.8"),
      rule("repo.health.license", "No licence file", "note", "repo", {"health"}),
  };
  // Danish rule texts, as the built-in rules carry them (rules/**.yml `da:`).
  const std::map<std::string, RuleText> danish = {
      {"generic.secrets.hardcoded-password", {"Hårdkodet adgangskode", "en adgangskode står i koden"}},
      {"javascript.style.console-log", {"console.log efterladt i koden", "console.log efterladt i koden"}},
      {"python.maintainability.too-complex", {"Funktionen er for kompleks", "funktionen er for kompleks"}},
      {"python.security.subprocess-shell", {"Subprocess med shell=True", "subprocess.call køres med shell=True"}},
      {"repo.health.license", {"Ingen licensfil", "repositoriet har ingen licensfil"}},
  };
  for (auto& rd : r.rules) {
    auto it = danish.find(rd.id);
    if (it != danish.end()) rd.translations["da"] = it->second;
  }
  Finding shell = finding("python.security.subprocess-shell", "error", "app/main.py", 5, 5, 37,
                          "subprocess.call is run with shell=True", "    subprocess.call(cmd, shell=True)");
  shell.function = "run";
  shell.baseline_state = "unchanged";
  Finding complex = finding("python.maintainability.too-complex", "warning", "app/main.py", 8, 1, 0,
                            "complicated has a cyclomatic complexity of 14 (threshold 10)", "");
  complex.end_line = 12;
  complex.function = "complicated";
  complex.baseline_state = "new";
  Finding secret = finding("generic.secrets.hardcoded-password", "error", "docs/æøå notes.py", 2, 1, 21,
                           "a password is written in the code", "password = \"hunter2\"  # æøå");
  secret.baseline_state = "new";
  Finding suppressed =
      finding("python.security.subprocess-shell", "error", "app/util.py", 5, 5, 39,
              "subprocess.call is run with shell=True", "    subprocess.call(\"ls\", shell=True)");
  suppressed.suppression = Suppression{"in_source", "the command is a constant"};
  suppressed.baseline_state = "unchanged";
  Finding licence =
      finding("repo.health.license", "note", "LICENSE", 0, 0, 0, "the repository has no licence file", "");
  licence.baseline_state = "new";
  Finding legacy =
      finding("python.legacy.print-statement", "note", "app/util.py", 1, 1, 18, "an old rule", "");
  legacy.baseline_state = "absent";
  r.findings = {licence, shell, complex, legacy, suppressed, secret};
  r.history = sample_history();
  r.health = sample_health();
  return r;
}

}  // namespace rh::test
