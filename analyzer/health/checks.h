#pragma once
// Inside the health module: the repository as the checks see it, and one function per family
// of checks (checks_<family>.cpp, each calling its checks' functions). Every check has one
// record, its `repo` rule rules/repo/<family>/<name>.yml: title, dimension, points, order,
// requirements, what it looks for, remedy; docs/health.md and docs/scoring.md are generated from
// the records (docs/development.md, "Adding a health check").
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "health/health.h"
#include "health/publiccode.h"

namespace rh::health {

/// The listing and scan facts the checks share, with a reader for the few files they open.
class Repo {
 public:
  explicit Repo(const HealthInput& input);
  const ScanResult& result() const { return in_.result; }
  /// Regular files and symlinks inside the repository, vendored folders left out, sorted by path.
  const std::vector<const SourceEntry*>& files() const { return files_; }
  /// True when the listing holds no file at all (an empty repository or folder).
  bool empty() const { return in_.entries.empty(); }
  /// Files whose path satisfies `match`, in path order.
  std::vector<const SourceEntry*> find(const std::function<bool(std::string_view path)>& match) const;
  /// The file at the top level (or in .github/, docs/) whose base name without extension is one of
  /// `stems` (case-insensitive), preferring the top level; nullptr when absent.
  const SourceEntry* document(const std::vector<std::string>& stems) const;
  /// The file's text, at most 1 MiB (or `max_bytes`), "" when it cannot be read (a symlink out of
  /// the repository is never read). Whole reads are kept: checks that look into the same file
  /// (pyproject.toml, CONTRIBUTING) read it once.
  const std::string& read(const SourceEntry& entry, int64_t max_bytes = kWholeRead) const;
  /// publiccode.yml (or .yaml) at the top level and its check, done once.
  struct Publiccode {
    const SourceEntry* entry = nullptr;  ///< nullptr when there is none
    PubliccodeFacts facts;
  };
  const Publiccode& publiccode() const;

  static constexpr int64_t kWholeRead = 1 << 20;

 private:
  const HealthInput& in_;
  std::vector<const SourceEntry*> files_;
  mutable std::map<std::string, std::string> texts_;  ///< whole reads by path
  mutable std::string partial_;                        ///< the last read of part of a file
  mutable std::optional<Publiccode> publiccode_;
};

/// A check with its identity (dimension, title) filled from its record (health.h, CheckSpec); the caller
/// sets status, summary, remedy, evidence. An id missing from the catalog is a programming error.
HealthCheck make_check(const std::string& id);
// Messages (core/message.h `msg`) come from the catalogue (the check's record,
// rules/health/messages/*.yml): the checks write no English themselves, so every text a reader
// sees has its Danish beside it.
/// Sets status and summary (and the remedy, unless the check passes or is not applicable): the
/// messages, and their English renderings as the texts.
void conclude(HealthCheck& check, std::string status, Message summary, Message remedy = {});
/// Evidence saying `what` about a file (and line): the message and its English rendering.
CheckEvidence evidence(std::string path, int64_t line, Message what);
/// Evidence quoting repository content or a name (a licence id, a CI system) as it is; the
/// message marks it as such, so a report does not take it for English prose.
inline CheckEvidence quote(std::string path, int64_t line, std::string content) {
  Message m{"common.quote", {text_arg("text", content)}};
  return {std::move(path), line, std::move(content), std::move(m)};
}

// Evidence is never capped: facts.json carries every item, and a report that shortens its display
// says how many it left out (html_health.cpp, "and N more").

/// The base name of a path ("docs/README.md" -> "README.md").
std::string_view base_name(std::string_view path);
/// The base name without its last extension, lower case ("README.md" -> "readme").
std::string stem_lower(std::string_view path);

void licence_checks(const Repo& repo, HealthFacts& out);        ///< checks_licence.cpp
void documentation_checks(const Repo& repo, HealthFacts& out);  ///< checks_documentation.cpp
void build_checks(const Repo& repo, HealthFacts& out);          ///< checks_build.cpp (build.*)
void workflow_checks(const Repo& repo, HealthFacts& out);       ///< checks_workflows.cpp
void hygiene_checks(const Repo& repo, HealthFacts& out);        ///< checks_hygiene.cpp
void process_checks(const Repo& repo, HealthFacts& out);        ///< checks_process.cpp

/// Maps the checks to the community's requirements and the Standard for Public Code
/// (rules/health/requirements.yml).
std::vector<Requirement> map_requirements(const std::vector<HealthCheck>& checks);

}  // namespace rh::health
