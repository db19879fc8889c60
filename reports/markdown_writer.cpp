#include "reports/writers.h"
namespace rh {
std::string render_markdown(const ScanResult&, const ReportOptions&) { return "\n"; }
}  // namespace rh
