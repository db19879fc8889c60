#include "cli/new_code_step.h"

#include "engine/gate.h"
#include "history/changes.h"

namespace rh {

Result<NewCode> prepare_new_code(const ScanRequest& request) {
  if (request.worktree)
    return Error{"--new-since compares committed revisions; leave out --worktree (or commit first)"};
  if (!request.baseline.empty() || !request.config.baseline.empty())
    return Error{"--new-since and a baseline both say what is new; use one of them"};
  return changes_since(request.root, request.rev, request.new_since);
}

std::optional<ScanError> finish_new_code(const ScanRequest& request, const ScanRules& rules, NewCode new_code,
                                         ScanResult& result) {
  ScanRequest base;
  base.root = request.root;
  base.rev = new_code.merge_base;
  base.jobs = request.jobs;
  base.config = request.config;
  base.rule_folders = request.rule_folders;
  base.prepared_rules = &rules;
  base.history = false;
  base.compile_commands = request.compile_commands;
  base.clones = request.clones;
  base.as_of = request.as_of;
  base.only_paths.emplace();
  for (const auto& f : new_code.files)
    if (!f.old_path.empty()) base.only_paths->insert(f.old_path);
  std::vector<Finding> base_findings;
  if (!base.only_paths->empty()) {
    ScanOutcome old = run_scan(base);
    if (!old.ok) return ScanError{ScanError::Kind::analysis, "scan of the merge base: " + old.error.message};
    base_findings = std::move(old.result.findings);
  }
  classify_new_findings(new_code, result.findings, base_findings);
  result.notifications.push_back(notification(
      "note", "",
      msg("scan.new_code", {text_arg("since", new_code.since), text_arg("base", new_code.merge_base.substr(0, 12)),
                            int_arg("files", static_cast<int64_t>(new_code.files.size())),
                            int_arg("new", new_code.new_findings), int_arg("fixed", new_code.absent_findings)})));
  result.new_code = std::move(new_code);
  return std::nullopt;
}

}  // namespace rh
