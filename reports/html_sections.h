#pragma once
// The sections of the HTML report as Mustache data. Each builder reads the model (and the shared
// ReportData) and returns plain strings; the templates escape every one of them ({{ }}), and
// SVG is built by svg_charts with its own escaping. A section whose data is absent carries
// `not_analysed` with the reason, and the template says so.
#include <kainjow/mustache.hpp>

#include "core/model.h"
#include "reports/i18n.h"
#include "reports/report_data.h"

namespace rh::html {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;
using Object = kainjow::mustache::object;

/// What every builder gets.
struct Context {
  const ScanResult& result;
  const ReportData& data;
  const Translation& t;
};

Data overview(const Context& c);
Data figures(const Context& c);
Data hotspots(const Context& c);
Data complexity(const Context& c);
Data duplication(const Context& c);
Data maintainability(const Context& c);
Data ownership(const Context& c);
Data process(const Context& c);
Data checks(const Context& c);  ///< html_health.cpp
Data grades(const Context& c);  ///< html_health.cpp: the overview's grades
Data top_risks(const Context& c);  ///< html_risks.cpp: the ranked risks after the grades
/// The inputs that moved a dimension's grade, "name −points" (html_risks.cpp).
List grade_movers(const Context& c, const DimensionScore& d);
Data findings(const Context& c);
Data gaps(const Context& c);

// Helpers shared by the builders.
Data not_analysed(const Translation& t, const char* reason_key);
/// {label, value} pairs for a definition list.
Data facts_list(const std::vector<std::pair<std::string, std::string>>& rows);
/// Sets `key` to the text, or to false when it is empty: Mustache treats "" as true.
void set_text(Data& d, const std::string& key, const std::string& value);
/// "path:line" for locations.
std::string location(const std::string& path, int64_t line);
/// A check's title in the report's language (the model's English title when untranslated).
std::string check_title(const Translation& t, const HealthCheck& c);
/// An analyzer message as HTML in the report's language: its prose escaped, repository content
/// (paths, names, code) escaped inside translate="no" (browser translators leave it alone);
/// `fallback` (the English text of older facts.json) escaped when the model has no message.
std::string message_html(const Translation& t, const Message& m, const std::string& fallback);
/// The display name of a contributor id (the name when known, else the id).
std::string person_name(const ScanResult& result, const std::string& id);

}  // namespace rh::html
