// The terminal summary at a given width: no line wider than the terminal (counted in code
// points), breaks at spaces with a hanging indent, a path wider than the line broken, and
// nothing lost: wrapping only moves text between lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "report_fixture.h"
#include "reports/terminal_wrap.h"
#include "reports/writers.h"

namespace rh {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The text without any white space: what wrapping must leave unchanged.
std::string ink(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

/// Well-formed UTF-8 sequences only (lead byte, then as many continuation bytes as it says).
bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void expect_within(const std::string& text, size_t width) {
  for (const auto& line : lines_of(text)) EXPECT_LE(display_columns(line), width) << "[" << line << "]";
}

const std::string kLongPath = "src/kommunale_løsninger/borgerservice/æøå_integrationer/"
                              "sagsbehandling_og_journalisering_af_henvendelser_fra_borgere.py";

TEST(TerminalWrap, ShortLinesStayAsTheyAre) {
  EXPECT_EQ(wrap_line("  files analysed: 4", 40), "  files analysed: 4\n");
  EXPECT_EQ(wrap_text("a\n\nb\n", 40), "a\n\nb\n");
}

TEST(TerminalWrap, BreaksAtSpacesWithAHangingIndent) {
  const std::string line = "  findings: 1234 open (error 12, warning 345, note 877), 3 suppressed; 140 rules ran";
  EXPECT_EQ(wrap_line(line, 40),
            "  findings: 1234 open (error 12, warning\n"
            "    345, note 877), 3 suppressed; 140\n"
            "    rules ran\n");
  EXPECT_EQ(wrap_line(line, 80),
            "  findings: 1234 open (error 12, warning 345, note 877), 3 suppressed; 140 rules\n"
            "    ran\n");
}

TEST(TerminalWrap, CountsCodePointsNotBytes) {
  // 39 characters, 59 bytes: it fits in 40 columns.
  const std::string danish = "æøå æøå æøå æøå æøå æøå æøå æøå æøå æøå";
  ASSERT_EQ(display_columns(danish), 39u);
  EXPECT_EQ(wrap_line(danish, 40), danish + "\n");
  const std::string longer = danish + " ÆØÅ";
  EXPECT_EQ(wrap_line(longer, 40), danish + "\n  ÆØÅ\n");
}

TEST(TerminalWrap, BreaksAWordWiderThanTheLine) {
  for (size_t width : {40u, 80u}) {
    const std::string line = "  top hotspot: " + kLongPath + " (20 commits x complexity 7)";
    const std::string out = wrap_line(line, width);
    expect_within(out, width);
    EXPECT_EQ(ink(out), ink(line)) << out;
    EXPECT_GT(lines_of(out).size(), 2u) << out;
    for (const auto& l : lines_of(out)) {
      EXPECT_NE(l.find_first_not_of(' '), 0u) << "every line keeps an indent: [" << l << "]";
      EXPECT_TRUE(valid_utf8(l)) << "no character is cut in two: [" << l << "]";
    }
  }
  // The path is broken after a '/' where one falls in the second half of the line.
  const std::string out = wrap_line("  " + kLongPath, 40);
  EXPECT_EQ(lines_of(out)[0], "  src/kommunale_løsninger/borgerservice/");
}

ScanResult long_model() {
  ScanResult r = test::sample_model();
  r.scan.root = "/home/sagsbehandler/projekter/" + kLongPath;
  r.files[0].path = kLongPath;
  r.files[0].functions[1].name = "BorgerserviceIntegration.håndter_henvendelse_med_meget_langt_navn";
  r.history->repository.hotspots[0].path = kLongPath;
  r.history->repository.authors[0].name = "Ada Augusta King, grevinde af Lovelace og Ærø";
  for (auto& f : r.findings) f.rule_id = "python.security." + std::string(70, 'x');
  GateResult g;
  g.passed = false;
  g.source = "config";
  g.conditions = {{"no_new.security", "3", "0", "failed",
                   "python.security.subprocess-shell in " + kLongPath + ", generic.secrets.hardcoded-password"},
                  {"max_new_cyclomatic", "", "15", "not_evaluated", "needs --new-since: the scan had no base to compare with"}};
  r.gate = g;
  NewCode nc;
  nc.since = "origin/feature/en-meget-lang-gren-til-borgerservice-integrationen";
  r.new_code = nc;
  return r;
}

TEST(TerminalSummary, LinesStayWithinTheWidth) {
  const ScanResult r = long_model();
  const std::string wide = terminal_summary(r, 100000);
  for (size_t width : {40u, 80u}) {
    const std::string out = terminal_summary(r, width);
    expect_within(out, width);
    EXPECT_EQ(ink(out), ink(wide)) << "wrapping only moves text between lines, at width " << width;
    EXPECT_NE(out.find("\n    ✘ no_new.security: 3 (limit 0)"), std::string::npos) << out;
  }
  // At 40 columns the gate's failed condition continues on indented lines.
  const auto lines = lines_of(terminal_summary(r, 40));
  auto at = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("✘ no_new") != std::string::npos; });
  ASSERT_NE(at, lines.end());
  ASSERT_NE(at + 1, lines.end());
  EXPECT_EQ((at + 1)->rfind("      ", 0), 0u) << *(at + 1);
}

TEST(TerminalSummary, TheGateSummaryWraps) {
  const ScanResult r = long_model();
  for (size_t width : {40u, 80u}) {
    const std::string out = gate_summary(*r.gate, width);
    expect_within(out, width);
    EXPECT_EQ(ink(out), ink(gate_summary(*r.gate, 100000)));
    EXPECT_EQ(out.rfind("  quality gate (configured): FAILED\n", 0), 0u) << out;
  }
}

}  // namespace
}  // namespace rh
