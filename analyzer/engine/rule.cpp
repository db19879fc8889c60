#include "engine/rule.h"

#include "core/glob.h"

namespace rh {

bool rule_selected(const std::string& selector, const std::string& id) {
  if (selector == id || selector == "*") return true;
  if (selector.find_first_of("*?[") != std::string::npos) return glob_match(selector, id);
  return id.size() > selector.size() && id.starts_with(selector) && id[selector.size()] == '.';
}

std::string compose_description(const Rule& rule) {
  auto trim = [](std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  };
  const std::string fence = "```" + (rule.descriptor.languages.empty() ? std::string() : rule.descriptor.languages[0]);
  std::string out = trim(rule.why) + "\n\n### How to fix\n\n" + trim(rule.fix) + "\n\n### Example\n\nReported:\n\n" +
                    fence + "\n" + trim(rule.example_bad) + "\n```\n\nFixed:\n\n" + fence + "\n" +
                    trim(rule.example_good) + "\n```\n";
  if (!rule.references.empty()) {
    out += "\n### References\n\n";
    for (const auto& r : rule.references) out += "- " + r + "\n";
  }
  return out;
}

}  // namespace rh
