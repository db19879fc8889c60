#include "reports/rule_text.h"

#include "reports/i18n.h"

#include <algorithm>

#include "core/message_template.h"

namespace rh {
namespace {

const RuleText* translation(const RuleDescriptor* rule, std::string_view lang) {
  if (!rule || lang == "en") return nullptr;
  auto it = rule->translations.find(std::string(lang));
  return it == rule->translations.end() ? nullptr : &it->second;
}

}  // namespace

const RuleDescriptor* find_rule(const std::vector<RuleDescriptor>& rules, std::string_view id) {
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleDescriptor& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::string rule_title(const RuleDescriptor* rule, const std::string& rule_id, std::string_view lang) {
  if (const RuleText* t = translation(rule, lang); t && !t->title.empty()) return t->title;
  return rule && !rule->title.empty() ? rule->title : rule_id;
}

std::string finding_message(const Finding& finding, const RuleDescriptor* rule, std::string_view lang) {
  const RuleText* t = translation(rule, lang);
  // A repository check's finding whose message is its evidence: the evidence in the language.
  if (t && t->message == "{text}" && !finding.text_message.empty()) {
    const Translation& tr = Translation::get(std::string(lang));
    return tr.message(finding.text_message, finding.message);
  }
  if (!t || t->message.empty()) return finding.message;
  for (const auto& key : placeholders(t->message))
    if (!finding.arguments.count(key)) return finding.message;
  return interpolate(t->message, finding.arguments);
}

std::string finding_message(const Finding& finding, const std::vector<RuleDescriptor>& rules, std::string_view lang) {
  return finding_message(finding, find_rule(rules, finding.rule_id), lang);
}

}  // namespace rh
