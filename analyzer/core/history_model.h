#pragma once
// History part of the model (filled by analyzer/history). Plain structs; every figure is defined
// in docs/history.md, and facts.json uses the same names (history_json.cpp).
//
// Conventions used throughout:
// - an author is identified by `id`: the e-mail address after .mailmap (lower case), or the name
//   when a commit has no e-mail; Contributor gives the name and organisation for an id;
// - dates are ISO 8601 UTC strings ("2024-06-01T12:00:00Z"), empty when unknown;
// - windows ("last 12 months", "active") are measured back from `reference_date`, the scan's
//   reference date (`scan.as_of`: the day of the scan, or --as-of); a month is 30.436875 days;
// - shares are fractions in [0, 1] rounded to 4 decimals.
#include <cstdint>
#include <string>
#include <vector>

#include "core/message.h"

namespace rh {

/// One author's part in one file.
struct FileContribution {
  std::string author;         ///< contributor id
  int64_t commits = 0;        ///< commits by this author that changed the file (creation included)
  int64_t lines_added = 0;    ///< inside the line window
  int64_t lines_deleted = 0;  ///< inside the line window
  bool first_author = false;  ///< created the file (or re-created it after a deletion)
  double doa = 0;             ///< degree of authorship (Avelino et al. 2016), 4 decimals
  bool doa_author = false;    ///< counts as an author of the file for the truck factor
  bool operator==(const FileContribution&) const = default;
};

/// History of one file present at the analysed revision (renames followed).
struct FileHistory {
  std::string path;                       ///< at the analysed revision
  std::vector<std::string> former_paths;  ///< earlier names, most recent first
  int64_t commits = 0;        ///< non-merge commits that changed it (bots and ignored revisions included)
  int64_t authors = 0;        ///< distinct people who changed it
  int64_t lines_added = 0;    ///< inside the line window
  int64_t lines_deleted = 0;  ///< inside the line window
  std::string first_change;   ///< author date of the oldest change
  std::string last_change;    ///< author date of the newest change
  int64_t age_days = 0;       ///< reference date - first change, whole days (never negative)
  int64_t age_months = 0;     ///< age_days / 30.436875, rounded down
  std::string creator;        ///< id of the person whose commit created it, empty when unknown
  std::string main_author;    ///< person with the most commits on it
  double main_author_share = 0;         ///< their share of the file's people commits
  std::string main_author_by_lines;     ///< person with the most lines added inside the window
  double main_author_by_lines_share = 0;///< their share of the lines people added inside the window
  std::vector<std::string> doa_authors; ///< DOA authors, highest DOA first
  double fragmentation = 0;   ///< 1 - sum of squared commit shares of its people
  bool knowledge_lost = false;///< it has DOA authors and all of them are inactive
  std::vector<FileContribution> contributions;  ///< most commits first
  bool operator==(const FileHistory&) const = default;
};

/// A person (bots are listed apart, in RepoHistory::bots).
struct Contributor {
  std::string id;
  std::string name;
  std::string email;
  std::string organisation;          ///< Organisation::name
  std::vector<std::string> aliases;  ///< other e-mail addresses merged into this person
  int64_t commits = 0;               ///< non-merge commits (ignored revisions excluded)
  int64_t commits_last_12_months = 0;
  int64_t lines_added = 0;           ///< inside the line window
  int64_t lines_deleted = 0;         ///< inside the line window
  std::string first_commit;
  std::string last_commit;
  bool active = false;               ///< last commit within 12 months before the reference date
  int64_t files_authored = 0;        ///< files where this person is a DOA author
  bool operator==(const Contributor&) const = default;
};

struct BotAccount {
  std::string id;
  std::string name;
  std::string email;
  int64_t commits = 0;
  bool operator==(const BotAccount&) const = default;
};

/// Greedy truck factor (Avelino et al. 2016).
struct TruckFactor {
  int64_t value = 0;                 ///< authors removed until fewer than half the files keep one
  std::vector<std::string> authors;  ///< the removed authors, in removal order
  int64_t files = 0;                 ///< files considered (present, with people history)
  double coverage = 0;               ///< share of those files still having an author at the end
  bool operator==(const TruckFactor&) const = default;
};

/// Code whose DOA authors have all been inactive for more than 12 months.
struct KnowledgeLoss {
  int64_t files = 0;          ///< files with at least one DOA author
  int64_t files_lost = 0;
  double file_share = 0;
  int64_t lines = 0;          ///< total lines of those files (filled by compute_hotspots)
  int64_t lines_lost = 0;
  double line_share = 0;
  int64_t files_without_authors = 0;  ///< present files no DOA author was found for
  bool operator==(const KnowledgeLoss&) const = default;
};

struct Organisation {
  std::string name;  ///< e.g. "acme.com"; for an individual, the person's id
  std::string kind;  ///< organisation | individual
  int64_t authors = 0;
  int64_t active_authors = 0;
  int64_t commits = 0;
  int64_t commits_last_12_months = 0;
  int64_t files_owned = 0;  ///< files with at least one DOA author from it
  bool operator==(const Organisation&) const = default;
};

struct Hotspot {
  std::string path;
  int64_t commits = 0;     ///< change frequency (FileHistory::commits)
  int64_t complexity = 0;  ///< sum of cyclomatic complexity of its functions
  int64_t score = 0;       ///< commits x complexity
  bool operator==(const Hotspot&) const = default;
};

/// Temporal coupling (code-maat's definition).
struct CoupledFiles {
  std::string path_a;  ///< path_a < path_b
  std::string path_b;
  int64_t shared_commits = 0;
  int64_t commits_a = 0;  ///< commits of each counted for coupling (large commits excluded)
  int64_t commits_b = 0;
  double degree = 0;  ///< shared / mean(commits_a, commits_b)
  bool operator==(const CoupledFiles&) const = default;
};

struct ReleasePractice {
  int64_t tags = 0;              ///< tags on commits of the analysed history
  int64_t semver_tags = 0;       ///< of those, names that are semantic versions (optional "v")
  int64_t releases = 0;          ///< of those, names that carry a version number
  int64_t releases_last_12_months = 0;
  std::string last_tag;          ///< most recent tag
  int64_t commits_since_last_tag = -1;  ///< commits not reachable from it; -1 without tags
  std::string last_release;      ///< most recent release tag
  std::string last_release_date;
  int64_t days_since_last_release = -1;  ///< -1 without releases
  bool has_changelog = false;    ///< a changelog file is present at the revision
  int64_t release_intervals = 0; ///< consecutive release pairs examined (the last 24 at most)
  int64_t release_intervals_with_changelog = 0;  ///< of those, changelog changed in between
  bool operator==(const ReleasePractice&) const = default;
};

struct TraceabilityPractice {
  int64_t commits = 0;  ///< non-merge commits considered (bots included)
  int64_t issue_references = 0;
  double issue_reference_share = 0;
  int64_t conventional_commits = 0;
  double conventional_share = 0;
  int64_t signed_commits = 0;
  double signed_share = 0;
  int64_t mainline_commits = 0;      ///< first-parent chain of the revision
  int64_t pull_request_commits = 0;  ///< of those, merged pull/merge requests (merge or squash)
  double pull_request_share = 0;
  double median_commit_files = 0;    ///< files changed per non-merge commit
  double median_commit_lines = 0;    ///< lines added + deleted per non-merge commit in the window
  bool operator==(const TraceabilityPractice&) const = default;
};

struct RepoHistory {
  std::string revision;        ///< commit id analysed
  std::string reference_date;  ///< the reference instant (scan.as_of): windows end here
  bool first_parent = false;
  std::string since;           ///< --since as given, empty for all history
  int64_t max_commits = 0;     ///< 0 = no limit
  int64_t line_window_months = 12;  ///< 0 = lines counted over all history
  bool shallow = false;
  int64_t shallow_depth = 0;   ///< commits on the first-parent chain of a shallow clone
  int64_t commits = 0;         ///< commits analysed, merges included
  int64_t merges = 0;
  int64_t bot_commits = 0;
  int64_t ignored_commits = 0; ///< commits listed in .git-blame-ignore-revs
  std::vector<std::string> unreadable_commits;  ///< commits whose changes could not be read
  std::string first_commit_date;
  std::string last_commit_date;
  int64_t lines_added = 0;     ///< inside the line window, all files
  int64_t lines_deleted = 0;
  int64_t binary_changes = 0;  ///< changes of binary files inside the window (no lines)
  int64_t contributors = 0;
  int64_t active_contributors = 0;
  std::vector<Contributor> authors;  ///< most commits first
  std::vector<BotAccount> bots;
  TruckFactor truck_factor;
  TruckFactor active_truck_factor;  ///< over active authors only
  KnowledgeLoss knowledge_loss;
  std::vector<Organisation> organisations;  ///< most commits first
  int64_t elephant_factor = 0;
  std::vector<Hotspot> hotspots;     ///< highest score first (filled by compute_hotspots)
  std::vector<CoupledFiles> coupling;///< highest degree first
  ReleasePractice releases;
  TraceabilityPractice traceability;
  bool operator==(const RepoHistory&) const = default;
};

/// Organisations proper (kind "organisation"; individuals left out): the one count the summary,
/// the reports and the process.organisations check all show.
inline int64_t organisation_count(const RepoHistory& h) {
  int64_t n = 0;
  for (const Organisation& o : h.organisations) n += o.kind == "organisation" ? 1 : 0;
  return n;
}

struct HistoryFacts {
  RepoHistory repository;
  std::vector<FileHistory> files;  ///< files present at the revision, sorted by path
  /// What a reviewer should know (shallow clone, damage, limits) as catalogue messages; facts.json
  /// keeps their English renderings in `notes` and the messages in `note_messages`.
  std::vector<Message> notes;
  bool operator==(const HistoryFacts&) const = default;
};

}  // namespace rh
