// Findings of `repo` rules: the health checks (analyzer/health) decide, the rule's YAML gives
// the metadata (title, severity, tags, description) and the message ({text}, {summary}, {remedy}).
#include <optional>

#include "core/classify.h"
#include "engine/finding_builder.h"
#include "engine/rule_set.h"
#include "engine/suppression.h"

namespace rh {

namespace {
/// The evidence items that name a file (and so can be a finding's location).
std::vector<const CheckEvidence*> located(const HealthCheck& c) {
  std::vector<const CheckEvidence*> out;
  for (const auto& e : c.evidence)
    if (!e.path.empty() && e.path.back() != '/') out.push_back(&e);
  return out;
}
}  // namespace

void RuleSet::match_repo(const std::vector<HealthCheck>& checks, std::vector<Finding>& out) const {
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& rule = rules_[i];
    if (rule.descriptor.kind != "repo") continue;
    for (const HealthCheck& c : checks) {
      if (c.id != rule.repo_check || (c.status != "fail" && c.status != "warn")) continue;
      if (c.id == "hygiene.secrets") continue;  // its evidence is findings of the secret rules already
      auto emit = [&](const std::string& path, int64_t line, const std::string& text, const Message& text_message) {
        Finding f;
        f.rule_id = rule.descriptor.id;
        // A failing check's finding takes the rule's severity, capped where the file lives like
        // any other finding (a committed key under tests/ is at most a warning, roles.yml).
        f.severity = c.status == "fail" ? capped_severity(role_by_path(path), rule.descriptor.tags, rule.descriptor.severity)
                                        : "note";
        f.path = path;
        f.start_line = f.end_line = line > 0 ? line : (path.empty() ? 0 : 1);
        auto lookup = [&](std::string_view key) -> std::optional<std::string> {
          if (key == "text") return text;
          if (key == "summary") return c.summary;
          if (key == "remedy") return c.remedy;
          return std::nullopt;
        };
        f.arguments = message_arguments(rule.descriptor.message, lookup);
        f.message = interpolate(rule.descriptor.message, f.arguments);
        f.text_message = text_message;
        f.fingerprint = finding_fingerprint(f.rule_id, path + "\n" + text, "");
        f.suppression = config_suppression(suppressions_[i], f.path);
        out.push_back(std::move(f));
      };
      auto items = located(c);
      // Evidence on a line is a finding of its own (an unpinned action, a secret echoed); a
      // missing document is one finding for the repository.
      const bool per_line = !items.empty() && items.front()->line > 0;
      if (per_line)
        for (const CheckEvidence* e : items) emit(e->path, e->line, e->text, e->message);
      else
        emit(items.empty() ? "" : items.front()->path, 0, c.summary, c.summary_message);
    }
  }
}

}  // namespace rh
