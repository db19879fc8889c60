#include "reports/writers.h"

#include <algorithm>

#include "core/model_json.h"
#include "core/safe_output.h"
#include "reports/report_assets.h"

namespace rh {
namespace {

std::string render_facts(const ScanResult& result, const ReportOptions&) { return facts_json_text(result); }

}  // namespace

const std::vector<ReportWriter>& report_writers() {
  static const std::vector<ReportWriter> table = {
      {"sarif", "report.sarif", render_sarif},
      {"html", "report.html", render_html},
      {"md", "report.md", render_markdown},
      {"json", "facts.json", render_facts},
      {"gitlab", "gl-code-quality-report.json", render_gitlab},
  };
  return table;
}

const ReportWriter* find_writer(std::string_view format) {
  for (const auto& w : report_writers())
    if (w.format == format) return &w;
  return nullptr;
}

Result<std::vector<const ReportWriter*>> resolve_formats(const std::vector<std::string>& formats) {
  std::vector<const ReportWriter*> out;
  for (const auto& f : formats) {
    const ReportWriter* w = find_writer(f);
    if (!w) {
      std::string known;
      for (const auto& k : report_writers()) known += (known.empty() ? "" : ", ") + std::string(k.format);
      return Error{"unknown or unavailable report format '" + f + "' (available: " + known + ")"};
    }
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  }
  return out;
}

std::vector<std::string> report_languages() {
  std::vector<std::string> out;
  for (const auto& a : report_assets()) {
    std::string_view p = a.path;
    if (p.starts_with("i18n/") && p.ends_with(".yml")) out.emplace_back(p.substr(5, p.size() - 9));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<bool> check_report_options(const ReportOptions& options) {
  auto langs = report_languages();
  if (std::find(langs.begin(), langs.end(), options.lang) == langs.end()) {
    std::string known;
    for (const auto& l : langs) known += (known.empty() ? "" : ", ") + l;
    return Error{"unknown report language '" + options.lang + "' (available: " + known + ")"};
  }
  if (std::string why = check_docs_url(options.docs_url); !why.empty())
    return Error{"--docs-url: " + why + " (give the http(s) URL of the folder holding the rule pages, docs/rules/)"};
  return true;
}

Result<std::vector<std::string>> write_reports(const ScanResult& result,
                                               const std::vector<const ReportWriter*>& writers,
                                               const std::string& out_dir, const ReportOptions& options) {
  auto checked = check_report_options(options);
  if (!checked) return checked.error();
  auto folder = open_output_folder(out_dir);
  if (!folder) return folder.error();
  return write_reports(result, writers, *folder, options);
}

Result<std::vector<std::string>> write_reports(const ScanResult& result,
                                               const std::vector<const ReportWriter*>& writers,
                                               const OutputFolder& folder, const ReportOptions& options) {
  std::vector<std::string> written;
  for (const ReportWriter* w : writers) {
    auto path = write_file_atomically(folder, std::string(w->file_name), w->render(result, options));
    if (!path) return path.error();
    written.push_back(*path);
  }
  return written;
}

std::string_view report_asset(std::string_view path) {
  for (const auto& a : report_assets())
    if (a.path == path) return a.bytes;
  return {};
}

}  // namespace rh
