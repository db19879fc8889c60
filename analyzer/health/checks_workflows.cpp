// GitHub Actions workflow safety: one check per kind of issue workflow_safety.h finds.
#include <map>

#include "health/checks.h"
#include "health/workflow_safety.h"

namespace rh::health {
namespace {

struct Kind {
  const char* check;
  std::vector<std::string> issues;  ///< WorkflowIssue kinds it reports
  const char* failing;              ///< summary when issues were found ({n} = count)
  const char* passing;
  const char* remedy;
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"workflows.untrusted-checkout", {"untrusted_checkout"},
       "pull_request_target or workflow_run workflows check out the pull request's code",
       "No privileged workflow checks out untrusted pull request code.",
       "Never check out the pull request head in pull_request_target/workflow_run jobs that hold secrets or a write token; use pull_request instead."},
      {"workflows.script-injection", {"script_injection"},
       "event data (titles, bodies, branch names) is interpolated into scripts",
       "No run: script interpolates attacker-controlled event data (titles, bodies, branch names, commit messages).",
       "Pass event data through env: (e.g. TITLE: ${{ github.event.issue.title }}) and use \"$TITLE\" in the script."},
      {"workflows.secrets-echoed", {"secret_echoed"}, "scripts print secrets", "No script prints a secret.",
       "Do not echo secrets or trace (set -x) scripts that use them; GitHub's masking misses transformed values."},
      {"workflows.permissions", {"write_all_permissions", "no_permissions"},
       "workflows run with broad or default token permissions",
       "Every workflow limits the GITHUB_TOKEN's permissions.",
       "Add a top-level `permissions: contents: read` and grant more per job only where needed."},
      {"workflows.pinned-actions", {"unpinned_action"}, "actions are referenced by tag or branch, not by full commit SHA",
       "Every action is pinned to a full commit SHA.",
       "Pin each `uses:` to a 40-character commit SHA (with the version in a comment); let Dependabot update them."},
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
        unreadable.push_back({e->path, issue.line, issue.text});
      else
        by_kind[issue.kind].push_back({e->path, issue.line, issue.text});
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
    if (workflows.empty()) {
      conclude(c, "not_applicable", "No GitHub Actions workflows (.github/workflows/).");
    } else if (n > 0) {
      // Default token permissions are a weakness, not an exploit: warn unless write-all is asked for.
      const bool soft = std::string(k.check) == "workflows.permissions" && !write_all;
      conclude(c, soft ? "warn" : "fail", std::to_string(n) + " finding" + (n == 1 ? "" : "s") + ": " + k.failing + ".", k.remedy);
    } else if (!unreadable.empty()) {
      c.evidence = unreadable;
      conclude(c, "inconclusive", std::to_string(unreadable.size()) + " workflow file" + (unreadable.size() == 1 ? "" : "s") +
                                      " could not be read; the others are fine.",
               "Fix the YAML of the workflow files named in the evidence.");
    } else {
      for (const auto* e : workflows) c.evidence.push_back({e->path, 0, "checked"});
      conclude(c, "pass", std::string(k.passing) + " (" + std::to_string(workflows.size()) + " workflow" +
                              (workflows.size() == 1 ? "" : "s") + ")");
    }
    out.checks.push_back(std::move(c));
  }
}

}  // namespace rh::health
