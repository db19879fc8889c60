#include "reports/writers.h"
namespace rh {
std::string render_html(const ScanResult&, const ReportOptions&) { return "<!DOCTYPE html>\n"; }
}  // namespace rh
