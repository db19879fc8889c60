#pragma once
// Files of reports/ compiled into the binary (templates, translations, styles, the small script):
// cmake/EmbedReports.cmake generates the table.
#include <span>
#include <string_view>

namespace rh {

struct ReportAsset {
  std::string_view path;  ///< relative to reports/, e.g. "templates/report.html.mustache"
  std::string_view bytes;
};

std::span<const ReportAsset> report_assets();

/// The bytes of one asset; empty when there is no such asset.
std::string_view report_asset(std::string_view path);

}  // namespace rh
