#pragma once
// .repohealth.yml: read strictly. Unknown keys and wrong types are errors naming the file, the
// line and a hint ("did you mean …"). Rule ids, pack names and metric names are checked against
// the rule catalog by the engine (engine/rule_config.h), which names the same file and line.
// Reference: docs/configuration.md.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/gate_config.h"
#include "core/scoring_config.h"

namespace rh {

/// `packs:` entry: a rule pack (an id prefix such as `python` or `python.security`) on or off.
struct PackSetting {
  std::string pack;
  bool enabled = true;
  std::string where;  ///< "file:line", for errors
};

/// `rules:` entry: one rule's on/off, severity, threshold, path excludes.
struct RuleSetting {
  std::string id;
  std::optional<bool> enabled;
  std::string severity;              ///< "" = the rule's own
  std::optional<double> threshold;   ///< metric rules only
  std::vector<std::string> exclude;  ///< path globs where its findings are suppressed
  std::string reason;                ///< justification recorded on suppressed findings
  std::string where;
};

/// `thresholds:` entry: a metric name (`function.cyclomatic`) and the value above which
/// every metric rule on that metric reports.
struct MetricThreshold {
  std::string metric;
  double value = 0;
  std::string where;
};

/// `ignore:` entry: findings of these rules (ids, packs or `*` globs) in these paths are
/// suppressed, kept in the model with the reason.
struct IgnoreEntry {
  std::vector<std::string> paths;  ///< globs; empty = everywhere
  std::vector<std::string> rules;  ///< ids, pack prefixes or globs; empty = every rule
  std::string reason;
  std::string where;
};

struct Config {
  std::string path;                      ///< where it was read from, empty for defaults
  std::vector<std::string> exclude;      ///< path globs left out of the scan (counted as skipped)
  std::vector<std::string> vendored;     ///< extra globs for vendored code
  int64_t max_file_size = 2 * 1024 * 1024;  ///< bytes; larger files are skipped as too_large

  bool preview = false;                  ///< enable rules in state `preview`
  std::vector<PackSetting> packs;
  std::vector<RuleSetting> rules;
  std::vector<MetricThreshold> thresholds;
  std::vector<IgnoreEntry> ignore;
  std::vector<std::string> rule_folders;  ///< user rule folders, relative to the config file
  std::string baseline;                   ///< baseline file, relative to the config file
  std::string language = "en";            ///< report language: en | da
  /// `docs_url:` base URL of the rule reference (SARIF helpUri); "" = kDefaultDocsUrl (rule_pages.h)
  std::string docs_url;
  /// e-mail domain -> organisation name; `name: [domain, domain]` in the file gives one entry per
  /// domain, so several domains can be one organisation.
  std::vector<std::pair<std::string, std::string>> organisations;
  GateConfig gate;                        ///< quality gate conditions (`gate:`)
  ScoringConfig scoring;                  ///< health score weights and grade boundaries (`scoring:`)
};

/// Reads a config file. A missing file is an error (the caller decides whether it is optional).
Result<Config> load_config(const std::string& path);

/// The config a command uses: `explicit_path` when given (it must exist), else
/// `root`/.repohealth.yml when present (root "" = none), else the defaults.
Result<Config> find_config(const std::string& explicit_path, const std::string& root);

/// Parses "2MiB", "500k", "1048576" into bytes; Error explains the accepted forms.
Result<int64_t> parse_size(const std::string& text);

/// Reads the `gate:` section (gate_config.cpp); returns "" or an error naming file and line.
}  // namespace rh
namespace YAML {
class Node;
}
namespace rh {
std::string read_gate_config(const std::string& file, const YAML::Node& node, GateConfig& gate);

/// Closest candidate by edit distance, or "" when none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rh
