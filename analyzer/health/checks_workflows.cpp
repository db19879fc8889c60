// GitHub Actions workflow safety: one check per kind of issue workflow_safety.h finds.
#include <map>

#include "health/checks.h"
#include "health/workflow_safety.h"

namespace rh::health {
namespace {

/// A check and the WorkflowIssue kinds it reports. Its texts are <check>.failing, .passing and
/// .remedy in rules/health/messages/workflows.yml.
struct Kind {
  const char* check;
  std::vector<std::string> issues;
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"workflows.untrusted-checkout", {"untrusted_checkout"}},
      {"workflows.script-injection", {"script_injection"}},
      {"workflows.secrets-echoed", {"secret_echoed"}},
      {"workflows.permissions", {"write_all_permissions", "no_permissions"}},
      {"workflows.pinned-actions", {"unpinned_action"}},
  };
  return k;
}

}  // namespace

void workflow_checks(const Repo& repo, HealthFacts& out) {
  auto workflows = repo.find([](std::string_view p) { return is_github_workflow(p); });
  std::map<std::string, std::vector<CheckEvidence>> by_kind;
  std::vector<CheckEvidence> unreadable;
  for (const auto* e : workflows) {
    for (const auto& issue : check_workflow(repo.read(*e))) {
      if (issue.kind == "unreadable")
        unreadable.push_back({e->path, issue.line, issue.text, issue.message});
      else
        by_kind[issue.kind].push_back({e->path, issue.line, issue.text, issue.message});
    }
  }
  for (const Kind& k : kinds()) {
    HealthCheck c = make_check(k.check);
    size_t n = 0;
    bool write_all = false;
    for (const auto& kind : k.issues)
      for (const auto& ev : by_kind[kind]) {
        ++n;
        if (kind == "write_all_permissions") write_all = true;
        c.evidence.push_back(ev);
      }
    const std::string id = k.check;
    if (workflows.empty()) {
      conclude(c, "not_applicable", msg("workflows.none"));
    } else if (n > 0) {
      // Default token permissions are a weakness, not an exploit: warn unless write-all is asked for.
      const bool soft = id == "workflows.permissions" && !write_all;
      conclude(c, soft ? "warn" : "fail",
               msg("workflows.failing", {int_arg("n", static_cast<int64_t>(n)), key_arg("failing", id + ".failing")}),
               msg(id + ".remedy"));
    } else if (!unreadable.empty()) {
      c.evidence = unreadable;
      conclude(c, "inconclusive", msg("workflows.unreadable_files", {int_arg("n", static_cast<int64_t>(unreadable.size()))}),
               msg("workflows.remedy_unreadable"));
    } else {
      for (const auto* e : workflows) c.evidence.push_back(evidence(e->path, 0, msg("workflows.checked")));
      conclude(c, "pass", msg("workflows.passing", {int_arg("n", static_cast<int64_t>(workflows.size())),
                                                    key_arg("passing", id + ".passing")}));
    }
    out.checks.push_back(std::move(c));
  }
}

}  // namespace rh::health
