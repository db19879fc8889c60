#pragma once
// Pieces of report.md (reports/markdown_writer.cpp): inert code spans for repository text,
// tables, the findings table with its caps, and the sections shared by both modes. Every piece
// is bounded in size by construction (clipped texts, counted rows), so the writer can promise a
// size without cutting the finished text.
#include <string>
#include <vector>

#include "core/model.h"
#include "reports/i18n.h"
#include "reports/report_data.h"

namespace rh::md {

/// Cuts UTF-8 text to at most `max` bytes on a character boundary, with an ellipsis.
std::string clip(std::string s, size_t max);

/// Repository text as an inline code span that is safe in a table cell: no Markdown, HTML,
/// links or @mentions are interpreted inside; pipes are escaped for the table; line breaks
/// become spaces. Clipped to `max` bytes of text first.
std::string code(std::string s, size_t max = 200);
/// An analyzer message in the report's language: its prose as text, repository content (paths,
/// names) as code spans; the English text of older facts.json, which quotes repository text,
/// wholly as a code span.
std::string message_md(const Translation& t, const Message& m, const std::string& fallback);

std::string table_row(const std::vector<std::string>& cells);
std::string table_head(const std::vector<std::string>& cells);

/// How long each cell of a finding row may be (bytes of repository text).
struct RowLimits {
  size_t rule = 120;
  size_t location = 160;
  size_t message = 200;
};

/// The head of a findings table: severity, rule, location, message.
std::string finding_head(const Translation& t);
/// One finding as a table row. Every findings table of report.md goes through here.
/// The finding's message in the report's language (reports/rule_text.h) from its rule in `rules`.
std::string finding_row(const Finding& f, const std::vector<RuleDescriptor>& rules, const Translation& t,
                        const RowLimits& limits);

/// A findings table of at most `max_rows` rows and at most `max_bytes` bytes (head included);
/// `shown` receives the number of rows written. An empty list gives "".
std::string findings_table(const std::vector<const Finding*>& list, const std::vector<RuleDescriptor>& rules,
                           const Translation& t, size_t max_rows,
                           size_t max_bytes, const RowLimits& limits, size_t& shown);

/// "Overall **A** (87.4) · Maintainability **B** (84.5) · …" (without the scores when
/// `with_scores` is false), or that grades were not computed; no label, no line break.
std::string grades(const ScanResult& r, const Translation& t, bool with_scores);
/// The failing health checks with what to do, and the requirements one line per framework.
std::string checks_part(const ScanResult& r, const Translation& t);
/// The duplicated share and the average maintainability index, when measured ("" otherwise).
std::string metrics_line(const ScanResult& r, const Translation& t);
/// "5 open (2 errors, …), 1 suppressed", or that no rules ran.
std::string findings_counts(const ScanResult& r, const ReportData& d, const Translation& t);

/// The ranked top risks (reports/top_risks.h): each with its grade and points, evidence, places,
/// people, the remedy and who should act; or why there are none.
std::string top_risks_part(const ScanResult& r, const Translation& t);

std::string hotspots_part(const ScanResult& r, const Translation& t, size_t rows);
std::string functions_part(const ScanResult& r, const ReportData& d, const Translation& t, size_t rows);
std::string gaps_part(const ScanResult& r, const ReportData& d, const Translation& t);

}  // namespace rh::md
