#include "engine/rule_config.h"

#include <algorithm>
#include <set>

#include "engine/metric_rules.h"

namespace rh {
namespace {

/// Every pack prefix of the catalog: "python", "python.security", …
std::vector<std::string> pack_prefixes(const RuleCatalog& catalog) {
  std::set<std::string> out;
  for (const auto& r : catalog.rules) {
    const std::string& id = r.descriptor.id;
    for (size_t dot = id.find('.'); dot != std::string::npos; dot = id.find('.', dot + 1)) out.insert(id.substr(0, dot));
  }
  return {out.begin(), out.end()};
}

std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
  std::string h = did_you_mean(word, candidates);
  return h.empty() ? "" : " (did you mean '" + h + "'?)";
}

bool selects_any(const RuleCatalog& catalog, const std::string& selector) {
  return std::any_of(catalog.rules.begin(), catalog.rules.end(),
                     [&](const Rule& r) { return rule_selected(selector, r.descriptor.id); });
}

size_t segments(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '.')) + 1; }

}  // namespace

Result<std::vector<RuleSelection>> select_rules(const RuleCatalog& catalog, const Config& config,
                                                const SelectOptions& options) {
  std::vector<std::string> errors;
  std::vector<std::string> ids;
  for (const auto& r : catalog.rules) ids.push_back(r.descriptor.id);
  const std::vector<std::string> packs = pack_prefixes(catalog);

  for (const auto& p : config.packs)
    if (!std::binary_search(packs.begin(), packs.end(), p.pack))
      errors.push_back(p.where + ": unknown rule pack '" + p.pack + "'" + hint(p.pack, packs));
  for (const auto& s : config.rules) {
    auto it = std::lower_bound(ids.begin(), ids.end(), s.id);
    if (it == ids.end() || *it != s.id) {
      errors.push_back(s.where + ": unknown rule id '" + s.id + "'" + hint(s.id, ids));
      continue;
    }
    const Rule& rule = catalog.rules[static_cast<size_t>(it - ids.begin())];
    if (s.threshold && rule.descriptor.kind != "metric")
      errors.push_back(s.where + ": 'threshold' applies to metric rules only; '" + s.id + "' is a " +
                       rule.descriptor.kind + " rule");
  }
  for (const auto& t : config.thresholds)
    if (std::find(metric_names().begin(), metric_names().end(), t.metric) == metric_names().end())
      errors.push_back(t.where + ": unknown metric '" + t.metric + "'" + hint(t.metric, metric_names()));
  for (const auto& e : config.ignore)
    for (const auto& r : e.rules)
      if (!selects_any(catalog, r)) errors.push_back(e.where + ": 'ignore' names unknown rule '" + r + "'" + hint(r, ids));
  for (const auto& id : options.only)
    if (!std::binary_search(ids.begin(), ids.end(), id)) errors.push_back("unknown rule id '" + id + "'" + hint(id, ids));
  if (!errors.empty()) {
    std::string msg;
    for (const auto& e : errors) msg += (msg.empty() ? "" : "\n") + e;
    return Error{msg};
  }

  std::vector<PackSetting> ordered = config.packs;  // general before specific
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const PackSetting& a, const PackSetting& b) { return segments(a.pack) < segments(b.pack); });
  std::vector<RuleSelection> out(catalog.rules.size());
  for (size_t i = 0; i < catalog.rules.size(); ++i) {
    const Rule& rule = catalog.rules[i];
    const RuleDescriptor& d = rule.descriptor;
    RuleSelection& s = out[i];
    s.enabled = options.all_states || d.state == "stable" || (d.state == "preview" && config.preview);
    s.severity = d.severity;
    for (const auto& p : ordered)
      if (rule_selected(p.pack, d.id)) s.enabled = p.enabled;
    for (const auto& t : config.thresholds)
      if (d.kind == "metric" && t.metric == rule.metric.metric) s.threshold = t.value;
    for (const auto& r : config.rules) {
      if (r.id != d.id) continue;
      if (r.enabled) s.enabled = *r.enabled;
      if (!r.severity.empty()) s.severity = r.severity;
      if (r.threshold) s.threshold = r.threshold;
      if (!r.exclude.empty()) s.suppressions.push_back({r.exclude, r.reason, r.where});
    }
    for (const auto& e : config.ignore) {
      bool applies = e.rules.empty();
      for (const auto& r : e.rules) applies = applies || rule_selected(r, d.id);
      if (applies) s.suppressions.push_back({e.paths, e.reason, e.where});
    }
    if (!options.only.empty())
      s.enabled = std::find(options.only.begin(), options.only.end(), d.id) != options.only.end();
  }
  return out;
}

}  // namespace rh
