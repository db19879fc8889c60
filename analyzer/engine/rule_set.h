#pragma once
// The compiled rules of one scan, built once (queries compiled per language, all pattern rules
// in one Vectorscan database, call and metric rules indexed) and then shared read-only by every
// file analysis thread.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/health_model.h"
#include "core/error.h"
#include "engine/call_matcher.h"
#include "engine/hs_regex.h"
#include "engine/match_input.h"
#include "engine/metric_rules.h"
#include "engine/pattern_matcher.h"
#include "engine/query_matcher.h"
#include "engine/rule_config.h"
#include "engine/rule_loader.h"

namespace rh {

class RuleSet {
 public:
  /// Compiles the enabled rules of `catalog` under `config`. Errors (a bad rule, a config entry
  /// naming an unknown rule) name file and line, one per line of the message.
  static Result<std::unique_ptr<RuleSet>> build(const RuleCatalog& catalog, const Config& config,
                                                const SelectOptions& options = {});
  /// The embedded rules plus config.rule_folders plus `folders`, compiled.
  static Result<std::unique_ptr<RuleSet>> load(const Config& config, const std::vector<std::string>& folders,
                                               const SelectOptions& options = {});

  /// Every rule on one file; findings carry inline and config suppressions, sorted by line,
  /// column, rule. Thread-safe.
  void match_file(const FileInput& file, std::vector<Finding>& out) const;

  /// The matches before they become findings, with what each captured (`debug query`).
  void match_raw(const FileInput& file, std::vector<RawMatch>& out) const;
  /// Turns one raw match of `file` into a finding, as match_file does.
  Finding finding_of(const RawMatch& m, const FileInput& file) const;

  /// Rules on what is known only after every file: clones across files (`clone.lines`).
  /// Appends findings (config suppressions applied; no source text, so no snippet).
  void match_scan(const ScanResult& result, std::vector<Finding>& out) const;

  /// Repository rules (kind `repo`) on the health checks: a finding per located piece of evidence
  /// of a failing or warning check (the check's summary when none is located); a warning check
  /// reports as `note`. Config suppressions applied. repo_rules.cpp.
  void match_repo(const std::vector<HealthCheck>& checks, std::vector<Finding>& out) const;

  /// Only the pattern pass (one Vectorscan scan), for benchmarks: the number of matches.
  size_t scan_patterns(std::string_view path, std::string_view content) const;

  /// Descriptors of the rules that run, sorted by id, with effective severities.
  std::vector<RuleDescriptor> descriptors() const;
  const std::vector<Rule>& rules() const { return rules_; }
  /// Things a reviewer should know: rules not run for lack of a grammar in this build, shipped
  /// queries that did not compile on first use.
  std::vector<Message> notes() const;
  /// Rule files that loaded with a warning (deprecated `precision:`, a demoted error severity).
  const std::vector<Message>& warnings() const { return warnings_; }
  /// The per-file budget of the query pass (default: QueryBudget{}); set before matching.
  void set_query_budget(const QueryBudget& budget) { queries_.set_budget(budget); }

 private:
  RuleSet() = default;
  std::vector<bool> applicable(const FileInput& file) const;
  void match_raw(const FileInput& file, FileText& text, std::vector<RawMatch>& out) const;
  Finding to_finding(const RawMatch& m, const FileInput& file, FileText& text) const;

  std::vector<Rule> rules_;  ///< enabled rules, severity as configured
  std::vector<std::vector<PathSuppression>> suppressions_;  ///< by rule
  mutable HsScratchPool scratch_;
  QueryMatcher queries_;
  PatternMatcher patterns_;
  CallMatcher calls_;
  std::vector<MetricRule> metrics_;
  std::vector<Message> notes_;
  std::vector<Message> warnings_;
};

}  // namespace rh
