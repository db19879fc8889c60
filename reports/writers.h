#pragma once
// Report writers: each renders the model (ScanResult) only. The table maps a --format name to
// its file name and writer.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/rule_pages.h"
#include "core/safe_output.h"

namespace rh {

/// Reads a repository file (repository-relative path) as it was analysed; nullopt when the
/// file cannot be read (for example `repohealth report` far from the repository).
using SourceReader = std::function<std::optional<std::string>(const std::string& path)>;

/// What some writers need besides the model.
struct ReportOptions {
  std::string lang = "en";  ///< HTML and Markdown language: en | da
  std::string category;     ///< SARIF automationDetails.id (GitHub's category); "" = none
  /// SARIF helpUri base: the http(s) URL of the folder holding the rule pages (docs/rules/);
  /// each rule's helpUri is this joined to its page (core/rule_pages.h).
  std::string docs_url = kDefaultDocsUrl;
  /// SARIF: file bytes for GitHub's primaryLocationLineHash and for UTF-16 columns. Without it
  /// (or when it returns nullopt) results carry only repohealth's own fingerprint.
  SourceReader read_source;
};

struct ReportWriter {
  std::string_view format;     ///< --format name: json, sarif, html, md, gitlab
  std::string_view file_name;  ///< written into the output folder
  std::string (*render)(const ScanResult& result, const ReportOptions& options);
};

const std::vector<ReportWriter>& report_writers();
const ReportWriter* find_writer(std::string_view format);

/// Checks a --format list; the error lists the formats available.
Result<std::vector<const ReportWriter*>> resolve_formats(const std::vector<std::string>& formats);

/// The report languages there are translations for ("da", "en").
std::vector<std::string> report_languages();
/// Checks the options: a known language (the error lists the languages available) and an
/// http(s) documentation URL.
Result<bool> check_report_options(const ReportOptions& options);

/// Renders the chosen formats into `out_dir` (created when missing), each file written whole
/// under a temporary name and renamed, never through a symbolic link (core/safe_output.h).
/// Returns the paths written.
Result<std::vector<std::string>> write_reports(const ScanResult& result,
                                               const std::vector<const ReportWriter*>& writers,
                                               const std::string& out_dir, const ReportOptions& options = {});
/// The same into a folder already opened (and checked) by open_output_folder.
Result<std::vector<std::string>> write_reports(const ScanResult& result,
                                               const std::vector<const ReportWriter*>& writers,
                                               const OutputFolder& folder, const ReportOptions& options);

/// The one-screen terminal summary, its lines at most `width` columns (code points), wrapped at
/// spaces with a hanging indent (reports/terminal_wrap.h). The caller gives the width (the CLI:
/// the terminal's, else $COLUMNS, else 80).
std::string terminal_summary(const ScanResult& result, size_t width);
/// The gate's conditions, one line each with ✔ / ✘ / – (not evaluated), and the verdict;
/// wrapped to `width` as terminal_summary.
std::string gate_summary(const GateResult& gate, size_t width);

// The writers (one file each).
std::string render_sarif(const ScanResult& result, const ReportOptions& options);
std::string render_html(const ScanResult& result, const ReportOptions& options);
std::string render_markdown(const ScanResult& result, const ReportOptions& options);
/// GitLab Code Quality (gl-code-quality-report.json): open findings only.
std::string render_gitlab(const ScanResult& result, const ReportOptions& options);

/// Reads files of the analysed repository again, through the same file source the scan used
/// (the git tree at ScanInfo::revision, the working tree, or the folder at ScanInfo::root).
/// The listing is made on first use. Returns an empty reader when the source cannot be opened.
SourceReader open_source_reader(const ScanInfo& scan);

}  // namespace rh
